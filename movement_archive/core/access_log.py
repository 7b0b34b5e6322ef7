"""The server's access log, kept free of what could identify a reader or open a contributor's receipt.

Gunicorn's default line holds the client's address, its browser, the page it came from and the whole address
asked for. Here a line holds the time, the method, the path with any receipt secret replaced, the status, the
size and the duration: enough to run the site, nothing to follow a person by. The server's error log goes through
the same filter as the archive's own log (``log_privacy.py``): gunicorn names the client's address when it refuses a
malformed request.
"""

from __future__ import annotations

from gunicorn.glogging import Logger

from .log_privacy import PrivateRecords, redact

FORMAT = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'


class PrivateAccessLog(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        if not any(isinstance(existing, PrivateRecords) for existing in self.error_log.filters):
            self.error_log.addFilter(PrivateRecords())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = redact(atoms.get("U", ""))
        for reader_trace in ("h", "f", "a", "r", "q", "u"):
            atoms[reader_trace] = "-"
        return atoms
