"""What a consent entry changes beyond the person's own row: interviews, records made from a contribution, the
search index, and the flags editors work through. Called by ``actions`` inside its transaction."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.search.index import insert_or_update_object, remove_object

from movement_archive.access.policy import Ceiling, narrowest
from movement_archive.documentary.models import Episode
from movement_archive.exports.actions import flag_for_rebuild, record_ref
from movement_archive.interviews.models import Interview, Participant
from movement_archive.interviews.search import add_parts_to_search, remove_parts_from_search

from .models import ConsentEntry, Flag


def interviews_narrated_by(person) -> list[Interview]:
    return list(
        Interview.objects.filter(participants__person=person, participants__role=Participant.Role.NARRATOR).distinct()
    )


def apply_to_interview(interview: Interview, entry: ConsentEntry) -> None:
    """An interview holds the narrowest consent of its narrators: one narrator withdrawing withdraws it."""
    narrators = interview.participants.filter(role=Participant.Role.NARRATOR).select_related("person")
    ceiling = narrowest(*(Ceiling(p.person.consent) for p in narrators))
    _apply(interview, ceiling)
    flag_exports([record_ref(interview)], entry)


def apply_to_contribution(contribution, entry: ConsentEntry) -> None:
    """The records made from a contribution take its scope; an organisation it was merged into is flagged, since
    the contributed parts of it (names, models, milestones) are the editor's to take out."""
    ceiling = Ceiling(entry.scope)
    made = [*contribution.made_organisations.all(), *contribution.made_events.all()]
    if contribution.source_id:
        made.append(contribution.source)
    for record in made:
        _apply(record, ceiling)
    flag_exports([record_ref(record) for record in made], entry)
    merged = contribution.organisation
    if merged is not None and merged.made_from_id != contribution.pk and entry.scope != Ceiling.PUBLIC:
        _flag(entry, "organisation", merged.key, merged.name, _("material from this contribution was merged in"))


def flag_exports(refs: list[tuple[str, str]], entry: ConsentEntry) -> None:
    """Static mirrors and data dumps made before the change still hold the material: editors get the list."""
    if refs:
        reason = _("consent changed for %(subject)s (%(scope)s)") % {
            "subject": entry.subject,
            "scope": entry.get_scope_display(),
        }
        flag_for_rebuild(refs, reason)


def reindex(record) -> None:
    if record.withdrawn_at is not None:
        remove_object(record)
    else:
        insert_or_update_object(record)


def flag_uses(entry: ConsentEntry, *, person, interviews: list[Interview]) -> None:
    """Episodes that draw on the person's interviews, or feature or credit the person, are flagged."""
    if entry.scope == Ceiling.PUBLIC:
        return
    episodes = {}
    for episode in Episode.objects.filter(interview_uses__interview__in=interviews).distinct():
        episodes[episode.pk] = (episode, _("it draws on an interview whose narrator's consent changed"))
    for episode in Episode.objects.filter(people=person).distinct():
        episodes.setdefault(episode.pk, (episode, _("it features a person whose consent changed")))
    for episode in Episode.objects.filter(series__credits__person=person).distinct():
        episodes.setdefault(episode.pk, (episode, _("its series credits a person whose consent changed")))
    for episode, reason in episodes.values():
        _flag(entry, "episode", episode.key, str(episode), reason)


def _apply(record, ceiling: Ceiling) -> None:
    was_withdrawn = record.withdrawn_at is not None
    record.consent = ceiling.value
    record.withdrawn_at = (record.withdrawn_at or timezone.now()) if ceiling == Ceiling.WITHDRAWN else None
    record.consent_changed_at = timezone.now()
    fields = ["consent", "withdrawn_at", "consent_changed_at"]
    if record.withdrawn_at is not None:
        record.live = False
        fields.append("live")
    # Only the ledger's fields: a plain save would also write whatever else the instance holds.
    type(record).objects.filter(pk=record.pk).update(**{name: getattr(record, name) for name in fields})
    reindex(record)
    if isinstance(record, Interview):
        if record.withdrawn_at is not None:
            remove_parts_from_search(record)
        elif was_withdrawn:
            add_parts_to_search(record)


def _flag(entry: ConsentEntry, kind: str, key: str, label: str, reason: str) -> None:
    Flag.objects.create(entry=entry, kind=kind, key=key, label=label[:255], reason=reason[:255])
