"""In the seed collection, the briefing and the series disagree on Thailand's drug war killings: the timeline shows
both accounts, each pointing at the other, and the event page sets out both claims with their sources."""

from __future__ import annotations

from django.urls import reverse

from movement_archive.seed.tests.base import SeededTestCase

from .reading import event_item, jsonld, soup

BRIEFING = "thailand-killings-2003"
SERIES = "thailand-killings-early-2000s"


class ThailandKillingsTests(SeededTestCase):
    def test_both_accounts_are_on_the_timeline_and_point_at_each_other(self):
        response = self.client.get(reverse("events:timeline"))

        briefing, series = event_item(response, BRIEFING), event_item(response, SERIES)
        assert "The sources disagree" in briefing.select_one(".disagreement").get_text()
        assert briefing.select_one(".disagreement a")["href"] == reverse("events:detail", args=[SERIES])
        assert series.select_one(".disagreement a")["href"] == reverse("events:detail", args=[BRIEFING])

    def test_each_account_is_dated_as_its_source_dates_it(self):
        data = self.client.get(reverse("events:timeline"), {"format": "json", "region": "South-eastern Asia"}).json()

        placed = {
            e["key"]: (e["decade"], e["year"], e["date_words"], e["statistic"]["value"], e["disagrees_with"])
            for e in data["results"]
            if e["key"] in (BRIEFING, SERIES)
        }
        assert placed[BRIEFING][:4] == (2000, 2003, "2003", 2800)
        assert placed[SERIES][:4] == (2000, None, "early 2000s", 3000)
        assert [other["key"] for other in placed[BRIEFING][4]] == [SERIES]
        assert [other["key"] for other in placed[SERIES][4]] == [BRIEFING]

    def test_the_event_page_sets_out_both_claims_with_their_sources(self):
        response = self.client.get(reverse("events:detail", args=[SERIES]))

        (disagreement,) = soup(response).select(".disagreement")
        claims = disagreement.select("ol.claims > li")
        assert len(claims) == 2
        assert "¶21•4" in claims[0].get_text() and "¶30" in claims[1].get_text()
        assert claims[0].find("a", href=reverse("events:detail", args=[BRIEFING]))
        # "early 2000s" is approximate at both ends: the JSON-LD states no date rather than a false one.
        assert "startDate" not in jsonld(response)
        assert "more than 3,000 people killed by police" in response.content.decode()
