"""PNG, WebP and GIF: their own places for text and metadata are emptied too, and transparency survives."""

from __future__ import annotations

import io

from PIL import Image

from movement_archive.scrubbing import scrub
from movement_archive.scrubbing.tests.samples import AUTHOR, CAMERA_MODEL, photo_exif, png_with_text, saved, two_tone

LIMIT = 10 * 1024 * 1024


def test_a_png_loses_its_author_and_other_text_chunks():
    original = png_with_text(Author=AUTHOR, Comment="made at the drop-in centre")
    assert AUTHOR.encode() in original

    result = scrub(original, filename="flyer.png", max_bytes=LIMIT)

    assert AUTHOR.encode() not in result.data
    assert b"drop-in" not in result.data
    assert b"tEXt" not in result.data
    with Image.open(io.BytesIO(result.data)) as image:
        assert image.text == {}
    assert result.removed == ("PNG text chunks",)


def test_a_png_loses_exif_stored_in_its_own_chunk():
    result = scrub(saved(two_tone(), "PNG", exif=photo_exif().tobytes()), filename="a.png", max_bytes=LIMIT)

    assert CAMERA_MODEL.encode() not in result.data
    assert b"eXIf" not in result.data
    assert "GPS position" in result.removed


def test_a_transparent_png_stays_transparent():
    image = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    image.putpixel((5, 5), (255, 0, 0, 255))

    result = scrub(saved(image, "PNG"), filename="logo.png", max_bytes=LIMIT)

    with Image.open(io.BytesIO(result.data)) as stored:
        assert stored.convert("RGBA").getpixel((0, 0))[3] == 0
        assert stored.convert("RGBA").getpixel((5, 5)) == (255, 0, 0, 255)


def test_a_palette_png_keeps_its_palette_and_its_transparent_colour():
    image = Image.new("P", (10, 10), 0)
    image.putpalette([0, 0, 0, 200, 30, 30])
    image.putpixel((5, 5), 1)

    result = scrub(saved(image, "PNG", transparency=0), filename="logo.png", max_bytes=LIMIT)

    with Image.open(io.BytesIO(result.data)) as stored:
        assert stored.mode == "P"
        assert stored.convert("RGBA").getpixel((0, 0))[3] == 0
        assert stored.convert("RGBA").getpixel((5, 5)) == (200, 30, 30, 255)


def test_a_webp_loses_its_exif_and_xmp():
    xmp = f"<x:xmpmeta><dc:creator>{AUTHOR}</dc:creator></x:xmpmeta>".encode()
    original = saved(two_tone(), "WEBP", exif=photo_exif().tobytes(), xmp=xmp)
    assert CAMERA_MODEL.encode() in original

    result = scrub(original, filename="photo.webp", max_bytes=LIMIT)

    assert CAMERA_MODEL.encode() not in result.data
    assert AUTHOR.encode() not in result.data
    assert b"EXIF" not in result.data
    assert b"XMP " not in result.data
    assert {"EXIF", "GPS position", "XMP"} <= set(result.removed)


def test_a_gif_loses_its_comment():
    original = saved(two_tone().convert("P"), "GIF", comment=f"drawn by {AUTHOR}".encode())
    assert AUTHOR.encode() in original

    result = scrub(original, filename="drawing.gif", max_bytes=LIMIT)

    assert AUTHOR.encode() not in result.data
    assert result.removed == ("comment",)


def test_an_animated_gif_keeps_only_its_first_frame_and_says_so():
    frames = [Image.new("P", (8, 8), index) for index in range(3)]
    for frame in frames:
        frame.putpalette([255, 0, 0, 0, 255, 0, 0, 0, 255])
    original = saved(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)

    result = scrub(original, filename="dance.gif", max_bytes=LIMIT)

    with Image.open(io.BytesIO(result.data)) as stored:
        assert getattr(stored, "n_frames", 1) == 1
        assert stored.convert("RGB").getpixel((0, 0)) == (255, 0, 0)
    assert result.removed == ("animation frames after the first",)
