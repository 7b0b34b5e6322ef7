"""The organising-model pages as a reader meets them: the list, a model's page and their JSON twins, showing
only what the reader may see."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from movement_archive.organisations.models import Organisation
from movement_archive.organising.models import Practice
from movement_archive.organising.queries import PRACTITIONERS_SHOWN
from movement_archive.testing import CastTestCase, make_organisation, make_organising_model, make_source


def cite(source, locator: str, supports: str = "") -> list[dict]:
    return [{"type": "citation", "value": {"source": source.pk, "locator": locator, "supports": supports}}]


class OrganisingModelPageTests(CastTestCase):
    """Three published models, one in draft; groups practise them, one group is a draft."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.briefing = make_source(title="The briefing")
        cls.public_health = make_organising_model(
            name="Public health", key="public-health", position=3, definition="Peers run services. " * 40
        )
        cls.grassroots = make_organising_model(
            name="Grassroots organising",
            key="grassroots",
            position=1,
            definition="Users organise for themselves.",
            citations=cite(cls.briefing, "¶5", "the grassroots model"),
        )
        cls.rights = make_organising_model(name="Human rights", key="human-rights", position=2)
        cls.draft = make_organising_model(name="A model in draft", key="draft-model", position=4, live=False)

        cls.junkiebond = make_organisation(name="Junkiebond", key="junkiebond")
        cls.vandu = make_organisation(name="VANDU", key="vandu")
        cls.draft_group = make_organisation(name="A group in draft", live=False)
        Practice.objects.create(
            organisation=cls.junkiebond,
            model=cls.grassroots,
            start="1981-01",
            end="1987~/1989~",
            note="the first union",
            citations=cite(cls.briefing, "¶4", "formed in Rotterdam"),
        )
        Practice.objects.create(organisation=cls.vandu, model=cls.grassroots, start="1997", end="")
        Practice.objects.create(organisation=cls.vandu, model=cls.grassroots, start="2010", end="")
        Practice.objects.create(organisation=cls.draft_group, model=cls.grassroots, start="1990")
        Practice.objects.create(organisation=cls.junkiebond, model=cls.public_health, start="1981")

    def test_the_list_shows_published_models_in_position_order_with_how_many_practise_each(self):
        html = self.client.get(reverse("organising:list")).content.decode()

        assert html.index("Grassroots organising") < html.index("Human rights") < html.index("Public health")
        assert "A model in draft" not in html
        assert "2 organisations practise it" in html, "VANDU counts once; the draft group not at all"
        assert "1 organisation practises it" in html and "0 organisations practise it" in html

    def test_the_list_json_twin(self):
        data = self.client.get(reverse("organising:list"), {"format": "json"}).json()

        assert data["count"] == 3 and data["next"] is None
        assert [m["key"] for m in data["results"]] == ["grassroots", "human-rights", "public-health"]
        grassroots, _rights, health = data["results"]
        assert grassroots == {
            "key": "grassroots",
            "url": "http://testserver/models/grassroots/",
            "name": "Grassroots organising",
            "position": 1,
            "definition_excerpt": "Users organise for themselves.",
            "organisation_count": 2,
        }
        assert health["definition_excerpt"].endswith("…") and len(health["definition_excerpt"].split()) == 30

    def test_the_model_page_gives_the_definition_its_sources_and_who_practises_it_when(self):
        html = self.client.get(self.grassroots.get_absolute_url()).content.decode()

        assert "<h1>Grassroots organising</h1>" in html and "Users organise for themselves." in html
        assert "¶5" in html and "the grassroots model" in html
        assert f'href="{self.junkiebond.get_absolute_url()}"' in html
        assert "January 1981 to late 1980s" in html and "the first union" in html and "formed in Rotterdam" in html
        assert "from 1997" in html and "from 2010" in html
        assert "A group in draft" not in html

    def test_the_model_page_json_twin(self):
        data = self.client.get(self.grassroots.get_absolute_url(), {"format": "json"}).json()

        assert data["key"] == "grassroots" and data["url"] == "http://testserver/models/grassroots/"
        assert data["citations"][0]["locator"] == "¶5"
        assert [p["organisation"]["key"] for p in data["practised_by"]] == ["junkiebond", "vandu", "vandu"]
        first = data["practised_by"][0]
        assert first["period"] == "January 1981 to late 1980s" and first["citations"][0]["locator"] == "¶4"
        assert [row["label"] for row in data["by_decade"]][:2] == ["1970s", "1980s"]
        assert data["organisation_count"] == 2 and data["practised_by_complete"] is True
        assert data["organisations_url"] == "http://testserver/organisations/?model=grassroots"
        assert data["date_not_known"] == [] and data["date_not_known_count"] == 0
        assert "A group in draft" not in str(data)

    def test_the_model_page_links_to_the_directory_of_every_organisation_practising_it(self):
        html = self.client.get(self.grassroots.get_absolute_url()).content.decode()

        assert "2 organisations in the archive practise this model." in html
        assert 'href="/organisations/?model=grassroots"' in html
        assert "Here are the first" not in html, "all of them are listed"

    def test_a_model_practised_by_many_lists_the_first_fifty_by_name_and_leaves_the_rest_to_the_directory(self):
        # Forty-nine groups named "Group 00" to "Group 48": with Junkiebond they are the first fifty by name.
        crowd = Organisation.objects.bulk_create(
            Organisation(name=f"Group {n:02}", key=f"group-{n:02}", kind="user_group", scope="local")
            for n in range(PRACTITIONERS_SHOWN - 1)
        )
        Practice.objects.bulk_create(Practice(organisation=group, model=self.grassroots) for group in crowd)

        html = self.client.get(self.grassroots.get_absolute_url()).content.decode()
        data = self.client.get(self.grassroots.get_absolute_url(), {"format": "json"}).json()

        assert f"{PRACTITIONERS_SHOWN + 1} organisations in the archive practise this model." in html
        assert f"Here are the first {PRACTITIONERS_SHOWN}, by name." in html
        assert "Group 00" in html and "Group 48" in html and "Junkiebond" in html
        assert "VANDU" not in html, "the fifty-first by name"
        assert 'href="/organisations/?model=grassroots"' in html
        assert data["organisation_count"] == PRACTITIONERS_SHOWN + 1 and data["practised_by_complete"] is False
        assert len({p["organisation"]["key"] for p in data["practised_by"]}) == PRACTITIONERS_SHOWN
        assert data["practised_by"][-1]["organisation"]["key"] == "junkiebond"

    def test_the_counts_leave_out_drafts_and_follow_the_archive_as_it_changes(self):
        def count(model_key: str) -> int:
            data = self.client.get(reverse("organising:list"), {"format": "json"}).json()
            return {m["key"]: m["organisation_count"] for m in data["results"]}[model_key]

        assert count("grassroots") == 2, "the draft group is not counted"

        self.vandu.unpublish()
        assert count("grassroots") == 1
        html = self.client.get(self.grassroots.get_absolute_url()).content.decode()
        assert "1 organisation in the archive practises this model." in html and "VANDU" not in html

        self.client.force_login(self.editor)
        assert count("grassroots") == 1, "an editor is told no more than the public"

    def test_the_pages_cost_the_same_for_two_organisations_as_for_twenty(self):
        def queries(url: str) -> int:
            with CaptureQueriesContext(connection) as captured:
                assert self.client.get(url).status_code == 200
            return len(captured)

        urls = (reverse("organising:list"), self.grassroots.get_absolute_url())
        few = [queries(url) for url in urls]
        for n in range(18):
            Practice.objects.create(
                organisation=make_organisation(name=f"Group {n}"),
                model=self.grassroots,
                start="1990",
                citations=cite(self.briefing, f"¶{n}"),
            )
        # Each new practice made the kept figures stale, so these visits compute them again, as the first did.
        assert [queries(url) for url in urls] == few

    def test_drafts_and_unknown_models_are_404(self):
        for url in (self.draft.get_absolute_url(), reverse("organising:detail", args=["no-such-model"])):
            assert self.client.get(url).status_code == 404
            assert self.client.get(url, {"format": "json"}).status_code == 404

    def test_a_page_number_that_is_not_a_number_is_a_400(self):
        response = self.client.get(reverse("organising:list"), {"page": "first", "format": "json"})

        assert response.status_code == 400 and response.json()["parameter"] == "page"
        assert self.client.get(reverse("organising:list"), {"page": "first"}).status_code == 400
