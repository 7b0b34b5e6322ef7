"""What editors decide about a contribution: ask a question, decline, or accept it as new records or into one.

Every decision is one transaction, is written to the audit log (Wagtail's log, with the actions registered in
``wagtail_hooks``), and moves the contribution's moderation workflow along. Accepted material becomes ordinary
published records, each citing a source made for the contribution; the source reads its credit from the
contribution, so a later withdrawal takes the contributor's name off every record at once.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from movement_archive.core.keys import free_key
from movement_archive.events.models import Event
from movement_archive.organisations.models import Organisation, OrganisationName
from movement_archive.organising.models import Practice
from movement_archive.sources.models import Source

from .models import Contribution, Message
from .moderation import approve, cancel, current, record

ASKED, DECLINED, ACCEPTED, MERGED = (
    "movement_archive.contribution.ask",
    "movement_archive.contribution.decline",
    "movement_archive.contribution.accept",
    "movement_archive.contribution.merge",
)


class NotOpen(Exception):
    """The contribution was already decided, or withdrawn."""


def ask_question(contribution: Contribution, editor, text: str) -> Message:
    _check_open(contribution)
    with transaction.atomic():
        contribution = current(contribution)
        message = Message.objects.create(contribution=contribution, from_editor=True, editor=editor, text=text)
        contribution.status = Contribution.Status.QUESTION
        record(contribution, editor)
        log(contribution, ASKED, user=editor)
    return message


def decline(contribution: Contribution, editor, reason: str) -> None:
    _check_open(contribution)
    with transaction.atomic():
        contribution = current(contribution)
        contribution.status = Contribution.Status.DECLINED
        contribution.decline_reason = reason
        record(contribution, editor)
        cancel(contribution, editor)
        log(contribution, DECLINED, user=editor, data={"reason": reason})


def accept_as_new(contribution: Contribution, editor, *, names: list[str] | None = None) -> list[Organisation]:
    """Accept the contribution as one new organisation, or, split, as one per name in ``names``."""
    _check_open(contribution)
    with transaction.atomic():
        contribution = current(contribution)
        source = _source_for(contribution, editor)
        made = []
        for name in names or [contribution.group_name]:
            organisation = Organisation(
                name=name[:255],
                kind=Organisation.Kind.USER_GROUP,
                scope=Organisation.Scope.LOCAL,
                founded=contribution.founded,
                description=contribution.narrative,
                citations=_cite(source),
                made_from=contribution,
            )
            if not names or len(names) == 1:
                _add_names(organisation, contribution)
            _add_practices(organisation, contribution, source)
            organisation.key = free_key(Organisation, name)
            organisation.live = False
            organisation.save()
            if contribution.country_id:
                organisation.countries.set([contribution.country_id])
            organisation.save_revision(user=editor, log_action=True).publish(user=editor)
            _add_milestones(contribution, organisation, source, editor)
            made.append(organisation)
        _close(contribution, editor, ACCEPTED, {"organisations": [o.pk for o in made]})
    return made


def merge_into(contribution: Contribution, organisation: Organisation, editor) -> Organisation:
    """Accept the contribution into an existing organisation: its new names, models and milestones are added,
    and fields the record leaves empty are filled; what the record already says is kept, for the editor to
    change by hand where the contribution is right."""
    _check_open(contribution)
    with transaction.atomic():
        contribution = current(contribution)
        source = _source_for(contribution, editor)
        organisation = Organisation.objects.get(pk=organisation.pk)
        _add_names(organisation, contribution)
        _add_practices(organisation, contribution, source)
        if not organisation.founded and contribution.founded:
            organisation.founded = contribution.founded
        if not organisation.description and contribution.narrative:
            organisation.description = contribution.narrative
        organisation.citations.append(("citation", {"source": source, "locator": _("contribution")}))
        if contribution.country_id and not organisation.countries.exists():
            organisation.countries.set([contribution.country_id])
        organisation.save_revision(user=editor, log_action=True).publish(user=editor)
        _add_milestones(contribution, organisation, source, editor)
        contribution.organisation = organisation
        _close(contribution, editor, MERGED, {"organisation": organisation.pk})
    return organisation


def _check_open(contribution: Contribution) -> None:
    if not contribution.open:
        raise NotOpen(_("This contribution was already decided or withdrawn."))


def _close(contribution: Contribution, editor, action: str, data: dict) -> None:
    contribution.status = Contribution.Status.ACCEPTED
    record(contribution, editor)
    approve(contribution, editor)
    log(contribution, action, user=editor, data=data)


def _source_for(contribution: Contribution, editor) -> Source:
    if contribution.source_id:
        return contribution.source
    received = contribution.created_at
    source = Source(
        title=_("History sent in for %(name)s") % {"name": contribution.group_name},
        kind=Source.Kind.CONTRIBUTION,
        date=f"{received:%Y-%m}",
        description=_("A history sent in through the archive's contribution form and checked by its editors."),
        key=f"contribution-{contribution.pk}",
        live=False,
    )
    source.save()
    source.save_revision(user=editor).publish(user=editor)
    contribution.source = source
    return source


def _cite(source: Source) -> list[dict]:
    return [{"type": "citation", "value": {"source": source.pk, "locator": _("contribution")}}]


def _add_names(organisation: Organisation, contribution: Contribution) -> None:
    known = {organisation.name, organisation.acronym, *(n.name for n in organisation.other_names.all())}
    for line in [contribution.group_name, *contribution.other_names.splitlines()]:
        name = line.strip()[:255]
        if name and name not in known:
            organisation.other_names.add(OrganisationName(name=name))
            known.add(name)


def _add_practices(organisation: Organisation, contribution: Contribution, source: Source) -> None:
    practised = {p.model_id for p in organisation.practices.all()}
    then = set(contribution.models_then.values_list("pk", flat=True))
    now = set(contribution.models_now.values_list("pk", flat=True))
    for model_id in sorted((then | now) - practised):
        organisation.practices.add(
            Practice(
                model_id=model_id,
                start=contribution.founded if model_id in then else "",
                note=_("from the start") if model_id in then and model_id in now else "",
                citations=_cite(source),
            )
        )


def _add_milestones(contribution: Contribution, organisation: Organisation, source: Source, editor) -> None:
    for milestone in contribution.milestones.all():
        event = Event(
            title=milestone.text[:255],
            kind=Event.Kind.MILESTONE,
            date=milestone.date,
            description=milestone.text if len(milestone.text) > 255 else "",
            citations=_cite(source),
            made_from=contribution,
            key=free_key(Event, milestone.text, length=80),
            live=False,
        )
        event.save()
        event.organisations.set([organisation])
        if contribution.country_id:
            event.countries.set([contribution.country_id])
        event.save_revision(user=editor, log_action=True).publish(user=editor)
