"""Images inside PDFs lose their metadata segments and boxes while their compressed data stays byte for byte."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from movement_archive.scrubbing import jpeg2000_boxes, jpeg_markers
from movement_archive.scrubbing.tests.samples import AUTHOR, CAMERA_MODEL, camera_jpeg, photo_exif, saved, two_tone


def pixels(jpeg: bytes) -> bytes:
    with Image.open(io.BytesIO(jpeg)) as image:
        return image.tobytes()


def test_exif_xmp_and_comments_are_cut_and_the_pixels_are_untouched():
    original = camera_jpeg()

    cleaned, cut = jpeg_markers.strip_metadata(original)

    assert cut
    assert CAMERA_MODEL.encode() not in cleaned
    assert AUTHOR.encode() not in cleaned
    assert pixels(cleaned) == pixels(original)


def test_a_jpeg_with_nothing_to_cut_says_so():
    cleaned, cut = jpeg_markers.strip_metadata(jpeg_markers.strip_metadata(camera_jpeg())[0])

    assert not cut
    assert cleaned.startswith(b"\xff\xd8") and cleaned.endswith(b"\xff\xd9")


def test_whatever_follows_the_end_of_the_image_is_cut():
    original = saved(two_tone(), "JPEG") + f"second picture, by {AUTHOR}".encode()

    cleaned, cut = jpeg_markers.strip_metadata(original)

    assert cut
    assert cleaned.endswith(b"\xff\xd9")
    assert AUTHOR.encode() not in cleaned


def test_the_adobe_segment_that_tells_how_to_read_cmyk_colours_is_kept():
    original = saved(two_tone(mode="CMYK"), "JPEG", exif=photo_exif().tobytes())
    assert b"Adobe" in original

    cleaned, _ = jpeg_markers.strip_metadata(original)

    assert b"Adobe" in cleaned
    assert pixels(cleaned) == pixels(original)


@pytest.mark.parametrize(
    "options",
    [{"progressive": True}, {"restart_marker_blocks": 1}],
    ids=["progressive, with tables between its scans", "with restart markers in its scan"],
)
def test_jpegs_with_several_scans_or_restart_markers_keep_every_pixel(options):
    noise = Image.effect_noise((64, 48), 50).convert("RGB")
    original = saved(noise, "JPEG", exif=photo_exif().tobytes(), **options)

    cleaned, cut = jpeg_markers.strip_metadata(original)

    assert cut
    assert pixels(cleaned) == pixels(original)


def test_data_that_is_not_jpeg_is_refused():
    with pytest.raises(ValueError, match="not"):
        jpeg_markers.strip_metadata(b"GIF89a")


def box(box_type: bytes, body: bytes) -> bytes:
    return (8 + len(body)).to_bytes(4, "big") + box_type + body


CODESTREAM = b"\xff\x4f\xff\x51" + bytes(40)


def test_jpeg_2000_xml_uuid_and_association_boxes_are_left_out():
    original = b"".join(
        [
            box(b"jP  ", b"\r\n\x87\n"),
            box(b"ftyp", b"jp2 \x00\x00\x00\x00jp2 "),
            box(b"jp2h", box(b"ihdr", bytes(14))),
            box(b"xml ", f"<x:xmpmeta>{AUTHOR}</x:xmpmeta>".encode()),
            box(b"uuid", bytes(16) + b"GeoJP2 position"),
            box(b"asoc", box(b"lbl ", b"gml.data")),
            box(b"jp2c", CODESTREAM),
        ]
    )

    cleaned, cut = jpeg2000_boxes.strip_metadata(original)

    assert cut
    assert cleaned == b"".join(
        [
            box(b"jP  ", b"\r\n\x87\n"),
            box(b"ftyp", b"jp2 \x00\x00\x00\x00jp2 "),
            box(b"jp2h", box(b"ihdr", bytes(14))),
            box(b"jp2c", CODESTREAM),
        ]
    )


def test_a_bare_jpeg_2000_codestream_has_no_boxes_to_cut():
    assert jpeg2000_boxes.strip_metadata(CODESTREAM) == (CODESTREAM, False)


def test_a_jpeg_2000_box_longer_than_the_file_is_refused():
    with pytest.raises(ValueError, match="damaged"):
        jpeg2000_boxes.strip_metadata(box(b"jP  ", b"\r\n\x87\n")[:-2])
