"""Edith the editor records an organisation in the back office, from first draft to a reverted revision.

Every step goes through the real Wagtail admin views with the form data a browser would send. Rosa the
researcher may look but not change; an anonymous visitor is sent to sign in.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, streamfield

from movement_archive.documentary.models import Episode, Series
from movement_archive.events.models import Event
from movement_archive.home.wagtail_hooks import ArchiveViewSetGroup
from movement_archive.interviews.models import Interview
from movement_archive.organisations.models import Organisation
from movement_archive.organising.models import OrganisingModel
from movement_archive.people.models import Person
from movement_archive.places.models import Country, Locality
from movement_archive.sources.models import Disagreement, Source
from movement_archive.testing import (
    admin_forms,
    anonymous,
    make_country,
    make_disagreement,
    make_episode,
    make_event,
    make_interview,
    make_locality,
    make_organisation,
    make_organising_model,
    make_person,
    make_series,
    make_source,
)

FIRST = "A union of drug users in the Downtown Eastside."
SECOND = "Drug users in Vancouver founded it in 1998."
PUBLISH = {"action-publish": "action-publish"}


def url(name: str, *args, model=Organisation) -> str:
    return reverse(model.snippet_viewset.get_url_name(name), args=[quote(arg) for arg in args])


def organisation_form(**fields) -> dict[str, str]:
    """The form as the story's editor first fills it in."""
    defaults = {"status": Organisation.Status.ACTIVE, "founded": "1998", "description": FIRST}
    return admin_forms.organisation_form(**{**defaults, **fields})


def submit(client, address: str, data: dict[str, str]):
    """Post a form that must be accepted: Wagtail redirects on success and re-renders the form on errors."""
    response = client.post(address, data)
    if response.status_code == 200 and response.context and "form" in response.context:
        form = response.context["form"]
        pytest.fail(f"form refused: {form.errors.as_data()} {[fs.errors for fs in form.formsets.values()]}")
    assert response.status_code == 302
    return response


def create_draft(client) -> Organisation:
    submit(client, url("add"), organisation_form())
    return Organisation.objects.get(key="vandu")


def publish_changes(client, organisation: Organisation, **fields) -> Organisation:
    submit(client, url("edit", organisation.pk), {**organisation_form(**fields), **PUBLISH})
    organisation.refresh_from_db()
    return organisation


def save_draft(client, organisation: Organisation, **fields) -> Organisation:
    submit(client, url("edit", organisation.pk), organisation_form(**fields))
    organisation.refresh_from_db()
    return organisation


def revisions(organisation: Organisation) -> list:
    return list(organisation.revisions.order_by("created_at", "pk"))


def publicly_visible(organisation: Organisation) -> bool:
    return Organisation.objects.visible_to(anonymous()).filter(pk=organisation.pk).exists()


@pytest.fixture
def edith(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def rosa(client, researcher):
    client.force_login(researcher)
    return client


@pytest.fixture
def published_twice(edith):
    """VANDU, published with the first description and then with the second."""
    organisation = publish_changes(edith, create_draft(edith))
    return publish_changes(edith, organisation, description=SECOND)


# The editor's story -----------------------------------------------------------------------------------------


def test_an_editor_creates_an_organisation_as_a_draft_that_readers_cannot_see(edith):
    organisation = create_draft(edith)

    assert not organisation.live
    assert organisation.has_unpublished_changes
    assert organisation.latest_revision.user.username == "edith-editor"
    assert not publicly_visible(organisation)


def test_publishing_the_draft_puts_it_before_readers(edith):
    organisation = publish_changes(edith, create_draft(edith))

    assert organisation.live
    assert not organisation.has_unpublished_changes
    assert organisation.live_revision == organisation.latest_revision
    assert publicly_visible(organisation)


def test_an_edit_saved_as_a_draft_waits_behind_the_live_description(edith):
    organisation = publish_changes(edith, create_draft(edith))

    organisation = save_draft(edith, organisation, description=SECOND)

    assert organisation.description == FIRST
    assert Organisation.objects.visible_to(anonymous()).get().description == FIRST
    assert organisation.has_unpublished_changes
    assert organisation.get_latest_revision_as_object().description == SECOND


def test_publishing_the_edit_makes_the_new_description_live(edith):
    organisation = save_draft(edith, publish_changes(edith, create_draft(edith)), description=SECOND)

    organisation = publish_changes(edith, organisation, description=SECOND)

    assert Organisation.objects.visible_to(anonymous()).get().description == SECOND
    assert not organisation.has_unpublished_changes


def test_the_history_lists_every_revision(edith, published_twice):
    response = edith.get(url("history", published_twice.pk))

    assert response.status_code == 200
    links = {a["href"] for a in BeautifulSoup(response.content, "html.parser").select("a[href*='/revisions/']")}
    created, published, edited = revisions(published_twice)
    # Publishing the draft unchanged added a revision but no content change, so the history offers nothing for it.
    assert links == {
        url("revisions_revert", published_twice.pk, created.pk),
        url("revisions_compare", published_twice.pk, created.pk, "latest"),
        url("revisions_compare", published_twice.pk, published.pk, edited.pk),
    }
    assert "Live version" in response.content.decode()


def test_comparing_two_revisions_shows_both_descriptions(edith, published_twice):
    first, *_, last = revisions(published_twice)

    response = edith.get(url("revisions_compare", published_twice.pk, first.pk, last.pk))

    assert response.status_code == 200
    assert _compared(response, "Description") == (FIRST, SECOND)


def test_reverting_to_the_first_revision_and_publishing_restores_the_old_description(edith, published_twice):
    first = revisions(published_twice)[0]
    revert = url("revisions_revert", published_twice.pk, first.pk)

    form = BeautifulSoup(edith.get(revert).content, "html.parser")
    assert form.select_one("textarea[name='description']").get_text().strip() == FIRST

    submit(edith, revert, {**organisation_form(description=FIRST), **PUBLISH})

    published_twice.refresh_from_db()
    assert published_twice.description == FIRST
    assert Organisation.objects.visible_to(anonymous()).get().description == FIRST
    assert published_twice.live_revision == revisions(published_twice)[-1]


def test_other_names_and_a_citation_are_saved_with_the_organisation(edith, source):
    other_name = {"name": "Vancouver Area Network of Drug Users", "kind": "acronym", "language": "en"}
    citation = {"source": source.pk, "locator": "¶4", "supports": "Founded in 1998"}

    submit(
        edith,
        url("add"),
        {
            **organisation_form(
                other_names=inline_formset([other_name]), citations=streamfield([("citation", citation)])
            ),
            **PUBLISH,
        },
    )

    organisation = Organisation.objects.visible_to(anonymous()).get(key="vandu")
    assert list(organisation.other_names.values_list("name", "kind", "language")) == [
        ("Vancouver Area Network of Drug Users", "acronym", "en")
    ]
    [block] = organisation.citations
    assert (block.block_type, block.value["source"], block.value["locator"]) == ("citation", source, "¶4")
    assert block.value["supports"] == "Founded in 1998"


# Who else may come in ---------------------------------------------------------------------------------------


def test_a_researcher_browses_the_listing_drafts_included(rosa):
    make_organisation(name="VANDU")
    make_organisation(name="Unpublished union", live=False)

    response = rosa.get(url("list"))

    assert response.status_code == 200
    assert "VANDU" in response.content.decode()
    assert "Unpublished union" in response.content.decode()


def test_a_researcher_cannot_open_the_edit_form_or_publish(rosa):
    organisation = make_organisation(name="VANDU", key="vandu", description=FIRST)
    revision_count = organisation.revisions.count()

    assert rosa.get(url("edit", organisation.pk))["Location"] == reverse("wagtailadmin_home")
    response = rosa.post(url("edit", organisation.pk), {**organisation_form(description=SECOND), **PUBLISH})

    assert response.status_code in (302, 403)
    organisation.refresh_from_db()
    assert organisation.description == FIRST
    assert organisation.revisions.count() == revision_count


def test_a_researcher_reads_a_whole_record_in_the_inspect_view(rosa):
    organisation = make_organisation(name="VANDU", key="vandu", description=FIRST, founded="1990~/1993~")

    response = rosa.get(url("inspect", organisation.pk))

    assert response.status_code == 200
    page = response.content.decode()
    assert FIRST in page
    assert "1990~/1993~" in page


def test_an_anonymous_visitor_is_sent_to_sign_in(db, client):
    response = client.get(url("list"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('wagtailadmin_login')}?next={url('list')}"

    client.post(url("add"), {**organisation_form(), **PUBLISH})
    assert not Organisation.objects.exists()


# Every listing ----------------------------------------------------------------------------------------------

ARCHIVE = {
    Organisation: (make_organisation, "Rotterdam Junkie Union"),
    Person: (make_person, "Alex Organiser"),
    Event: (make_event, "A union is founded"),
    OrganisingModel: (make_organising_model, "Grassroots organising"),
    Series: (make_series, "A history of the movement"),
    Episode: (make_episode, "The first user unions"),
    Interview: (make_interview, "An interview about the first union"),
    Source: (make_source, "A history of drug user organising"),
    Disagreement: (make_disagreement, "When was the first union founded?"),
    Locality: (make_locality, "Rotterdam"),
    Country: (make_country, "Netherlands"),
}


def test_the_archive_menu_holds_every_kind_of_record():
    assert [viewset.model for viewset in ArchiveViewSetGroup.items] == list(ARCHIVE)


@pytest.mark.parametrize("model", list(ARCHIVE), ids=lambda model: model.__name__)
def test_every_archive_listing_opens_for_the_editor(edith, model):
    make, label = ARCHIVE[model]
    make()

    response = edith.get(url("list", model=model))

    assert response.status_code == 200
    assert label in response.content.decode()


@pytest.mark.parametrize("model", list(ARCHIVE), ids=lambda model: model.__name__)
def test_every_archive_listing_finds_a_record_by_a_word_of_its_name(edith, model):
    make, label = ARCHIVE[model]
    make()
    word = max(re.findall(r"\w+", label), key=len)

    response = edith.get(url("list", model=model), {"q": word})

    assert response.status_code == 200
    assert label in response.content.decode()


def test_the_organisations_listing_finds_a_group_by_its_acronym_and_by_a_name_without_accents(edith):
    make_organisation(name="Brugerforeningen for Aktive Stofbrugere", acronym="BFAS", key="bfas")
    make_organisation(name="Asociación Ñandú", key="nandu")

    by_acronym = edith.get(url("list"), {"q": "bfas"}).content.decode()
    unaccented = edith.get(url("list"), {"q": "asociacion nandu"}).content.decode()

    assert "Brugerforeningen for Aktive Stofbrugere" in by_acronym
    assert "Asociación Ñandú" in unaccented


def _compared(response, heading: str) -> tuple[str, str]:
    """The old and the new text of one field in the compare view, rebuilt from its deletions and additions."""
    soup = BeautifulSoup(response.content, "html.parser")
    for row in soup.select("tr"):
        title = row.select_one("td.title")
        if title and title.get_text(strip=True) == f"{heading}:":
            cell = row.select_one("td.comparison")
            old, new = BeautifulSoup(str(cell), "html.parser"), BeautifulSoup(str(cell), "html.parser")
            for span in old.select(".addition"):
                span.decompose()
            for span in new.select(".deletion"):
                span.decompose()
            return " ".join(old.get_text().split()), " ".join(new.get_text().split())
    raise AssertionError(f"no {heading!r} row in the comparison")


def test_the_back_office_offers_no_page_explorer_nor_page_reports(edith):
    # The archive serves no Wagtail page: the one Wagtail makes when installed appears nowhere.
    dashboard = edith.get(reverse("wagtailadmin_home")).content.decode()

    assert '"url": "/admin/pages/"' not in dashboard
    assert "/admin/reports/locked/" not in dashboard and "/admin/reports/aging-pages/" not in dashboard
    assert '"url": "/admin/snippets/organisations/organisation/"' in dashboard
