"""What PDF pages reach: page metadata, private data, thumbnails, comments, actions and the photos embedded in
them are cleaned; drawings, text, images and plain links stay."""

from __future__ import annotations

import io
import zlib

import pytest
from PIL import Image
from pypdf import PdfReader

from movement_archive.scrubbing import RejectedFile, scrub
from movement_archive.scrubbing.tests.samples import (
    CAMERA_MODEL,
    WEB_LINK,
    camera_jpeg,
    pdf_file,
    pdf_stream,
    report,
)

LIMIT = 10 * 1024 * 1024
PHOTO = camera_jpeg()


def stored_report(**options: object) -> bytes:
    return scrub(report(**options), filename="report.pdf", max_bytes=LIMIT).data


def test_the_sample_report_really_carries_what_the_tests_look_for():
    original = report()

    # Nine places in the document's own objects, and the photo's EXIF, XMP and comment besides.
    assert original.lower().count(b"jane") == 9 + PHOTO.lower().count(b"jane")
    assert CAMERA_MODEL.encode() in original


def test_nothing_in_the_stored_report_names_jane_or_the_camera():
    stored = stored_report()

    assert b"jane" not in stored.lower()
    assert CAMERA_MODEL.encode() not in stored


def test_page_metadata_private_data_thumbnails_and_page_actions_are_cut():
    stored = stored_report()

    for gone in (b"/Metadata", b"/PieceInfo", b"/LastModified", b"/OPI", b"/Thumb", b"/AA", b"/JS", b"/EF"):
        assert gone not in stored


def test_only_the_links_to_a_page_and_to_a_web_address_survive():
    page = PdfReader(io.BytesIO(stored_report())).pages[0]

    links = [annotation.get_object() for annotation in page["/Annots"]]
    assert [link["/Subtype"] for link in links] == ["/Link", "/Link"]
    assert links[0]["/A"]["/URI"] == WEB_LINK
    assert "/Next" not in links[0]["/A"]


def test_a_kept_link_to_a_page_points_at_that_page_in_the_stored_document():
    reader = PdfReader(io.BytesIO(stored_report()))

    destination = reader.pages[0]["/Annots"][1].get_object()["/Dest"]
    assert destination[0].get_object() == reader.pages[1]


def test_the_embedded_photo_loses_its_exif_but_keeps_every_pixel():
    page = PdfReader(io.BytesIO(stored_report())).pages[0]

    jpeg = page["/Resources"]["/XObject"]["/Im1"].get_object().get_data()
    assert b"Exif" not in jpeg
    assert b"xmpmeta" not in jpeg
    with Image.open(io.BytesIO(jpeg)) as cleaned, Image.open(io.BytesIO(PHOTO)) as original:
        assert cleaned.tobytes() == original.tobytes()


def test_a_photo_stored_both_compressed_and_as_jpeg_is_cleaned_too():
    stored = stored_report(image_filter="[/FlateDecode /DCTDecode]", image_data=zlib.compress(PHOTO))

    image = PdfReader(io.BytesIO(stored)).pages[0]["/Resources"]["/XObject"]["/Im1"].get_object()
    assert image["/Filter"] == "/DCTDecode"
    assert CAMERA_MODEL.encode() not in image.get_data()
    assert CAMERA_MODEL.encode() not in stored


def test_the_report_names_what_the_pages_carried():
    result = scrub(report(), filename="report.pdf", max_bytes=LIMIT)

    assert result.removed == (
        "XMP metadata",
        "EXIF and other metadata in the document's images",
        "PDF JavaScript",
        "automatic actions (on opening the file, on showing a page…)",
        "actions and links that open other files or programs or send data",
        "embedded files",
        "comments and other annotations (which can name their author)",
        "data private to the application that made the file",
        "page thumbnails",
    )


def test_a_link_to_a_named_place_is_pointed_at_its_page_because_the_names_are_left_behind():
    contents = pdf_file(
        "<< /Type /Catalog /Pages 2 0 R /Names << /Dests << /Names [(chapter.2) [4 0 R /Fit]] >> >>"
        " /OpenAction << /S /GoTo /D [3 0 R /Fit] >> >>",
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Annots [5 0 R 6 0 R] >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 0 50 10] /A << /S /GoTo /D (chapter.2) >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 20 50 30] /Dest (chapter.2) >>",
    )

    result = scrub(contents, filename="book.pdf", max_bytes=LIMIT)

    reader = PdfReader(io.BytesIO(result.data))
    first, second = (annotation.get_object() for annotation in reader.pages[0]["/Annots"])
    assert first["/A"]["/D"][0].get_object() == reader.pages[1]
    assert second["/Dest"][0].get_object() == reader.pages[1]
    # Opening at the first page is no automatic action worth a word.
    assert result.removed == ()


def test_an_image_behind_a_compression_no_reader_knows_is_refused_rather_than_stored_unexamined():
    with pytest.raises(RejectedFile) as rejected:
        scrub(report(image_filter="/NoSuchDecode"), filename="report.pdf", max_bytes=LIMIT)

    assert rejected.value.message == (
        "the PDF cannot be read: an image in the document uses a compression no PDF reader knows (/NoSuchDecode)"
    )


def test_associated_files_and_external_image_data_are_cut_from_images():
    contents = pdf_file(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /XObject << /Im1 4 0 R >> >> >>",
        pdf_stream(
            "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
            " /F (/home/jane/originals/face.tif) /AF [5 0 R] /PrivateAppData (owned by jane)",
            b"\x80",
        ),
        "<< /Type /Filespec /F (jane.txt) /EF << /F 6 0 R >> >>",
        pdf_stream("/Type /EmbeddedFile", b"notes"),
    )

    result = scrub(contents, filename="scan.pdf", max_bytes=LIMIT)

    assert b"jane" not in result.data.lower()
    image = PdfReader(io.BytesIO(result.data)).pages[0]["/Resources"]["/XObject"]["/Im1"].get_object()
    assert image.get_data() == b"\x80"
    assert "embedded files" in result.removed
