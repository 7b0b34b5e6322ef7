"""Model fields shared by every editorial app."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import signals
from django.utils.translation import gettext_lazy as _

from movement_archive.dates import edtf


def validate_edtf(value: str) -> None:
    if not value:
        return
    try:
        edtf.parse(value)
    except edtf.EDTFError as error:
        raise ValidationError(str(error), code="edtf") from error


EDTF_HELP = _(
    'A date in Extended Date/Time Format: "1981-01", "1988", "198X" for some year of the 1980s, '
    '"1991~" for about 1991, "2003?" if uncertain, "1990~/1993~" for the early 1990s.'
)


class EDTFField(models.CharField):
    """A partial date stored as its EDTF text, keeping two companion date columns in step for sorting.

    Like ImageField's width_field, it names the companion fields and fills them whenever the model is
    saved or validated: ``lower_field`` the earliest possible day (the year 1 when the start is open),
    ``upper_field`` the latest, and ``sort_field`` where the value sorts (the earliest possible day, or
    for "../2016", some time by 2016, its known end: see ``PartialDate.sort_start``).
    """

    def __init__(
        self,
        *args,
        lower_field: str | None = None,
        upper_field: str | None = None,
        sort_field: str | None = None,
        **kwargs,
    ):
        self.lower_field = lower_field
        self.upper_field = upper_field
        self.sort_field = sort_field
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("help_text", EDTF_HELP)
        super().__init__(*args, **kwargs)
        self.validators.append(validate_edtf)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.lower_field:
            kwargs["lower_field"] = self.lower_field
        if self.upper_field:
            kwargs["upper_field"] = self.upper_field
        if self.sort_field:
            kwargs["sort_field"] = self.sort_field
        if kwargs.get("max_length") == 40:
            del kwargs["max_length"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        kwargs.pop("help_text", None)
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        # A signal rather than pre_save(): Django reads field values in declaration order, so the
        # companion columns must be filled before any of them is read.
        if not cls._meta.abstract and (self.lower_field or self.upper_field or self.sort_field):
            signals.pre_save.connect(self._bounds_before_save, sender=cls, weak=False)

    def _bounds_before_save(self, instance, **kwargs):
        # A value that skipped validation must not reach the database, where pages could not parse it.
        try:
            self.update_bounds(instance, strict=True)
        except edtf.EDTFError as error:
            raise edtf.EDTFError(f"{instance._meta.label}.{self.name}: {error}") from error

    def update_bounds(self, instance, strict: bool = False) -> None:
        """Fill the companion columns; an invalid value raises EDTFError when strict, else is left for validation."""
        value = getattr(instance, self.attname)
        lower = upper = position = None
        if value:
            try:
                parsed = edtf.parse(value)
            except edtf.EDTFError:
                if strict:
                    raise
                return
            lower, upper, position = parsed.lower, parsed.upper, parsed.sort_start
        for name, bound in ((self.lower_field, lower), (self.upper_field, upper), (self.sort_field, position)):
            if name:
                setattr(instance, name, bound)


class PartialDatesMixin:
    """Fills the companion columns of every EDTFField before validation, so constraints see fresh bounds."""

    def clean(self):
        super().clean()
        for field in self._meta.concrete_fields:
            if isinstance(field, EDTFField):
                field.update_bounds(self)


def parsed_or_none(value: str) -> edtf.PartialDate | None:
    if not value:
        return None
    try:
        return edtf.parse(value)
    except edtf.EDTFError:
        return None
