"""Reset a user's second step of signing in, for someone who lost their phone and their recovery codes."""

from __future__ import annotations

import getpass
import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from movement_archive.accounts.two_factor import reset_devices

logger = logging.getLogger("movement_archive.accounts")


class Command(BaseCommand):
    help = (
        "Remove a user's authenticator app and recovery codes and end their sessions. At their next sign-in they "
        "set up a new app. Anyone who knows their password could do that first, so reset it only when the person "
        "is ready to sign in, and change their password too if it may be known."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the user whose two-factor sign-in is reset")

    def handle(self, *args, username: str, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist:
            raise CommandError(f"There is no user {username!r}.") from None
        removed = reset_devices(user)
        # A warning, so that it reaches the log at the default level: resets are rare and worth noticing.
        logger.warning(
            "Two-factor sign-in of user %s reset from the command line by %s: %d devices removed, sessions ended",
            username,
            _operator(),
            removed,
        )
        self.stdout.write(
            f"Removed {removed} two-factor devices of {username} and ended their sessions. "
            "They will be asked to set up a new authenticator app at their next sign-in."
        )


def _operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "an unknown system user"
