"""Badly formed markup is refused where the editor typed it, with the problem and its line and column."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from movement_archive.contributions.models import Contribution
from movement_archive.contributions.tests.helpers import history
from movement_archive.documentary.models import Episode
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation
from movement_archive.people.models import Person
from movement_archive.sources.models import Disagreement, Source
from movement_archive.testing import cast
from movement_archive.testing.admin_forms import organisation_form

UNCLOSED = "Line 2, column 6: [redact] is never closed. Add [/redact] where the withheld words end."
BROKEN = "First line.\nWith [redact]a name and no end."

# Every record with a redactable text, built unsaved, and the field that text is in.
RECORDS = [
    (lambda text: Person(key="mirela", name="Mirela Ward", biography=text), "biography"),
    (
        lambda text: Event(key="meeting", title="A meeting", kind=Event.Kind.FOUNDING, date="1981", description=text),
        "description",
    ),
    (
        lambda text: Organisation(
            key="union",
            name="A union",
            kind=Organisation.Kind.USER_GROUP,
            scope=Organisation.Scope.LOCAL,
            description=text,
        ),
        "description",
    ),
    (lambda text: Source(key="notes", title="Notes", kind=Source.Kind.WEB_TEXT, description=text), "description"),
    (lambda text: Disagreement(key="when", title="When?", summary=text), "summary"),
]


@pytest.mark.parametrize(("build", "field"), RECORDS)
def test_a_record_with_an_unclosed_span_is_refused_with_the_problem_on_its_field(db, build, field):
    with pytest.raises(ValidationError) as raised:
        build(BROKEN).full_clean()

    assert raised.value.message_dict[field] == [UNCLOSED]


@pytest.mark.parametrize(("build", "field"), RECORDS)
def test_a_record_with_well_formed_spans_passes(db, build, field):
    build('With [redact]a name[/redact] and [redact reason="a home"]an address[/redact].').full_clean()


def test_an_episode_summary_is_checked_too(db):
    episode = Episode(series=cast.make_series(), number=1, key="one", title="One", summary="[/redact] stray")

    with pytest.raises(ValidationError) as raised:
        episode.full_clean()

    assert raised.value.message_dict["summary"] == [
        "Line 1, column 1: [/redact] closes nothing, as no [redact] comes before it. Remove it or add [redact]."
    ]


def test_every_problem_of_a_text_is_listed(db):
    person = Person(key="mirela", name="Mirela Ward", biography="[/redact] a [redact]b [redact]c")

    with pytest.raises(ValidationError) as raised:
        person.full_clean()

    assert [message.split(":")[0] for message in raised.value.message_dict["biography"]] == [
        "Line 1, column 1",
        "Line 1, column 13",
        "Line 1, column 23",
    ]


def test_the_back_office_shows_the_problem_on_the_field_and_saves_nothing(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse(Organisation.snippet_viewset.get_url_name("add")),
        organisation_form(description=BROKEN, **{"action-publish": "action-publish"}),
    )

    assert response.status_code == 200
    assert UNCLOSED in response.content.decode()
    assert not Organisation.objects.exists()


def test_the_back_office_tells_editors_how_to_withhold_words_beside_the_field(client, editor):
    client.force_login(editor)

    response = client.get(reverse(Organisation.snippet_viewset.get_url_name("add")))

    assert "To withhold words from readers, put them between [redact] and [/redact]" in response.content.decode()


def test_a_history_sent_in_with_badly_formed_markup_is_refused_on_the_form_not_when_an_editor_accepts_it(db, client):
    response = client.post(
        reverse("contributions:contribute"), history(narrative="We met at [redacted] and opened an exchange.")
    )

    assert response.status_code == 400
    assert "Line 1, column 11: [redacted] is not understood." in response.content.decode()
    assert not Contribution.objects.exists()
