"""The public side of contributing: the form at /contribute/ and each contribution's private receipt page.

Neither sets a cookie. The form carries a signed stamp instead of a CSRF token (see ``forms.StampedForm``), and
the receipt page is opened by the secret in its address, which is the contributor's only key: so its responses
are never cached, never indexed, and send no referrer.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from movement_archive.organisations.models import Organisation
from movement_archive.organising.models import OrganisingModel

from . import actions, queries, throttle
from .forms import AnswerForm, ContributionForm, ForgetContactForm, MilestoneFormSet, MoreMaterialForm, WithdrawForm
from .models import Contribution


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def contribute(request: HttpRequest) -> HttpResponse:
    organisation = _record_to_correct(request)
    models = OrganisingModel.objects.visible_to(request.user).order_by("position", "name")
    if request.method == "POST":
        if throttle.exceeded(throttle.client_address(request)):
            return _private(render(request, "contributions/too_many.html", status=429))
        form = ContributionForm(request.POST, request.FILES, models=models)
        milestones = MilestoneFormSet(request.POST, prefix="milestones")
        if form.is_valid() and milestones.is_valid():
            if not throttle.allow(throttle.client_address(request)):
                return _private(render(request, "contributions/too_many.html", status=429))
            received = actions.receive(
                form.cleaned_data,
                [m.cleaned_data for m in milestones.forms],
                organisation=organisation,
                language=get_language() or "",
            )
            return redirect(reverse("contributions:receipt", args=[received.token]) + "?new=1")
        status = 400
    else:
        initial = {"group_name": organisation.name} if organisation else {}
        form, milestones, status = (
            ContributionForm(models=models, initial=initial),
            MilestoneFormSet(prefix="milestones"),
            200,
        )
    context = {"form": form, "milestones": milestones, "organisation": organisation}
    return _private(render(request, "contributions/contribute.html", context, status=status))


def _record_to_correct(request: HttpRequest) -> Organisation | None:
    key = request.GET.get("record")
    if not key:
        return None
    return get_object_or_404(Organisation.objects.visible_to(request.user), key=key)


RECEIPT_FORMS = {
    "answer": AnswerForm,
    "add": MoreMaterialForm,
    "forget": ForgetContactForm,
    "withdraw": WithdrawForm,
}


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def receipt(request: HttpRequest, token: str) -> HttpResponse:
    contribution = get_object_or_404(Contribution.objects.with_token(token).select_related("country"))
    forms = {name: form_class(prefix=name) for name, form_class in RECEIPT_FORMS.items()}
    status = 200
    action = request.POST.get("action")
    if request.method == "POST":
        if action not in RECEIPT_FORMS or not _may_send(contribution, action):
            status = 400
        else:
            form = forms[action] = RECEIPT_FORMS[action](request.POST, request.FILES, prefix=action)
            if form.is_valid():
                return _private(_act(request, contribution, action, form.cleaned_data, token))
            status = 400
    context = {
        "contribution": contribution,
        "forms": forms,
        "new": request.GET.get("new") == "1",
        "receipt_url": request.build_absolute_uri(reverse("contributions:receipt", args=[token])),
        "messages_": contribution.messages.all(),
        "attachments": contribution.attachments.all(),
        "milestones": contribution.milestones.all(),
        "refused": status == 400 and action not in RECEIPT_FORMS,
        "published": queries.records_made(contribution),
    }
    return _private(render(request, "contributions/receipt.html", context, status=status))


def _may_send(contribution: Contribution, action: str) -> bool:
    if action == "answer":
        return contribution.status == Contribution.Status.QUESTION
    if action == "add":
        return contribution.open
    if action == "forget":
        return bool(contribution.contact_sealed)
    return True  # withdrawing is always possible


def _act(request: HttpRequest, contribution: Contribution, action: str, data: dict, token: str) -> HttpResponse:
    if action == "withdraw":
        actions.withdraw(contribution)
        return render(request, "contributions/withdrawn.html")
    if action == "answer":
        actions.answer(contribution, data["text"])
    elif action == "forget":
        actions.forget_contact(contribution)
    else:
        actions.add_material(contribution, data["text"], data["files"])
    return redirect(reverse("contributions:receipt", args=[token]) + f"?sent={action}")
