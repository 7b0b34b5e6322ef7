"""Oral-history documents and the file formats they travel in: WebVTT, SRT, stamped text and OHMS XML.

Pure code: plain functions on the plain data of ``document.py``, with no Django imports. The ``interviews``
app connects them to its models.
"""
