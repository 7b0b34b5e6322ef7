"""What the contribution tests share: a filled-in form as a browser sends it, and photos that give away where."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from movement_archive.contributions.forms import new_stamp

GPS_IFD = 0x8825
CAMERA_MODEL = 0x0110


def milestones_management(total: int = 5) -> dict[str, str]:
    prefix = "milestones"
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "5",
    }


def history(**fields: Any) -> dict[str, Any]:
    """A group's history as the form posts it: the required answers, plus ``fields``."""
    data = {
        "stamp": new_stamp(),
        "website": "",
        "group_name": "Synthetic Harbour Users Union",
        "other_names": "",
        "city": "",
        "founded_year": "1989",
        "founded_month": "",
        "narrative": "We met in a kitchen and opened a needle exchange the next spring.",
        "credit": "anonymous",
        "credit_name": "",
        "contact": "",
        "links": "",
        "consent_publish": "on",
        "consent_keep": "on",
        **milestones_management(),
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def photo_with_gps(name: str = "harbour.jpg") -> SimpleUploadedFile:
    """A JPEG whose EXIF says which camera took it and where: the kind of photo a phone makes."""
    image = Image.new("RGB", (64, 48), (200, 120, 40))
    exif = Image.Exif()
    exif[CAMERA_MODEL] = "Synthetic PhoneCam 9"
    exif[GPS_IFD] = {1: "N", 2: (51.0, 55.0, 12.0), 3: "E", 4: (4.0, 28.0, 45.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
