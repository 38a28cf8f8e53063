"""The errors a `jagten` command ends with, in the language the command speaks: its own
(`CommandError`) and click's (a missing argument, an unknown command, a bad value).

click marks its messages for GNU gettext, but gettext reads one language for the whole
process from the environment, while `jagten --lang en` chooses it per command. So
`speak_for_click` points click's `_` and `ngettext` at the toolkit's catalogue, for the
messages listed in `CLICK_MESSAGES`; everything else of click's (its help: "Options",
"Show this message and exit.", the "Usage:" line) stays English, like the options' help.
Used by the game commands and the lesson commands.
"""

from __future__ import annotations

from typing import IO, Any

import click
import click.core
import click.exceptions
import click.parser
import click.types

from worlds.language import N_, _

CLICK_MESSAGES = frozenset(
    {
        N_("Error: {message}"),
        N_("Try '{command} {option}' for help."),
        N_("Invalid value for {param_hint}: {message}"),
        N_("Invalid value: {message}"),
        N_("Missing argument"),
        N_("Missing option"),
        N_("Missing parameter"),
        N_("Missing parameter: {param_name}"),
        N_("Missing command."),
        N_("No such command {name!r}."),
        N_("No such option {name!r}."),
        N_("Did you mean {possibility}?"),
        N_("(Did you mean one of: {possibilities}?)"),
        N_("Got unexpected extra argument ({args})"),
        N_("Got unexpected extra arguments ({args})"),
        N_("Option {name!r} does not take a value."),
        N_("Option {name!r} requires an argument."),
        N_("Option {name!r} requires {nargs} arguments."),
        N_("Argument {name!r} takes {nargs} values."),
        N_("Choose from:\n\t{choices}"),
        N_("{value!r} is not {choice}."),
        N_("{value!r} is not one of {choices}."),
        N_("{value!r} is not a valid {number_type}."),
        N_("{value} is not in the range {range}."),
        N_("{value!r} is not a valid boolean. Recognized values: {states}"),
        N_("{name} {filename!r} does not exist."),
        N_("{name} {filename!r} is a file."),
        N_("{name} {filename!r} is a directory."),
        N_("{name} {filename!r} is not readable."),
        N_("{name} {filename!r} is not writable."),
        N_("{name} {filename!r} is not executable."),
        N_("Could not open file {filename!r}: {message}"),
        N_("unknown error"),
        N_("Aborted!"),
    }
)
"""click's own words for the mistakes a teacher makes on the command line, exactly as click
writes them (click fills in the `{name}` placeholders); a test keeps them click's."""


class CommandError(click.ClickException):
    """A message a teacher can act on, shown as "Fejl: ..." or "Error: ..."; exit code 1."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.line = _("Error:") + " " + message

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.line, err=True, file=file)


def speak_for_click() -> None:
    """Let click's error messages speak the language of the command (see the module)."""
    for module in (click.core, click.exceptions, click.parser, click.types):
        module._ = _click_gettext  # type: ignore[attr-defined]
        module.ngettext = _click_ngettext  # type: ignore[attr-defined]


def _click_gettext(message: str) -> str:
    return _(message) if message in CLICK_MESSAGES else message


def _click_ngettext(singular: str, plural: str, count: int) -> str:
    """Danish takes the singular for one, as English does: each form is its own msgid."""
    return _click_gettext(singular if count == 1 else plural)
