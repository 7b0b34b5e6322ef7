"""Form widgets the back office shares."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models.fields.files import FieldFile
from django.forms import ClearableFileInput
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


class PrivateFileInput(ClearableFileInput):
    """The input for a file kept in ``core.storage.PrivateStorage``: the current file's name, its size and a link
    through a view that checks who asks (``address``), then a way to replace or clear it.

    Django's own input links the file by its storage address, which such a file does not have: drawing the form
    raised. ``address`` takes the stored file (its ``instance`` is the record) and gives the checked view's address.
    """

    template_name = "core/widgets/private_file_input.html"

    def __init__(self, address: Callable[[FieldFile], str], attrs=None):
        super().__init__(attrs)
        self.address = address

    def is_initial(self, value) -> bool:
        # Django asks for the file's address here (``value.url``), which this storage refuses to give: a file
        # already stored is one with a name and the record it belongs to; a file just sent has no record yet.
        return isinstance(value, FieldFile) and bool(value.name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.is_initial(value):
            context["widget"]["current"] = {
                "name": value.name.rsplit("/", 1)[-1],
                "size": _size(value),
                "url": self.address(value) if value.instance is not None and value.instance.pk else "",
            }
        return context


def _size(stored: FieldFile) -> str:
    try:
        return filesizeformat(stored.size)
    except OSError:  # the record names a file that is no longer on disk: say so rather than fail the form
        return _("the file is missing from the archive's storage")
