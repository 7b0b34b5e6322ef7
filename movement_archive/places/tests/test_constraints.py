"""A locality's coordinates are somewhere on Earth."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from movement_archive.places.models import Locality
from movement_archive.testing import make_country, make_locality


@pytest.mark.parametrize(
    ("coordinates", "constraint", "message"),
    [
        ({"latitude": Decimal(95)}, "locality_latitude_in_range", "Latitude is between -90 and 90"),
        ({"latitude": Decimal("-90.5")}, "locality_latitude_in_range", "Latitude is between -90 and 90"),
        ({"longitude": Decimal(181)}, "locality_longitude_in_range", "Longitude is between -180 and 180"),
        ({"longitude": Decimal("-180.00001")}, "locality_longitude_in_range", "Longitude is between -180 and 180"),
    ],
)
def test_a_locality_off_the_globe_is_refused(db, coordinates, constraint, message):
    locality = Locality(key="nowhere", name="Nowhere", country=make_country("NL"), **coordinates)

    with pytest.raises(ValidationError, match=message):
        locality.full_clean()

    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        locality.save()

    assert not Locality.objects.exists()


def test_the_poles_the_date_line_and_no_coordinates_at_all_are_accepted(db):
    make_locality(name="North Pole", latitude=Decimal(90), longitude=Decimal(180))
    make_locality(name="South Pole", latitude=Decimal(-90), longitude=Decimal(-180))
    make_locality(name="Somewhere in Yukon")

    assert Locality.objects.count() == 3
