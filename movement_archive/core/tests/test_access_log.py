"""The server's access log names no reader and opens no receipt."""

from __future__ import annotations

from types import SimpleNamespace

from gunicorn.config import Config

from movement_archive.core.access_log import FORMAT, PrivateAccessLog
from movement_archive.core.log_privacy import redact


def test_a_receipt_secret_never_reaches_the_log():
    assert redact("/contribute/receipt/s3cr3t-T0ken/") == "/contribute/receipt/…/"
    assert redact("/es/contribute/receipt/s3cr3t-T0ken/") == "/es/contribute/receipt/…/"
    assert redact("/organisations/junkiebond/") == "/organisations/junkiebond/"


def test_a_log_line_holds_no_address_browser_or_referrer():
    config = Config()
    config.set("access_log_format", FORMAT)
    log = PrivateAccessLog(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/contribute/receipt/s3cr3t/?new=1",
        "PATH_INFO": "/contribute/receipt/s3cr3t/",
        "QUERY_STRING": "new=1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "198.51.100.23",
        "HTTP_USER_AGENT": "ReaderPhone/1.0",
        "HTTP_REFERER": "https://elsewhere.example/",
    }
    request = SimpleNamespace(headers=[("USER-AGENT", "ReaderPhone/1.0")])
    response = SimpleNamespace(status="200 OK", response_length=512, sent=512, headers=[])
    atoms = log.atoms(response, request, environ, SimpleNamespace(seconds=0, microseconds=1500))
    line = FORMAT % atoms
    for trace in ("198.51.100", "ReaderPhone", "elsewhere", "s3cr3t", "new=1"):
        assert trace not in line
    assert '"GET /contribute/receipt/…/" 200 512' in line


def test_the_error_log_does_not_name_a_client_whose_request_was_refused(capsys):
    config = Config()
    config.set("errorlog", "-")
    log = PrivateAccessLog(config)

    # What gunicorn's worker writes when a request is malformed.
    log.warning("Invalid request from ip=198.51.100.23: Invalid HTTP Version 'HTTP/9'")

    written = capsys.readouterr().err
    assert "Invalid request from ip=[address]: Invalid HTTP Version" in written
    assert "198.51.100" not in written
