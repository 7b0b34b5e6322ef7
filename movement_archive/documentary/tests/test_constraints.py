"""Episodes are numbered once per series; a credit names one party, or says in a note who went unnamed."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from movement_archive.documentary.models import Credit, Episode
from movement_archive.testing import make_episode, make_organisation, make_person, make_series

# Episodes ---------------------------------------------------------------------------------------------------


def test_two_episodes_of_one_series_cannot_share_a_number(db):
    series = make_series()
    make_episode(series=series, number=3, title="Amsterdam")

    with pytest.raises(ValidationError) as raised:
        Episode(series=series, number=3, title="Vancouver", key="vancouver").full_clean()
    assert raised.value.messages == ["This series already has an episode with that number."]

    with pytest.raises(IntegrityError, match=r"(?i)unique"), transaction.atomic():
        Episode.objects.create(series=series, number=3, title="Vancouver", key="vancouver")

    assert [e.title for e in series.episodes.all()] == ["Amsterdam"]


def test_episodes_of_different_series_may_share_a_number(db):
    make_episode(series=make_series(title="First series"), number=1)
    make_episode(series=make_series(title="Second series"), number=1)

    assert Episode.objects.filter(number=1).count() == 2


# Credits ----------------------------------------------------------------------------------------------------


def test_a_credit_cannot_name_both_a_person_and_an_organisation(db):
    credit = Credit(
        series=make_series(), role=Credit.Role.PRODUCER, person=make_person(), organisation=make_organisation()
    )

    with pytest.raises(ValidationError, match="names a person or an organisation, not both"):
        credit.full_clean()

    with pytest.raises(IntegrityError, match="credit_names_one_party"), transaction.atomic():
        credit.save()


def test_an_unnamed_credit_must_say_why_in_a_note(db):
    credit = Credit(series=make_series(), role=Credit.Role.LOCAL_CAMERA)

    with pytest.raises(ValidationError, match="names nobody needs a note"):
        credit.full_clean()

    with pytest.raises(IntegrityError, match="credit_unnamed_has_note"), transaction.atomic():
        credit.save()


def test_a_credit_names_a_person_an_organisation_or_says_who_in_a_note(db):
    series = make_series()
    for party in ({"person": make_person()}, {"organisation": make_organisation()}, {"note": "Local camera crews"}):
        Credit(series=series, role=Credit.Role.LOCAL_CAMERA, **party).full_clean()
        Credit.objects.create(series=series, role=Credit.Role.LOCAL_CAMERA, **party)

    assert [str(credit) for credit in series.credits.all()] == [
        "Local camera: Alex Organiser",
        "Local camera: Rotterdam Junkie Union",
        "Local camera: Local camera crews",
    ]
