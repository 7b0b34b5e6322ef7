"""People of the movement and their affiliations with organisations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from movement_archive.access.models import ACCESS_COLUMNS, ACCESS_FILTER_FIELDS, Restricted, RestrictedQuerySet
from movement_archive.access.panels import access_panel
from movement_archive.access.readers import named_reader
from movement_archive.core.addresses import keyed_url
from movement_archive.core.fields import EDTFField
from movement_archive.core.keys import slug_words
from movement_archive.core.models import CitedChild, EditorialRecord
from movement_archive.redaction.models import PublicText, Redactable
from movement_archive.redaction.panels import redactable_panel


class PersonRole(TaggedItemBase):
    content_object = ParentalKey("people.Person", on_delete=models.CASCADE, related_name="tagged_roles")

    class Meta:
        indexes = [
            # The holders of a role, read from the index alone when the people list is filtered by the role.
            models.Index(fields=["tag", "content_object"], name="person_role_holders"),
        ]


class Person(Redactable, Restricted, EditorialRecord):
    """Someone in the movement's history.

    ``name`` is who they are; ``public_name`` is how the reading surfaces call them, which the consent ledger
    decides (``attribution``): their name, their pseudonym, or no name at all. Every page, JSON twin, feed,
    export and search entry uses ``public_name`` (``shown_name``) and the key, which must not give the name away.
    """

    class Attribution(models.TextChoices):
        NAME = "name", _("By name")
        PSEUDONYM = "pseudonym", _("By a pseudonym")
        ANONYMOUS = "anonymous", _("Anonymously")

    name = models.CharField(_("name"), max_length=200)
    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=200,
        blank=True,
        help_text=_("Shown instead of the name when the person's consent asks for a pseudonym."),
    )
    attribution = models.CharField(
        _("attribution"), max_length=20, choices=Attribution.choices, default=Attribution.NAME, editable=False
    )
    public_name = models.CharField(_("public name"), max_length=200, blank=True, editable=False)
    sort_name = models.CharField(
        _("sort name"), max_length=200, blank=True, help_text=_("Defaults to the name; ignored when not by name.")
    )
    roles = ClusterTaggableManager(through=PersonRole, blank=True, verbose_name=_("roles"))
    countries = ParentalManyToManyField(
        "places.Country", blank=True, related_name="people", verbose_name=_("countries")
    )
    biography = models.TextField(_("biography"), blank=True)
    public_biography = PublicText("biography")

    objects = RestrictedQuerySet.as_manager()
    LEDGER_FIELDS = (*Restricted.LEDGER_FIELDS, "attribution")
    redactable_fields = ("biography",)

    panels = [
        FieldPanel("name"),
        FieldPanel("pseudonym"),
        FieldPanel("key"),
        FieldPanel("sort_name"),
        InlinePanel("other_names", label=_("Other names")),
        access_panel(),
        FieldPanel("roles"),
        FieldPanel("countries"),
        redactable_panel("biography"),
        InlinePanel("affiliations", label=_("Affiliations")),
        FieldPanel("citations"),
    ]
    # Only what the reading surfaces show is indexed: the public name, other names only for a person named, and
    # the biography without its redacted spans.
    folded_name_fields = ("public_name", "shown_other_names")
    folded_text_fields = ("public_biography",)
    search_fields = EditorialRecord.search_fields + [
        index.SearchField("public_name", boost=3),
        index.AutocompleteField("public_name"),
        index.SearchField("public_biography"),
        # Autocomplete too, so that the start of a person's other name finds them, as for organisations.
        index.SearchField("shown_other_names", boost=2),
        index.AutocompleteField("shown_other_names"),
        *ACCESS_FILTER_FIELDS,
    ]

    class Meta:
        # By the public name after the sort name, never the name: the order of two people sorted alike must not
        # tell anything of a name kept from the public.
        ordering = ["sort_name", "public_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [
            # The people list, in its order (see queries.people_listing). With the key and the access columns in
            # the index too, page 400 skips 20,000 people, and a filtered list checks each person against its
            # filters, without reading their rows; the list is counted from the index alone.
            models.Index(
                fields=["sort_name", "public_name", "id", *ACCESS_COLUMNS],
                condition=models.Q(live=True),
                name="person_list",
            ),
        ]

    def __str__(self) -> str:
        # The public name: Wagtail writes a record's title into its logs and workflow emails.
        return self.shown_name

    @property
    def shown_name(self) -> str:
        # From the fields rather than the stored column, so that it is right before the first save too.
        return public_name_for(self.name, self.pseudonym, self.attribution) or gettext("Anonymous")

    @property
    def named(self) -> bool:
        return self.attribution == self.Attribution.NAME

    @property
    def shown_other_names(self) -> str:
        """Other names tell who someone is, so only a person shown by name has them on the reading surfaces."""
        return " ".join(n.name for n in self.other_names.all()) if self.named else ""

    def real_name_shown_to(self, user) -> bool:
        """Who may see the name behind a pseudonym or an anonymous entry: editors, and the group or person the
        record is opened to by name. Everyone may see the name of a person shown by name."""
        return self.named or named_reader(self.access_rule, user)

    def get_absolute_url(self) -> str:
        return keyed_url("people:detail", self.key)

    def clean(self) -> None:
        super().clean()
        if self.attribution == self.Attribution.PSEUDONYM and not self.pseudonym.strip():
            raise ValidationError({"pseudonym": _("This person's consent asks for a pseudonym: give one.")})
        if not self.named and key_reveals(self.key, self.name):
            raise ValidationError({"key": _("The key is part of the address: it must not contain the real name.")})

    def save(self, *args, **kwargs):
        self.public_name = public_name_for(self.name, self.pseudonym, self.attribution)
        if not self.named or not self.sort_name:
            self.sort_name = self.public_name
        super().save(*args, **kwargs)


def public_name_for(name: str, pseudonym: str, attribution: str) -> str:
    """Empty for an anonymous person, who is called "Anonymous" in the reader's language (``shown_name``)."""
    if attribution == Person.Attribution.NAME:
        return name
    if attribution == Person.Attribution.PSEUDONYM:
        return pseudonym.strip()
    return ""


def key_reveals(key: str, name: str) -> bool:
    """Whether a key carries a word of the name (three letters or more), as a key made from the name would."""
    words = [word for word in slug_words(name) if len(word) >= 3]
    parts = set(key.split("-"))
    return any(word in parts for word in words)


class PersonName(Orderable):
    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(_("name"), max_length=200)

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("other name")

    def __str__(self) -> str:
        return self.name


class Affiliation(Orderable, CitedChild):
    person = ParentalKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="affiliations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    start = EDTFField(_("from"))
    end = EDTFField(_("until"))

    panels = [
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("citations"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("affiliation")

    def __str__(self) -> str:
        return f"{self.person} · {self.role} · {self.organisation}"  # the person's public name (Person.__str__)
