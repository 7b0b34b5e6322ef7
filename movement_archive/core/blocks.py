"""The citation block: one source plus a locator, used by every record and relation."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class CitationBlock(blocks.StructBlock):
    source = SnippetChooserBlock("sources.Source", label=_("Source"))
    locator = blocks.CharBlock(
        max_length=60,
        label=_("Locator"),
        help_text=_('Where in the source: a paragraph such as "¶4", a bullet "¶21•3", a page or a time.'),
    )
    supports = blocks.CharBlock(
        required=False, max_length=255, label=_("Supports"), help_text=_("Which fact this passage supports.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Citation")


def citations_block_types():
    return [("citation", CitationBlock())]
