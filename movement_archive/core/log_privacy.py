"""Log records that name no reader: no IP address, no receipt secret, no request for a handler to dump.

Django's own messages are mostly safe already (a refused host is logged by its name, a missing page by its path),
but a path may hold a contributor's receipt secret, a message from a library may hold an address, and the request
Django attaches to its records holds both. The filter goes on every handler, so whatever logs, the line is clean.
"""

from __future__ import annotations

import ipaddress
import logging
import re

# Runs of hex digits, dots and colons with at least one dot or colon; ipaddress then decides, so that times such as
# 12:30:45 and versions such as 1.2.3 stay. A trailing colon or full stop (end of a sentence, "ip=...: error") and a
# port after an IPv4 address are kept apart from the address.
_CANDIDATE = re.compile(r"(?<![\w.:])[0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]*(?!\w)")
HIDDEN_ADDRESS = "[address]"
# /contribute/receipt/<token>/ and its prefixed forms (/es/contribute/receipt/<token>/). Here rather than in
# ``access_log``, which reads it too: this module needs nothing from gunicorn, so the archive's own log can load it.
_RECEIPT = re.compile(r"(/contribute/receipt/)[^/]+")


def redact(path: str) -> str:
    """The path with any receipt secret replaced, for the access log and every other log line."""
    return _RECEIPT.sub(r"\1…", path)


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def _hide(match: re.Match) -> str:
    text = match.group(0)
    core = text.rstrip(".:")
    tail = text[len(core) :]
    if _is_address(core):
        return HIDDEN_ADDRESS + tail
    host, colon, port = core.rpartition(":")
    if colon and port.isdigit() and "." in host and _is_address(host):
        return f"{HIDDEN_ADDRESS}:{port}{tail}"
    return text


def without_addresses(text: str) -> str:
    return _CANDIDATE.sub(_hide, text)


class PrivateRecords(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = redact(without_addresses(record.getMessage()))
        record.msg, record.args = message, None
        if hasattr(record, "request"):
            del record.request
        return True
