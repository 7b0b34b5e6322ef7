"""PDF documents: rebuilt from their pages, they keep their content and leave the author, the software, the
scripts and their history behind."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from movement_archive.scrubbing import RejectedFile, scrub
from movement_archive.scrubbing.pdf import DAMAGED, ENCRYPTED
from movement_archive.scrubbing.tests.samples import AUTHOR, TEXT, leaflet, pdf_file, pdf_stream, written

LIMIT = 10 * 1024 * 1024


def test_the_sample_leaflet_really_carries_what_the_tests_look_for():
    original = written(leaflet())

    for planted in (AUTHOR.encode(), b"/JavaScript", b"/OpenAction", b"/EmbeddedFiles", b"/Metadata", b"/ID"):
        assert planted in original


def test_a_stored_pdf_names_neither_its_author_nor_any_software():
    stored = scrub(written(leaflet()), filename="leaflet.pdf", max_bytes=LIMIT).data

    assert AUTHOR.encode() not in stored
    assert b"Jane" not in stored
    assert b"/Producer" not in stored
    assert b"/Creator" not in stored
    assert b"pypdf" not in stored.lower()
    assert PdfReader(io.BytesIO(stored)).metadata is None


def test_a_stored_pdf_has_no_scripts_automatic_actions_attachments_or_xmp():
    stored = scrub(written(leaflet()), filename="leaflet.pdf", max_bytes=LIMIT).data

    for gone in (b"/JavaScript", b"/JS", b"/OpenAction", b"/EmbeddedFiles", b"/Metadata", b"contacts.txt"):
        assert gone not in stored


def test_a_stored_pdf_has_no_file_identifier_that_could_match_it_to_the_original():
    stored = scrub(written(leaflet()), filename="leaflet.pdf", max_bytes=LIMIT).data

    assert "/ID" not in PdfReader(io.BytesIO(stored)).trailer


def test_a_stored_pdf_keeps_every_page_and_its_text():
    result = scrub(written(leaflet(pages=3)), filename="leaflet.pdf", max_bytes=LIMIT)

    reader = PdfReader(io.BytesIO(result.data))
    assert result.pages == len(reader.pages) == 3
    assert [f"{TEXT}, page {number}" in reader.pages[number - 1].extract_text() for number in (1, 2, 3)] == [True] * 3


def test_the_report_names_what_the_document_carried():
    result = scrub(written(leaflet()), filename="leaflet.pdf", max_bytes=LIMIT)

    assert result.removed == (
        "PDF document information (author, creator…)",
        "XMP metadata",
        "PDF JavaScript",
        "automatic actions (on opening the file, on showing a page…)",
        "embedded files",
    )


def test_a_name_deleted_in_a_later_save_does_not_survive_in_the_stored_file():
    first = written(leaflet(pages=1))
    update = PdfWriter(io.BytesIO(first), incremental=True)
    update.add_metadata({"/Author": "Anonymous"})
    saved_again = written(update)
    assert AUTHOR.encode() in saved_again

    result = scrub(saved_again, filename="leaflet.pdf", max_bytes=LIMIT)

    assert AUTHOR.encode() not in result.data
    assert b"Anonymous" not in result.data
    assert "earlier saved versions of the document" in result.removed


def test_a_password_protected_pdf_is_rejected_and_told_how_to_fix_it():
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")

    with pytest.raises(RejectedFile) as rejected:
        scrub(written(writer), filename="locked.pdf", max_bytes=LIMIT)

    assert rejected.value.message == ENCRYPTED
    assert rejected.value.message.startswith("the PDF is encrypted")


def test_a_pdf_that_anyone_may_open_but_not_copy_is_rejected_as_encrypted_too():
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="", owner_password="owner", permissions_flag=0)

    with pytest.raises(RejectedFile) as rejected:
        scrub(written(writer), filename="locked.pdf", max_bytes=LIMIT)

    assert rejected.value.message == ENCRYPTED


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\nthis is not a PDF at all",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    ],
    ids=["garbage after the header", "a catalog without pages"],
)
def test_a_malformed_pdf_is_rejected_with_the_problem_named(data):
    with pytest.raises(RejectedFile) as rejected:
        scrub(data, filename="broken.pdf", max_bytes=LIMIT)

    assert rejected.value.message.startswith("the PDF cannot be read: ")
    assert len(rejected.value.message) > len("the PDF cannot be read: ")


def test_a_pdf_without_pages_is_rejected():
    empty = pdf_file("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>")

    with pytest.raises(RejectedFile) as rejected:
        scrub(empty, filename="empty.pdf", max_bytes=LIMIT)

    assert rejected.value.message == "the PDF has no pages"


def test_a_pdf_with_junk_before_its_header_is_still_recognised_and_rebuilt_clean():
    data = b"\r\n  " + pdf_file(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    )

    result = scrub(data, filename="scan.pdf", max_bytes=LIMIT)

    assert result.data.startswith(b"%PDF-")
    assert result.pages == 1


def test_a_pdf_so_damaged_that_its_metadata_ends_up_inside_a_page_is_refused():
    # The page's stream has neither a length nor a proper end, so a reader takes everything up to the next
    # stream's end as page content: the XMP object included.
    damaged = pdf_file(
        "<< /Type /Catalog /Pages 2 0 R /Metadata 5 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
        b"<< >>\nstream\nBT ET\nendstrem",
        pdf_stream("/Type /Metadata /Subtype /XML", f"<x:xmpmeta>{AUTHOR}</x:xmpmeta>".encode()),
    )

    with pytest.raises(RejectedFile) as rejected:
        scrub(damaged, filename="damaged.pdf", max_bytes=LIMIT)

    assert rejected.value.message == DAMAGED
