"""Vote → decision → build: the winner of a vote on a site (one of its variants, or a group's
build from its plot) becomes the class's decision, and the class's estate state is built on
the site, by diff, so only the site's blocks change. Later builds keep it (`estates`).

The result page shows the site before and after the decision.
"""

from dataclasses import dataclass
from enum import Enum
from typing import Any

from flask_babel import gettext as _

from minecraft_scripts.estate_state import EstateState, ProposalDecision, state_model
from minecraft_scripts.plots import PlotProblem
from teacher_portal.core.extensions import db
from teacher_portal.estates.catalog import load_estate
from teacher_portal.estates.decisions import build_decision, decide, decision_of
from teacher_portal.estates.state import captured_build, estate_state, stored_estate
from teacher_portal.models import BuildJob, EstateDecision, PlotCapture, SchoolClass
from teacher_portal.models.voting import VotingTask


def winning_option(task: VotingTask) -> dict[str, Any] | None:
    winners = (task.result or {}).get("winners") or []
    return next((o for o in task.options if winners and o["key"] == winners[0]), None)


class WinnerBuild(Enum):
    """What asking for the winner's build came to; the page words it for the teacher."""

    STARTED = "started"
    NO_WINNER = "no_winner"
    BUSY = "busy"  # another build of the class runs; the decision goes into the next build
    DOES_NOT_FIT = "does_not_fit"


@dataclass(frozen=True)
class WinnerOutcome:
    outcome: WinnerBuild
    detail: str = ""


def build_winner(task: VotingTask) -> WinnerOutcome:
    """Record the winner as the class's decision for the site and build it, unless nothing
    was decided or the winning build does not fit the site."""
    option = winning_option(task)
    if option is None:
        return WinnerOutcome(WinnerBuild.NO_WINNER)
    capture = db.session.get(PlotCapture, option["capture"]) if option.get("capture") else None
    if capture is not None:
        try:
            _check_it_fits(task, capture)
        except PlotProblem as problem:
            return WinnerOutcome(WinnerBuild.DOES_NOT_FIT, str(problem))
    elif not option.get("variant"):
        return WinnerOutcome(WinnerBuild.NO_WINNER)
    decision = decide(task, option["label"], variant_id=option.get("variant"), capture=capture)
    started = build_decision(decision)
    task.build_job_id = decision.build_job_id
    db.session.commit()
    return WinnerOutcome(WinnerBuild.STARTED if started else WinnerBuild.BUSY)


def _check_it_fits(task: VotingTask, capture: PlotCapture) -> None:
    """The class's estate with the winning build in the site can be made, or `PlotProblem`
    says why not (too large for the site, too many kinds of block): a decision that could
    not be built would break every later build of the class."""
    school_class = db.session.get(SchoolClass, task.class_id)
    stored = stored_estate(school_class, task.estate_id)
    now = estate_state(stored) if stored else EstateState(load_estate(task.estate_id))
    winner = ProposalDecision(task.site_id, captured_build(capture))
    state_model(EstateState(now.estate, now.base_variants, (*now.decisions, winner)))


def say(outcome: WinnerOutcome) -> tuple[str, str]:
    """The flash message and its category for an outcome."""
    messages = {
        WinnerBuild.STARTED: (_("The winner is being built in the game."), "success"),
        WinnerBuild.NO_WINNER: (_("No winner was decided, so nothing is built."), "info"),
        WinnerBuild.BUSY: (
            _(
                "The winner is the class's decision, but another build is running. "
                "Build the winner when it is done."
            ),
            "error",
        ),
        WinnerBuild.DOES_NOT_FIT: (
            _("The winner cannot be built: %(detail)s", detail=outcome.detail),
            "error",
        ),
    }
    return messages[outcome.outcome]


def build_job(task: VotingTask) -> BuildJob | None:
    return db.session.get(BuildJob, task.build_job_id) if task.build_job_id else None


def decision(task: VotingTask) -> EstateDecision | None:
    return decision_of(task)
