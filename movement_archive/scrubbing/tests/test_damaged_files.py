"""Damaged files: whatever the damage, a file is either refused or stored without a trace of what was planted.

Damage is where parsers guess, and a guess can carry metadata into what looks like content. Each test mutates a
sample a few hundred times with a fixed seed, so a failure names a case that can be replayed.
"""

from __future__ import annotations

import logging
import random
import warnings

import pytest

from movement_archive.scrubbing import RejectedFile, scrub
from movement_archive.scrubbing.tests.samples import AUTHOR, CAMERA_MODEL, camera_jpeg, leaflet, report, written

PLANTED = (AUTHOR.lower().encode(), b"jane", CAMERA_MODEL.lower().encode(), b"contacts.txt", b"/js", b"/producer")


def damaged(data: bytes, rng: random.Random) -> bytes:
    """``data`` with a few bytes changed, cut out or slipped in, its first line left alone."""
    copy = bytearray(data)
    for _ in range(rng.choice([1, 2, 5])):
        position = rng.randrange(10, len(copy))
        roll = rng.random()
        if roll < 0.6:
            copy[position] = rng.randrange(256)
        elif roll < 0.8:
            del copy[position : position + rng.randrange(1, 50)]
        else:
            copy[position:position] = rng.randbytes(rng.randrange(1, 20))
    return bytes(copy)


@pytest.mark.parametrize(
    ("sample", "filename"),
    [(report, "report.pdf"), (lambda: written(leaflet()), "leaflet.pdf"), (camera_jpeg, "photo.jpg")],
    ids=["a report with everything on its pages", "a leaflet with everything around its pages", "a phone photo"],
)
def test_a_damaged_file_is_refused_or_stored_without_anything_planted_in_it(sample, filename, caplog):
    rng = random.Random(filename)
    original = sample()
    leaks = []
    # pypdf and Pillow complain about every damaged file; the complaints are not what is tested here.
    caplog.set_level(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for attempt in range(250):
            try:
                stored = scrub(damaged(original, rng), filename=filename, max_bytes=10 * 1024 * 1024).data.lower()
            except RejectedFile:
                continue
            leaks += [(attempt, planted) for planted in PLANTED if planted in stored]

    assert leaks == []
