"""Before any cleaning: an upload is refused for its size, its kind or a name that contradicts its content."""

from __future__ import annotations

import pytest

from movement_archive.scrubbing import RejectedFile, Scrubbed, scrub, upload
from movement_archive.scrubbing.tests.samples import camera_jpeg, pdf_file, saved, two_tone

MEGABYTES_10 = 10 * 1024 * 1024
TINY_PDF = pdf_file(
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
)


def test_an_oversized_file_is_rejected_before_any_parser_sees_it(monkeypatch):
    def must_not_run(*args, **kwargs):
        raise AssertionError("an oversized upload reached a parser")

    for name in ("detect", "scrub_image", "scrub_pdf"):
        monkeypatch.setattr(upload, name, must_not_run)

    with pytest.raises(RejectedFile) as rejected:
        scrub(bytes(30 * 1024 * 1024), filename="protest.jpg", max_bytes=MEGABYTES_10)

    assert rejected.value.message == "the file is 31,457,280 bytes; the most accepted is 10,485,760"


def test_a_file_of_exactly_the_largest_size_is_accepted():
    data = camera_jpeg()

    assert scrub(data, filename="photo.jpg", max_bytes=len(data)).media_type == "image/jpeg"


def test_an_empty_file_is_rejected():
    with pytest.raises(RejectedFile) as rejected:
        scrub(b"", filename="photo.jpg", max_bytes=MEGABYTES_10)

    assert rejected.value.message == "the file is empty"


def test_a_text_file_named_jpg_is_rejected_as_neither_image_nor_pdf():
    with pytest.raises(RejectedFile) as rejected:
        scrub(b"meeting at the usual place, 9pm\n", filename="photo.jpg", max_bytes=MEGABYTES_10)

    assert rejected.value.message == (
        "only images (JPEG, PNG, WebP, GIF) and PDF documents are accepted; this file is neither"
    )


def test_a_pdf_named_png_is_rejected_for_its_misleading_name():
    with pytest.raises(RejectedFile) as rejected:
        scrub(TINY_PDF, filename="flyer.png", max_bytes=MEGABYTES_10)

    assert rejected.value.message == "the file says it is a .png but holds a PDF document"


def test_a_jpeg_named_as_a_pdf_is_rejected_for_its_misleading_name():
    with pytest.raises(RejectedFile) as rejected:
        scrub(camera_jpeg(), filename="report.pdf", max_bytes=MEGABYTES_10)

    assert rejected.value.message == "the file says it is a .pdf but holds a JPEG image"


def test_a_file_without_an_extension_is_rejected_with_the_name_it_should_have():
    with pytest.raises(RejectedFile) as rejected:
        scrub(TINY_PDF, filename="report", max_bytes=MEGABYTES_10)

    assert rejected.value.message == "the file name has no extension; it holds a PDF document, so name it .pdf"


@pytest.mark.parametrize("filename", ["photo.JPG", "photo.jpeg", "Photo.Jpeg", r"C:\Users\someone\photo.jpg"])
def test_a_jpeg_may_use_any_usual_spelling_of_its_extension(filename):
    assert scrub(camera_jpeg(), filename=filename, max_bytes=MEGABYTES_10).extension == ".jpg"


def test_an_extension_in_a_folder_name_does_not_count():
    with pytest.raises(RejectedFile, match="no extension"):
        scrub(TINY_PDF, filename="/home/someone/scans.pdf/report", max_bytes=MEGABYTES_10)


def test_messages_never_repeat_the_file_name_which_can_itself_identify_someone():
    with pytest.raises(RejectedFile) as rejected:
        scrub(TINY_PDF, filename="jane-doe-at-the-clinic.png", max_bytes=MEGABYTES_10)

    assert "jane" not in str(rejected.value).lower()


@pytest.mark.parametrize(
    ("image_format", "filename", "media_type", "extension"),
    [
        ("JPEG", "a.jpg", "image/jpeg", ".jpg"),
        ("PNG", "a.png", "image/png", ".png"),
        ("WEBP", "a.webp", "image/webp", ".webp"),
        ("GIF", "a.gif", "image/gif", ".gif"),
    ],
)
def test_each_accepted_image_kind_is_told_by_its_content_and_keeps_its_kind(
    image_format, filename, media_type, extension
):
    result = scrub(saved(two_tone(), image_format), filename=filename, max_bytes=MEGABYTES_10)

    assert (result.media_type, result.extension, result.width, result.height, result.pages) == (
        media_type,
        extension,
        60,
        40,
        None,
    )


def test_a_pdf_is_told_by_its_content_and_reports_pages_not_pixels():
    result = scrub(TINY_PDF, filename="report.PDF", max_bytes=MEGABYTES_10)

    assert (result.media_type, result.extension, result.width, result.height, result.pages) == (
        "application/pdf",
        ".pdf",
        None,
        None,
        1,
    )


def test_a_result_is_frozen_and_keeps_its_bytes_out_of_its_repr():
    result = scrub(camera_jpeg(), filename="photo.jpg", max_bytes=MEGABYTES_10)

    assert "data=" not in repr(result)
    with pytest.raises(AttributeError):
        result.data = b""  # type: ignore[misc]
    assert isinstance(result, Scrubbed)
