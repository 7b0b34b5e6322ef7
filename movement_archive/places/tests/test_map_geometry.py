"""The map's geometry, on plain data: TopoJSON decoded by hand-checkable sums, projected, written as SVG paths.

The tiny topology in data/tiny-world.json is described in data/README.md.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from movement_archive.places import maps

TINY_WORLD = Path(__file__).parent / "data" / "tiny-world.json"


def tiny_world() -> dict:
    return json.loads(TINY_WORLD.read_text(encoding="utf-8"))


def identity(longitude: float, latitude: float) -> maps.Point:
    return longitude, latitude


# Decoding -----------------------------------------------------------------------------------------------------


def test_quantized_delta_encoded_arcs_become_degrees():
    arcs = maps.decode_arcs(tiny_world())

    assert arcs[0] == [(-8.0, 20.0), (-8.0, 21.0)]
    assert arcs[2] == [(-9.5, 20.25), (-9.5, 20.75), (-8.5, 20.75), (-8.5, 20.25), (-9.5, 20.25)]


def test_arcs_without_a_transform_are_already_positions():
    assert maps.decode_arcs({"arcs": [[[1, 2], [3, 4]]]}) == [[(1.0, 2.0), (3.0, 4.0)]]


def test_a_polygon_joins_its_arcs_into_a_closed_ring_and_keeps_its_hole():
    netherlands = maps.decode(tiny_world())[0]

    assert (netherlands.id, netherlands.name) == ("528", "Netherlands")
    assert netherlands.polygons == [
        [
            [(-8.0, 20.0), (-8.0, 21.0), (-10.0, 21.0), (-10.0, 20.0), (-8.0, 20.0)],
            [(-9.5, 20.25), (-9.5, 20.75), (-8.5, 20.75), (-8.5, 20.25), (-9.5, 20.25)],
        ]
    ]


def test_a_negative_arc_index_walks_the_shared_border_backwards():
    belgium = maps.decode(tiny_world())[1]

    square, triangle = belgium.polygons
    assert square == [[(-8.0, 21.0), (-8.0, 20.0), (-6.0, 20.0), (-6.0, 21.0), (-8.0, 21.0)]]
    assert triangle == [[(-5.0, 20.0), (-4.0, 20.0), (-4.0, 20.5), (-5.0, 20.0)]]


def test_a_feature_without_an_id_is_kept_and_a_null_geometry_has_no_shape():
    features = maps.decode(tiny_world())

    assert [(f.id, f.name, len(f.polygons)) for f in features] == [
        ("528", "Netherlands", 1),
        ("056", "Belgium", 2),
        (None, "Nowhere Land", 1),
        ("999", "Lost at sea", 0),
    ]


def test_a_topology_without_the_object_asked_for_is_refused():
    with pytest.raises(maps.TopologyError, match="rivers"):
        maps.decode(tiny_world(), "rivers")


# Projection and SVG -----------------------------------------------------------------------------------------


def test_each_feature_becomes_one_svg_path_with_its_holes_and_parts():
    # Identity projection: the box spans 6 by 2 degrees, so 60 units wide plus a margin of 2 makes 10 per degree.
    world = maps.project(maps.decode(tiny_world()), width=64, margin=2, projection=identity)

    assert world.view_box == "0 0 64 24"
    assert [(s.id, s.d) for s in world.shapes] == [
        ("528", "M22,22l0,-10 -20,0 0,10zM7,19.5l0,-5 10,0 0,5z"),
        ("056", "M22,12l0,10 20,0 0,-10zM52,22l10,0 0,-5z"),
        (None, "M2,7l10,0 0,-5 -10,0z"),
    ]  # the null geometry has nothing to draw


def test_path_data_rounds_to_one_decimal_without_drifting():
    # Steps are taken between rounded positions: 0.1 → 1.3 → 0.5 (in tenths 1, 13, 5), never accumulating error.
    assert maps.path_data([[(0.04, 0.06), (1.26, -0.74), (0.5, 1.0)]]) == "M0,0.1l1.3,-0.8 -0.8,1.7z"


def test_repeated_points_are_dropped_and_rings_too_small_to_see_vanish():
    assert maps.path_data([[(0, 0), (0, 0), (10, 0), (10, 10), (0, 0)]]) == "M0,0l10,0 0,10z"
    assert maps.path_data([[(0, 0), (0.01, 0.01), (0.02, 0), (0, 0)]]) == ""


def test_equal_earth_matches_the_published_extent():
    assert maps.equal_earth(0, 0) == (0.0, 0.0)
    x, y = maps.equal_earth(180, 0)
    assert x == pytest.approx(2.70663, abs=1e-4)
    assert y == 0
    x, y = maps.equal_earth(0, 90)
    assert x == 0
    assert y == pytest.approx(1.31736, abs=1e-4)
    assert maps.equal_earth(-30, -45) == pytest.approx(tuple(-v for v in maps.equal_earth(30, 45)))


# The antimeridian -------------------------------------------------------------------------------------------


def test_a_ring_across_the_date_line_is_cut_in_two_along_the_edge_of_the_map():
    ring = [(170.0, 10.0), (-170.0, 10.0), (-170.0, 20.0), (170.0, 20.0), (170.0, 10.0)]

    west, east = maps.split_at_antimeridian(ring)

    west_edge = [(-180.0, float(lat)) for lat in range(19, 9, -1)]
    east_edge = [(180.0, float(lat)) for lat in range(11, 21)]
    assert west == [(-180.0, 10.0), (-170.0, 10.0), (-170.0, 20.0), (-180.0, 20.0), *west_edge]
    assert east == [(180.0, 20.0), (170.0, 20.0), (170.0, 10.0), (180.0, 10.0), *east_edge]


def test_the_crossing_latitude_is_interpolated():
    ring = [(178.0, 60.0), (-178.0, 64.0), (-178.0, 70.0), (178.0, 70.0), (178.0, 60.0)]

    west, _east = maps.split_at_antimeridian(ring)

    assert west[0] == (-180.0, 62.0)


def test_a_ring_round_the_south_pole_is_closed_along_the_pole():
    ring = [(-180.0, -80.0), (0.0, -70.0), (180.0, -80.0), (-180.0, -80.0)]

    (antarctica,) = maps.split_at_antimeridian(ring)

    assert (180.0, -90.0) in antarctica
    assert (-180.0, -90.0) in antarctica
    assert antarctica[0] == antarctica[-1] == (-180.0, -80.0)


def test_a_ring_that_stays_on_one_side_is_left_alone():
    ring = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 0.0)]
    assert maps.split_at_antimeridian(ring) == [ring]


# Shading ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "shade"), [(0, 0), (1, 1), (2, 2), (3, 2), (4, 3), (9, 3), (10, 4), (250, 4)]
)  # fmt: skip
def test_counts_fall_into_five_fixed_classes(count, shade):
    assert maps.shade(count) == shade


# Files ------------------------------------------------------------------------------------------------------


def test_a_file_is_read_once_until_it_changes(tmp_path):
    path = tmp_path / "world.json"
    shutil.copy(TINY_WORLD, path)

    first = maps.load(path)
    assert maps.load(path) is first

    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert maps.load(path) is not first
    assert maps.load(path) == first


def test_a_missing_file_or_one_that_is_not_a_topology_raises_errors_the_page_can_catch(tmp_path):
    with pytest.raises(OSError):
        maps.load(tmp_path / "missing.json")

    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(maps.TopologyError):
        maps.load(tmp_path / "broken.json")

    (tmp_path / "array.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(maps.TopologyError):
        maps.load(tmp_path / "array.json")


def test_left_out_features_are_not_drawn():
    world = maps.load(TINY_WORLD, omit=frozenset({"056"}))

    assert [s.id for s in world.shapes] == ["528", None]
