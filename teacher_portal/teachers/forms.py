"""Forms for creating a teacher account, shared by first-run set-up and invitations."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import EqualTo, Length, Regexp

from teacher_portal.core.form_fields import at_most, required
from teacher_portal.core.names import clean_name

PASSWORD_MIN = 8
EMAIL_SHAPE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"  # a shape check only: we never send e-mail


class NewTeacherForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[required(), at_most(100)], filters=[clean_name])
    email = EmailField(
        _l("E-mail"),
        validators=[
            required(),
            at_most(254),
            Regexp(EMAIL_SHAPE, message=_l("Write an e-mail address like name@school.dk.")),
        ],
    )
    password = PasswordField(
        _l("Password"),
        validators=[
            required(),
            Length(min=PASSWORD_MIN, message=_l("Use at least 8 characters.")),
        ],
    )
    confirm = PasswordField(
        _l("Repeat password"),
        validators=[EqualTo("password", message=_l("The two passwords are not the same."))],
    )


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[required()])
    password = PasswordField(_l("Password"), validators=[required()])
