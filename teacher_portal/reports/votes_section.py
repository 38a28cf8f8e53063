"""The report's votes: every closed vote of the lessons it covers, as the class decided it.

Question, options (a close-up picture of the site where the options are an estate's
variants, with what each would change), the rules it was counted by, turnout, the result
with its charts, run-off rounds or head-to-head table, and who would have won had the same
ballots been counted another way. The results are those `voting.result_view` shapes for
the projector, so the report shows the same count.
"""

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from minecraft_scripts.measures import Measures
from minecraft_scripts.measures.phrasing import summary
from teacher_portal.core.extensions import db
from teacher_portal.estates.decisions import decision_of, decisions_before
from teacher_portal.estates.state import estate_state
from teacher_portal.game.previews import site_png
from teacher_portal.lesson_runs import plans
from teacher_portal.models import ClassEstate, LessonRun, PlotCapture, VotingTask
from teacher_portal.plots.captures import capture_png
from teacher_portal.reports.measure_view import MeasureView, measure_view
from teacher_portal.reports.scope import Picture, ReportScope
from teacher_portal.voting.forms import METHOD_LABELS, TIE_RULES
from teacher_portal.voting.result_view import ResultsView, results_view
from teacher_portal.voting.winner import winning_option
from worlds.datafile import DataFileError


@dataclass(frozen=True)
class OptionEntry:
    key: str
    label: str
    picture: Picture | None
    effect: str  # the option's most telling change, e.g. "3 more hours of sun on …"
    won: bool


@dataclass(frozen=True)
class VoteEntry:
    task: VotingTask
    results: ResultsView
    options: list[OptionEntry]
    rules: list[str]
    lesson: str
    ranking: list[str]  # a ranking's whole order, by label
    measures: MeasureView | None  # the estate before the vote and with its winner


def closed_tasks(scope: ReportScope) -> list[VotingTask]:
    """The closed votes of the class the report covers, oldest first."""
    tasks = db.session.scalars(
        select(VotingTask)
        .where(VotingTask.class_id == scope.school_class.id, VotingTask.state == "closed")
        .order_by(VotingTask.closed_at, VotingTask.id)
    )
    return [task for task in tasks if scope.covers(task.lesson_run_id, task.created_at)]


def before_variants(task: VotingTask) -> dict[str, str]:
    """The variants that stood when the vote's decision was made (the class's earlier
    decisions and the lessons' variants); the estate's defaults when it decided nothing."""
    decision = decision_of(task)
    if decision is None:
        return {}
    estate = db.session.get(ClassEstate, decision.class_estate_id)
    return estate_state(estate, decisions_before(decision)).variants()


def winning_variant(task: VotingTask) -> str | None:
    """The designed variant that won; None for no winner or a group's own build."""
    option = winning_option(task)
    return option.get("variant") if option else None


def build_votes(scope: ReportScope) -> list[VoteEntry] | None:
    entries = [_entry(scope, task) for task in closed_tasks(scope)]
    return entries or None


def _entry(scope: ReportScope, task: VotingTask) -> VoteEntry:
    results = results_view(task)
    result: dict[str, Any] = task.result or {}
    winners = set(result.get("winners") or [])
    before = after = None
    if task.builds:
        before = scope.measures(task.estate_id, before_variants(task), sun_map=True)
        variant = winning_variant(task)
        if variant:
            chosen = {**before_variants(task), task.site_id: variant}
            after = scope.measures(task.estate_id, chosen, sun_map=True)
    options = [_option(scope, task, option, before, option["key"] in winners)
               for option in task.options]  # fmt: skip
    return VoteEntry(
        task=task,
        results=results,
        options=options,
        rules=_rules(task),
        lesson=_lesson_title(task, scope.language),
        ranking=[task.label_of(key) for key in result.get("ranking") or []],
        measures=measure_view(before, after, scope.language) if before and after else None,
    )


def _option(
    scope: ReportScope, task: VotingTask, option: dict[str, Any], before: Measures | None, won: bool
) -> OptionEntry:
    if task.builds and option.get("capture"):
        return OptionEntry(option["key"], option["label"], _proposal(scope, task, option), "", won)
    if not (task.builds and option.get("variant")):
        return OptionEntry(option["key"], option["label"], None, "", won)
    variant = option["variant"]
    picture = scope.picture(
        f"vote-{task.id}-option-{option['key']}",
        lambda: site_png(task.estate_id, task.site_id, variant),
        _("Option %(number)s: %(label)s", number=option["key"], label=option["label"]),
        width_mm=54,
    )
    effect = ""
    if before is not None:
        chosen = {**before_variants(task), task.site_id: variant}
        with_option = scope.measures(task.estate_id, chosen)
        if with_option is not None:
            said = summary(option["label"], before, with_option, scope.language)
            effect = said.removeprefix(f"{option['label']}: ") if said != option["label"] else ""
    return OptionEntry(option["key"], option["label"], picture, effect, won)


def _proposal(scope: ReportScope, task: VotingTask, option: dict[str, Any]) -> Picture | None:
    """A group's own build as it stood in its plot (the planner's measures count designed
    variants only, so a proposal has no effect line)."""
    capture = db.session.get(PlotCapture, option["capture"])
    if capture is None:
        return None
    return scope.picture(
        f"vote-{task.id}-option-{option['key']}",
        lambda: capture_png(capture),
        _("Option %(number)s: %(label)s", number=option["key"], label=option["label"]),
        width_mm=54,
    )


def _rules(task: VotingTask) -> list[str]:
    rules = [str(METHOD_LABELS.get(task.method, task.method))]
    if task.weights == "per_household":
        rules.append(_("Two votes per household (department meeting)"))
    else:
        rules.append(_("One vote per pupil"))
    rules.append(_("Secret ballot") if task.secret else _("Open ballot: who voted what is known."))
    if task.quorum_percent:
        rules.append(
            _("At least %(percent)d %% of the class had to vote.", percent=task.quorum_percent)
        )
    rules.append(str(TIE_RULES[task.decision]) % {"seed": task.seed})
    return rules


def _lesson_title(task: VotingTask, language: str) -> str:
    run = db.session.get(LessonRun, task.lesson_run_id) if task.lesson_run_id else None
    if run is None:
        return ""
    try:
        return plans.lesson(run.lesson_id).title.get(language)
    except (DataFileError, LookupError):  # a lesson file that no longer loads: no lesson line
        return ""
