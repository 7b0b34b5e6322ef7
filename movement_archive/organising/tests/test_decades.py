"""How the practice of an organising model changed by decade, on a small world whose answers are known."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from movement_archive.organising.models import Practice
from movement_archive.organising.queries import NOT_KNOWN_SHOWN, Span, count_by_decade, decade_table
from movement_archive.testing import CastTestCase, make_organisation, make_organising_model

TODAY = date(2024, 6, 1)


def practise(organisation, model, start: str = "", end: str = "") -> Practice:
    return Practice.objects.create(organisation=organisation, model=model, start=start, end=end)


class DecadeTableTests(CastTestCase):
    """Eight groups practising grassroots organising at different times, one of them still a draft."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.grassroots = make_organising_model(name="Grassroots organising", key="grassroots")
        other_model = make_organising_model(name="Public health", key="public-health")

        # The 1980s only: the end "late 1980s" runs to its latest possible day, 31 December 1989.
        union = make_organisation(name="A Rotterdam union")
        practise(union, cls.grassroots, "1981-01", "1987~/1989~")
        practise(union, other_model, "1981", "")  # another model: not counted here
        # No end recorded: the practice runs until the group closed.
        practise(make_organisation(name="A 1970s group", closed="1992"), cls.grassroots, "1978")
        # No start recorded: the founding stands in; no end and still open: it runs to today.
        practise(make_organisation(name="A 1990s network", founded="1995"), cls.grassroots)
        # Two periods: counted once in the 1980s, where both fall.
        twice = make_organisation(name="A group that paused")
        practise(twice, cls.grassroots, "1985", "1986")
        practise(twice, cls.grassroots, "1988", "2001")
        # "Some time by 1990" starts at its known end.
        practise(make_organisation(name="A group by 1990"), cls.grassroots, "../1990", "1993")
        # An open end ("some time after 2015") runs to today.
        practise(make_organisation(name="A young union"), cls.grassroots, "2012", "2015/..")
        # Neither the practice nor the founding is dated.
        cls.undated = make_organisation(name="A group of unknown age", key="unknown-age")
        practise(cls.undated, cls.grassroots)
        # A draft counts nowhere.
        practise(make_organisation(name="A draft group", founded="1980", live=False), cls.grassroots, "1980")

    def test_each_organisation_counts_once_in_every_decade_it_practised_the_model(self):
        table = decade_table(self.grassroots, self.anonymous, today=TODAY)

        assert table.rows == [(1970, 1), (1980, 3), (1990, 4), (2000, 2), (2010, 2), (2020, 2)]

    def test_organisations_that_cannot_be_placed_in_time_are_listed_apart(self):
        table = decade_table(self.grassroots, self.anonymous, today=TODAY)

        assert [organisation.name for organisation in table.not_known] == ["A group of unknown age"]

    def test_the_table_costs_the_same_however_many_practices(self):
        # One query for the practices, one to name the organisations that cannot be placed in time.
        with self.assertNumQueries(2):
            decade_table(self.grassroots, self.anonymous, today=TODAY)

        for n in range(18):
            practise(make_organisation(name=f"Group {n}", founded="1990"), self.grassroots, "1991")
            practise(make_organisation(name=f"Undated group {n}"), self.grassroots)
        with self.assertNumQueries(2):
            table = decade_table(self.grassroots, self.anonymous, today=TODAY)
        assert table.organisations == 7 + 36 and table.not_known_count == 19

    def test_the_table_is_kept_for_visitors_until_the_archive_changes(self):
        decade_table(self.grassroots, self.anonymous, today=TODAY)
        with self.assertNumQueries(0):
            decade_table(self.grassroots, self.anonymous, today=TODAY)

        practise(make_organisation(name="A 2020s group"), self.grassroots, "2021")
        assert decade_table(self.grassroots, self.anonymous, today=TODAY).rows[-1] == (2020, 3)

    def test_a_long_list_of_undated_organisations_names_only_the_first(self):
        for n in range(NOT_KNOWN_SHOWN + 1):
            practise(make_organisation(name=f"Undated group {n:02}"), self.grassroots)

        table = decade_table(self.grassroots, self.anonymous, today=TODAY)

        assert len(table.not_known) == NOT_KNOWN_SHOWN and table.not_known_count == NOT_KNOWN_SHOWN + 2
        assert table.not_known[0].name == "A group of unknown age", "by name"
        html = self.client.get(reverse("organising:detail", args=["grassroots"])).content.decode()
        assert f"These are the first {NOT_KNOWN_SHOWN} of {NOT_KNOWN_SHOWN + 2} such organisations, by name." in html

    def test_the_model_page_shows_the_table_and_its_json_twin_the_same_counts(self):
        url = reverse("organising:detail", args=["grassroots"])
        html = self.client.get(url).content.decode()
        data = self.client.get(url, {"format": "json"}).json()

        assert "<caption>" in html and '<th scope="row">1980s</th>' in html
        assert "Date not known" in html and "A group of unknown age" in html
        assert {row["label"]: row["organisations"] for row in data["by_decade"]}["1990s"] == 4
        assert data["date_not_known"] == [
            {
                "key": "unknown-age",
                "name": "A group of unknown age",
                "url": "http://testserver/organisations/unknown-age/",
            }
        ]
        assert "A draft group" not in html and "A draft group" not in str(data)


def test_the_decades_run_from_the_1970s_to_the_current_one():
    spans = [Span(1, date(1960, 1, 1), date(1971, 1, 1)), Span(2, None, date(2000, 1, 1))]

    assert count_by_decade(spans, date(2031, 1, 1)) == [
        (1970, 1), (1980, 0), (1990, 0), (2000, 0), (2010, 0), (2020, 0), (2030, 0)
    ]  # fmt: skip


def test_a_span_reaching_past_today_stops_today():
    assert count_by_decade([Span(1, date(2019, 1, 1), date(9999, 12, 31))], date(2019, 6, 1))[-1] == (2010, 1)
    assert count_by_decade([Span(1, date(2021, 1, 1), date(9999, 12, 31))], date(2019, 6, 1))[-1] == (2010, 0)
