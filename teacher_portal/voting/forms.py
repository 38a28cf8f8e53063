"""The teacher's form for a voting task, with the rule combinations that make no sense refused
in words a teacher understands."""

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from lessons.vote_methods import (
    MAJORITY_METHODS,
    SEAT_METHODS,
    DecisionKind,
    VoteMethod,
    decision_problem,
)
from teacher_portal.core.form_fields import WholeNumberField, at_most, number_from, required
from teacher_portal.voting.options import MAX_OPTIONS, SiteChoice, site_choices

METHOD_LABELS = {
    VoteMethod.PLURALITY: _l("One cross each (plurality)"),
    VoteMethod.APPROVAL: _l("Tick every option you accept (approval)"),
    VoteMethod.RANKED: _l("Rank the options (instant run-off)"),
    VoteMethod.BORDA: _l("Rank the options (Borda count)"),
    VoteMethod.CONDORCET: _l("Rank the options (Condorcet, Schulze method)"),
    VoteMethod.BLOC: _l("Board election: several seats (bloc vote)"),
}
"""Every method's name on the teacher's form (a test keeps it complete)."""

DECISION_LABELS = {
    DecisionKind.CHOICE: _l("A choice between options (a tie decides nothing: vote again)"),
    DecisionKind.PROPOSAL: _l(
        "Yes or no to one proposal: first option for, second against (a tie: it falls)"
    ),
    DecisionKind.ELECTION: _l("An election of people (a tie for a seat is settled by lot)"),
    DecisionKind.RANKING: _l("An order of all options (a tie for a place is settled by lot)"),
}
"""What a vote can decide, as the form offers it (a test keeps it complete)."""

TIE_RULES = {
    DecisionKind.CHOICE: _l("A tie for first place decides nothing; vote again."),
    DecisionKind.PROPOSAL: _l(
        "The proposal needs more votes for than against; a tie means it falls."
    ),
    DecisionKind.ELECTION: _l("A tie for a seat is settled by lot, seed %(seed)s."),
    DecisionKind.RANKING: _l("A tie for a place is settled by lot, seed %(seed)s."),
}
"""How a tie ends, in words for the task page."""


def _values(choices: list[SelectChoice]) -> set[str]:
    return {choice.value for choice in choices}


class TaskForm(FlaskForm):
    question = StringField(_l("Question"), validators=[required(), at_most(200)])
    description = TextAreaField(_l("Description (optional)"), validators=[at_most(2000)])
    option_kind = RadioField(
        _l("The options are"),
        choices=[
            SelectChoice("texts", _l("Written options")),
            SelectChoice("site", _l("Variants of an estate site")),
            SelectChoice("plots", _l("The groups' proposals from their plots")),
        ],
        default="texts",
    )
    texts = TextAreaField(_l("Options, one per line"))
    site = SelectField(_l("Estate site"), validate_choice=False)
    into = SelectField(_l("Build the winning proposal into"), validate_choice=False)
    method = SelectField(
        _l("Voting method"), choices=[SelectChoice(*item) for item in METHOD_LABELS.items()]
    )
    seats = WholeNumberField(_l("Seats"), default=1, validators=[number_from(1, 10)])
    decision = RadioField(
        _l("The vote decides"),
        choices=[SelectChoice(*item) for item in DECISION_LABELS.items()],
        default=DecisionKind.CHOICE.value,
    )
    weights = RadioField(
        _l("Votes per voter"),
        choices=[
            SelectChoice("per_pupil", _l("One vote per pupil")),
            SelectChoice("per_household", _l("Two votes per household (department meeting)")),
        ],
        default="per_pupil",
    )
    quorum_percent = WholeNumberField(
        _l("Quorum: share of the class that must vote (%)"),
        default=0,
        validators=[number_from(0, 100)],
    )
    majority_percent = WholeNumberField(
        _l("The winner needs more than this share of the votes (%, empty: most votes wins)"),
        validators=[Optional(), number_from(0, 99)],
    )
    secret = BooleanField(_l("Secret ballot"), default=True)
    allow_change = BooleanField(_l("Pupils may change their vote until the vote closes"))

    def __init__(
        self,
        *args: Any,
        lang: str = "da",
        plot_sites: list[SiteChoice] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.site.choices = [
            SelectChoice(choice.value, choice.label) for choice in site_choices(lang)
        ]
        self.into.choices = [SelectChoice("", _l("Do not build it"))] + [
            SelectChoice(choice.value, choice.label) for choice in plot_sites or []
        ]

    def option_labels(self) -> list[str]:
        return [line.strip() for line in (self.texts.data or "").splitlines() if line.strip()]

    def validate(self, extra_validators: Any = None) -> bool:
        valid = super().validate(extra_validators)
        return self._rules_fit() and valid

    def _rules_fit(self) -> bool:
        """Cross-field rules; each problem is attached to the field to change."""
        problems: list[tuple[Any, Any]] = []
        labels = self.option_labels()
        if self.option_kind.data == "texts" and not 2 <= len(labels) <= MAX_OPTIONS:
            problems.append((self.texts, _l("Write 2 to 12 options, one per line.")))
        if self.option_kind.data == "texts" and len(set(labels)) != len(labels):
            problems.append((self.texts, _l("Each option must be different.")))
        if self.option_kind.data == "site" and self.site.data not in _values(self.site.choices):
            problems.append((self.site, _l("Choose a site from the list.")))
        if self.option_kind.data == "plots" and self.into.data not in _values(self.into.choices):
            problems.append((self.into, _l("Choose a site from the list.")))
        if (self.seats.data or 1) > 1 and self.method.data not in SEAT_METHODS:
            problems.append((self.seats, _l("This method elects one; use bloc for several seats.")))
        if self.majority_percent.data is not None and self.method.data not in MAJORITY_METHODS:
            problems.append(
                (self.majority_percent, _l("A majority threshold does not fit this method."))
            )
        if decision_problem(self.decision.data, self.method.data, self.seats.data or 1):
            problems.append(
                (
                    self.decision,
                    _l(
                        "This method cannot decide that: a yes-or-no proposal is one cross "
                        "(plurality) with two options, a ranking needs plurality, approval or "
                        "Borda, and several seats are an election."
                    ),
                )
            )
        if (
            self.decision.data == DecisionKind.PROPOSAL
            and self.option_kind.data == "texts"
            and len(self.option_labels()) != 2
        ):
            problems.append(
                (self.texts, _l("A proposal has two options: for first, then against."))
            )
        if self.secret.data and self.allow_change.data:
            problems.append(
                (
                    self.allow_change,
                    _l(
                        "A secret ballot cannot be changed: nobody, not even the portal, knows "
                        "which ballot is whose. Choose an open ballot, or do not allow changes."
                    ),
                )
            )
        for field, message in problems:
            field.errors = [*field.errors, message]
        return not problems
