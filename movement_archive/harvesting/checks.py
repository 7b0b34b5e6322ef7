"""A deploy check for the one OAI-PMH setting harvesters reject outright."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.checks import Warning, register

# OAI-PMH.xsd's pattern for adminEmail: a harvester that validates Identify refuses an address without it.
ADMIN_EMAIL = re.compile(r"\S+@(\S+\.)+\S+")


@register(deploy=True)
def check_admin_emails(app_configs, **kwargs):
    wrong = [email for email in settings.MOVEMENT_ARCHIVE_OAI_ADMIN_EMAILS if not ADMIN_EMAIL.fullmatch(email)]
    if not wrong and settings.MOVEMENT_ARCHIVE_OAI_ADMIN_EMAILS:
        return []
    return [
        Warning(
            f"OAI-PMH harvesters will reject the administrator address(es) {wrong or '(none)'}.",
            hint="Set MOVEMENT_ARCHIVE_OAI_ADMIN_EMAIL (or MOVEMENT_ARCHIVE_FROM_EMAIL) to an address whose domain "
            "has a dot, such as archive@example.org.",
            id="movement_archive.W002",
        )
    ]
