"""The leak test: the archive holds material at every access level, withdrawn, sealed, metadata-only,
pseudonymous and in restricted passages of an interview, each carrying a marker found nowhere else. Every public
surface is crawled as a visitor, a community member and a member of a reader group, and each marker must appear
only where its reader may see it.

Surfaces: every page reachable from the home page and the sitemap (HTML and JSON twins), the Atom feeds, the
OAI-PMH endpoint, the read-only API (every list, every record it links to, its schema), a site search and an API
search for every marker, and for visitors the static mirror and the data dump. Spans redacted in public texts are
material no reader here may see.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from django.test import TestCase
from django.utils import timezone

from movement_archive.consent.actions import record_consent, withdraw_consent
from movement_archive.consent.models import Attribution, Method, Scope
from movement_archive.contributions.models import Contribution
from movement_archive.exports.dump import write_dump
from movement_archive.exports.mirror import write_mirror
from movement_archive.interviews.models import RestrictedPassage
from movement_archive.interviews.tests.helpers import synthetic_interview
from movement_archive.oralhistory.document import IndexPoint, Segment
from movement_archive.testing import cast
from movement_archive.testing.crawl import assert_no_leaks, assert_seen
from movement_archive.testing.two_factor import VerifiedClient

ANONYMOUS, MEMBER, GROUP = "visitor", "community member", "group member"
EVERYONE = {ANONYMOUS, MEMBER, GROUP}

# marker -> (what holds it, the readers who may see it)
MARKERS: dict[str, tuple[str, set[str]]] = {
    "ZqPubBio1": ("a public person's biography", EVERYONE),
    "ZqComBio1": ("a community person's biography", {MEMBER, GROUP}),
    "ZqGrpBio1": ("the biography of a person restricted to the group", {GROUP}),
    "ZqSeaBio1": ("a sealed person's biography", set()),
    "ZqMetNam1": ("the name of a person listed with metadata only", EVERYONE),
    "ZqMetBio1": ("the biography of that person, opened to the group", {GROUP}),
    "ZqWdrNam1": ("the name of a person who withdrew", set()),
    "ZqWdrBio1": ("the biography of a person who withdrew", set()),
    "ZqPseNam1": ("a pseudonym", EVERYONE),
    "ZqRealNm1": ("the real name behind the pseudonym", set()),
    "ZqAnoReal": ("the real name of a person shown anonymously", set()),
    "ZqIvTitl1": ("the title of an interview restricted to the group", {GROUP}),
    "ZqIvSegm1": ("the transcript of that interview", {GROUP}),
    "ZqMiTitl1": ("the title of an interview listed with metadata only", EVERYONE),
    "ZqMiSumm1": ("the summary of that interview", set()),
    "ZqMiSegm1": ("its transcript", set()),
    "ZqMiIdxp1": ("its index", set()),
    "ZqPasOpen": ("the open words of a public interview", EVERYONE),
    "ZqPasSeg1": ("words in a passage of it restricted to the group", {GROUP}),
    "ZqPasIdx1": ("an index point in that passage", {GROUP}),
    "ZqIdxTitl": ("the title of an index point listed with metadata only", EVERYONE),
    "ZqIdxSyno": ("its synopsis", {GROUP}),
    "ZqIdxComm": ("the title of an index point kept to the community", {MEMBER, GROUP}),
    "ZqEvDesc1": ("the account of an event kept to the community", {MEMBER, GROUP}),
    "ZqVisBio2": ("the words everyone reads around a redacted span in a public biography", EVERYONE),
    "ZqRedBio1": ("the words that biography redacts", set()),
    "ZqVisEvt2": ("the words everyone reads around a redacted span in a public event's account", EVERYONE),
    "ZqRedEvt1": ("the words that account redacts", set()),
    "ZqSrcTit1": ("the title of a source restricted to editors", set()),
    "ZqSrcDes1": ("its description", set()),
    "ZqOrgSite": ("the website of a group whose whereabouts are restricted", {GROUP}),
    "ZqCtbName": ("the name of a group that withdrew its contribution", set()),
    "ZqCtbDesc": ("the story of that group", set()),
}
REAL_NAMES = ("ZqRealNm1", "ZqAnoReal", "ZqWdrNam1")

# Surfaces no page links to by design, asked for directly.
EXTRA = (
    "/interviews/",
    "/es/interviews/",
    "/sources/",
    "/feeds/recent.atom",
    "/oai?verb=ListRecords&metadataPrefix=oai_dc",
    "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc",
    # The API: its index and every list; the crawl follows each list's "next" and each item's "api_url".
    "/api/v1/",
    "/api/v1/openapi.json",
    *(
        f"/api/v1/{kind}"
        for kind in ("organisations", "people", "events", "episodes", "interviews", "sources", "countries", "models")
    ),
)
# Every marker is searched for in the site search (HTML and JSON twin) and in the API's search.
SEARCHES = ("/search/", "/api/v1/search?q={q}")


def forbidden_for(reader: str) -> dict[str, str]:
    return {marker: what for marker, (what, readers) in MARKERS.items() if reader not in readers}


def allowed_for(reader: str) -> dict[str, str]:
    return {marker: what for marker, (what, readers) in MARKERS.items() if reader in readers}


class NoLeaksTests(TestCase):
    # Signed in through both steps: a password alone leaves a reader a visitor on the reading pages.
    client_class = VerifiedClient

    @classmethod
    def setUpTestData(cls):
        cls.member = cast.community_member()
        cls.in_group = cast.group_member()
        group = cast.reader_group()
        today = timezone.localdate()
        person = cast.make_person

        person(name="Open Organiser", biography="Ran a drop-in. ZqPubBio1")
        person(name="Member Organiser", biography="Ran a union. ZqComBio1", access="community")
        person(name="Circle Organiser", biography="Ran a clinic. ZqGrpBio1", access="restricted", access_group=group)
        person(
            name="Sealed Organiser",
            biography="Ran a squat. ZqSeaBio1",
            access="sealed",
            access_until=today + timedelta(days=365),
        )
        person(name="Listed ZqMetNam1", biography="Ran a van. ZqMetBio1", access="metadata", access_group=group)
        withdrawn = person(name="Gone ZqWdrNam1", key="gone-organiser", biography="Ran a phone line. ZqWdrBio1")
        withdraw_consent(person=withdrawn, method=Method.WRITTEN)
        for name, attribution, pseudonym in (
            ("Teodor ZqRealNm1", Attribution.PSEUDONYM, "Wren ZqPseNam1"),
            ("Ilse ZqAnoReal", Attribution.ANONYMOUS, None),
        ):
            record_consent(
                person=person(name=name, biography="Spoke about outreach."),
                scope=Scope.PUBLIC,
                attribution=attribution,
                pseudonym=pseudonym,
                agreed_on=today,
                method=Method.SIGNED_FORM,
            )

        circle = synthetic_interview(
            key="circle-interview",
            title="Told in the circle ZqIvTitl1",
            lines=[Segment(0, 3000, "We met on Thursdays. ZqIvSegm1", "Narrator")],
            segments_alt=[],
            access="restricted",
        )
        type(circle).objects.filter(pk=circle.pk).update(access_group=group)
        listed = synthetic_interview(
            key="listed-interview",
            title="Listed only ZqMiTitl1",
            lines=[Segment(0, 3000, "We met on Fridays. ZqMiSegm1", "Narrator")],
            segments_alt=[],
            index=[IndexPoint(time_ms=0, title="Fridays ZqMiIdxp1")],
            access="metadata",
        )
        type(listed).objects.filter(pk=listed.pk).update(summary="A summary. ZqMiSumm1")

        told = synthetic_interview(
            key="passage-interview",
            title="Told in part",
            lines=[
                Segment(0, 3000, "We met in the park. ZqPasOpen", "Narrator"),
                Segment(3000, 6000, "Then the police came. ZqPasSeg1", "Narrator"),
            ],
            segments_alt=[],
            index=[
                IndexPoint(time_ms=4000, title="The police ZqPasIdx1"),
                IndexPoint(time_ms=1000, title="The park ZqIdxTitl", synopsis="Benches. ZqIdxSyno"),
                IndexPoint(time_ms=2000, title="The bench ZqIdxComm"),
            ],
        )
        told.index_points.filter(time_ms=1000).update(access="metadata", access_group=group)
        told.index_points.filter(time_ms=2000).update(access="community")
        RestrictedPassage.objects.create(
            interview=told, start_ms=3000, end_ms=6000, access="restricted", access_group=group
        )

        cast.make_event(title="A members' meeting", description="Who came. ZqEvDesc1", access="community")
        # Public records with a span redacted: editors alone read it, and none of the three readers here is one.
        person(name="Kitchen Organiser", biography="Ran a kitchen. ZqVisBio2 [redact]With ZqRedBio1[/redact].")
        cast.make_event(title="A kitchen opens", description="Who cooked. ZqVisEvt2 [redact]ZqRedEvt1[/redact]")
        cast.make_source(title="Private notes ZqSrcTit1", description="Notes. ZqSrcDes1", access="restricted")
        # The town is a public place, listed on its country's page; that this group works there is not.
        town = cast.make_locality(name="Harbourtown")
        hidden_whereabouts = cast.make_organisation(
            name="Careful Union",
            website="https://example.org/ZqOrgSite",
            access="restricted",
            access_group=group,
        )
        hidden_whereabouts.localities.add(town)
        hidden_whereabouts.save()

        contribution = Contribution.objects.create(token_digest="0" * 64, group_name="A group", founded="")
        cast.make_organisation(name="Harbour ZqCtbName", description="Our story. ZqCtbDesc", made_from=contribution)
        withdraw_consent(contribution=contribution, method=Method.ONLINE_FORM)

    def crawl_as(self, reader: str, user=None):
        if user is not None:
            self.client.force_login(user)
        crawl = assert_no_leaks(self.client, forbidden_for(reader), extra_urls=EXTRA, searches=SEARCHES)
        assert_seen(crawl, allowed_for(reader))
        addresses = [url for url in crawl.pages if "q=" not in url]  # searches carry the marker by design
        for url in addresses:
            for marker in REAL_NAMES:
                self.assertNotIn(marker.lower(), url.lower(), f"a real name in an address: {url}")
        return crawl

    def test_a_visitor_sees_only_public_material_on_every_surface(self):
        crawl = self.crawl_as(ANONYMOUS)
        self.assertGreater(crawl.stats.pages, 100)
        # The API was crawled, its records included, not only its lists.
        api_records = [url for url in crawl.pages if url.startswith("/api/v1/people/")]
        self.assertTrue(api_records, "no person was read through the API")

    def test_a_community_member_sees_community_material_and_nothing_restricted(self):
        self.crawl_as(MEMBER, self.member)

    def test_a_group_member_sees_the_groups_material_and_nothing_sealed_or_withdrawn(self):
        self.crawl_as(GROUP, self.in_group)

    def test_the_static_mirror_and_the_data_dump_hold_only_public_material(self):
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch)
            write_mirror(root / "site", languages=("en",))
            write_dump(root / "dump.jsonl")
            texts = {
                path: path.read_text(encoding="utf-8", errors="replace")
                for path in root.rglob("*")
                if path.is_file() and path.suffix in {".html", ".json", ".jsonl", ".xml", ".vtt"}
            }
        self.assertTrue(texts)
        forbidden = forbidden_for(ANONYMOUS)
        leaks = [(path.name, marker) for path, text in texts.items() for marker in forbidden if marker in text]
        self.assertEqual(leaks, [])
        everything = "\n".join(texts.values())
        for marker in allowed_for(ANONYMOUS):
            self.assertIn(marker, everything, MARKERS[marker][0])
