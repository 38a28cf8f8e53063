"""Each kind of mistake in a lesson file names the right line, field and what to do."""

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lessons.checker import check_lesson_file

VOTE_BLOCK = """\
    vote:
      question: {da: "Hvilken legeplads?", en: "Which playground?"}
      options:
        site: legepladsen
      method: ranked
      weights: per_household
"""

# (what to replace, replacement, text on the line the problem must point at, field, message part)
ERROR_CASES = {
    "unknown key": (
        "    minutes: 25",
        "    minuts: 25",
        "minuts: 25",
        "phases[0].minuts",
        "did you mean 'minutes'",
    ),
    "wrong type": (
        "    minutes: 25",
        "    minutes: ten",
        "minutes: ten",
        "phases[0].minutes",
        "valid integer",
    ),
    "missing English": (
        "title: {da: Prøvelektion, en: Trial lesson}",
        "title: {da: Prøvelektion}",
        "title: {da: Prøvelektion}",
        "title.en",
        "'en' is missing",
    ),
    "missing Danish deep down": (
        'question: {da: "Hvilken legeplads?", en: "Which playground?"}',
        'question: {en: "Which playground?"}',
        'question: {en: "Which playground?"}',
        "phases[1].vote.question.da",
        "'da' is missing",
    ),
    "text in one language only": (
        "title: {da: Prøvelektion, en: Trial lesson}",
        "title: Prøvelektion",
        "title: Prøvelektion",
        "title",
        "both languages",
    ),
    "unknown estate": (
        "estate: tranebaerparken",
        "estate: tranebaerpark",
        "estate: tranebaerpark",
        "estate",
        "did you mean 'tranebaerparken'",
    ),
    "estate id with capitals": (
        "estate: tranebaerparken",
        "estate: Tranebærparken",
        "estate: Tranebærparken",
        "estate",
        "not a valid id",
    ),
    "unknown site in a vote": (
        "        site: legepladsen",
        "        site: legeplads",
        "site: legeplads",
        "phases[1].vote.options.site",
        "did you mean 'legepladsen'",
    ),
    "unknown site in a build": (
        "variants: {legepladsen: natur}",
        "variants: {legeplads: natur}",
        "variants: {legeplads: natur}",
        "phases[0].build.variants.legeplads",
        "no site 'legeplads'",
    ),
    "unknown variant in a build": (
        "variants: {legepladsen: natur}",
        "variants: {legepladsen: naturlig}",
        "variants: {legepladsen: naturlig}",
        "phases[0].build.variants.legepladsen",
        "did you mean 'natur'",
    ),
    "unknown variant among the options": (
        "        site: legepladsen",
        "        site: legepladsen\n        variants: [natur, aktivt]",
        "variants: [natur, aktivt]",
        "phases[1].vote.options.variants[1]",
        "did you mean 'aktiv'",
    ),
    "unknown plot": (
        "plots: [gruppe_1, gruppe_2, gruppe_3]",
        "plots: [gruppe_1, gruppe_2, gruppe_9]",
        "plots: [gruppe_1, gruppe_2, gruppe_9]",
        "phases[0].build.plots[2]",
        "no plot 'gruppe_9'",
    ),
    "plot listed twice": (
        "plots: [gruppe_1, gruppe_2, gruppe_3]",
        "plots: [gruppe_1, gruppe_2, gruppe_1]",
        "plots: [gruppe_1, gruppe_2, gruppe_1]",
        "phases[0].build.plots[2]",
        "listed twice",
    ),
    "bloc without seats": (
        "method: ranked",
        "method: bloc",
        'question: {da: "Hvilken',
        "phases[1].vote.seats",
        "add 'seats'",
    ),
    "more seats than options": (
        "method: ranked",
        "method: bloc\n      seats: 3",
        "seats: 3",
        "phases[1].vote.seats",
        "only 3 options",
    ),
    "seats with a one-winner method": (
        "method: ranked",
        "method: plurality\n      seats: 2",
        "seats: 2",
        "phases[1].vote.seats",
        "only applies to method 'bloc'",
    ),
    "ranked with one option": (
        "        site: legepladsen",
        "        texts:\n          - {da: Ja, en: 'Yes'}",
        "texts:",
        "phases[1].vote.options",
        "at least 2 options",
    ),
    "two kinds of options": (
        "        site: legepladsen",
        "        site: legepladsen\n        plots: [gruppe_1, gruppe_2]",
        "site: legepladsen",
        "phases[1].vote.options",
        "exactly one of",
    ),
    "plot options without a build phase for them": (
        "        site: legepladsen",
        "        plots: [gruppe_1, gruppe_4]",
        "plots: [gruppe_1, gruppe_4]",
        "phases[1].vote.options.plots[1]",
        "not built by pupils",
    ),
    "a site for the winner without plots": (
        "        site: legepladsen",
        "        site: legepladsen\n        into: legepladsen",
        "into: legepladsen",
        "phases[1].vote.options.into",
        "add 'plots'",
    ),
    "a winner's site the estate lacks": (
        "        site: legepladsen",
        "        plots: [gruppe_1, gruppe_2]\n        into: legepladsn",
        "into: legepladsn",
        "phases[1].vote.options.into",
        "did you mean 'legepladsen'",
    ),
    "comparison that the ballots cannot give": (
        "weights: per_household",
        "weights: per_household\n      compare: [approval]",
        "compare: [approval]",
        "phases[1].vote.compare[0]",
        "needs ranked ballots",
    ),
    "comparison from ballots that hold one choice": (
        "method: ranked",
        "method: plurality\n      compare: [condorcet]",
        "compare: [condorcet]",
        "phases[1].vote.compare[0]",
        "cannot count 'plurality' ballots as 'condorcet': comparing needs ranked ballots",
    ),
    "misspelt method": (
        "method: ranked",
        "method: rankd",
        "method: rankd",
        "phases[1].vote.method",
        "did you mean 'ranked'",
    ),
    "misspelt subject": (
        "subjects: [samfundsfag]",
        "subjects: [samfundsfg]",
        "subjects: [samfundsfg]",
        "subjects[0]",
        "did you mean 'samfundsfag'",
    ),
    "vote phase without a vote": (
        VOTE_BLOCK,
        "",
        "kind: vote",
        "phases[1].vote",
        "needs a 'vote' template",
    ),
    "vote in a phase that is not a vote": (
        "  - kind: vote",
        "  - kind: discuss",
        "kind: discuss",
        "phases[1].kind",
        "only a phase of kind 'vote'",
    ),
    "duration outside a lesson's range": (
        "duration: 45",
        "duration: 200",
        "duration: 200",
        "duration",
        "135",
    ),
    "duplicate key": (
        "duration: 45",
        "duration: 45\nduration: 50",
        "duration: 50",
        "duration",
        "duplicate key",
    ),
    "YAML syntax": ("grades: [8, 9]", "grades: [8, 9", "duration: 45", "", "YAML syntax error"),
    "question mark in a short text": (
        "title: {da: Prøvelektion, en: Trial lesson}",
        "title: {da: Hvad nu?, en: What now?}",
        "title: {da: Hvad nu?",
        "",
        "in quotes",
    ),
}


def line_of(text: str, fragment: str) -> int:
    """1-based number of the first line holding ``fragment``."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize(
    ("old", "new", "at", "field", "message"), ERROR_CASES.values(), ids=list(ERROR_CASES)
)
def test_each_mistake_names_its_line_and_field(write_lesson, old, new, at, field, message):
    path = write_lesson(old, new)

    report = check_lesson_file(path)

    assert report.lesson is None
    matching = [problem for problem in report.errors if problem.field == field]
    assert matching, f"no problem on {field!r}; got {[str(p) for p in report.errors]}"
    problem = matching[0]
    assert problem.file == str(path)
    assert problem.line == line_of(path.read_text("utf-8"), at)
    assert message in problem.message
    assert str(problem).startswith(f"{path}:{problem.line}:{problem.column}: ")


def test_a_valid_lesson_has_no_problems(write_lesson):
    report = check_lesson_file(write_lesson())

    assert report.errors == [] and report.warnings == []
    assert report.lesson is not None and report.lesson.estate == "tranebaerparken"


def test_minutes_that_do_not_add_up_only_warn(write_lesson):
    path = write_lesson("    minutes: 20", "    minutes: 15")

    report = check_lesson_file(path)

    assert report.errors == []
    assert report.lesson is not None
    [warning] = report.warnings
    assert (warning.field, warning.line) == (
        "duration",
        line_of(path.read_text("utf-8"), "duration:"),
    )
    assert "add up to 40 minutes but duration is 45" in warning.message


def test_the_id_must_match_the_file_name(write_lesson):
    path = write_lesson(name="another_name")

    report = check_lesson_file(path)

    [problem] = report.errors
    assert (problem.field, problem.line) == ("id", 1)
    assert "another_name.yaml" in problem.message


def test_every_problem_is_reported_not_only_the_first(write_lesson):
    path = write_lesson("estate: tranebaerparken\n", "estate: tranebaerparken\nroles: 3\n")
    path.write_text(path.read_text("utf-8").replace("minutes: 25", "minuts: 25"), "utf-8")

    fields = {problem.field for problem in check_lesson_file(path).errors}

    assert {"roles", "phases[0].minuts"} <= fields


def test_a_missing_file_is_a_problem_not_a_traceback(tmp_path: Path):
    report = check_lesson_file(tmp_path / "nowhere.yaml")

    [problem] = report.errors
    assert "cannot read" in problem.message


documents = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "title", "phases", "vote", "da", "en", "minutes", "kind", "x"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_any_document_gives_problems_never_an_exception(tmp_path: Path, document):
    path = tmp_path / "proeve.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), "utf-8")

    report = check_lesson_file(path)

    assert report.lesson is None and report.errors
    assert all(problem.line >= 1 and problem.column >= 1 for problem in report.errors)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=60))
def test_any_text_gives_problems_never_an_exception(tmp_path: Path, text: str):
    path = tmp_path / "proeve.yaml"
    path.write_text(text, "utf-8")

    report = check_lesson_file(path)

    assert report.lesson is None and report.errors


NEW_FIELD_CASES = {
    "subject not taught in the lesson's grades": (
        "grades: [8, 9]",
        "grades: [5, 6]",
        "subjects: [samfundsfag]",
        "subjects[0]",
        "compulsory only in grades 8–9",
    ),
    "unknown competence area": (
        "    area: politik",
        "    area: politk",
        "area: politk",
        "curriculum[0].area",
        "did you mean 'politik'",
    ),
    "unknown glossary word": (
        "glossary: [husstand, afdelingsmoede]",
        "glossary: [husstand, afdelingsmode]",
        "glossary: [husstand, afdelingsmode]",
        "glossary[1]",
        "did you mean 'afdelingsmoede'",
    ),
    "a proposal is yes or no": (
        "      method: ranked\n",
        "      method: ranked\n      decision: proposal\n",
        "decision: proposal",
        "phases[1].vote.decision",
        "a proposal is decided by plurality",
    ),
}


@pytest.mark.parametrize(
    ("old", "new", "at", "field", "message"), NEW_FIELD_CASES.values(), ids=list(NEW_FIELD_CASES)
)
def test_curriculum_glossary_and_decision_mistakes_name_their_field(
    write_lesson, old, new, at, field, message
):
    test_each_mistake_names_its_line_and_field(write_lesson, old, new, at, field, message)


def test_a_session_longer_than_45_minutes_is_an_error(write_lesson):
    path = write_lesson("duration: 45", "duration: 90")
    path.write_text(
        path.read_text("utf-8").replace("    minutes: 20", "    minutes: 65"), encoding="utf-8"
    )

    report = check_lesson_file(path)

    [problem] = report.errors
    assert problem.field == "phases[1].session"
    assert "more than a 45-minute lesson" in problem.message


def test_the_curriculum_fields_are_required(write_lesson, valid_lesson_text):
    start = valid_lesson_text.index("curriculum:")
    end = (
        valid_lesson_text.index("goals:", start) if "goals:" in valid_lesson_text[start:] else None
    )
    path = write_lesson(
        valid_lesson_text[start : end or valid_lesson_text.index("differentiation:")], ""
    )

    fields = {problem.field for problem in check_lesson_file(path).errors}

    assert "curriculum" in fields
