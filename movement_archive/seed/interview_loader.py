"""Load the seed's interview records, through the same path as every other seed record.

Kept apart from ``loader.py`` only for size: ``_Loader`` takes this in as a mixin, so an interview is created
or updated, given a revision and published, or left alone and counted as unchanged, exactly like the rest.
Interviews point at people, episodes, organisations and localities, so they load after all of those.
"""

from __future__ import annotations

from movement_archive.interviews.models import EpisodeUse, Interview, Participant


class InterviewLoading:
    """The interview part of ``loader._Loader``; it relies on the loader's records and its generic machinery."""

    def _interviews(self) -> None:
        for r in self.c.interviews:
            interview = self._existing_or_new("interviews", Interview, r["key"], {"title": r["title"]})
            self._apply("interviews", r, self._interview, interview)

    def _interview(self, obj: Interview, r: dict) -> None:
        obj.title, obj.summary = r["title"], r["summary"]
        obj.access, obj.synthetic = r["access"], r["synthetic"]
        obj.country = self.countries[r["country"]] if r["country"] else None
        obj.locality = self._one("localities", r["locality"])
        obj.countries.set(self._countries(r["countries"]))
        obj.organisations.set(self._many("organisations", r["organisations"]))
        # The seed knows only who spoke and in which episode: no interviewer, no stretch of the recording.
        obj.participants = [
            Participant(person=self.records["people"][r["narrator"]], role=Participant.Role.NARRATOR, sort_order=0)
        ]
        obj.episode_uses = [EpisodeUse(episode=self.records["episodes"][r["episode"]], sort_order=0)]
        obj.citations = self._citations(r["citations"])
