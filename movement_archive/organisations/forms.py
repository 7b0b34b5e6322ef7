"""The back-office form for organisations."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class OrganisationForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        # A relation row added in this form has no subject until the organisation is saved, so neither
        # the model's clean() nor the database constraint can see a relation to itself in time.
        if self.instance.pk and "relations" in self.formsets:
            for form in self.formsets["relations"].forms:
                if form.is_valid() and not form.cleaned_data.get("DELETE"):
                    other = form.cleaned_data.get("object")
                    if other is not None and other.pk == self.instance.pk:
                        form.add_error("object", _("An organisation cannot be related to itself."))
        return cleaned
