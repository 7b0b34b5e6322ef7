"""Contributions in the back office: the queue (a snippet listing with filters), each one's moderation page, and
the audit log's names for moderation decisions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import actions, decisions
from .admin_views import ModerateView, attachment
from .models import Contribution


class ContributionURLFinder(ModelAdminURLFinder):
    """Where the back office sends an editor to deal with a contribution: the dashboard's "awaiting your review",
    the notification emails and the history all ask this, and open its moderation page."""

    def construct_edit_url(self, instance):
        return reverse("contributions_moderate", args=[instance.pk])


class ContributionIndexView(IndexView):
    def _get_title_column(self, *args, **kwargs):
        # A contribution's name in the queue opens its moderation page, where it is read and decided on; its
        # edit form, for tidying the texts, is one link further.
        column = super()._get_title_column(*args, **kwargs)
        column._get_url_func = ContributionURLFinder().construct_edit_url
        return column


class ContributionViewSet(SnippetViewSet):
    model = Contribution
    index_view_class = ContributionIndexView
    url_finder_class = ContributionURLFinder
    icon = "mail"
    menu_label = _("Contributions")
    menu_order = 120
    add_to_admin_menu = True
    list_display = ["group_name", "kind", "status", "created_at"]
    list_filter = ["status", "kind", "country"]
    search_fields = ["group_name", "other_names", "city"]
    search_backend_name = None  # contributions stay out of the archive's search index
    ordering = ["-created_at"]
    # Editors may tidy the texts before deciding. Not here: the contact and the receipt secret, and the organising
    # models and milestones, which a draft revision would not carry.
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("group_name"),
                FieldPanel("other_names"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
            ],
            heading=_("The group"),
        ),
        FieldPanel("founded"),
        FieldPanel("achievements"),
        FieldPanel("challenges"),
        FieldPanel("narrative"),
        FieldPanel("links"),
        FieldRowPanel([FieldPanel("credit"), FieldPanel("credit_name")]),
    ]


register_snippet(ContributionViewSet)


@hooks.register("register_admin_urls")
def moderation_urls():
    return [
        path("contributions/<int:pk>/moderate/", ModerateView.as_view(), name="contributions_moderate"),
        path("contributions/attachments/<int:pk>/", attachment, name="contributions_attachment"),
    ]


@hooks.register("register_snippet_listing_buttons")
def moderate_button(snippet, user, next_url=None):
    if isinstance(snippet, Contribution) and user.has_perm("contributions.change_contribution"):
        yield MenuItem(
            _("Moderate"), reverse("contributions_moderate", args=[snippet.pk]), icon_name="tasks", priority=5
        )


# What Wagtail offers every record under a workflow, and that means nothing for a contribution: it is never
# published (what is accepted becomes draft records of their own), and it is decided on its moderation page,
# whose decisions move the workflow on (``decisions``). Saving a tidied draft of its texts, and locking, stay.
NOT_FOR_CONTRIBUTIONS = {"action-publish", "action-unpublish", "action-submit", "action-restart-workflow"}


@hooks.register("construct_snippet_action_menu")
def leave_out_publishing_a_contribution(menu_items, request, context):
    if context.get("model") is Contribution:
        menu_items[:] = [
            item
            for item in menu_items
            if item.name not in NOT_FOR_CONTRIBUTIONS and type(item).__name__ != "WorkflowMenuItem"
        ]


@hooks.register("construct_snippet_listing_buttons")
def leave_out_unpublishing_a_contribution(buttons, snippet, user):
    if isinstance(snippet, Contribution):
        buttons[:] = [button for button in buttons if "unpublish" not in (getattr(button, "url", "") or "")]


@hooks.register("register_log_actions")
def moderation_log_actions(actions_registry):
    actions_registry.register_action(decisions.ASKED, _("Ask the contributor"), _("Asked the contributor a question"))
    actions_registry.register_action(decisions.DECLINED, _("Decline"), _("Declined the contribution"))
    actions_registry.register_action(decisions.ACCEPTED, _("Accept"), _("Accepted the contribution as new records"))
    actions_registry.register_action(decisions.MERGED, _("Merge"), _("Merged the contribution into a record"))
    actions_registry.register_action(actions.WITHDRAWN, _("Withdraw"), _("The contributor withdrew the contribution"))
