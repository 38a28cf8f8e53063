"""The plots on the lesson page: a phase that hands out plots shows who builds where, a
phase where groups build offers the capture, and a phase about their proposals shows them."""

from dataclasses import dataclass

from lessons.schema import Lesson, PhaseKind
from teacher_portal.game import jobs
from teacher_portal.lesson_runs.runs import referred_vote
from teacher_portal.models import BuildJob, SchoolClass
from teacher_portal.plots import captures
from teacher_portal.plots.assignments import PlotTable, plot_table
from teacher_portal.plots.proposals import Entry, entries


@dataclass(frozen=True)
class LessonPlots:
    table: PlotTable
    proposals: list[Entry]
    show_proposals: bool
    job: BuildJob | None
    busy: bool


def lesson_plots(school_class: SchoolClass, plan: Lesson, index: int) -> LessonPlots | None:
    phase = plan.phases[index]
    about = referred_vote(plan, index)
    on_plots = about is not None and about.options.plots is not None
    hands_out = phase.build is not None and bool(phase.build.plots)
    if not (hands_out or on_plots or phase.kind is PhaseKind.BUILD):
        return None
    if not any(p.build and p.build.plots for p in plan.phases) and not on_plots:
        return None
    return LessonPlots(
        table=plot_table(school_class, plan.estate),
        proposals=[e for e in entries(school_class, plan.estate) if e.has_build],
        show_proposals=on_plots,
        job=captures.latest_capture_job(school_class),
        busy=jobs.active_job(school_class) is not None,
    )
