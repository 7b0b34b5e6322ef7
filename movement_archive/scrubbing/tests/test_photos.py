"""Photos: what the phone wrote about where, when and with what is gone from the stored bytes, and the picture
still looks the way the contributor saw it."""

from __future__ import annotations

import io

import pytest
from PIL import ExifTags, Image, ImageCms

from movement_archive.scrubbing import RejectedFile, scrub
from movement_archive.scrubbing.tests.samples import AUTHOR, CAMERA_MODEL, camera_jpeg, photo_exif, saved, two_tone

LIMIT = 10 * 1024 * 1024


def stored(data: bytes, filename: str = "photo.jpg") -> bytes:
    return scrub(data, filename=filename, max_bytes=LIMIT).data


def test_the_sample_photo_really_carries_what_the_tests_look_for():
    original = camera_jpeg()

    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert CAMERA_MODEL.encode() in original
    assert AUTHOR.encode() in original


def test_a_stored_photo_has_no_exif_at_all_and_so_no_gps_position():
    with Image.open(io.BytesIO(stored(camera_jpeg()))) as image:
        assert "exif" not in image.info
        assert len(image.getexif()) == 0
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}


def test_a_stored_photo_no_longer_names_the_camera_or_the_photographer_anywhere_in_its_bytes():
    data = stored(camera_jpeg())

    assert CAMERA_MODEL.encode() not in data
    assert AUTHOR.encode() not in data
    assert b"Exif" not in data
    assert b"xmpmeta" not in data


def test_a_stored_photo_carries_no_comment_and_no_xmp():
    with Image.open(io.BytesIO(stored(camera_jpeg()))) as image:
        assert "comment" not in image.info
        assert "xmp" not in image.info


def test_the_report_names_everything_the_photo_carried():
    result = scrub(camera_jpeg(), filename="photo.jpg", max_bytes=LIMIT)

    assert result.removed == ("EXIF", "GPS position", "camera make and model", "date and time taken", "XMP", "comment")


def test_a_photo_without_metadata_reports_nothing_removed():
    assert scrub(saved(two_tone(), "JPEG"), filename="photo.jpg", max_bytes=LIMIT).removed == ()


def test_a_photo_the_phone_marked_as_turned_comes_out_upright_without_the_mark():
    # Orientation 6: the sensor's pixels must be turned a quarter clockwise to be seen the right way up.
    result = scrub(camera_jpeg(orientation=6, size=(60, 40)), filename="photo.jpg", max_bytes=LIMIT)

    assert (result.width, result.height) == (40, 60)
    with Image.open(io.BytesIO(result.data)) as image:
        assert image.size == (40, 60)
        # The red left half of the sensor's picture is at the top once turned clockwise.
        top, bottom = image.convert("RGB").getpixel((20, 5)), image.convert("RGB").getpixel((20, 55))
    assert top[0] > 200 and top[2] < 60
    assert bottom[2] > 200 and bottom[0] < 60


def test_a_photo_without_an_orientation_keeps_its_shape():
    result = scrub(camera_jpeg(orientation=1, size=(60, 40)), filename="photo.jpg", max_bytes=LIMIT)

    assert (result.width, result.height) == (60, 40)


def test_a_truncated_photo_is_rejected_with_a_clear_message():
    whole = saved(Image.effect_noise((400, 300), 64).convert("RGB"), "JPEG", exif=photo_exif().tobytes())

    with pytest.raises(RejectedFile) as rejected:
        scrub(whole[: len(whole) // 2], filename="photo.jpg", max_bytes=LIMIT)

    assert rejected.value.message.startswith("the image cannot be read: ")
    assert "truncated" in rejected.value.message


def test_a_file_that_only_starts_like_a_jpeg_is_rejected_as_unreadable():
    with pytest.raises(RejectedFile) as rejected:
        scrub(b"\xff\xd8\xff" + b"not really a photo" * 10, filename="photo.jpg", max_bytes=LIMIT)

    assert rejected.value.message == "the image cannot be read: it starts like a JPEG image but is not one"


def test_a_colour_profile_is_applied_to_the_pixels_and_left_out():
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()

    result = scrub(saved(two_tone(), "JPEG", icc_profile=profile), filename="photo.jpg", max_bytes=LIMIT)

    assert "ICC colour profile (colours converted to sRGB)" in result.removed
    with Image.open(io.BytesIO(result.data)) as image:
        assert "icc_profile" not in image.info


def test_a_cmyk_photo_from_print_software_is_stored_as_rgb():
    result = scrub(saved(two_tone(mode="CMYK"), "JPEG"), filename="scan.jpg", max_bytes=LIMIT)

    with Image.open(io.BytesIO(result.data)) as image:
        assert image.mode == "RGB"
