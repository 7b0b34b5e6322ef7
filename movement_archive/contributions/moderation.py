"""The contributions' moderation workflow, in Wagtail's workflows: a review task for the Editors group.

``sync_workflow`` keeps it in place after every migrate (the Editors group exists only by then). Each
contribution starts it on arrival, so it waits in the editors' review queue on the dashboard; deciding
(``decisions``) approves or cancels it.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Workflow, WorkflowContentType, WorkflowTask

from movement_archive.accounts.roles import EDITORS, is_last_app

from .models import Contribution, ContributionReviewTask

WORKFLOW_NAME = "Contribution moderation"
TASK_NAME = "Editors review the contribution"


def sync_workflow() -> Workflow:
    task = ContributionReviewTask.objects.filter(name=TASK_NAME).first()
    task = task or ContributionReviewTask.objects.create(name=TASK_NAME)
    task.groups.set([Group.objects.get_or_create(name=EDITORS)[0]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Contribution), defaults={"workflow": workflow}
    )
    return workflow


def start(contribution: Contribution) -> None:
    """Put a new contribution in the editors' queue. Its first revision is what the task reviews."""
    contribution.save_revision(clean=False)
    workflow = contribution.get_workflow()
    if workflow is not None:
        workflow.start(contribution, user=None)


def current(contribution: Contribution) -> Contribution:
    """The contribution as editors last left it: their tidying is saved as a revision, not on the row.

    Contributions keep drafts (Wagtail's workflows need them), so what an editor corrects in the edit view lives
    in the latest revision until a decision saves it. Every change of status starts from here and ends with
    ``record``, so no one's change overwrites another's.
    """
    latest = contribution.get_latest_revision_as_object() if contribution.latest_revision_id else contribution
    latest.pk = contribution.pk
    return latest


def record(contribution: Contribution, user=None) -> None:
    contribution.save()
    contribution.save_revision(user=user, clean=False)


def approve(contribution: Contribution, editor) -> None:
    # Finishing the workflow publishes the latest revision: ``record`` has just made it the current state.
    task_state = contribution.current_workflow_task_state
    if task_state is not None:
        task_state.approve(user=editor)


def cancel(contribution: Contribution, editor) -> None:
    state = contribution.current_workflow_state
    if state is not None:
        state.cancel(user=editor)


def sync_workflow_after_migrate(sender, **kwargs) -> None:
    if is_last_app(sender) and ContentType.objects.filter(app_label="contributions").exists():
        sync_workflow()
