"""Oral-history interviews: who spoke, when and where, the recording, timed transcripts and an OHMS-style index.

An interview is an editorial record (drafts, revisions, locking), and so are its people, its episode uses and its
index points, which are cluster children and part of each revision. Transcripts are not: a three-hour transcript
holds thousands of segments, so it is replaced whole by an import (``actions.py``) rather than edited in a form.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from movement_archive.access.models import (
    ACCESS_FILTER_FIELDS,
    AccessLevel,
    Restricted,
    RestrictedPart,
    RestrictedQuerySet,
)
from movement_archive.access.panels import access_panel
from movement_archive.access.queries import level_full_q
from movement_archive.access.readers import reader_for
from movement_archive.core.fields import EDTFField
from movement_archive.core.folding import folded_copy
from movement_archive.core.models import EditorialRecord
from movement_archive.core.widgets import PrivateFileInput
from movement_archive.redaction.models import PublicText, Redactable

from .storage import recording_storage

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
RECORDING_EXTENSIONS = ["mp3", "m4a", "ogg", "oga", "opus", "wav", "flac", "mp4", "m4v", "webm", "ogv"]


def _recording_address(stored) -> str:
    # The back office's own view of the file (``admin_views.recording``): the storage gives it no address.
    return reverse("interviews_recording", args=[stored.instance.pk])


def validate_languages(value: str) -> None:
    for code in language_codes(value):
        if not LANGUAGE_CODE.match(code):
            raise ValidationError(
                _("%(code)r is not a language code such as en, es or pt-BR."), params={"code": code}, code="language"
            )


def language_codes(value: str) -> list[str]:
    return [code.strip() for code in value.split(",") if code.strip()]


class IndexPointQuerySet(models.QuerySet):
    def visible_to(self, user=None):
        """Index points of the interviews whose content the reader may see (``readable_by``), outside the passages
        closed to the reader.

        Written as EXISTS rather than ``interview__in``: the search asks for a few hundred index points or
        segments by key, and ``__in`` leads SQLite to walk every one of every visible interview instead (160 ms
        at a million segments) before keeping the few asked for.
        """
        readable = self.filter(Interview.objects.readable_by(user).pointed_at_by("interview"))
        readable = readable.filter(level_full_q(reader_for(user), timezone.localdate()))
        closed = RestrictedPassage.objects.closing_words_at(user, interview="interview", start="time_ms")
        return readable.exclude(closed)


class SegmentQuerySet(models.QuerySet):
    def visible_to(self, user=None):
        """Segments of the interviews whose content the reader may see, outside the passages closed to the reader;
        as for index points, one key lookup each."""
        transcripts = Transcript.objects.filter(pk=models.OuterRef("transcript")).filter(
            Interview.objects.readable_by(user).pointed_at_by("interview")
        )
        closed = RestrictedPassage.objects.closing_words_at(
            user, interview="transcript__interview", start="start_ms", end="end_ms"
        )
        return self.filter(models.Exists(transcripts)).exclude(closed)


class Interview(Redactable, Restricted, EditorialRecord):
    """An oral-history interview. Its access level covers the page's content (summary, recording, transcript,
    index, captions and exports); a "metadata only" interview is listed with its title, date and place."""

    class MediaKind(models.TextChoices):
        AUDIO = "audio", _("Audio")
        VIDEO = "video", _("Video")

    title = models.CharField(_("title"), max_length=255)
    synthetic = models.BooleanField(
        _("synthetic"),
        default=False,
        help_text=_("A made-up interview for demonstrations and tests. Its page says so in plain words."),
    )
    summary = models.TextField(_("summary"), blank=True)
    date = EDTFField(_("date"), blank=True, lower_field="date_lower", upper_field="date_upper", sort_field="date_sort")
    date_sort = models.DateField(null=True, editable=False)
    date_lower = models.DateField(null=True, editable=False)
    date_upper = models.DateField(null=True, editable=False)
    country = models.ForeignKey(
        "places.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interviews_held",
        verbose_name=_("country where it was recorded"),
    )
    locality = models.ForeignKey(
        "places.Locality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interviews_held",
        verbose_name=_("place where it was recorded"),
    )
    languages = models.CharField(
        _("languages"),
        max_length=100,
        blank=True,
        validators=[validate_languages],
        help_text=_("Language codes separated by commas, the language spoken first: en, es, pt-BR."),
    )
    duration_ms = models.PositiveIntegerField(_("duration in milliseconds"), null=True, blank=True)
    rights = models.TextField(_("rights"), blank=True, help_text=_("Who holds the rights to the recording."))
    usage = models.TextField(_("usage"), blank=True, help_text=_("What others may do with it, and how to credit it."))
    recording = models.FileField(
        _("recording"),
        storage=recording_storage,
        upload_to="recordings/%Y/",
        blank=True,
        validators=[FileExtensionValidator(RECORDING_EXTENSIONS)],
        help_text=_("Audio or video served by the archive itself, to those the access level admits."),
    )
    media_kind = models.CharField(_("kind of recording"), max_length=10, choices=MediaKind.choices, blank=True)
    external_media_url = models.URLField(
        _("recording hosted elsewhere"),
        blank=True,
        help_text=_("Loaded only when a reader asks for it: the page makes no request to that host before."),
    )
    keywords = models.TextField(_("keywords"), blank=True, help_text=_("Separated by semicolons."))
    subjects = models.TextField(_("subjects"), blank=True, help_text=_("Separated by semicolons."))
    repository = models.CharField(_("repository"), max_length=255, blank=True, help_text=_("Who keeps the original."))
    collection = models.CharField(_("collection"), max_length=255, blank=True)
    accession = models.CharField(_("accession number"), max_length=100, blank=True)
    organisations = ParentalManyToManyField(
        "organisations.Organisation", blank=True, related_name="interviews", verbose_name=_("organisations it concerns")
    )
    countries = ParentalManyToManyField(
        "places.Country", blank=True, related_name="interviews", verbose_name=_("countries it concerns")
    )

    objects = RestrictedQuerySet.as_manager()
    redactable_fields = ("summary",)
    public_summary = PublicText("summary")

    panels = [
        FieldPanel("title"),
        FieldPanel("key"),
        FieldPanel("synthetic"),
        FieldPanel("summary"),
        InlinePanel("participants", label=_("Narrators and interviewers")),
        FieldRowPanel([FieldPanel("date"), FieldPanel("languages"), FieldPanel("duration_ms")]),
        FieldRowPanel([FieldPanel("country"), FieldPanel("locality")]),
        MultiFieldPanel(
            [
                FieldPanel("recording", widget=PrivateFileInput(address=_recording_address)),
                FieldPanel("media_kind"),
                FieldPanel("external_media_url"),
            ],
            heading=_("Recording"),
        ),
        access_panel(),
        FieldPanel("rights"),
        FieldPanel("usage"),
        FieldRowPanel([FieldPanel("keywords"), FieldPanel("subjects")]),
        FieldRowPanel([FieldPanel("repository"), FieldPanel("collection"), FieldPanel("accession")]),
        FieldPanel("organisations"),
        FieldPanel("countries"),
        InlinePanel("episode_uses", label=_("Episodes that draw on it")),
        InlinePanel("index_points", label=_("Index")),
        InlinePanel("restricted_passages", label=_("Restricted passages")),
        FieldPanel("citations"),
    ]
    folded_name_fields = ("title",)
    folded_text_fields = ("public_summary",)
    search_fields = EditorialRecord.search_fields + [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("public_summary"),
        *ACCESS_FILTER_FIELDS,
    ]

    class Meta:
        ordering = ["title"]
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("interviews:detail", args=[self.key])

    @property
    def language_list(self) -> list[str]:
        return language_codes(self.languages)

    def clean(self) -> None:
        super().clean()
        if self.recording and self.external_media_url:
            raise ValidationError(
                {"external_media_url": _("An interview has one recording: upload it or link to it, not both.")}
            )
        if (self.recording or self.external_media_url) and not self.media_kind:
            raise ValidationError({"media_kind": _("Say whether the recording is audio or video.")})


class Participant(Orderable):
    class Role(models.TextChoices):
        NARRATOR = "narrator", _("Narrator")
        INTERVIEWER = "interviewer", _("Interviewer")

    interview = ParentalKey(Interview, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="interview_roles", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.NARRATOR)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("narrator or interviewer")
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "person", "role"],
                name="participant_once_per_role",
                violation_error_message=_("This person is already listed in this role."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class RestrictedPassageQuerySet(models.QuerySet):
    # Here with the model rather than in ``passages.py``: the index points' and segments' ``visible_to`` above
    # need these conditions, and ``passages.py`` reads the models, so it cannot be read from here.

    def closing_words_to(self, user) -> RestrictedPassageQuerySet:
        """Every passage closing words to the reader, as a query (for the search, which looks at many interviews)."""
        closing_words = self.filter(covers=RestrictedPassage.Covers.EVERYTHING)
        return closing_words.exclude(level_full_q(reader_for(user), timezone.localdate()))

    def closing_words_at(self, user, *, interview: str, start: str, end: str | None = None) -> models.Exists:
        """A condition on segments or index points: they fall in a passage closed to the reader. ``interview``,
        ``start`` and ``end`` name the outer row's fields; a moment without an end counts as one millisecond."""
        stop = Coalesce(models.OuterRef(end), models.OuterRef(start) + 1) if end else models.OuterRef(start) + 1
        return models.Exists(
            self.closing_words_to(user).filter(
                interview=models.OuterRef(interview), start_ms__lt=stop, end_ms__gt=models.OuterRef(start)
            )
        )


class RestrictedPassage(RestrictedPart, Orderable):
    """A stretch of the recording closed to some readers: its speech, index points, captions and sound.

    Applied together wherever the interview goes out (``passages.closed_ranges``): the transcript and its JSON, the
    index, the captions, the exports, the search, and the recording itself, which is served with the passage
    silenced (WAV) or not served at all to readers who may not hear it.
    """

    LEVELS = [(value, label) for value, label in AccessLevel.choices if value not in ("public", "metadata")]

    interview = ParentalKey(Interview, on_delete=models.CASCADE, related_name="restricted_passages")
    start_ms = models.PositiveIntegerField(_("from (milliseconds)"))
    end_ms = models.PositiveIntegerField(_("to (milliseconds)"))
    access = models.CharField(_("access"), max_length=20, choices=LEVELS, default=AccessLevel.RESTRICTED)

    class Covers(models.TextChoices):
        EVERYTHING = "everything", _("The words, the index and the recording")
        RECORDING = "recording", _("The recording only (faces, voices), the words stay open")

    covers = models.CharField(_("what it closes"), max_length=20, choices=Covers.choices, default=Covers.EVERYTHING)
    reason = models.TextField(_("why (seen by editors only)"), blank=True)

    objects = RestrictedPassageQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("start_ms"), FieldPanel("end_ms"), FieldPanel("covers")]),
        FieldRowPanel([FieldPanel("access"), FieldPanel("access_until")]),
        FieldRowPanel([FieldPanel("access_group"), FieldPanel("access_person")]),
        FieldPanel("reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("restricted passage")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_ms__gt=models.F("start_ms")),
                name="restricted_passage_ends_after_start",
                violation_error_message=_("A restricted passage has to end after it starts."),
            )
        ]
        indexes = [models.Index(fields=["interview", "start_ms"], name="passage_of_interview")]

    def __str__(self) -> str:
        return f"{self.start_ms}–{self.end_ms} ms ({self.get_access_display()})"


class EpisodeUse(Orderable):
    """An episode of the series that draws on the interview, and which stretch of the recording it uses."""

    interview = ParentalKey(Interview, on_delete=models.CASCADE, related_name="episode_uses")
    episode = models.ForeignKey(
        "documentary.Episode", on_delete=models.CASCADE, related_name="interview_uses", verbose_name=_("episode")
    )
    start_ms = models.PositiveIntegerField(_("from (milliseconds)"), null=True, blank=True)
    end_ms = models.PositiveIntegerField(_("to (milliseconds)"), null=True, blank=True)

    panels = [FieldPanel("episode"), FieldRowPanel([FieldPanel("start_ms"), FieldPanel("end_ms")])]

    class Meta(Orderable.Meta):
        verbose_name = _("episode drawing on the interview")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_ms__isnull=True)
                | models.Q(end_ms__isnull=True)
                | models.Q(end_ms__gt=models.F("start_ms")),
                name="episode_use_ends_after_start",
                violation_error_message=_("The stretch used has to end after it starts."),
            )
        ]


class IndexPoint(RestrictedPart, index.Indexed, Orderable):
    """A moment of the interview described in the OHMS manner; each text has a twin in the other language.

    Keywords and subjects are kept as OHMS keeps them, separated by semicolons. Places (``gps_points``: latitude,
    longitude, zoom, text, text_alt) and links (``hyperlinks``: url, text, text_alt) are lists of objects.
    """

    interview = ParentalKey(Interview, on_delete=models.CASCADE, related_name="index_points")
    time_ms = models.PositiveIntegerField(_("time (milliseconds)"))
    title = models.CharField(_("title"), max_length=500)
    title_alt = models.CharField(_("title, other language"), max_length=500, blank=True)
    partial_transcript = models.TextField(_("partial transcript"), blank=True)
    partial_transcript_alt = models.TextField(_("partial transcript, other language"), blank=True)
    synopsis = models.TextField(_("synopsis"), blank=True)
    synopsis_alt = models.TextField(_("synopsis, other language"), blank=True)
    keywords = models.TextField(_("keywords"), blank=True, help_text=_("Separated by semicolons."))
    keywords_alt = models.TextField(_("keywords, other language"), blank=True)
    subjects = models.TextField(_("subjects"), blank=True, help_text=_("Separated by semicolons."))
    subjects_alt = models.TextField(_("subjects, other language"), blank=True)
    gps_points = models.JSONField(_("places"), default=list, blank=True)
    hyperlinks = models.JSONField(_("links"), default=list, blank=True)
    # What a point listed with its metadata only keeps: its moment and its title.
    CONTENT_FIELDS = (
        *("partial_transcript", "partial_transcript_alt", "synopsis", "synopsis_alt"),
        *("keywords", "keywords_alt", "subjects", "subjects_alt", "gps_points", "hyperlinks"),
    )

    objects = IndexPointQuerySet.as_manager()
    # Editors may mark spans of these texts as redacted; the search index holds them without the spans.
    public_synopsis = PublicText("synopsis")
    public_synopsis_alt = PublicText("synopsis_alt")
    public_partial_transcript = PublicText("partial_transcript")
    public_partial_transcript_alt = PublicText("partial_transcript_alt")

    panels = [
        FieldPanel("time_ms"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("title_alt")]),
        FieldRowPanel([FieldPanel("partial_transcript"), FieldPanel("partial_transcript_alt")]),
        FieldRowPanel([FieldPanel("synopsis"), FieldPanel("synopsis_alt")]),
        FieldRowPanel([FieldPanel("keywords"), FieldPanel("keywords_alt")]),
        FieldRowPanel([FieldPanel("subjects"), FieldPanel("subjects_alt")]),
        FieldPanel("gps_points"),
        FieldPanel("hyperlinks"),
        access_panel(),
    ]

    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("title_alt", boost=2),
        index.SearchField("public_synopsis"),
        index.SearchField("public_synopsis_alt"),
        index.SearchField("public_partial_transcript"),
        index.SearchField("public_partial_transcript_alt"),
        index.SearchField("keywords"),
        index.SearchField("keywords_alt"),
        index.SearchField("subjects"),
        index.SearchField("subjects_alt"),
        index.SearchField("search_text_folded"),
        index.FilterField("interview"),  # the search looks within the points of interviews the reader may see
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("index point")

    def __str__(self) -> str:
        return self.title

    def search_text_folded(self) -> str:
        """The point's texts without their accents, so every backend finds them typed plainly."""
        return folded_copy([self.title, self.title_alt, self.public_synopsis, self.public_synopsis_alt, self.keywords])

    @staticmethod
    def split(value: str) -> list[str]:
        return [part.strip() for part in value.split(";") if part.strip()]


class Transcript(models.Model):
    """What was said, in one language, as timed segments. A translation's segments align with the original's."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="transcripts")
    language = models.CharField(_("language"), max_length=35, validators=[validate_languages])
    original = models.BooleanField(_("original"), default=True, help_text=_("Unticked for a translation."))
    imported_from = models.CharField(_("imported from"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-original", "language"]
        verbose_name = _("transcript")
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "language"],
                name="transcript_one_per_language",
                violation_error_message=_("This interview already has a transcript in that language."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.interview} [{self.language}]"


class Segment(index.Indexed, models.Model):
    """One timed stretch of a transcript. Written in bulk (``actions.write_transcript``), which indexes it."""

    transcript = models.ForeignKey(Transcript, on_delete=models.CASCADE, related_name="segments")
    position = models.PositiveIntegerField(_("position"))
    start_ms = models.PositiveIntegerField(_("start (milliseconds)"))
    end_ms = models.PositiveIntegerField(_("end (milliseconds)"), null=True, blank=True)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    text = models.TextField(_("text"))

    objects = SegmentQuerySet.as_manager()
    # A transcript imported with [redact]…[/redact] spans keeps them; the index holds the words around them only.
    public_text = PublicText("text")

    search_fields = [
        index.SearchField("public_text"),
        index.SearchField("search_text_folded"),
        index.FilterField("transcript"),  # the search looks within transcripts of interviews the reader may see
    ]

    class Meta:
        ordering = ["transcript", "position"]
        verbose_name = _("segment")
        constraints = [
            models.UniqueConstraint(fields=["transcript", "position"], name="segment_position_unique"),
        ]
        indexes = [models.Index(fields=["transcript", "start_ms"], name="segment_moment")]

    def __str__(self) -> str:
        return f"{self.start_ms} ms: {self.text[:60]}"

    def search_text_folded(self) -> str:
        return folded_copy([self.public_text])
