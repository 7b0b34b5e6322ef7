"""An organisation practises a model once from a given start; it may take the model up again later."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from movement_archive.organising.models import Practice
from movement_archive.testing import make_organisation, make_organising_model


def test_the_same_practice_cannot_start_twice_at_once(db):
    organisation, model = make_organisation(), make_organising_model()
    Practice.objects.create(organisation=organisation, model=model, start="1981")

    with pytest.raises(ValidationError) as raised:
        Practice(organisation=organisation, model=model, start="1981").full_clean()
    assert "already exists" in str(raised.value)

    with pytest.raises(IntegrityError, match=r"(?i)unique"), transaction.atomic():
        Practice.objects.create(organisation=organisation, model=model, start="1981")


def test_an_organisation_may_take_a_model_up_again(db):
    organisation, model = make_organisation(), make_organising_model()
    Practice.objects.create(organisation=organisation, model=model, start="1981", end="1985")
    Practice.objects.create(organisation=organisation, model=model, start="1995")

    assert [p.start for p in organisation.practices.order_by("start_sort")] == ["1981", "1995"]
