"""A reader listens to an interview: following a moment seeks the recording, and the transcript follows it."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGE = "/interviews/synthetic-interview/"


def current_line(reader) -> str | None:
    return reader.page.evaluate("document.querySelector('#transcript li[aria-current]')?.id ?? null")


def test_following_a_line_seeks_the_recording_and_marks_the_line(reader):
    reader.open(PAGE)
    reader.page.click("#s3 a.moment")
    reader.page.wait_for_function("Math.abs(document.getElementById('player').currentTime - 12) < 0.5")

    assert current_line(reader) == "s3"
    assert "t=12" in reader.page.url
    assert reader.console_errors == []


def test_the_transcript_follows_the_recording_as_it_plays_on(reader):
    reader.open(PAGE)
    reader.page.wait_for_function("document.getElementById('player').readyState >= 1")  # its length is known
    # Muted, so that a browser without a sound card plays it on.
    player = reader.page.locator("#player")
    player.evaluate("p => { p.muted = true; p.currentTime = 21; }")
    player.evaluate("p => p.play()")
    reader.page.wait_for_function("document.querySelector('#transcript li[aria-current]')?.id === 's5'")

    assert reader.page.locator("#follow-playback").is_checked()


def test_a_deep_link_opens_on_its_line(reader):
    reader.open(PAGE + "?t=17")

    assert current_line(reader) == "s4"
    assert reader.page.evaluate("document.getElementById('player').currentSrc").endswith("recording#t=17")


def test_without_javascript_each_moment_is_a_media_fragment_link(phone_reader_without_javascript):
    reader = phone_reader_without_javascript
    reader.open(PAGE)
    href = reader.page.get_attribute("#s2 a.moment", "href")

    assert href == f"{PAGE}recording#t=8"
