"""A Spanish-speaking reader gets the whole interface in Spanish under /es/, dates included, and can switch
language on any page; the shipped catalogue is complete, with nothing left in English by accident."""

from __future__ import annotations

import ast
import gettext
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.utils import translation

from movement_archive.seed.tests.base import SeededTestCase

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "es" / "LC_MESSAGES"

PAGES = ["/es/", "/es/organisations/junkiebond/", "/es/events/timeline/", "/es/search/?q=VANDU", "/es/places/map/"]

# Labels every page carries from the base template, as an English reader sees them.
ENGLISH_LABELS = [
    "Movement Archive",
    "Skip to content",
    "Sections",
    "Organisations",
    "People",
    "Places",
    "Organising models",
    "Timeline",
    "Map",
    "Episodes",
    "Sources",
    "Search the archive",
    "Search",
    "Language",
    "This page as JSON",
    "Every fact links to the source it comes from. This site sets no cookies for readers, loads nothing from other "
    "sites and tracks no one.",
]
SPANISH_NAVIGATION = ["Saltar al contenido", "Organizaciones", "Personas", "Lugares", "Modelos organizativos",
                      "Cronología", "Mapa", "Episodios", "Fuentes", "Buscar en el archivo"]  # fmt: skip


class _Labels(HTMLParser):
    """What a reader sees or hears as separate pieces of text: text nodes and labelling attributes.

    Records' own text (titles, descriptions) is English data and may contain these words in passing, so only a
    whole piece equal to an interface label counts as that label.
    """

    def __init__(self):
        super().__init__()
        self.pieces: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("aria-label", "label", "title", "alt") and value:
                self.pieces.add(value.strip())

    def handle_data(self, data):
        if data.strip():
            self.pieces.add(data.strip())


def labels(html: str) -> set[str]:
    parser = _Labels()
    parser.feed(html)
    return parser.pieces


class SpanishReadingRoomTests(SeededTestCase):
    def setUp(self):
        # LocaleMiddleware activates the language of each request and nothing turns it off again in the test's
        # thread: without this, tests that run after a request to /es/ would reverse URLs and word messages in
        # Spanish.
        self.addCleanup(translation.deactivate)

    def test_every_page_is_in_spanish_with_no_english_interface_label(self):
        for url in PAGES:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                html = response.content.decode()
                self.assertIn('<html lang="es">', html)
                pieces = labels(html)
                for label in SPANISH_NAVIGATION:
                    self.assertIn(label, pieces)
                self.assertEqual([label for label in ENGLISH_LABELS if label in pieces], [])

    def test_an_organisations_dates_are_said_in_spanish(self):
        response = self.client.get("/es/organisations/junkiebond/")
        self.assertContains(response, '<dt>Fundada</dt>\n  <dd><time datetime="1981-01">enero de 1981</time>')
        self.assertContains(
            response, '<dt>Cerrada</dt>\n  <dd><data value="1987~/1989~">finales de los años 1980</data>'
        )

    def test_the_json_twin_says_dates_in_the_readers_language(self):
        spanish = json.loads(self.client.get("/es/organisations/junkiebond/?format=json").content)
        english = json.loads(self.client.get("/organisations/junkiebond/?format=json").content)
        self.assertEqual(
            (spanish["founded_words"], spanish["closed_words"]), ("enero de 1981", "finales de los años 1980")
        )
        self.assertEqual((english["founded_words"], english["closed_words"]), ("January 1981", "late 1980s"))
        self.assertEqual((spanish["founded"], spanish["closed"]), (english["founded"], english["closed"]))

    def test_the_timeline_places_loose_dates_in_spanish(self):
        response = self.client.get("/es/events/timeline/")
        self.assertContains(response, "Sin un año concreto")
        self.assertContains(response, "alrededor de 2016 o antes")
        self.assertContains(response, "siglo XXI")

    def test_the_language_switcher_leads_to_the_same_page_in_the_other_language(self):
        spanish = self.client.get("/es/organisations/junkiebond/")
        self.assertContains(spanish, '<a href="/organisations/junkiebond/" hreflang="en" lang="en">English</a>')
        self.assertContains(spanish, '<span aria-current="true" lang="es">Español</span>')
        english = self.client.get("/organisations/junkiebond/")
        self.assertContains(english, '<html lang="en">')
        self.assertContains(english, '<a href="/es/organisations/junkiebond/" hreflang="es" lang="es">Español</a>')
        self.assertContains(english, '<span aria-current="true" lang="en">English</span>')

    def test_each_language_is_named_in_itself(self):
        self.assertEqual(dict(settings.LANGUAGES), {"en": "English", "es": "Español"})


# The catalogue ---------------------------------------------------------------------------------------------------


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgctxt, msgid, msgid_plural, msgstr (a list), flags. Enough of the format for ours."""
    entries, entry, field = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry:
                entries.append(entry)
            entry = None
            continue
        entry = entry or {"msgctxt": None, "msgid": "", "msgid_plural": None, "msgstr": [], "flags": set()}
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif match := re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line):
            field = match[1]
            if field.startswith("msgstr"):
                entry["msgstr"].append(ast.literal_eval(match[2]))
            else:
                entry[field] = ast.literal_eval(match[2])
        elif line.startswith('"'):
            if field.startswith("msgstr"):
                entry["msgstr"][-1] += ast.literal_eval(line)
            else:
                entry[field] += ast.literal_eval(line)
        else:
            raise AssertionError(f"unexpected line in {path.name}: {line!r}")
    return entries


PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sdr]")
# Spanish messages that are rightly the same as their English msgid.
SAME_IN_SPANISH = {"Local", "Regional", "Alias", "Audio", "original"}
# Small English words that no Spanish message should contain.
ENGLISH_WORDS = re.compile(r"\b(the|and|of|to|is|are|for|with|by|from|this|that|which|in|on|or|not|no one)\b")


def _messages():
    header, *entries = read_po(CATALOGUE / "django.po")
    return header, entries


def _words(text: str) -> str:
    """The message without placeholders and markup, where English words would show."""
    return re.sub(r"<[^>]+>", " ", PLACEHOLDER.sub(" ", text))


def test_the_catalogue_uses_two_plural_forms():
    header, _ = _messages()
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header["msgstr"][0]
    assert "Language: es" in header["msgstr"][0]
    assert "fuzzy" not in header["flags"]


def test_every_message_is_translated_and_none_is_fuzzy():
    _, entries = _messages()
    assert len(entries) > 400
    untranslated = [
        e["msgid"] for e in entries if not all(e["msgstr"]) or len(e["msgstr"]) != (2 if e["msgid_plural"] else 1)
    ]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert (untranslated, fuzzy) == ([], [])


def test_translations_keep_every_placeholder():
    _, entries = _messages()
    broken = []
    for e in entries:
        sources = [e["msgid"], e["msgid_plural"]] if e["msgid_plural"] else [e["msgid"]]
        for i, translated in enumerate(e["msgstr"]):
            original = sources[min(i, len(sources) - 1)]
            if sorted(PLACEHOLDER.findall(translated)) != sorted(PLACEHOLDER.findall(original)):
                broken.append((original, translated))
    assert broken == []


def test_no_english_is_left_in_a_translation():
    _, entries = _messages()
    left = []
    for e in entries:
        for translated in e["msgstr"]:
            has_words = re.search(r"[A-Za-z]{2}", _words(e["msgid"]))
            copied = translated == e["msgid"] and has_words and e["msgid"] not in SAME_IN_SPANISH
            if copied or ENGLISH_WORDS.search(_words(translated)):
                left.append(translated)
    assert left == []


def test_the_shipped_mo_file_matches_the_catalogue():
    """The compiled catalogue is committed so that installing the archive needs no gettext; it must be current."""
    _, entries = _messages()
    with (CATALOGUE / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for e in entries:
        context = e["msgctxt"]
        if e["msgid_plural"]:
            found = [compiled.npgettext(context, e["msgid"], e["msgid_plural"], n) if context else
                     compiled.ngettext(e["msgid"], e["msgid_plural"], n) for n in (1, 2)]  # fmt: skip
        else:
            found = [compiled.pgettext(context, e["msgid"]) if context else compiled.gettext(e["msgid"])]
        if found != e["msgstr"]:
            stale.append(e["msgid"])
    assert stale == []
