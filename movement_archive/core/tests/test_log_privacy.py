"""The archive's own log names no reader: a refused host is logged by its name, never with the address that asked,
and no line keeps an IP address or a receipt secret, whoever wrote it."""

from __future__ import annotations

import io
import logging

from django.test import Client, SimpleTestCase

from movement_archive.core.log_privacy import PrivateRecords, without_addresses


def console_handler() -> logging.Handler:
    (handler,) = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(existing, PrivateRecords) for existing in handler.filters)
    ]
    return handler


class TheLogNamesNoReader(SimpleTestCase):
    def test_a_refused_host_is_logged_by_name_without_the_address_that_asked(self):
        handler, written = console_handler(), io.StringIO()
        # Swapped by hand: setStream() flushes the old stream first, which fails if that was a closed capture.
        previous, handler.stream = handler.stream, written
        try:
            response = Client().get("/", HTTP_HOST="intruder.example", REMOTE_ADDR="198.51.100.23")
        finally:
            handler.stream = previous

        self.assertEqual(response.status_code, 400)
        self.assertIn("Invalid HTTP_HOST header: 'intruder.example'", written.getvalue())
        self.assertNotIn("198.51.100.23", written.getvalue())

    def test_addresses_and_receipt_secrets_are_taken_out_of_any_line(self):
        record = logging.LogRecord(
            "some.library", logging.WARNING, __file__, 1, "%s asked %s from %s at %s", None, None
        )
        record.args = ("203.0.113.9", "/es/contribute/receipt/s3cr3t/", "2001:db8::1", "12:30:45")
        record.request = object()

        self.assertTrue(PrivateRecords().filter(record))

        self.assertEqual(record.getMessage(), "[address] asked /es/contribute/receipt/…/ from [address] at 12:30:45")
        self.assertFalse(hasattr(record, "request"))

    def test_only_real_addresses_are_hidden(self):
        self.assertEqual(without_addresses("ip=::1 version 1.2.3 at 10:15"), "ip=[address] version 1.2.3 at 10:15")
        self.assertEqual(without_addresses("999.1.1.1 and fe80::1."), "999.1.1.1 and [address].")
        self.assertEqual(without_addresses("from 192.0.2.7:51234: reset"), "from [address]:51234: reset")
        self.assertEqual(without_addresses("from [2001:db8::7]:443"), "from [[address]]:443")
        self.assertEqual(without_addresses("cafe.bad deadbeef: fine"), "cafe.bad deadbeef: fine")


class TheCommandLineInsideARunningProcess(SimpleTestCase):
    def test_setting_up_again_keeps_the_console_handler_and_its_stream(self):
        from movement_archive.cli import _load_django

        handler = console_handler()
        stream = handler.stream

        _load_django()

        self.assertIs(console_handler(), handler)
        self.assertIs(handler.stream, stream)
