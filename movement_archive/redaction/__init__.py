"""Redaction of spans in record texts: editors mark words with ``[redact]…[/redact]``; readers see a marker.

``markup`` and ``rendering`` are pure (no Django); ``text`` decides per reader, ``models`` validates and gives the
search index the public text, and the ``redaction`` template library shows a text on a page.
"""
