"""Small helpers shared by the places tests."""

from __future__ import annotations


def located(record, *countries):
    """Link a record to countries. The live row is what readers see, so no new revision is needed."""
    record.countries.set(countries)
    record.save()  # a parental many-to-many is written on save
    return record
