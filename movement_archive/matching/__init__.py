"""Find the archive records that a contributed organisation name probably refers to, in any script.

Pure code: plain functions and dataclasses on strings, with no Django or Wagtail imports, so that the
rules can be read and tested on their own. Whatever shows contributions to editors turns its records into
``Candidate`` values, builds a ``CandidateIndex`` once and asks it for each contribution.
"""

from movement_archive.matching.index import Candidate, CandidateIndex, Match, probable_matches
from movement_archive.matching.keys import acronym_of, name_key

__all__ = ["Candidate", "CandidateIndex", "Match", "acronym_of", "name_key", "probable_matches"]
