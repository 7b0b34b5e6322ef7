"""Recording consent, and making it hold everywhere at once.

``record_consent`` adds an entry to the ledger and applies it in the same transaction:

- the person (or the records made from a contribution) takes the entry's scope as its consent ceiling, which
  every ``visible_to`` reads, and its attribution, which decides the public name;
- a withdrawal takes the records off the reading surfaces (``Restricted.withdrawn_at``: pages answer 410) and
  out of the search index; interviews take the narrowest consent of their narrators;
- episodes that use the material, and organisations a contribution was merged into, are flagged for editors;
  static exports holding the material are listed for rebuilding (``exports``).
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from movement_archive.access.policy import Ceiling, narrowest
from movement_archive.core.keys import free_key
from movement_archive.people.models import Person, key_reveals, public_name_for

from . import effects
from .models import Attribution, ConsentEntry, Method, Scope

RECORDED = "consent.recorded"


def record_consent(
    *,
    person: Person | None = None,
    contribution=None,
    scope: str,
    attribution: str,
    agreed_on: date,
    method: str,
    by=None,
    evidence: str = "",
    note: str = "",
    pseudonym: str | None = None,
) -> ConsentEntry:
    """Add an entry to the ledger and apply it at once. ``pseudonym`` sets the person's pseudonym with it."""
    if (person is None) == (contribution is None):
        raise ValidationError(_("Consent is recorded for one person or one contribution."))
    if agreed_on > timezone.localdate():
        raise ValidationError({"agreed_on": _("Consent cannot have been given after today.")})
    with transaction.atomic():
        if person is not None:
            person = Person.objects.select_for_update().get(pk=person.pk)
            if pseudonym is not None:
                person.pseudonym = pseudonym.strip()
            if attribution == Attribution.PSEUDONYM and not person.pseudonym:
                raise ValidationError({"attribution": _("Give the pseudonym this person is to be known by.")})
        entry = ConsentEntry.objects.create(
            person=person,
            contribution=contribution,
            subject=_subject(person, contribution),
            scope=scope,
            attribution=attribution,
            agreed_on=agreed_on,
            method=method,
            evidence=evidence,
            note=note,
            recorded_by=by if by is not None and by.is_authenticated else None,
        )
        if person is not None:
            _apply_to_person(person, entry, by)
        else:
            effects.apply_to_contribution(contribution, entry)
        log(entry.person or contribution, RECORDED, user=by, data={"scope": scope, "attribution": attribution})
    return entry


def record_online_consent(contribution) -> ConsentEntry:
    """The consent a group gives on the contribution form: publication as the form says, credited as it chose."""
    return record_consent(
        contribution=contribution,
        scope=Scope.PUBLIC if contribution.consent_publish else Scope.RESEARCH,
        attribution=contribution.credit,
        agreed_on=timezone.localdate(),
        method=Method.ONLINE_FORM,
    )


def withdraw_consent(*, person: Person | None = None, contribution=None, method: str, by=None, note: str = ""):
    """A withdrawal, as the ledger records it: scope withdrawn, no name."""
    return record_consent(
        person=person,
        contribution=contribution,
        scope=Scope.WITHDRAWN,
        attribution=Attribution.ANONYMOUS,
        agreed_on=timezone.localdate(),
        method=method,
        by=by,
        note=note,
    )


def _subject(person, contribution) -> str:
    # The key, not the name: the ledger is read by editors, but its labels end up in logs and flags.
    return f"person:{person.key}" if person is not None else f"contribution:{contribution.pk}"


def _apply_to_person(person: Person, entry: ConsentEntry, by) -> None:
    old_key = person.key
    person.consent = entry.scope
    withdrawn = entry.scope == Scope.WITHDRAWN
    person.withdrawn_at = timezone.now() if withdrawn else None
    person.consent_changed_at = timezone.now()
    # A withdrawal shows nothing, so it leaves the name and the address as they were: the old address answers
    # 410 Gone to those who could read it, rather than a 404 that looks like a broken link.
    if not withdrawn:
        person.attribution = entry.attribution
    if not withdrawn and not person.named and key_reveals(person.key, person.name):
        # The old address named the person: it answers 404 from now on, with no redirect that would link the two.
        person.key = free_key(Person, public_name_for(person.name, person.pseudonym, person.attribution) or "anonymous")
    person.save()
    _keep_revisions_in_step(person, old_key)
    # The exports hold the person under the address they had then, which may have named them.
    effects.flag_exports([("person", old_key)], entry)
    interviews = effects.interviews_narrated_by(person)
    for interview in interviews:
        effects.apply_to_interview(interview, entry)
    effects.reindex(person)
    effects.flag_uses(entry, person=person, interviews=interviews)


def _keep_revisions_in_step(person: Person, old_key: str) -> None:
    """A draft saved before the change still holds the old key; publishing it must not bring the name back."""
    if old_key == person.key:
        return
    for revision in person.revisions.all():
        if revision.content.get("key") == old_key:
            revision.content["key"] = person.key
            revision.save(update_fields=["content"])


def ceiling_of(entries) -> Ceiling:
    return narrowest(*(Ceiling(entry.scope) for entry in entries))
