"""Drafts and hidden people never reach a reader through the timeline or an event page, as HTML or as JSON."""

from __future__ import annotations

import pytest
from django.urls import reverse

from movement_archive.sources.models import Claim
from movement_archive.testing import (
    make_disagreement,
    make_event,
    make_locality,
    make_organisation,
    make_person,
)

TIMELINE = reverse("events:timeline")


def _everything(client, path: str) -> str:
    """The page and its JSON twin, as one text to search."""
    return client.get(path).content.decode() + client.get(path, {"format": "json"}).content.decode()


@pytest.fixture
def founding(db):
    """A published founding, with a published and a draft organisation, a public and a hidden person."""
    return make_event(
        title="The union is founded",
        key="union-founded",
        organisations=[
            make_organisation(name="Published Union"),
            make_organisation(name="Draft Union", live=False),
        ],
        people=[
            make_person(name="Pat Public"),
            make_person(name="Hana Hidden", consent="research"),
            make_person(name="Drew Draft", live=False),
        ],
        localities=[make_locality(name="Rotterdam"), make_locality(name="Draftville", live=False)],
    )


def test_a_draft_event_is_not_on_the_timeline(client, founding):
    make_event(title="An unpublished meeting", key="unpublished-meeting", live=False)

    assert "unpublished" not in _everything(client, TIMELINE).lower()


def test_a_draft_event_has_no_page(client, founding):
    draft = make_event(title="An unpublished meeting", key="unpublished-meeting", live=False)

    assert client.get(reverse("events:detail", args=[draft.key])).status_code == 404
    assert client.get(reverse("events:detail", args=[draft.key]), {"format": "json"}).status_code == 404
    assert client.get(reverse("events:detail", args=["no-such-event"])).status_code == 404


def test_a_draft_organisation_is_left_out_of_the_timeline_and_its_filter(client, founding):
    text = _everything(client, TIMELINE)

    assert "Published Union" in text
    assert "Draft Union" not in text


def test_the_event_page_shows_only_published_organisations_public_people_and_published_places(client, founding):
    text = _everything(client, founding.get_absolute_url())

    assert "Published Union" in text and "Pat Public" in text and "Rotterdam" in text
    for hidden in ("Draft Union", "Hana Hidden", "Drew Draft", "Draftville"):
        assert hidden not in text


def test_a_signed_in_community_member_sees_no_more_than_a_visitor(client, founding, community_member):
    client.force_login(community_member)

    assert "Hana Hidden" not in _everything(client, founding.get_absolute_url())


def test_a_researcher_who_may_read_hidden_people_sees_them_named(client, founding, researcher):
    client.force_login(researcher)

    assert "Hana Hidden" in _everything(client, founding.get_absolute_url())
    assert "Drew Draft" not in _everything(client, founding.get_absolute_url())


def test_a_draft_disagreement_marks_nothing(client, founding):
    other = make_event(title="The union is founded a year later", key="union-founded-later", date="1982")
    make_disagreement(
        title="An unpublished doubt about the founding",
        live=False,
        claims=[Claim(statement="It was 1981.", event=founding), Claim(statement="It was 1982.", event=other)],
    )

    for path in (TIMELINE, founding.get_absolute_url()):
        text = _everything(client, path)
        assert "unpublished doubt" not in text
        assert "The sources disagree" not in text


def test_a_draft_event_on_the_other_side_of_a_disagreement_is_not_linked(client, founding):
    draft = make_event(title="An unpublished rival account", key="rival-account", date="1982", live=False)
    make_disagreement(
        title="When the union was founded",
        claims=[Claim(statement="It was 1981.", event=founding), Claim(statement="It was 1982.", event=draft)],
    )

    timeline = _everything(client, TIMELINE)
    page = _everything(client, founding.get_absolute_url())

    assert "rival" not in timeline and "rival" not in page
    assert "It was 1982." in page  # the claim itself is the disagreement's, and the disagreement is published
