"""Decompression bombs: a small file that claims a huge picture is refused before it can fill the memory."""

from __future__ import annotations

import pytest
from PIL import Image

from movement_archive.scrubbing import RejectedFile, scrub
from movement_archive.scrubbing.images import MAX_PIXELS
from movement_archive.scrubbing.tests.samples import blank_png

LIMIT = 10 * 1024 * 1024


def test_the_bombs_below_are_small_files():
    assert len(blank_png(20_000, 20_000)) < 100_000


def test_an_image_just_within_the_pixel_limit_is_accepted():
    result = scrub(blank_png(8_000, 5_000), filename="scan.png", max_bytes=LIMIT)

    assert (result.width, result.height) == (8_000, 5_000)


# 48 million pixels is over our limit only; 100 million is where Pillow starts to warn, 400 million where it
# refuses on its own. Each must end as the same kind of refusal.
@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(("width", "height"), [(8_000, 6_000), (10_000, 10_000), (20_000, 20_000)])
def test_a_png_claiming_too_many_pixels_is_rejected(width, height):
    with pytest.raises(RejectedFile) as rejected:
        scrub(blank_png(width, height), filename="bomb.png", max_bytes=LIMIT)

    assert f"the most accepted is {MAX_PIXELS:,}" in rejected.value.message


def test_the_refusal_says_how_large_the_image_claimed_to_be():
    with pytest.raises(RejectedFile) as rejected:
        scrub(blank_png(8_000, 6_000), filename="bomb.png", max_bytes=LIMIT)

    assert rejected.value.message == "the image is 8,000 × 6,000 pixels; the most accepted is 40,000,000 pixels in all"


def test_pillows_own_refusal_becomes_ours():
    too_many = int(Image.MAX_IMAGE_PIXELS or MAX_PIXELS) * 2 + 1
    side = int(too_many**0.5) + 1

    with pytest.raises(RejectedFile, match="too many pixels to open safely"):
        scrub(blank_png(side, side), filename="bomb.png", max_bytes=LIMIT)


def test_a_gif_claiming_a_huge_screen_is_rejected_too():
    # A GIF header, a 65535 × 65535 logical screen, and nothing else.
    header = b"GIF89a" + (65535).to_bytes(2, "little") * 2 + b"\x00\x00\x00"

    with pytest.raises(RejectedFile):
        scrub(header + b"\x2c" + bytes(9) + b"\x02\x02\x44\x01\x00\x3b", filename="bomb.gif", max_bytes=LIMIT)
