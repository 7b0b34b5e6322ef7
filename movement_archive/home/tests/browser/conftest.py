"""Browser tests: the seeded archive served on 127.0.0.1 and read by headless Chromium.

They run in their own pytest pass (``-m browser``) because the seed is loaded once into the live
server's database and left there, which the ordinary tests, each in its own transaction, must not see.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connections
from django.test.testcases import LiveServerThread

from movement_archive.interviews.tests.helpers import synthetic_interview, synthetic_wav, with_recording
from movement_archive.seed.loader import load_seed
from movement_archive.testing.cast import editor
from movement_archive.testing.outside import AXE, VNU
from movement_archive.testing.two_factor import authenticator

# Playwright's synchronous API keeps an event loop running in the test thread, and Django then refuses
# the test's own database calls as if they came from async code. They do not: everything here is
# synchronous, which is the case this Django switch exists for.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


# Chromium as root in a sandbox, with its own calls home turned off: this machine has no network
# beyond the package registries, and the tests must see every request a page makes.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
# The key of Edith's authenticator, known in advance so that a test can make her codes without reading the database,
# which would lock the table against the server's thread.
EDITOR_AUTHENTICATOR_KEY = "6d6f76656d656e742d617263686976652d74657374"


@pytest.fixture(scope="session")
def archive(django_db_setup, django_db_blocker):
    """The seeded archive served on localhost for the whole session; yields its base address.

    Django's own live-server thread rather than pytest-django's live_server fixture, which empties the
    database after every test. The in-memory SQLite connection is shared with the server's thread.
    """
    with django_db_blocker.unblock():
        load_seed()
        # Interviews are tested on a synthetic one with a playable recording: the seed holds no recordings.
        with_recording(synthetic_interview(key="synthetic-interview", segments=8), synthetic_wav(40))
        # Edith signs in to moderate (test_contributing), with a code from her authenticator; both made here, as
        # the test's own writes would lock the shared database against the server's thread.
        authenticator(editor(), key=EDITOR_AUTHENTICATOR_KEY)
        shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}
        for connection in shared.values():
            connection.inc_thread_sharing()
        server = LiveServerThread("localhost", StaticFilesHandler, connections_override=shared, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://localhost:{server.port}"
        server.terminate()
        for connection in shared.values():
            connection.dec_thread_sharing()


@pytest.fixture(scope="session")
def browser(archive):
    from playwright.sync_api import sync_playwright

    # The root conftest.py fails every browser test before this point when chromium is missing.
    executable = shutil.which("chromium")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Reader:
    """A page plus what it did: requests to other hosts and console errors."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.outside_requests: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", self._request)
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _request(self, request) -> None:
        url = urlparse(request.url)
        if url.scheme in {"data", "blob", "about"}:
            return
        if url.hostname not in LOCAL_HOSTS:
            self.outside_requests.append(request.url)

    def open(self, path: str):
        response = self.page.goto(self.base_url + path, wait_until="networkidle")
        assert response is not None and response.status == 200, f"{path}: {response and response.status}"
        return response

    def axe_violations(self) -> list[dict]:
        # Loaded from the page's own origin: the content security policy refuses inline scripts, which is what
        # Playwright would otherwise insert, and the test must not turn the policy off to run.
        self.page.route(
            "**/__axe__.js", lambda route: route.fulfill(path=str(AXE), content_type="application/javascript")
        )
        self.page.add_script_tag(url=f"{self.base_url}/__axe__.js")
        result = self.page.evaluate(
            "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']})"
        )
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]


@pytest.fixture
def reader(browser, archive):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    reader = Reader(context.new_page(), archive)
    yield reader
    context.close()


@pytest.fixture
def phone_reader_without_javascript(browser, archive):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    reader = Reader(context.new_page(), archive)
    yield reader
    context.close()


def html_errors(html: str, tmp_path: Path) -> list[str]:
    """The Nu Html Checker's errors for a document (warnings aside)."""
    document = tmp_path / "page.html"
    document.write_text(html, encoding="utf-8")
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is needed to run the Nu Html Checker (vnu.jar)")
    run = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", str(document)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(run.stdout or "{}").get("messages", [])
    return [f"line {m.get('lastLine')}: {m['message']}" for m in messages if m.get("type") == "error"]
