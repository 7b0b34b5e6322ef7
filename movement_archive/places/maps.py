"""World boundaries for the map: decode TopoJSON, project it, write SVG path data.

Pure code on plain data (no Django), so it can be tested with a hand-written topology. The map is drawn on
the server, so readers download no script and no map library and nothing is fetched from other hosts.

- ``decode`` reads a TopoJSON topology (https://github.com/topojson/topojson-specification): arcs quantized
  and delta-encoded when the topology has a ``transform``; a negative arc index ``~i`` means arc ``i``
  reversed; Polygon and MultiPolygon geometries; features keyed by their ``id`` (world-atlas uses the
  zero-padded ISO 3166-1 numeric code, "528" for the Netherlands), which may be missing.
- ``project`` uses the Equal Earth projection (Šavrič, Patterson and Jenny, 2018): areas keep their true
  proportions, so no region looks more important on a choropleth than its size warrants.
- ``load`` does both for a file and caches the result in the process, keyed by path and modification time.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

Point = tuple[float, float]  # (longitude, latitude) in degrees, or (x, y) once projected
Ring = list[Point]
Polygon = list[Ring]  # an outer ring and its holes


@dataclass(frozen=True)
class Feature:
    """One geometry of the topology: its id (None when it has none), name, and polygons in degrees."""

    id: str | None
    name: str
    polygons: list[Polygon]


@dataclass(frozen=True)
class Shape:
    """A feature ready to draw: ``d`` is SVG path data in the map's coordinates."""

    id: str | None
    name: str
    d: str


@dataclass(frozen=True)
class WorldMap:
    width: float
    height: float
    shapes: tuple[Shape, ...]

    @property
    def view_box(self) -> str:
        return f"0 0 {_number(round(self.width * 10))} {_number(round(self.height * 10))}"


class TopologyError(ValueError):
    """The file is not a TopoJSON topology with the object asked for."""


# Decoding ---------------------------------------------------------------------------------------------------


def decode(topology: dict, object_name: str = "countries") -> list[Feature]:
    """The features of one object of a topology, in degrees. Geometries other than polygons are skipped."""
    try:
        collection = topology["objects"][object_name]
    except (KeyError, TypeError):
        raise TopologyError(f"the topology has no object {object_name!r}") from None
    arcs = decode_arcs(topology)
    is_collection = collection.get("type") == "GeometryCollection"
    geometries = collection.get("geometries", []) if is_collection else [collection]
    features = []
    for geometry in geometries:
        raw_id = geometry.get("id")
        name = str((geometry.get("properties") or {}).get("name", ""))
        polygons = _polygons(geometry, arcs)
        features.append(Feature(None if raw_id is None else str(raw_id), name, polygons))
    return features


def decode_arcs(topology: dict) -> list[list[Point]]:
    """Absolute positions of every arc: undo the delta encoding and the quantization when there is a transform."""
    transform = topology.get("transform")
    if not transform:
        return [[(float(x), float(y)) for x, y, *_ in arc] for arc in topology.get("arcs", [])]
    (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
    decoded = []
    for arc in topology.get("arcs", []):
        x = y = 0
        points = []
        for step_x, step_y, *_ in arc:
            x += step_x
            y += step_y
            points.append((x * kx + dx, y * ky + dy))
        decoded.append(points)
    return decoded


def _polygons(geometry: dict, arcs: list[list[Point]]) -> list[Polygon]:
    kind = geometry.get("type")
    if kind == "Polygon":
        return [[_ring(indices, arcs) for indices in geometry["arcs"]]]
    if kind == "MultiPolygon":
        return [[_ring(indices, arcs) for indices in polygon] for polygon in geometry["arcs"]]
    return []


def _ring(indices: Sequence[int], arcs: list[list[Point]]) -> Ring:
    """Join arcs into a ring; each arc starts where the previous one ends, so that point is kept once."""
    points: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        if points:
            points.pop()
        points.extend(arc)
    return points


# The antimeridian -------------------------------------------------------------------------------------------


def split_at_antimeridian(ring: Ring) -> list[Ring]:
    """A ring crossing longitude ±180 (Fiji, Chukotka) as rings on each side, closed along the map's edge.

    On a flat map an edge from 179° to -179° would cross the whole world. Each piece between two crossings
    is closed along the edge meridian; drawn with the even-odd rule, overlapping closures cancel out, so
    pieces of one ring that nest along the edge still fill correctly. A ring crossing an odd number of times
    goes round a pole (Antarctica) and is closed along it.
    """
    points = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
    n = len(points)
    crossings = [i for i in range(n) if abs(points[(i + 1) % n][0] - points[i][0]) > 180]
    if not crossings:
        return [ring]
    first = crossings[0]
    side, latitude = _crossing(points[first], points[(first + 1) % n])
    current: Ring = [(-side, latitude)]
    pieces: list[Ring] = []
    for step in range(1, n + 1):
        i = (first + step) % n
        a, b = points[i], points[(i + 1) % n]
        current.append(a)
        if abs(b[0] - a[0]) > 180:
            side, latitude = _crossing(a, b)
            current.append((side, latitude))
            pieces.append(current)
            current = [(-side, latitude)]
    return [_close(piece) for piece in pieces]


def _crossing(a: Point, b: Point) -> tuple[float, float]:
    """Which edge (+180 or -180) the segment a→b leaves by, and at what latitude."""
    side = 180.0 if a[0] > 0 else -180.0
    b_lon = b[0] + 360 if side > 0 else b[0] - 360  # b as seen continuing past the edge
    if b_lon == a[0]:
        return side, a[1]
    t = (side - a[0]) / (b_lon - a[0])
    return side, a[1] + t * (b[1] - a[1])


def _close(piece: Ring) -> Ring:
    (start_lon, start_lat), (end_lon, end_lat) = piece[0], piece[-1]
    closing: Ring
    if start_lon == end_lon:
        closing = _along_meridian(end_lon, end_lat, start_lat)
    else:
        pole = -90.0 if sum(lat for _, lat in piece) < 0 else 90.0
        closing = (
            _along_meridian(end_lon, end_lat, pole) + [(start_lon, pole)] + _along_meridian(start_lon, pole, start_lat)
        )
    return piece + closing[1:]  # the closing path ends where the piece starts


def _along_meridian(longitude: float, start: float, end: float) -> Ring:
    """Points from start to end latitude, one each whole degree: the edge of Equal Earth is a curve."""
    if end > start:
        inner = range(math.floor(start) + 1, math.ceil(end))
    else:
        inner = range(math.ceil(start) - 1, math.floor(end), -1)
    return [(longitude, start)] + [(longitude, float(lat)) for lat in inner] + [(longitude, end)]


# Projection -------------------------------------------------------------------------------------------------

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def equal_earth(longitude: float, latitude: float) -> Point:
    """Equal Earth on the unit sphere: x within ±2.7066, y within ±1.3173, north up."""
    theta = math.asin(_M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = math.radians(longitude) * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


def project(
    features: Iterable[Feature],
    width: float = 1000.0,
    margin: float = 2.0,
    projection: Callable[[float, float], Point] = equal_earth,
) -> WorldMap:
    """Project features into an SVG box ``width`` wide, as tall as the features need (y grows downwards).

    The box fits the features drawn, so leaving out Antarctica leaves out its strip of map.
    """
    projected: list[tuple[Feature, list[Ring]]] = []
    for feature in features:
        rings = [
            [projection(lon, lat) for lon, lat in piece]
            for polygon in feature.polygons
            for ring in polygon
            for piece in split_at_antimeridian(ring)
        ]
        projected.append((feature, rings))
    xs = [x for _, rings in projected for ring in rings for x, _ in ring]
    ys = [y for _, rings in projected for ring in rings for _, y in ring]
    if not xs:
        return WorldMap(width, 0.0, ())
    left, right, top, bottom = min(xs), max(xs), max(ys), min(ys)
    scale = (width - 2 * margin) / ((right - left) or 1)
    height = (top - bottom) * scale + 2 * margin
    shapes = []
    for feature, rings in projected:
        placed = [[((x - left) * scale + margin, (top - y) * scale + margin) for x, y in ring] for ring in rings]
        d = path_data(placed)
        if d:  # a feature with no polygon, or too small to see, has nothing to draw
            shapes.append(Shape(feature.id, feature.name, d))
    return WorldMap(width, height, tuple(shapes))


# SVG --------------------------------------------------------------------------------------------------------


def path_data(rings: Iterable[Sequence[Point]]) -> str:
    """SVG path data, to one decimal: each ring an absolute move, then relative lines, then close.

    Relative steps are short numbers, which keeps the page about a third smaller than absolute ones. They
    are taken between rounded positions, so rounding never drifts. Repeated points are dropped, and so are
    rings that round down to fewer than three points (too small to see).
    """
    parts = []
    for ring in rings:
        tenths: list[tuple[int, int]] = []
        for x, y in ring:
            point = (round(x * 10), round(y * 10))
            if not tenths or point != tenths[-1]:
                tenths.append(point)
        if len(tenths) > 1 and tenths[0] == tenths[-1]:
            tenths.pop()
        if len(tenths) < 3:
            continue
        (x0, y0), steps = tenths[0], []
        previous = tenths[0]
        for point in tenths[1:]:
            steps.append(f"{_number(point[0] - previous[0])},{_number(point[1] - previous[1])}")
            previous = point
        parts.append(f"M{_number(x0)},{_number(y0)}l{' '.join(steps)}z")
    return "".join(parts)


def _number(tenths: int) -> str:
    """Tenths as a short decimal: 125 → "12.5", 120 → "12", -5 → "-0.5"."""
    sign = "-" if tenths < 0 else ""
    whole, fraction = divmod(abs(tenths), 10)
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


# Shading ----------------------------------------------------------------------------------------------------

# Fixed classes rather than quantiles: the archive counts few organisations per country, so quantile breaks
# would collapse (most countries hold 0 or 1) and would move every time a record is published; fixed breaks
# read the same from one day to the next. Each class is (lowest count, highest count or None, fill colour).
# The colours are ColorBrewer "Blues"; the lightest cannot reach 3:1 against the white page, so every shape
# is also outlined in OUTLINE (10:1 on white), and the table carries the same figures.
SHADES: tuple[tuple[int, int | None, str], ...] = (
    (0, 0, "#e8e8e8"),
    (1, 1, "#c6dbef"),
    (2, 3, "#6baed6"),
    (4, 9, "#2171b5"),
    (10, None, "#08306b"),
)
OUTLINE = "#404040"


def shade(count: int) -> int:
    """The class (an index into SHADES) of a count of organisations."""
    for index, (low, high, _colour) in enumerate(SHADES):
        if count >= low and (high is None or count <= high):
            return index
    return 0


# Files ------------------------------------------------------------------------------------------------------


def load(path: str | os.PathLike, object_name: str = "countries", omit: frozenset[str] = frozenset()) -> WorldMap:
    """The projected map of a TopoJSON file, leaving out features whose id is in ``omit``.

    Raises OSError when the file cannot be read and TopologyError when it is not a topology. The result is
    cached per process, keyed by path and modification time, so a new file is picked up without a restart.
    """
    path = os.fspath(path)
    return _load(path, os.stat(path).st_mtime_ns, object_name, omit)


@lru_cache(maxsize=4)
def _load(path: str, mtime_ns: int, object_name: str, omit: frozenset[str]) -> WorldMap:
    try:
        with open(path, encoding="utf-8") as handle:
            topology = json.load(handle)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise TopologyError(f"{path} is not JSON: {error}") from error
    try:
        features = [feature for feature in decode(topology, object_name) if feature.id not in omit]
        return project(features)
    except (KeyError, IndexError, TypeError, ValueError) as error:
        if isinstance(error, TopologyError):
            raise
        raise TopologyError(f"{path} is not a TopoJSON topology: {error!r}") from error
