"""Images: decoded in full, turned upright, then encoded again from their pixels alone.

Re-encoding, rather than cutting out the metadata blocks we know of, is the point: whatever a camera, phone or
editor stored (EXIF with its GPS position and camera serial, XMP, IPTC, maker notes, comments, PNG text chunks,
an embedded thumbnail that still shows what was cropped out) is gone, including kinds nobody has listed yet.

Limitations, chosen on purpose:

- An animated GIF, WebP or PNG keeps its first frame only. Keeping every frame would multiply the memory one
  upload can take, and the archive holds documents and photographs, not animations.
- JPEG and WebP are encoded lossily at quality 90, a lossless WebP included; PNG and GIF stay lossless.
- An embedded colour profile is applied to the pixels, converting them to sRGB, and then left out: profiles
  name devices and carry creation dates, and browsers assume sRGB when an image has none.
"""

from __future__ import annotations

import io

from PIL import ExifTags, Image, ImageCms, ImageOps, UnidentifiedImageError

from .errors import RejectedFile
from .kinds import JPEG, WEBP, Kind
from .result import Scrubbed

# Room for a 36-megapixel photo or an A4 page scanned at 600 dpi (35 million pixels), and small enough that
# decoding one image cannot exhaust a web worker: 40 million RGBA pixels take 160 MB. It is below Pillow's own
# warning threshold (about 89 million), so every image Pillow would warn about is refused here first, without
# touching the process-wide warning filters; above twice that threshold Pillow refuses on its own, and that
# refusal is turned into ours.
MAX_PIXELS = 40_000_000
JPEG_QUALITY = 90
WEBP_QUALITY = 90

EXIF = "EXIF"
GPS = "GPS position"
CAMERA = "camera make and model"
TAKEN = "date and time taken"
XMP = "XMP"
IPTC = "IPTC (Photoshop) data"
COMMENT = "comment"
PNG_TEXT = "PNG text chunks"
COLOUR_PROFILE = "ICC colour profile (colours converted to sRGB)"
LATER_FRAMES = "animation frames after the first"

# The modes each writer takes as they are; an image in any other mode is converted first.
_WRITER_MODES = {
    "JPEG": frozenset({"L", "RGB"}),
    "PNG": frozenset({"1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA"}),
    "WEBP": frozenset({"RGB", "RGBA"}),
    "GIF": frozenset({"L", "P", "RGB", "RGBA"}),
}
# PNG keeps XMP and raw EXIF in text chunks too; those are reported under their own names.
_PNG_METADATA_KEYS = frozenset({"XML:com.adobe.xmp", "Raw profile type exif", "Raw profile type APP1"})


def scrub_image(data: bytes, kind: Kind) -> Scrubbed:
    """Decode ``data`` as the image ``kind`` says it is and return it re-encoded from pixels only."""
    try:
        # Naming the format stops Pillow from trying every plugin it has on bytes we have already identified.
        with Image.open(io.BytesIO(data), formats=[kind.pillow_format]) as image:
            _refuse_too_many_pixels(*image.size)
            # Asked before loading: finding out means seeking, and seeking back after a load decodes again.
            animated = bool(getattr(image, "is_animated", False))
            image.load()
            removed = _metadata_in(image)
            # A copy, so that closing the file releases the decoded original at the end of this block.
            upright = _upright(image)
    except RejectedFile:
        raise
    except Image.DecompressionBombError as exc:
        raise RejectedFile(
            f"the image has too many pixels to open safely; the most accepted is {MAX_PIXELS:,}"
        ) from exc
    except UnidentifiedImageError as exc:
        raise RejectedFile(f"the image cannot be read: it starts like {kind.description} but is not one") from exc
    except Exception as exc:
        # Pillow's decoders raise many unrelated exception types on damaged input (OSError for truncation,
        # SyntaxError, ValueError, struct.error…); all of them mean the same thing to a contributor.
        raise RejectedFile(f"the image cannot be read: {exc}") from exc

    if animated:
        removed.append(LATER_FRAMES)
    # Each step rebinds the same name, so that no more than two decoded copies are alive at once: 40 million
    # pixels can take 160 MB each.
    image, had_profile = _in_srgb(upright)
    del upright
    if had_profile:
        removed.append(COLOUR_PROFILE)
    image, transparency = _writable(image, kind)
    image = _pixels_only(image)
    return Scrubbed(
        data=_encode(image, kind, transparency),
        media_type=kind.media_type,
        extension=kind.extension,
        width=image.width,
        height=image.height,
        removed=tuple(removed),
    )


def _refuse_too_many_pixels(width: int, height: int) -> None:
    if width * height > MAX_PIXELS:
        raise RejectedFile(
            f"the image is {width:,} × {height:,} pixels; the most accepted is {MAX_PIXELS:,} pixels in all"
        )


def _upright(image: Image.Image) -> Image.Image:
    """A copy of the image turned the way its EXIF orientation says it is seen."""
    try:
        return ImageOps.exif_transpose(image)
    except Exception:
        # A photo is not refused over the very metadata it is about to lose; it may come out on its side.
        return image.copy()


def _metadata_in(image: Image.Image) -> list[str]:
    """Names of the metadata the decoded image carried, for the report; re-encoding drops all of it anyway."""
    found = _exif_in(image)
    if "xmp" in image.info:
        found.append(XMP)
    if "photoshop" in image.info:
        found.append(IPTC)
    if "comment" in image.info:
        found.append(COMMENT)
    if set(getattr(image, "text", {})) - _PNG_METADATA_KEYS:
        found.append(PNG_TEXT)
    return found


def _exif_in(image: Image.Image) -> list[str]:
    try:
        exif = image.getexif()
        found = [EXIF] if exif or "exif" in image.info else []
        if exif.get_ifd(ExifTags.IFD.GPSInfo):
            found.append(GPS)
        if ExifTags.Base.Make in exif or ExifTags.Base.Model in exif:
            found.append(CAMERA)
        if ExifTags.Base.DateTime in exif or ExifTags.Base.DateTimeOriginal in exif.get_ifd(ExifTags.IFD.Exif):
            found.append(TAKEN)
    except Exception:
        # EXIF too damaged to read is still EXIF, and is dropped like any other.
        return [EXIF]
    return found


def _in_srgb(image: Image.Image) -> tuple[Image.Image, bool]:
    """The image with its embedded colour profile applied to the pixels, and whether it had a profile."""
    profile = image.info.get("icc_profile")
    if not profile:
        return image, False
    if image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=output_mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            # A profile that cannot be applied is left out all the same: colours may shift a little, which is
            # a fair price for not storing bytes we could not even parse.
            return image, True
        if converted is not None:
            return converted, True
    # Grey and palette images keep their pixel values; their profiles rarely change much.
    return image, True


def _writable(image: Image.Image, kind: Kind) -> tuple[Image.Image, object | None]:
    """The image in a mode the writer takes, and the transparency setting to pass along, if any."""
    if image.mode in _WRITER_MODES[kind.pillow_format or ""]:
        return image, image.info.get("transparency")
    # Converting bakes a palette's or a colour key's transparency into an alpha channel, so none is passed on.
    wants_alpha = kind is not JPEG and image.has_transparency_data
    return image.convert("RGBA" if wants_alpha else "RGB"), None


def _pixels_only(image: Image.Image) -> Image.Image:
    """A new image with the same pixels and palette and nothing else.

    A new image has an empty ``info`` and no EXIF, so a writer finds nothing to copy over: some of Pillow's
    writers fall back on the source's ``info`` (JPEG comments, for one), and exif_transpose keeps the EXIF.
    """
    fresh = Image.new(image.mode, image.size)
    if image.palette is not None:
        fresh.putpalette(image.getpalette(rawmode=None) or [], rawmode=image.palette.mode)
    fresh.paste(image, (0, 0))
    return fresh


def _encode(image: Image.Image, kind: Kind, transparency: object | None) -> bytes:
    options: dict[str, object] = {}
    if kind is JPEG:
        options.update(quality=JPEG_QUALITY, optimize=True)
    elif kind is WEBP:
        options.update(quality=WEBP_QUALITY, method=4)
    if transparency is not None:
        options["transparency"] = transparency
    out = io.BytesIO()
    image.save(out, format=kind.pillow_format, **options)
    return out.getvalue()
