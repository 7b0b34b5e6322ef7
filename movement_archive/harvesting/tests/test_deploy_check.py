"""An administrator preparing for production is warned when harvesters would refuse the endpoint's contact address."""

from __future__ import annotations

from movement_archive.harvesting.checks import check_admin_emails


def test_an_address_without_a_dotted_domain_is_reported(settings):
    settings.MOVEMENT_ARCHIVE_OAI_ADMIN_EMAILS = ["archive@localhost"]

    (warning,) = check_admin_emails(None)

    assert warning.id == "movement_archive.W002"
    assert "archive@localhost" in warning.msg


def test_a_real_address_passes(settings):
    settings.MOVEMENT_ARCHIVE_OAI_ADMIN_EMAILS = ["keeper@archive.example.org"]

    assert check_admin_emails(None) == []
