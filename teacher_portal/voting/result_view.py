"""Results shaped for the page: bar lengths, run-off rounds, the pairwise table, ties in words.

Secret votes show only turnout while open: a tally that moves the moment a pupil taps
"vote" would tell the room what that pupil chose. Open votes show the tally live.
"""

from dataclasses import dataclass, field
from typing import Any

from teacher_portal.models.voting import VotingTask
from teacher_portal.voting import tally
from teacher_portal.voting.tie_words import tie_break_sentences


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    percent: float  # of the longest bar, which fills the line
    winner: bool = False
    out: bool = False


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[Bar]


@dataclass
class ResultsView:
    """Everything the results fragment shows; `tally_shown` False means turnout only."""

    task: VotingTask
    cast: int
    eligible: int
    tally_shown: bool
    final: bool
    result: dict[str, Any] | None = None
    winners: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    rounds: list[Chart] = field(default_factory=list)
    pairwise: list[dict[str, Any]] = field(default_factory=list)
    tie_breaks: list[str] = field(default_factory=list)  # one plain sentence per draw
    compare: dict[str, list[str]] = field(default_factory=dict)

    @property
    def turnout_percent(self) -> int:
        return round(100 * self.cast / self.eligible) if self.eligible else 0

    @property
    def version(self) -> str:
        """Changes whenever the projector should redraw."""
        return f"{self.task.state}:{self.cast}:{int(self.tally_shown)}"


def bar_chart(
    title: str,
    values: dict[str, float],
    task: VotingTask,
    *,
    winners: tuple[str, ...] = (),
    out: tuple[str, ...] = (),
) -> Chart:
    """Horizontal bars, longest = full line; labels sit above their bars as text, so they
    keep the page's size on a phone and on the projector."""
    top = max(values.values(), default=0) or 1
    bars = [
        Bar(
            label=task.label_of(key),
            value=value,
            percent=max(0.5, 100 * value / top),
            winner=key in winners,
            out=key in out,
        )
        for key, value in values.items()
    ]
    return Chart(title, bars)


def _rounds(result: dict[str, Any], task: VotingTask) -> list[Chart]:
    charts = []
    for round_ in result.get("rounds") or []:
        charts.append(
            bar_chart(
                str(round_["round"]),
                round_["votes"],
                task,
                winners=tuple(round_["elected"]),
                out=tuple(round_["eliminated"]),
            )
        )
    return charts


def _pairwise(result: dict[str, Any], task: VotingTask) -> list[dict[str, Any]]:
    """Rows of the Schulze table: how many prefer the row's option to each column's."""
    table = result.get("pairwise") or {}
    keys = [option["key"] for option in task.options]
    return [
        {
            "label": task.label_of(row),
            "cells": [
                None
                if row == column
                else (table[row][column], table[row][column] > table[column][row])
                for column in keys
            ],
        }
        for row in keys
        if row in table
    ]


def results_view(task: VotingTask) -> ResultsView:
    cast = tally.votes_cast(task.id)
    final = task.state == "closed" and task.result is not None
    shown = final or (task.state == "open" and not task.secret)
    view = ResultsView(task, cast, tally.eligible_voters(task), shown, final)
    if not shown or (not cast and not final):
        return view
    result = task.result if final else tally.count_task(task).to_dict()
    view.result = result
    view.winners = [task.label_of(key) for key in (result["winners"] or result["leading"])]
    if result.get("scores") is not None:
        view.charts.append(bar_chart("", result["scores"], task, winners=tuple(result["leading"])))
    view.rounds = _rounds(result, task)
    view.pairwise = _pairwise(result, task)
    view.tie_breaks = tie_break_sentences(result, task.label_of)
    view.compare = {
        method: [task.label_of(key) for key in keys]
        for method, keys in (result.get("compare") or {}).items()
    }
    return view
