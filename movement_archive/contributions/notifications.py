"""Emails to editors when a contribution arrives or a contributor answers, through Django's email backend.

They say only that something is waiting and where: no names, no story, no contact. Mail passes through servers
the archive does not control, and the back office holds the rest.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from .models import Contribution


def editors_to_tell() -> list[str]:
    permission = Permission.objects.get(content_type__app_label="contributions", codename="change_contribution")
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(Q(is_superuser=True) | Q(user_permissions=permission) | Q(groups__permissions=permission))
    return sorted(set(users.values_list("email", flat=True)))


def tell_editors(contribution: Contribution, what: str) -> None:
    """After the transaction commits, email every editor who moderates that ``what`` happened."""
    url = settings.SITE_URL + reverse("contributions_moderate", args=[contribution.pk])
    body = f"{what}\n\n{url}\n"
    subject = f"[Movement Archive] {what}"

    def send() -> None:
        # A mail server that is down must not lose the contribution: it is stored, and waits in the queue.
        send_mass_mail([(subject, body, None, [address]) for address in editors_to_tell()], fail_silently=True)

    transaction.on_commit(send)
