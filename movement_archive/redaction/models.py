"""What a record with redactable texts carries: validation of their markup, and their public copies for search.

No models of its own: a mixin and a descriptor that the records' models use.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from .text import public_text, validate_markup


class Redactable:
    """Mixin (before the model's base classes) for records whose ``redactable_fields`` may hold redacted spans.

    ``clean`` refuses badly formed markup, with the problem and its line and column on the field, so the back
    office shows it where the editor typed it; a badly formed text would otherwise be read cautiously
    (``markup.parse``) and hide more than the editor meant.
    """

    redactable_fields: tuple[str, ...] = ()

    def clean(self) -> None:
        super().clean()
        errors = {}
        for name in self.redactable_fields:
            try:
                validate_markup(getattr(self, name))
            except ValidationError as error:
                errors[name] = error
        if errors:
            raise ValidationError(errors)


class PublicText:
    """A read-only attribute holding another field's text without its redacted spans.

    Indexed for search in place of the field itself (``index.SearchField("public_biography")`` and in
    ``folded_text_fields``), so the index never holds a withheld word.
    """

    def __init__(self, field_name: str):
        self.field_name = field_name

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, record, owner=None):
        if record is None:
            return self  # on the class: Wagtail's checks ask whether the attribute exists
        return public_text(getattr(record, self.field_name))
