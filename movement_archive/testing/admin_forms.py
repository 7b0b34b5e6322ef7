"""Back-office form data as a browser posts it, for tests that drive the Wagtail admin."""

from __future__ import annotations

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from movement_archive.organisations.models import Organisation


def organisation_form(**fields) -> dict[str, str]:
    """The organisation add/edit form: no other names, practices, relations or citations unless given."""
    values = {
        "name": "VANDU",
        "acronym": "",
        "key": "vandu",
        "kind": Organisation.Kind.USER_GROUP,
        "scope": Organisation.Scope.LOCAL,
        "status": Organisation.Status.UNKNOWN,
        "founded": "",
        "closed": "",
        "website": "",
        "access": "public",
        "access_until": "",
        "access_group": "",
        "access_person": "",
        "description": "",
        "other_names": inline_formset([]),
        "practices": inline_formset([]),
        "relations": inline_formset([]),
        "citations": streamfield([]),
    }
    return nested_form_data({**values, **fields})
