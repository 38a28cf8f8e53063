"""The error a `jagten` command ends with, in the language the command speaks.

click prints "Error:" in English whatever the language, and shows an error only after the
command's context (and with it the chosen language) has closed; so the whole line is put
together where the error is raised. Used by the game commands and the lesson commands.
"""

from __future__ import annotations

from typing import IO, Any

import click

from worlds.language import _


class CommandError(click.ClickException):
    """A message a teacher can act on, shown as "Fejl: ..." or "Error: ..."; exit code 1."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.line = _("Error:") + " " + message

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.line, err=True, file=file)
