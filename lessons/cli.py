"""`jagten lessons …`: check lesson files, render teacher guides, export the schema.

Everything printed speaks the language of `worlds.language` (`jagten --lang en`); the
`--lang` of `list` and `render` chooses the lesson text and defaults to the same.
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path

import click

from lessons.catalog import LESSONS_DIR, UnknownLessonError, lesson_ids, load_lesson
from lessons.checker import CheckReport, check_lesson_file
from lessons.course import (
    COURSES_DIR,
    Course,
    character_issues,
    course_ids,
    course_issues,
    render_course,
)
from lessons.guide import render_guide
from lessons.printables import printables_pdf, render_printables
from lessons.printing import PrintingError
from lessons.references import EstateShelf
from lessons.schema_export import lesson_json_schema_text
from worlds.command_errors import CommandError
from worlds.datafile import DataFileError, load_data_file, placed_problems
from worlds.error_messages import did_you_mean
from worlds.language import Language, _, current_language, ngettext
from worlds.text_safety import one_line

lang_option = click.option(
    "--lang",
    type=click.Choice(["da", "en"]),
    default=None,
    help="Language of the lesson text (default: the language of the command).",
)


@click.group(name="lessons")
def lessons() -> None:
    """Lesson plans (lessons/*.yaml) / Lektionsplaner."""


@lessons.command("list")
@lang_option
def list_lessons(lang: Language | None) -> None:
    """Show the shipped lessons: id, grades, minutes and title."""
    lang = lang or current_language()
    for lesson_id in lesson_ids():
        try:
            lesson = load_lesson(lesson_id)
        except DataFileError as error:
            count = len(error.problems)
            click.echo(f"{lesson_id:<28} " + ngettext("(%(num)s error)", "(%(num)s errors)", count))
            continue
        grades = f"{min(lesson.grades)}-{max(lesson.grades)}"
        title = one_line(lesson.title.get(lang))
        click.echo(f"{lesson_id:<28} {grades:>5}  {lesson.duration:>3} min  {title}")


@lessons.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def check(paths: tuple[Path, ...], strict: bool) -> None:
    """Check lesson files (default: all shipped lessons); exit 1 on any problem."""
    files = _lesson_files(paths)
    shelf = EstateShelf()
    reports = [check_lesson_file(path, shelf) for path in files]
    if not paths:
        reports += _course_reports(reports)
    for report in reports:
        for problem in report.errors:
            click.echo(str(problem))
        for problem in report.warnings:
            click.echo(
                f"{problem.file}:{problem.line}:{problem.column}: {problem.field}: "
                + _("warning: %(message)s", message=problem.message)
            )
    click.echo(_summary(reports, strict, files=len(files)))
    if _failed(reports, strict):
        raise SystemExit(1)


@lessons.command("render")
@click.argument("lesson")
@lang_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="HTML file to write (default: print to the terminal).",
)
@click.option(
    "--start",
    default=None,
    metavar="HH:MM",
    help="Clock time the lesson starts, e.g. 08:15, to print real times.",
)
@click.option("--no-picture", is_flag=True, help="Leave out the picture of the estate.")
@click.pass_obj
def render(
    settings: dict | None,
    lesson: str,
    lang: Language | None,
    output: Path | None,
    start: str | None,
    no_picture: bool,
) -> None:
    """Render LESSON (an id or a file) as a printable teacher guide.

    Lessons cannot draw estates (that is `minecraft_scripts`' job); the `jagten` command
    hands its drawer over as `estate_picture` in the context object.
    """
    try:
        loaded = load_lesson(lesson)
    except (UnknownLessonError, DataFileError) as error:
        raise CommandError(str(error)) from None
    picture = None if no_picture else (settings or {}).get("estate_picture")
    html = render_guide(
        loaded, lang or current_language(), start=_clock_time(start), picture=picture
    )
    if output is None:
        click.echo(html)
        return
    try:
        output.write_text(html, encoding="utf-8")
    except OSError as error:
        message = _("cannot write %(file)s: %(reason)s", file=str(output), reason=error.strerror)
        raise CommandError(message) from None
    click.echo(f"{output}")


@lessons.command("printables")
@click.argument("lesson")
@lang_option
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The PDF to write (a name ending in .html writes the HTML instead).",
)
def printables(lesson: str, lang: Language | None, output: Path) -> None:
    """Print LESSON's cards, agenda, ballots, sheets, glossary and exit tickets (A4)."""
    lang = lang or current_language()
    try:
        loaded = load_lesson(lesson)
    except (UnknownLessonError, DataFileError) as error:
        raise CommandError(str(error)) from None
    try:
        if output.suffix.lower() == ".html":
            output.write_text(render_printables(loaded, lang), encoding="utf-8")
        else:
            output.write_bytes(printables_pdf(loaded, lang))
    except PrintingError as error:
        raise CommandError(str(error)) from None
    except OSError as error:
        message = _("cannot write %(file)s: %(reason)s", file=str(output), reason=error.strerror)
        raise CommandError(message) from None
    click.echo(f"{output}")


@lessons.command("schema")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Where to write it, e.g. lessons/schema.json (default: print it).",
)
def schema(output: Path | None) -> None:
    """Print or write the JSON Schema of lesson files."""
    text = lesson_json_schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


def _course_reports(lesson_reports: list[CheckReport]) -> list[CheckReport]:
    """The shipped course plans and the cast's continuity across the shipped lessons."""
    lessons = {r.lesson.id: r.lesson for r in lesson_reports if r.lesson is not None}
    files = {r.lesson.id: Path(r.file) for r in lesson_reports if r.lesson is not None}
    for lesson_id, issue in character_issues(lessons):
        report = next(r for r in lesson_reports if r.lesson and r.lesson.id == lesson_id)
        report.errors += placed_problems([issue], files[lesson_id])
    reports = []
    for course_id in course_ids():
        path = _as_shown(COURSES_DIR / f"{course_id}.yaml")
        report = CheckReport(str(path))
        try:
            course = load_data_file(path, Course)
        except DataFileError as error:
            report.errors = error.problems
        else:
            report.errors = placed_problems(list(course_issues(course, lessons)), path)
        reports.append(report)
    return reports


@lessons.command("course")
@click.argument("course", default="kursusdag")
@lang_option
@click.option("--start", default=None, metavar="HH:MM", help="Clock time the day starts.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="HTML file to write (default: print to the terminal).",
)
def course(course: str, lang: Language | None, start: str | None, output: Path | None) -> None:
    """Render a course day across lessons (default: the 3-hour kursusdag) as a guide."""
    if course not in course_ids():
        hint = did_you_mean(course, course_ids())
        raise CommandError(_("no course plan '%(course)s'; %(hint)s", course=course, hint=hint))
    try:
        plan = load_data_file(COURSES_DIR / f"{course}.yaml", Course)
        lessons = {lesson_id: load_lesson(lesson_id) for lesson_id in lesson_ids()}
    except DataFileError as error:
        raise CommandError(str(error)) from None
    html = render_course(plan, lessons, lang or current_language(), start=_clock_time(start))
    if output is None:
        click.echo(html)
        return
    output.write_text(html, encoding="utf-8")
    click.echo(f"{output}")


def _lesson_files(paths: tuple[Path, ...]) -> list[Path]:
    """Files named on the command line (folders expand to their *.yaml), or the shipped ones."""
    if not paths:
        return [_as_shown(path) for path in sorted(LESSONS_DIR.glob("*.yaml"))]
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    return files


def _as_shown(path: Path) -> Path:
    """Shipped lessons are named relative to the working directory when inside it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _failed(reports: list[CheckReport], strict: bool) -> bool:
    return any(report.errors or (strict and report.warnings) for report in reports)


def _summary(reports: list[CheckReport], strict: bool, files: int) -> str:
    """One line; `files` counts the lessons (course plans add their problems, not a count)."""
    errors = sum(len(report.errors) for report in reports)
    warnings = sum(len(report.warnings) for report in reports)
    warned = ", " + ngettext("%(num)s warning", "%(num)s warnings", warnings) if warnings else ""
    if not _failed(reports, strict):
        ok = ngettext(
            "OK: %(num)s lesson without errors", "OK: %(num)s lessons without errors", files
        )
        return ok + warned
    bad = sum(1 for report in reports if report.errors or (strict and report.warnings))
    failed = ngettext(
        "%(errors)s in %(bad)s of %(num)s lesson",
        "%(errors)s in %(bad)s of %(num)s lessons",
        files,
        errors=ngettext("%(num)s error", "%(num)s errors", errors),
        bad=bad,
    )
    return failed + warned


def _clock_time(text: str | None) -> time | None:
    if text is None:
        return None
    try:
        return datetime.strptime(text, "%H:%M").time()
    except ValueError:
        message = _("'%(text)s' is not a time like 08:15", text=text)
        raise click.BadParameter(message, param_hint="--start") from None
