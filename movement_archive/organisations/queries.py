"""Named queries about organisations, used by pages, feeds and exports alike."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Organisation, OrganisationRelation


@dataclass(frozen=True)
class ReadRelation:
    """A relation as seen from one organisation: "was succeeded by NAMA" or, from NAMA, "succeeded CCMP"."""

    label: str
    other: Organisation
    relation: OrganisationRelation


def relations_of(organisation: Organisation, user=None) -> list[ReadRelation]:
    """Every relation of an organisation from both ends, limited to organisations the reader may see.

    Two queries, whatever the number of relations.
    """
    visible = Organisation.objects.visible_to(user)
    outgoing = OrganisationRelation.objects.filter(subject=organisation, object__in=visible).select_related("object")
    incoming = OrganisationRelation.objects.filter(object=organisation, subject__in=visible).select_related("subject")
    read = [ReadRelation(str(r.get_type_display()), r.object, r) for r in outgoing]
    read += [ReadRelation(str(r.inverse_label), r.subject, r) for r in incoming]
    return sorted(read, key=lambda r: (r.relation.start_sort is None, r.relation.start_sort, r.label, r.other.name))
