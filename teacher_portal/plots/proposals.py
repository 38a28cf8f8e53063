"""The groups' proposals: what a group writes on a phone (title, what, for whom, why), put
together with its plot's newest capture for the gallery and the ballot."""

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import StringField, TextAreaField

from teacher_portal.core.clock import utcnow
from teacher_portal.core.extensions import db
from teacher_portal.core.form_fields import at_most, required
from teacher_portal.models import Group, PlotCapture, Proposal, SchoolClass
from teacher_portal.models.plots import ARGUMENT_MAX, TITLE_MAX
from teacher_portal.plots.assignments import plot_table
from teacher_portal.plots.captures import latest_captures
from worlds.schema import Plot


class ProposalForm(FlaskForm):
    title = StringField(_l("Title of your proposal"), validators=[required(), at_most(TITLE_MAX)])
    what = TextAreaField(_l("What have you built?"), validators=[at_most(ARGUMENT_MAX)])
    for_whom = TextAreaField(_l("For whom?"), validators=[at_most(ARGUMENT_MAX)])
    why = TextAreaField(_l("Why should the estate get it?"), validators=[at_most(ARGUMENT_MAX)])


def proposal_of(group: Group, estate_id: str) -> Proposal | None:
    return db.session.scalar(
        select(Proposal).where(Proposal.group_id == group.id, Proposal.estate_id == estate_id)
    )


def save_proposal(group: Group, estate_id: str, form: ProposalForm) -> Proposal:
    """The group's text, replaced by whoever of the group saves last."""
    proposal = proposal_of(group, estate_id)
    if proposal is None:
        proposal = Proposal(class_id=group.class_id, estate_id=estate_id, group_id=group.id)
        db.session.add(proposal)
    proposal.title = form.title.data.strip()
    for name in ("what", "for_whom", "why"):
        setattr(proposal, name, (getattr(form, name).data or "").strip())
    proposal.updated_at = utcnow()
    db.session.commit()
    return proposal


@dataclass(frozen=True)
class Entry:
    """One plot of the lesson: its group, what the group wrote, and its newest capture."""

    plot: Plot
    group: Group | None
    proposal: Proposal | None
    capture: PlotCapture | None

    @property
    def has_build(self) -> bool:
        return self.capture is not None and not self.capture.is_empty

    def title(self, lang: str) -> str:
        if self.proposal and self.proposal.title:
            return self.proposal.title
        owner = self.group.name if self.group else self.plot.name.get(lang)
        return owner

    def argument(self) -> dict[str, str]:
        if self.proposal is None:
            return {"what": "", "for_whom": "", "why": ""}
        return {
            "what": self.proposal.what,
            "for_whom": self.proposal.for_whom,
            "why": self.proposal.why,
        }


def entries(school_class: SchoolClass, estate_id: str) -> list[Entry]:
    """The plots groups build in (every plot of the lesson if no group has one yet), in
    order, with what there is of each proposal."""
    captures = latest_captures(school_class, estate_id)
    table = plot_table(school_class, estate_id)
    found = []
    for row in table.assigned or table.rows:
        proposal = proposal_of(row.group, estate_id) if row.group else None
        found.append(Entry(row.plot, row.group, proposal, captures.get(row.plot.id)))
    return found


@dataclass
class PlotOptions:
    """A vote's options from the proposals, and the plots that could not be one."""

    options: list[dict[str, Any]]
    not_captured: list[str]
    empty: list[str]


def plot_options(
    school_class: SchoolClass, estate_id: str, plot_ids: list[str] | None, lang: str
) -> PlotOptions:
    """One option per plot (of `plot_ids`, default all) whose capture holds a build."""
    result = PlotOptions([], [], [])
    for entry in entries(school_class, estate_id):
        if plot_ids and entry.plot.id not in plot_ids:
            continue
        name = entry.group.name if entry.group else entry.plot.name.get(lang)
        if entry.capture is None:
            result.not_captured.append(name)
        elif entry.capture.is_empty:
            result.empty.append(name)
        else:
            result.options.append(
                {
                    "key": str(len(result.options) + 1),
                    "label": entry.title(lang),
                    "variant": None,
                    "plot": entry.plot.id,
                    "capture": entry.capture.id,
                    "group": name,
                    "argument": entry.argument(),
                }
            )
    return result
