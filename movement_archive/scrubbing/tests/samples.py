"""Files to scrub, made on the spot: no binary fixture is kept in the repository.

The names planted in them (a camera model, an author, a GPS position) are what the tests look for afterwards in
the stored bytes.
"""

from __future__ import annotations

import io
import struct
import zlib

from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

CAMERA_MODEL = "SnitchCam X9000"
AUTHOR = "Jane Doe"
# Somewhere a contributor would not want to be placed: degrees, minutes, seconds.
LATITUDE = (52.0, 22.0, 12.5)
LONGITUDE = (4.0, 53.0, 30.0)
TEXT = "Harm reduction saves lives"
WEB_LINK = "https://example.org/harm-reduction"


def photo_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Snitch"
    exif[ExifTags.Base.Model] = CAMERA_MODEL
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.DateTime] = "2024:06:01 21:14:03"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: LATITUDE,
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: LONGITUDE,
    }
    return exif


def two_tone(size: tuple[int, int] = (60, 40), mode: str = "RGB") -> Image.Image:
    """Red on the left half, blue on the right, so that a rotation shows in the pixels."""
    image = Image.new(mode, size, "blue")
    image.paste("red", (0, 0, size[0] // 2, size[1]))
    return image


def saved(image: Image.Image, image_format: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=image_format, **options)
    return out.getvalue()


def camera_jpeg(orientation: int = 1, size: tuple[int, int] = (60, 40)) -> bytes:
    """A phone photo as it leaves the phone: EXIF with GPS and camera, XMP, and a comment."""
    return saved(
        two_tone(size),
        "JPEG",
        exif=photo_exif(orientation).tobytes(),
        xmp=f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{AUTHOR}</dc:creator></x:xmpmeta>'.encode(),
        comment=f"taken by {AUTHOR}".encode(),
    )


def png_with_text(**chunks: str) -> bytes:
    info = PngInfo()
    for key, value in chunks.items():
        info.add_text(key, value)
    return saved(two_tone(mode="RGBA"), "PNG", pnginfo=info)


def blank_png(width: int, height: int) -> bytes:
    """A valid one-bit PNG of any size: its rows of zeros compress about a thousand to one.

    Streamed row by row, so that making a 400-megapixel bomb does not need the memory the bomb would take.
    """
    row = b"\x00" * (1 + (width + 7) // 8)  # the filter byte, then the packed pixels
    compressor = zlib.compressobj(9)
    compressed = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", compressed) + chunk(b"IEND", b"")


def pdf_stream(dictionary: str, data: bytes) -> bytes:
    return f"<< {dictionary} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def pdf_file(*objects: str | bytes, trailer: str = "") -> bytes:
    """A PDF written by hand, so that it can hold what no well-behaved library would write.

    ``objects`` are numbered from 1 in order, and object 1 is the catalog.
    """
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + (body.encode("latin-1") if isinstance(body, str) else body)
        out += b"\nendobj\n"
    start = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer} >>\nstartxref\n{start}\n%%EOF\n".encode()
    return bytes(out)


def written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def leaflet(pages: int = 2) -> PdfWriter:
    """A leaflet as a word processor might export it: text on every page, and everything around it."""
    text_pages = [
        pdf_file(
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R"
            " /Resources << /Font << /F1 5 0 R >> >> >>",
            pdf_stream("", f"BT /F1 12 Tf 20 150 Td ({TEXT}, page {number}) Tj ET".encode()),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        )
        for number in range(1, pages + 1)
    ]
    writer = PdfWriter()
    for data in text_pages:
        writer.append(PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Author": AUTHOR, "/Creator": "Jane's Word Processor", "/Title": "Notes by Jane Doe"})
    writer.xmp_metadata = f'<x:xmpmeta xmlns:x="adobe:ns:meta/">{AUTHOR}</x:xmpmeta>'.encode()
    writer.add_open_action(JavaScript("app.alert('opened');"))
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.launchURL('x');")}
    )
    writer.add_attachment("contacts.txt", f"{AUTHOR}, +00 000 0000".encode())
    writer.generate_file_identifiers()
    return writer


def report(image_filter: str = "/DCTDecode", image_data: bytes | None = None) -> bytes:
    """A two-page report whose first page has everything a page can carry besides its content."""
    if image_data is None:
        image_data = camera_jpeg()
    return pdf_file(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Resources << /XObject << /Im1 5 0 R >> >>"
        " /Contents 6 0 R /Metadata 7 0 R /PieceInfo << /Illustrator << /Private (Jane Doe, original.ai) >> >>"
        " /LastModified (D:20240601211403) /Thumb 8 0 R /AA << /O << /S /JavaScript /JS (app.alert(1)) >> >>"
        " /Annots [9 0 R 10 0 R 11 0 R 12 0 R 13 0 R 14 0 R 15 0 R] >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] >>",
        pdf_stream(
            "/Type /XObject /Subtype /Image /Width 60 /Height 40 /ColorSpace /DeviceRGB /BitsPerComponent 8"
            f" /Filter {image_filter} /Metadata 7 0 R /OPI << /1.3 << /F (C:\\\\Users\\\\jane\\\\photo.tif) >> >>",
            image_data,
        ),
        pdf_stream("", b"q 60 0 0 40 10 10 cm /Im1 Do Q"),
        pdf_stream("/Type /Metadata /Subtype /XML", b"<x:xmpmeta>Jane Doe</x:xmpmeta>"),
        pdf_stream("/Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8", b"\x00"),
        "<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /T (Jane Doe) /Contents (ring jane on her number) >>",
        f"<< /Type /Annot /Subtype /Link /Rect [0 0 50 10] /NM (jane-link) /A << /S /URI /URI ({WEB_LINK})"
        " /Next 16 0 R >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 20 50 30] /Dest [4 0 R /Fit] >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 40 50 50] /A << /S /Launch /F (C:\\\\Users\\\\jane\\\\x.exe) >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 60 50 70] /A << /S /URI /URI (file:///home/jane/notes.txt) >> >>",
        "<< /Type /Annot /Subtype /Link /Rect [0 80 50 90] /A << /S /JavaScript /JS (app.alert(2)) >> >>",
        "<< /Type /Annot /Subtype /FileAttachment /Rect [0 100 10 110]"
        " /FS << /Type /Filespec /F (contacts.txt) /EF << /F 17 0 R >> >> >>",
        "<< /S /JavaScript /JS (app.alert(3)) >>",
        pdf_stream("/Type /EmbeddedFile", b"Jane Doe +00 000 0000"),
    )
