"""A reader opens the key pages in Chromium: nothing loads from elsewhere, nothing fails, axe-core and
the Nu Html Checker find nothing to fix, and every page still works on a small phone with JavaScript off."""

import pytest

from .conftest import html_errors

# django_db: pytest-django creates the test database only for runs that ask for one.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

KEY_PAGES = [
    "/",
    "/organisations/?region=Europe&model=grassroots",
    "/organisations/junkiebond/",
    "/events/timeline/",
    "/events/timeline/?organisation=junkiebond",
    "/places/map/",
    "/search/?q=VANDU",
    "/es/organisations/junkiebond/",
    "/people/",
    "/people/shaun-shelly/",
    "/places/",
    "/places/tz/",
    "/places/regions/europe/",
    "/models/public-health/",
    "/episodes/4/",
    "/sources/briefing/",
    "/events/thailand-killings-2003/",
    "/interviews/",
    "/interviews/synthetic-interview/",
    "/interviews/synthetic-interview/?t=9&beside=es",
    "/interviews/interview-dirk-schaffer/",
    "/contribute/",
    "/es/contribute/?record=junkiebond",
]


@pytest.mark.parametrize("path", KEY_PAGES)
def test_a_key_page_is_local_quiet_accessible_and_valid(reader, tmp_path, path):
    response = reader.open(path)

    assert reader.outside_requests == []
    assert reader.console_errors == []  # a breach of the content security policy is reported here too
    assert reader.page.context.cookies() == []  # nothing kept in the reader's browser
    assert reader.axe_violations() == []
    # The HTML as the server sent it, not the browser's repaired version of it.
    assert html_errors(response.text(), tmp_path) == []


@pytest.mark.parametrize("path", KEY_PAGES)
def test_a_key_page_reads_on_a_phone_without_javascript(phone_reader_without_javascript, path):
    reader = phone_reader_without_javascript
    reader.open(path)

    assert reader.page.locator("main h1").count() == 1
    # Nothing wider than the screen: no sideways scrolling on a 360 px phone.
    assert reader.page.evaluate("document.documentElement.scrollWidth") <= 360
    assert reader.outside_requests == []


def test_the_search_form_finds_an_organisation_by_its_acronym(reader):
    reader.open("/")
    reader.page.fill("#site-search", "VANDU")
    reader.page.press("#site-search", "Enter")
    reader.page.wait_for_load_state("networkidle")

    assert "Vancouver Area Network of Drug Users" in reader.page.content()


def test_the_language_switcher_keeps_the_reader_on_the_same_page(reader):
    reader.open("/organisations/junkiebond/")
    reader.page.click("nav.languages a[hreflang=es]")
    reader.page.wait_for_load_state("networkidle")

    assert reader.page.url.endswith("/es/organisations/junkiebond/")
    assert reader.page.locator("html").get_attribute("lang") == "es"
