"""Which group builds in which plot: automatic in order, editable, and said plainly when
there are more groups than plots."""

import re
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from teacher_portal.core.extensions import db
from teacher_portal.estates.catalog import load_estate
from teacher_portal.lesson_runs.runs import class_phase
from teacher_portal.models import Group, PlotAssignment, SchoolClass
from worlds.schema import Plot


def lesson_plot_ids(school_class: SchoolClass, estate_id: str) -> list[str]:
    """The plots the running lesson hands to groups (its build phases' `plots`), or every
    plot of the estate when it names none."""
    now = class_phase(school_class)
    named: list[str] = []
    if now is not None and now.plan.estate == estate_id:
        for phase in now.plan.phases:
            if phase.build is not None:
                named += [plot for plot in phase.build.plots if plot not in named]
    known = [plot.id for plot in load_estate(estate_id).plots]
    return [plot for plot in named if plot in known] or known


def natural_key(name: str) -> list[int | str]:
    """ "Gruppe 2" before "Gruppe 10"."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", name)]


def class_groups(school_class: SchoolClass) -> list[Group]:
    groups = db.session.scalars(select(Group).where(Group.class_id == school_class.id)).all()
    return sorted(groups, key=lambda group: natural_key(group.name))


@dataclass(frozen=True)
class PlotRow:
    """A plot of the lesson and the group building in it (None: nobody)."""

    plot: Plot
    group: Group | None


@dataclass
class PlotTable:
    """The lesson's plots with their groups, and what does not fit."""

    estate_id: str
    rows: list[PlotRow]
    groups_without_plot: list[Group] = field(default_factory=list)

    @property
    def assigned(self) -> list[PlotRow]:
        return [row for row in self.rows if row.group is not None]


def plot_table(school_class: SchoolClass, estate_id: str) -> PlotTable:
    estate = load_estate(estate_id)
    plots = {plot.id: plot for plot in estate.plots}
    stored = {row.plot_id: row for row in _assignments(school_class, estate_id)}
    rows = [
        PlotRow(plots[plot_id], stored[plot_id].group if plot_id in stored else None)
        for plot_id in lesson_plot_ids(school_class, estate_id)
    ]
    placed = {row.group.id for row in rows if row.group is not None}
    without = [group for group in class_groups(school_class) if group.id not in placed]
    return PlotTable(estate_id, rows, without)


def _assignments(school_class: SchoolClass, estate_id: str) -> list[PlotAssignment]:
    return list(
        db.session.scalars(
            select(PlotAssignment).where(
                PlotAssignment.class_id == school_class.id, PlotAssignment.estate_id == estate_id
            )
        )
    )


def assign_in_order(school_class: SchoolClass, estate_id: str) -> PlotTable:
    """Groups in name order get the lesson's plots in order; earlier choices are replaced."""
    plot_ids = lesson_plot_ids(school_class, estate_id)
    groups = class_groups(school_class)
    _clear(school_class, estate_id)
    for plot_id, group in zip(plot_ids, groups, strict=False):
        db.session.add(
            PlotAssignment(
                class_id=school_class.id, estate_id=estate_id, plot_id=plot_id, group_id=group.id
            )
        )
    db.session.commit()
    return plot_table(school_class, estate_id)


class AssignmentProblem(ValueError):
    """A choice that cannot be saved; the message names the group to change."""


def assign(school_class: SchoolClass, estate_id: str, choice: dict[str, int | None]) -> None:
    """Save the teacher's choice (plot id → group id, or None), refusing a group twice."""
    groups = {group.id: group for group in class_groups(school_class)}
    chosen = [group_id for group_id in choice.values() if group_id is not None]
    for group_id in chosen:
        if group_id not in groups:
            raise AssignmentProblem("unknown group")
        if chosen.count(group_id) > 1:
            raise AssignmentProblem(groups[group_id].name)
    plot_ids = lesson_plot_ids(school_class, estate_id)
    _clear(school_class, estate_id)
    for plot_id, group_id in choice.items():
        if group_id is not None and plot_id in plot_ids:
            db.session.add(
                PlotAssignment(
                    class_id=school_class.id,
                    estate_id=estate_id,
                    plot_id=plot_id,
                    group_id=group_id,
                )
            )
    db.session.commit()


def _clear(school_class: SchoolClass, estate_id: str) -> None:
    db.session.execute(
        delete(PlotAssignment).where(
            PlotAssignment.class_id == school_class.id, PlotAssignment.estate_id == estate_id
        )
    )
    db.session.flush()


def plot_of_group(group: Group, estate_id: str) -> Plot | None:
    """The plot this group builds in, in this estate."""
    row = db.session.scalar(
        select(PlotAssignment).where(
            PlotAssignment.group_id == group.id, PlotAssignment.estate_id == estate_id
        )
    )
    if row is None:
        return None
    return next((plot for plot in load_estate(estate_id).plots if plot.id == row.plot_id), None)
