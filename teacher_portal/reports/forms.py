"""The report's forms: its settings, a share link, a politician's answer, a group's message."""

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice

from teacher_portal.core.form_fields import WholeNumberField, at_most, number_from, required
from teacher_portal.models.reports import ANSWER_MAX, ASK_MAX, PROBLEM_MAX, PROPOSAL_MAX
from teacher_portal.reports.links import DEFAULT_DAYS, MAX_DAYS

WHOLE_COURSE = ""


class SettingsForm(FlaskForm):
    scope = SelectField(_l("The report covers"), validate_choice=False)
    title = StringField(
        _l("Title (empty: “From the class to the town hall”)"), validators=[at_most(160)]
    )
    school = StringField(_l("School"), validators=[at_most(160)])
    class_label = StringField(
        _l("Class, as it should stand on the report"), validators=[at_most(100)]
    )
    date_text = StringField(
        _l("Date, as it should stand on the report (empty: today)"), validators=[at_most(60)]
    )
    language = RadioField(
        _l("Language of the report"),
        choices=[SelectChoice("da", "Dansk"), SelectChoice("en", "English")],
        default="da",
    )
    show_nicknames = BooleanField(_l("Show the pupils' nicknames (by the groups' messages)"))

    def __init__(self, *args: Any, runs: list[tuple[int, str]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scope.choices = [SelectChoice(WHOLE_COURSE, _l("The whole course"))] + [
            SelectChoice(str(run_id), title) for run_id, title in runs
        ]

    def chosen_run(self) -> int | None:
        valid = {choice.value for choice in self.scope.choices}
        value = self.scope.data if self.scope.data in valid else WHOLE_COURSE
        return int(value) if value else None


class LinkForm(FlaskForm):
    recipient = StringField(
        _l("To (a politician or a committee)"), validators=[required(), at_most(120)]
    )
    recipient_role = StringField(
        _l("Role, e.g. “Chair of the Committee for Urban Affairs”"), validators=[at_most(160)]
    )
    note = TextAreaField(
        _l("A line for the letter (optional), e.g. when and where the class presents"),
        validators=[at_most(500)],
    )
    days = WholeNumberField(
        _l("The link works for (days)"), default=DEFAULT_DAYS, validators=[number_from(1, MAX_DAYS)]
    )


class AnswerForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[required(), at_most(120)])
    role = StringField(
        _l("Your role, e.g. member of the municipal council"), validators=[required(), at_most(160)]
    )
    text = TextAreaField(
        _l("Your answer to the class"), validators=[required(), at_most(ANSWER_MAX)]
    )


class MessageForm(FlaskForm):
    problem = TextAreaField(_l("The problem"), validators=[at_most(PROBLEM_MAX)])
    proposal = TextAreaField(_l("Our proposal"), validators=[at_most(PROPOSAL_MAX)])
    ask = TextAreaField(
        _l("What we ask the municipality for"), validators=[required(), at_most(ASK_MAX)]
    )
    version = HiddenField(default="0")

    def version_number(self) -> int:
        try:
            return max(0, int(self.version.data or 0))
        except ValueError:
            return 0
