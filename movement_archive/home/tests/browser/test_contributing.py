"""The whole path of a contribution, in a real browser: a group sends its history from a phone without scripts,
keeps its receipt link, answers an editor's question, and, once accepted, is credited on the public page as it
chose."""

from __future__ import annotations

import re

import pytest

from movement_archive.testing.cast import EDITOR, PASSWORD
from movement_archive.testing.two_factor import code_from_key

from .conftest import EDITOR_AUTHENTICATOR_KEY, html_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def signed_in(browser, archive, username: str, authenticator_key: str):
    """A browser context signed in to the back office as ``username``, through its login form and then a code from
    the user's authenticator, whose key the ``archive`` fixture set."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{archive}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/two-factor/"))
    page.fill("input[name=code]", code_from_key(authenticator_key))
    page.click("form:has(input[name=code]) button[type=submit]")
    page.wait_for_url(f"{archive}/admin/")
    return context, page


def test_a_history_goes_from_the_form_to_the_public_page_credited_as_chosen(
    browser, archive, phone_reader_without_javascript, reader, tmp_path
):
    contributor = phone_reader_without_javascript
    contributor.open("/contribute/")
    page = contributor.page
    page.fill("#id_group_name", "Synthetic Tideway Users Union")
    page.fill("#id_other_names", "Tideway Union")
    page.fill("#id_founded_year", "1992")
    page.fill("#id_narrative", "Six of us started a needle exchange from a bicycle.")
    page.check("#id_credit_1")  # by a pseudonym
    page.fill("#id_credit_name", "Tideway Six")
    page.check("#id_consent_publish")
    page.check("#id_consent_keep")
    page.click("form.contribute button[type=submit]")
    receipt = page.input_value("#receipt-url")
    assert "/contribute/receipt/" in receipt
    assert contributor.outside_requests == []
    assert page.context.cookies() == []

    context, admin = signed_in(browser, archive, EDITOR, EDITOR_AUTHENTICATOR_KEY)
    admin.goto(f"{archive}/admin/snippets/contributions/contribution/?status=received")
    admin.click("text=Synthetic Tideway Users Union")  # its name in the queue opens its moderation page
    assert re.fullmatch(rf"{re.escape(archive)}/admin/contributions/\d+/moderate/", admin.url), admin.url
    moderate = admin.url
    admin.fill("#id_ask-text", "Which city did the bicycle ride in?")
    admin.click("form:has(#id_ask-text) button[type=submit]")
    admin.wait_for_selector("text=The question is on the contributor's receipt page.")

    page.goto(receipt)
    assert page.locator("text=Which city did the bicycle ride in?").count() == 1
    # The receipt with a question and every form on it: accessible, valid, and wholly local.
    response = reader.open(receipt.removeprefix(archive))
    assert reader.axe_violations() == []
    assert html_errors(response.text(), tmp_path) == []
    assert reader.outside_requests == []
    page.fill("#id_answer-text", "Port Ellin, along the tideway.")
    page.click("form:has(#id_answer-text) button[type=submit]")
    assert page.locator("text=Your answer was sent to the editors.").count() == 1

    admin.goto(moderate)
    assert admin.locator("text=Port Ellin, along the tideway.").count() == 1
    admin.click("form:has(#id_accept-names) button[type=submit]")
    admin.wait_for_selector("text=Accepted: published Synthetic Tideway Users Union.")
    context.close()

    contributor.open("/organisations/synthetic-tideway-users-union/")
    assert page.locator("main h1").inner_text() == "Synthetic Tideway Users Union"
    assert page.locator("text=sent in by Tideway Six").count() >= 1
    page.goto(receipt)
    assert page.locator("text=Accepted into the archive").count() == 1
