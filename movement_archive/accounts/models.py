"""What the archive keeps about back-office sign-ins: for each user, the one sign-in that is current."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CurrentSignIn(models.Model):
    """The newest sign-in of a user. A session carrying another token was opened before it and is ended on its next
    request (``sessions.py``), so each user has one live session at a time. Deleting the row ends them all."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="current_sign_in", verbose_name=_("user")
    )
    token = models.CharField(_("token"), max_length=64)
    started_at = models.DateTimeField(_("started at"))

    class Meta:
        verbose_name = _("current sign-in")
        verbose_name_plural = _("current sign-ins")

    def __str__(self) -> str:
        return str(self.user)
