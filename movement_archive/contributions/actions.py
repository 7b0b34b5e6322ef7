"""Writes with side effects on contributions: receiving one, adding to it, answering, withdrawing.

Each runs in one transaction. Files are written to storage inside it and deleted again if it fails, so a
contribution is stored whole or not at all.

Each also runs in the back office's language (the site's default), whatever language the contributor reads the
form in: what they write into the back office is kept as written then (the title of each revision, log entry and
workflow step, "Contribution 3"), so that an editor does not read "Aportación 3" because the group wrote in
Spanish.
"""

from __future__ import annotations

import secrets
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from wagtail.log_actions import log

from movement_archive.consent.actions import record_online_consent, withdraw_consent
from movement_archive.consent.models import Method
from movement_archive.scrubbing import Scrubbed

from . import contact, moderation, notifications
from .models import Attachment, Contribution, Message, Milestone, token_digest

WITHDRAWN = "movement_archive.contribution.withdraw"


def _in_the_back_office_language(action):
    @wraps(action)
    def in_the_back_office_language(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return action(*args, **kwargs)

    return in_the_back_office_language


@dataclass(frozen=True)
class Received:
    contribution: Contribution
    token: str  # shown to the contributor once, in their receipt link; only its digest is kept


@_in_the_back_office_language
def receive(data: dict, milestones: list[dict], *, organisation=None, language: str = "") -> Received:
    """Store a contribution from the public form's cleaned data; returns it with its receipt token."""
    token = secrets.token_urlsafe(32)
    with _files_removed_on_failure() as written, transaction.atomic():
        contribution = Contribution.objects.create(
            kind=Contribution.Kind.CORRECTION if organisation else Contribution.Kind.HISTORY,
            token_digest=token_digest(token),
            organisation=organisation,
            group_name=data["group_name"],
            other_names=data["other_names"],
            country=data["country"],
            city=data["city"],
            place_withheld=data["place_withheld"],
            founded=data["founded"],
            achievements=data["achievements"],
            challenges=data["challenges"],
            narrative=data["narrative"],
            narrative_language=data["narrative_language"],
            links=data["links"],
            credit=data["credit"],
            credit_name=data["credit_name"].strip(),
            contact_sealed=contact.seal(data["contact"]),
            consent_publish=data["consent_publish"],
            consent_keep=data["consent_keep"],
            interface_language=language,
        )
        contribution.models_then.set(data["models_then"])
        contribution.models_now.set(data["models_now"])
        Milestone.objects.bulk_create(
            Milestone(contribution=contribution, date=m["date"], text=m["text"], position=n)
            for n, m in enumerate(m for m in milestones if m.get("text"))
        )
        _attach(contribution, data["files"], written)
        record_online_consent(contribution)
        # Starting the workflow emails the Editors group (Wagtail's notification, naming only "Contribution N").
        moderation.start(contribution)
    return Received(contribution, token)


@_in_the_back_office_language
def add_material(contribution: Contribution, text: str, files: list[Scrubbed]) -> None:
    """More from the contributor while the contribution is open: a note and files."""
    with _files_removed_on_failure() as written, transaction.atomic():
        if text:
            Message.objects.create(contribution=contribution, text=text)
        _attach(contribution, files, written)
        contribution.save(update_fields=["updated_at"])


@_in_the_back_office_language
def answer(contribution: Contribution, text: str) -> None:
    """The contributor's answer to an editor's question; the contribution goes back to the editors."""
    with transaction.atomic():
        Message.objects.create(contribution=contribution, text=text)
        contribution = moderation.current(contribution)
        contribution.status = Contribution.Status.ANSWERED
        moderation.record(contribution)
        notifications.tell_editors(contribution, "A contributor answered an editor's question.")


@_in_the_back_office_language
def forget_contact(contribution: Contribution) -> None:
    """Delete the contributor's contact, from the contribution and from every revision that holds a copy of it."""
    with transaction.atomic():
        contribution.contact_sealed = None
        contribution.save(update_fields=["contact_sealed", "updated_at"])
        # Revisions are kept (the moderation task points at one), but none may keep the contact.
        for revision in contribution.revisions.all():
            revision.content = {**revision.content, "contact_sealed": None}
            revision.save(update_fields=["content"])


@_in_the_back_office_language
def withdraw(contribution: Contribution) -> None:
    """Withdraw a contribution and delete at once everything in it that could say who sent it.

    Kept: a record that a contribution was received and withdrawn, with its dates, so that the audit trail stays
    whole. Deleted: the credited name, the contact, the story and every other text, the messages, the files
    (from storage too) and the revisions that held copies of them. The withdrawal goes into the consent ledger,
    which takes the records made from it off every reading surface at once.
    """
    with transaction.atomic():
        withdraw_consent(contribution=contribution, method=Method.ONLINE_FORM)
        moderation.cancel(contribution, None)
        files = [attachment.file.name for attachment in contribution.attachments.all()]
        contribution.attachments.all().delete()
        contribution.milestones.all().delete()
        contribution.messages.all().delete()
        contribution.revisions.all().delete()
        contribution.models_then.clear()
        contribution.models_now.clear()
        for name in (
            "other_names",
            "city",
            "achievements",
            "challenges",
            "narrative",
            "narrative_language",
            "links",
            "credit_name",
            "decline_reason",
        ):
            setattr(contribution, name, "")
        contribution.group_name = "—"
        contribution.country = None
        contribution.founded = ""
        contribution.credit = Contribution.Credit.ANONYMOUS
        contribution.contact_sealed = None
        contribution.latest_revision = None
        contribution.live_revision = None
        contribution.status = Contribution.Status.WITHDRAWN
        contribution.withdrawn_at = timezone.now()
        contribution.save()
        log(contribution, WITHDRAWN)
        storage = Attachment._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in files])


def _attach(contribution: Contribution, files: list[Scrubbed], written: list) -> None:
    for scrubbed in files:
        # A new name: the file's own name often carries a person's or a place's name.
        attachment = Attachment(
            contribution=contribution,
            media_type=scrubbed.media_type,
            size=len(scrubbed.data),
            removed=", ".join(scrubbed.removed)[:500],
        )
        attachment.file.save(f"{uuid.uuid4().hex}{scrubbed.extension}", ContentFile(scrubbed.data), save=False)
        written.append(attachment.file)
        attachment.save()


@contextmanager
def _files_removed_on_failure():
    written: list = []
    try:
        yield written
    except BaseException:
        for file in written:
            file.storage.delete(file.name)
        raise
