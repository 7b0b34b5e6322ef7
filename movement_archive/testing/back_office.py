"""A crawler for the back office: every view a signed-in user can reach, and every registered view accounted for.

``crawl_back_office(client)`` starts at the dashboard and follows, breadth first, every link and GET form of the
back office it finds (listings with their searches, filters and orderings; each record's edit, inspect, history,
usage, revisions and delete confirmation; the custom views), recording each answer and every error the server
logged while answering. Variants of one view are capped (``per_view``), so a listing of a hundred records costs
a few requests, not a hundred.

``unvisited(crawls)`` then lists the back office's named URL patterns that no crawl reached, read from the URL
configuration itself: a view added later joins the check without editing it, and one that cannot be reached by
following links (an action that only takes POST, an endpoint only scripts call) has to be named, with the reason,
in ``NOT_CRAWLED``.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import NoReverseMatch, Resolver404

from . import links

ADMIN = "/admin/"
# Never followed: signing out ends the crawl's session; the error test view raises on purpose; bulk actions are
# forms the listing's script fills with the chosen records' keys (without them the address answers 404).
NEVER = ("/admin/logout/", "/admin/error-test/", "/admin/bulk/")

# Views the crawl cannot reach by GET, by name (the part after the namespace), with why. Anything else the URL
# configuration names under /admin/ must be visited by at least one crawl.
NOT_CRAWLED: dict[str, str] = {
    # Actions: POST only, answered 405 to a GET; the crawl reaches the pages whose forms send them.
    "lock": "POST only", "unlock": "POST only", "workflow_action": "POST only",
    "collect_workflow_action_data": "POST only", "confirm_workflow_cancellation": "POST only",
    "revisions_unschedule": "POST only", "delete_multiple": "POST only", "delete_upload_multiple": "POST only",
    "add_multiple": "POST only", "edit_multiple": "POST only", "create_multiple_from_uploaded_image": "POST only",
    "create_multiple_from_uploaded_document": "POST only",
"wagtailadmin_dismissibles": "POST only",
    "preview_on_add": "POST only", "preview_on_edit": "POST only", "preview_on_create": "POST only",
    "wagtail_bulk_action": "POST only", "set_privacy": "a dialog's form, for pages", "remove": "POST only",
    # Endpoints only the admin's scripts call, with parameters they fill in.
    "chosen": "chooser script", "chosen_multiple": "chooser script", "choose_results": "chooser script",
    "wagtailadmin_tag_autocomplete": "chooser script", "wagtailadmin_tag_model_autocomplete": "chooser script",
    "wagtailadmin_javascript_catalog": "script", "wagtailadmin_sprite": "script",
    "wagtailadmin_block_preview": "script",
    "workflow_history_results": "script", "workflow_tasks_results": "script", "workflow_results": "script",
    "usage_results": "script",
    # Signing in and resetting a password are for those signed out; the accounts tests cover them.
    "wagtailadmin_login": "signed-out page", "wagtailadmin_logout": "ends the session",
    "wagtailadmin_password_reset": "signed-out page", "wagtailadmin_password_reset_done": "signed-out page",
    "wagtailadmin_password_reset_confirm": "signed-out page", "wagtailadmin_password_reset_complete": "signed-out page",
    "wagtailadmin_error_test": "raises on purpose",
    "enrol": "the second step of signing in, before the back office", "verify": "the second step of signing in",
    # Wagtail's admin API: looked up by the choosers' scripts with the ids they hold.
    "detail": "admin API lookup", "find": "admin API lookup",
    "ping": "an editing session's script, POST only", "release": "an editing session's script, POST only",
    "task_chooser": "a modal's script", "task_chooser_create": "a modal's script",
    "task_chooser_results": "a modal's script", "task_chosen": "a modal's script",
    "enable": "POST only", "enable_task": "POST only", "select_format": "a modal's script",
    "url_generator_output": "the URL generator's script", "preview": "the URL generator's script",
    "url_generator": "offered only where Wagtail's image-serving view is routed; the archive routes none",
}  # fmt: skip

# Whole families of views the back office does not offer, by the start of their full name, with why.
NOT_CRAWLED_FAMILIES: dict[str, str] = {
    # The archive serves no Wagtail page: the explorer and the page reports are left out of the menus
    # (``home/wagtail_hooks.py``); what remains of them is Wagtail's, reached by typing its address.
    "wagtailadmin_pages:": "no pages", "wagtailadmin_explore": "no pages", "wagtailadmin_choose_page": "no pages",
    "wagtailadmin_api:pages:": "no pages", "wagtailadmin_reports:locked_pages": "no pages",
    "wagtailadmin_reports:aging_pages": "no pages", "wagtailadmin_reports:page_types_usage": "no pages",
    # Wagtail's tools that no role of the archive is granted (``accounts.roles``): a superuser's. A test checks
    # that the administrator is refused them, so granting one to a role brings it back into the crawl.
    "wagtailsites": "no role", "wagtailredirects": "no role", "wagtailadmin_collections": "no role",
    "wagtailforms": "no role (form pages)", "wagtailembeds": "no role (embeds in pages)",
    # Kept by the archive and never changed in the back office: the consent ledger takes new entries only
    # (``consent.wagtail_hooks.AddOnlyPolicy``), and the audit of viewings is read only.
    "consententry:edit": "add only", "consententry:delete": "add only", "consententry:history": "add only",
    "consententry:usage": "add only", "viewings:add": "read only", "viewings:edit": "read only",
    "viewings:delete": "read only", "viewings:history": "read only", "viewings:usage": "read only",
}  # fmt: skip

# The page of a list, which makes no address a new variant of its view.
PAGE_PARAMS = frozenset({"p", "page"})

# Wagtail's own tools, whose listings the archive configures nothing in: they are crawled by their links and
# forms as they stand, not column by column and choice by choice, which the archive's own listings are.
WAGTAILS_OWN = ("wagtailusers_", "wagtailadmin_", "wagtailimages", "wagtaildocs")

# The tools of NOT_CRAWLED_FAMILIES that no role is granted, by an address of each.
SUPERUSER_TOOLS = ("/admin/sites/", "/admin/redirects/", "/admin/collections/", "/admin/forms/")


@dataclass
class Answer:
    url: str
    status: int
    view: str  # the URL pattern's full name, namespace included
    found_on: str  # the page that linked it ("" for a start)
    errors: list[str] = field(default_factory=list)  # what the server logged at ERROR while answering


@dataclass
class BackOfficeCrawl:
    answers: list[Answer]

    @property
    def failures(self) -> list[Answer]:
        """Answers that are server errors, that logged an error, or that a link led to and were not found."""
        return [
            answer
            for answer in self.answers
            if answer.status >= 500 or answer.errors or (answer.status == 404 and answer.found_on)
        ]

    def views(self) -> Counter:
        """The views that opened (answered 200), with how many times."""
        return Counter(answer.view for answer in self.answers if answer.status == 200)

    def report(self) -> str:
        return "\n".join(
            f"{answer.status} {answer.url} (linked from {answer.found_on or 'the start'})"
            + "".join(f"\n    logged: {error}" for error in answer.errors)
            for answer in self.failures
        )


class _Logged(logging.Handler):
    """Every record at ERROR or above, from any logger, while the crawl runs."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(f"{record.name}: {record.getMessage().splitlines()[0]}")


def crawl_back_office(
    client: Client,
    *,
    start: tuple[str, ...] | None = None,
    per_view: int = 2,
    each_ordering: bool = True,
    each_choice: bool = True,
    budget: int = 2000,
) -> BackOfficeCrawl:
    """GET every back-office page reachable from ``start`` by links and GET forms, at most ``per_view`` variants
    of each view. A variant is the view with one set of query parameter names (so one record's edit view stands
    for every record's, and each filter of a listing is one), and with ``each_ordering`` one ordering of it.

    By default it starts from the dashboard and from every back-office address that takes no argument (choosers'
    modals and the like, which no page links to but which scripts open).
    """
    queue: deque[tuple[str, str]] = deque((url, "") for url in (start or (ADMIN, *argument_free_addresses())))
    seen: set[str] = set()
    taken: Counter = Counter()
    answers: list[Answer] = []
    logged = _Logged()
    root = logging.getLogger()
    root.addHandler(logged)
    # A view that raises is answered 500 and logged, as in production, and the crawl goes on to the next.
    raising, client.raise_request_exception = client.raise_request_exception, False
    try:
        while queue:
            url, found_on = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            view = _view_name(url)
            if _out_of_reach(view):  # declared out of reach: not fetched when found either
                continue
            ours = not view.startswith(WAGTAILS_OWN)
            query = dict(parse_qsl(urlsplit(url).query))
            variant = _variant(view, query, each_ordering and ours)
            # Several records for a view's plain address (a draft's edit form and a live one's differ); one for each
            # of its query variants.
            if taken[variant] >= (1 if set(query) - PAGE_PARAMS else per_view):
                continue
            taken[variant] += 1
            if len(answers) >= budget:
                raise AssertionError(f"the back-office crawl passed {budget} pages; raise the budget if it grew")
            logged.records.clear()
            response = client.get(url)
            answers.append(Answer(url, response.status_code, view, found_on, list(logged.records)))
            if response.status_code in (301, 302, 303, 307, 308):
                queue.append((urljoin(url, response["Location"]), url))
                continue
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            for found in _addresses(response.content.decode(errors="replace"), url, each_choice and ours):
                if found not in seen:
                    queue.append((found, url))
    finally:
        root.removeHandler(logged)
        client.raise_request_exception = raising
    return BackOfficeCrawl(answers)


def _variant(view: str, query: dict[str, str], each_ordering: bool) -> tuple:
    """What makes two addresses of a view worth a request each: the parameters they are sent with (the page of a
    list aside), or, with ``each_ordering``, the column it is ordered by, whatever else is sent with it."""
    if each_ordering and "ordering" in query:
        return (view, "ordering", query["ordering"].lstrip("-"))  # a column's two directions are one query
    return (view, tuple(sorted(set(query) - PAGE_PARAMS)))


def _addresses(html: str, page: str, each_choice: bool = True) -> list[str]:
    """The back-office addresses a page links to, and its GET forms sent one choice at a time (``links``)."""
    found = []
    for address in [*links.links_in_html(html), *links.links_in_json_scripts(html)]:
        absolute = urljoin(page, address).split("#", 1)[0]
        if _followed(absolute):
            found.append(absolute)
    for action, fields in links.get_form_variants(html, each_choice):
        absolute = urljoin(page, action).split("#", 1)[0].split("?", 1)[0]
        if _followed(absolute):
            found.append(f"{absolute}?{urlencode(fields)}" if fields else absolute)
    return found


def _followed(url: str) -> bool:
    parts = urlsplit(url)
    if parts.netloc and parts.netloc not in ("testserver", "localhost"):
        return False
    path = parts.path
    return path.startswith(ADMIN) and not path.startswith(NEVER) and not re.search(r"\.(js|css|svg|png|ico)$", path)


def _view_name(url: str) -> str:
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return "(no view)"


def _admin_patterns() -> list[tuple[str, str, bool]]:
    """Every named URL pattern under /admin/: its full name, and whether it takes no argument."""
    found: list[tuple[str, str, bool]] = []

    def walk(patterns, prefix: str, namespace: str | None, plain: bool) -> None:
        for pattern in patterns:
            fixed = plain and not pattern.pattern.regex.groupindex and "(" not in pattern.pattern.regex.pattern
            if isinstance(pattern, URLResolver):
                inner = ":".join(n for n in (namespace, pattern.namespace) if n) if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner, fixed)
            elif isinstance(pattern, URLPattern) and pattern.name and f"{prefix}{pattern.pattern}".startswith("admin/"):
                found.append((f"{namespace}:{pattern.name}" if namespace else pattern.name, prefix, fixed))

    walk(get_resolver().url_patterns, "", None, True)
    return found


def admin_view_names() -> set[str]:
    """The full name of every named URL pattern under /admin/, from the URL configuration."""
    return {name for name, _, _ in _admin_patterns()}


def argument_free_addresses() -> list[str]:
    """The address of every back-office view that takes no argument, but those declared out of reach."""
    addresses = set()
    for name, _, plain in _admin_patterns():
        if plain and not _out_of_reach(name):
            try:
                addresses.add(reverse(name))
            except NoReverseMatch:  # one name for several patterns, the first of which takes arguments
                continue
    return sorted(addresses)


def _out_of_reach(view: str) -> bool:
    return view.rsplit(":", 1)[-1] in NOT_CRAWLED or view.startswith(tuple(NOT_CRAWLED_FAMILIES))


def unvisited(crawls: list[BackOfficeCrawl]) -> list[str]:
    """Named back-office views no crawl asked for (a refusal is an answer too: the view ran and said no), and that
    ``NOT_CRAWLED`` and ``NOT_CRAWLED_FAMILIES`` do not name."""
    visited = {answer.view for crawl in crawls for answer in crawl.answers}
    return sorted(name for name in admin_view_names() - visited if not _out_of_reach(name))
