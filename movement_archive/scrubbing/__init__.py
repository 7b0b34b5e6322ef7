"""Checking and cleaning the files anonymous contributors upload: images (JPEG, PNG, WebP, GIF) and PDF documents.

Contributors may live where using drugs is a crime, so a stored file must carry nothing that could say who made
it or where: no camera serial, no GPS position, no author name, no editing history. ``scrub`` is the one door
every upload goes through. It refuses what it cannot vouch for and rebuilds the rest from content alone, so that
metadata it has never heard of is dropped along with the metadata it knows.

Pure code: plain functions on bytes, with no Django or Wagtail imports. A thin adapter in whichever app receives
uploads connects it to forms and storage, and stores the result under a generated name.
"""

from .errors import RejectedFile
from .result import Scrubbed
from .upload import scrub

__all__ = ["RejectedFile", "Scrubbed", "scrub"]
