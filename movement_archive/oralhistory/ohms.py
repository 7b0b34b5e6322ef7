"""OHMS XML, the exchange format of the Oral History Metadata Synchronizer (Nunn Center, University of Kentucky).

Pure code: no Django imports. Two functions, in two modules to keep each readable:

- ``read_ohms(data) -> InterviewDocument`` (``ohms_read``) reads every shape OHMS has written: the legacy
  plain transcript timed by ``<sync>`` minute markers (``ohms_sync``), OHMS 5 index points with repeated
  ``<gpspoints>``/``<hyperlinks>`` or the older single ``<gps>``/``<hyperlink>`` in the point, and OHMS 6
  ``<vtt_transcript>`` WebVTT with its translation; in the OHMS namespace or none.
- ``write_ohms(doc, record_id=..., dt=...) -> bytes`` (``ohms_write``) writes OHMS 6.0 that validates
  against the published schema: index times in whole seconds, the transcript as WebVTT.

What survives a round trip ``read_ohms(write_ohms(doc))`` unchanged: values without white space at their
ends; index times, and a duration of at least a second, in whole seconds; keywords and subjects that are
not empty and hold no ";"; places with coordinates and links with an address; segments as far as WebVTT
carries them.
"""

from __future__ import annotations

from .ohms_read import MAX_BYTES, NAMESPACE, read_ohms
from .ohms_write import write_ohms

__all__ = ["MAX_BYTES", "NAMESPACE", "read_ohms", "write_ohms"]
