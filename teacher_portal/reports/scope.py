"""What a report covers and how sections ask for pictures and measures.

A section never draws while it is built: it names a picture and hands over how to draw it.
The web page then links the picture by name (drawn when the browser asks), and the PDF
embeds it at print resolution. Measures take seconds to work out, so a web page shows them
once they are ready, while printing waits for them.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from minecraft_scripts.measures import Measures
from teacher_portal.core.clock import utcnow
from teacher_portal.estates import measures
from teacher_portal.models import ClassReport, LessonRun, Pupil, SchoolClass
from worlds.catalog import load_estate
from worlds.schema import Estate


@dataclass(frozen=True)
class Picture:
    """A picture of the report: `name` is unique within it and part of its web address."""

    name: str
    draw: Callable[[], bytes]
    alt: str
    width_mm: int = 80  # the widest it prints; less when it has too few pixels for 150 dpi


@dataclass
class ReportScope:
    school_class: SchoolClass
    settings: ClassReport
    runs: list[LessonRun]
    language: str
    printing: bool = False
    pictures: dict[str, Picture] = field(default_factory=dict)
    measures_pending: bool = False
    cover_picture: Picture | None = None  # the first section to offer one puts it on the cover

    @property
    def whole_course(self) -> bool:
        return self.settings.lesson_run_id is None

    @property
    def show_nicknames(self) -> bool:
        return self.settings.show_nicknames

    def covers(self, lesson_run_id: int | None, made_at: datetime | None = None) -> bool:
        """Whether something of a lesson run (or made at `made_at` outside any run, as a
        teacher's own vote during a lesson) belongs in this report."""
        if self.whole_course:
            return True
        if lesson_run_id is not None:
            return any(run.id == lesson_run_id for run in self.runs)
        return made_at is not None and any(
            run.started_at <= made_at <= (run.finished_at or utcnow()) for run in self.runs
        )

    def nicknames(self, pupils: list[Pupil]) -> list[str]:
        """The pupils' nicknames, or none at all when the teacher left them out."""
        return [pupil.nickname for pupil in pupils] if self.show_nicknames else []

    def picture(
        self, name: str, draw: Callable[[], bytes], alt: str, width_mm: int = 80
    ) -> Picture:
        picture = Picture(name, draw, alt, width_mm)
        self.pictures[name] = picture
        return picture

    def measures(
        self, estate_id: str, variants: Mapping[str, str], *, sun_map: bool = False
    ) -> Measures | None:
        """The planner's measures, or None while they are worked out (never when printing)
        or when they cannot be."""
        wait = measures.PRINT_WAIT if self.printing else 0
        found = measures.measures(estate_id, variants, sun_map=sun_map, wait=wait)
        if found is None and measures.pending(estate_id, variants, sun_map=sun_map):
            self.measures_pending = True
        return found

    def estate(self, estate_id: str) -> Estate:
        """A shipped estate, loaded once per process (raises `DataFileError`)."""
        return _estate(estate_id)


@lru_cache(maxsize=16)
def _estate(estate_id: str) -> Estate:
    return load_estate(estate_id)
