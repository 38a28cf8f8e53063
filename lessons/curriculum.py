"""The curriculum a lesson serves: folkeskole subjects, the grades they are taught in, and
their Fælles Mål competence areas; and the rules a lesson's `curriculum` must keep.

Grades come from the school act's timetable annex (folkeskoleloven, bilag 1: timetal),
as phased in by 2025/26: samfundsfag is a subject of grades 8–9; billedkunst (to 6th
grade) and håndværk og design (3rd–6th) are not compulsory in grades 7–10, where they are
electives (valgfag). Grade 10 is counted with the subjects it must offer (dansk,
matematik, engelsk) and those it may. Teknologiforståelse becomes a subject with
folkeskolens kvalitetsprogram (L 41, 2024); until a school has it on the timetable it is
taught as an elective or inside other subjects, so it is accepted in any grade.
Competence areas are the Fælles Mål names (emu.dk); the goals' wording is the lesson's.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lessons.schema import Lesson, Subject
from worlds.datafile import FieldIssue
from worlds.error_messages import did_you_mean
from worlds.language import _

Bilingual = dict[str, str]


@dataclass(frozen=True)
class SubjectPlan:
    """Where a subject sits in the folkeskole: compulsory grades and electives."""

    compulsory: frozenset[int]
    elective: frozenset[int]
    areas: dict[str, Bilingual]  # Fælles Mål competence area id → name


def _grades(first: int, last: int) -> frozenset[int]:
    return frozenset(range(first, last + 1))


SUBJECTS: dict[Subject, SubjectPlan] = {
    Subject.DANSK: SubjectPlan(
        _grades(1, 10),
        frozenset(),
        {
            "læsning": {"da": "Læsning", "en": "Reading"},
            "fremstilling": {"da": "Fremstilling", "en": "Writing and producing"},
            "fortolkning": {"da": "Fortolkning", "en": "Interpretation"},
            "kommunikation": {"da": "Kommunikation", "en": "Communication"},
        },
    ),
    Subject.MATEMATIK: SubjectPlan(
        _grades(1, 10),
        frozenset(),
        {
            "matematiske kompetencer": {
                "da": "Matematiske kompetencer",
                "en": "Mathematical competences",
            },
            "tal og algebra": {"da": "Tal og algebra", "en": "Number and algebra"},
            "geometri og måling": {"da": "Geometri og måling", "en": "Geometry and measurement"},
            "statistik og sandsynlighed": {
                "da": "Statistik og sandsynlighed",
                "en": "Statistics and probability",
            },
        },
    ),
    Subject.SAMFUNDSFAG: SubjectPlan(
        _grades(8, 9),
        frozenset({10}),
        {
            "politik": {"da": "Politik", "en": "Politics"},
            "økonomi": {"da": "Økonomi", "en": "Economics"},
            "sociale og kulturelle forhold": {
                "da": "Sociale og kulturelle forhold",
                "en": "Social and cultural conditions",
            },
            "samfundsfaglige metoder": {
                "da": "Samfundsfaglige metoder",
                "en": "Social science methods",
            },
        },
    ),
    Subject.HISTORIE: SubjectPlan(
        _grades(3, 9),
        frozenset({10}),
        {
            "kronologi og sammenhæng": {
                "da": "Kronologi og sammenhæng",
                "en": "Chronology and context",
            },
            "kildearbejde": {"da": "Kildearbejde", "en": "Working with sources"},
            "historiebrug": {"da": "Historiebrug", "en": "Uses of history"},
        },
    ),
    Subject.NATUR_TEKNOLOGI: SubjectPlan(
        _grades(1, 6),
        frozenset(),
        {
            "undersøgelse": {"da": "Undersøgelse", "en": "Investigation"},
            "modellering": {"da": "Modellering", "en": "Modelling"},
            "perspektivering": {"da": "Perspektivering", "en": "Putting into perspective"},
            "kommunikation": {"da": "Kommunikation", "en": "Communication"},
        },
    ),
    Subject.BILLEDKUNST: SubjectPlan(
        _grades(1, 6),
        _grades(7, 9),
        {
            "billedfremstilling": {"da": "Billedfremstilling", "en": "Making images"},
            "billedanalyse": {"da": "Billedanalyse", "en": "Analysing images"},
            "billedkommunikation": {"da": "Billedkommunikation", "en": "Communicating in images"},
        },
    ),
    Subject.HAANDVAERK_OG_DESIGN: SubjectPlan(
        _grades(3, 6),
        _grades(7, 9),
        {
            "håndværk": {"da": "Håndværk – materialer og teknikker", "en": "Craft"},
            "design": {"da": "Design", "en": "Design"},
            "produktvurdering": {"da": "Produktvurdering", "en": "Judging products"},
        },
    ),
    Subject.TEKNOLOGIFORSTAAELSE: SubjectPlan(
        _grades(1, 10),
        frozenset(),
        {
            "digital myndiggørelse": {"da": "Digital myndiggørelse", "en": "Digital empowerment"},
            "digital design og designprocesser": {
                "da": "Digital design og designprocesser",
                "en": "Digital design and design processes",
            },
            "computationel tankegang": {
                "da": "Computationel tankegang",
                "en": "Computational thinking",
            },
            "teknologisk handleevne": {"da": "Teknologisk handleevne", "en": "Technological skill"},
        },
    ),
    Subject.ENGELSK: SubjectPlan(
        _grades(1, 10),
        frozenset(),
        {
            "mundtlig kommunikation": {"da": "Mundtlig kommunikation", "en": "Oral communication"},
            "skriftlig kommunikation": {
                "da": "Skriftlig kommunikation",
                "en": "Written communication",
            },
            "kultur og samfund": {"da": "Kultur og samfund", "en": "Culture and society"},
        },
    ),
    Subject.KRISTENDOMSKUNDSKAB: SubjectPlan(
        _grades(1, 9),
        frozenset({10}),
        {
            "livsfilosofi og etik": {"da": "Livsfilosofi og etik", "en": "Philosophy and ethics"},
            "bibelske fortællinger": {"da": "Bibelske fortællinger", "en": "Biblical narratives"},
            "kristendom": {"da": "Kristendom", "en": "Christianity"},
            "ikke-kristne religioner": {
                "da": "Ikke-kristne religioner",
                "en": "Religions other than Christianity",
            },
        },
    ),
}

PURPOSE: Bilingual = {
    "da": "Folkeskolen skal forberede eleverne til deltagelse, medansvar, rettigheder og "
    "pligter i et samfund med frihed og folkestyre. Skolens virke skal derfor være præget af "
    "åndsfrihed, ligeværd og demokrati.",
    "en": "The folkeskole is to prepare pupils for participation, shared responsibility, "
    "rights and duties in a society of freedom and democracy. The school's work must "
    "therefore be marked by intellectual freedom, equality and democracy.",
}
PURPOSE_SOURCE: Bilingual = {"da": "folkeskoleloven § 1, stk. 3", "en": "the Folkeskole Act § 1(3)"}


def area_name(subject: Subject, area: str, lang: str) -> str:
    return SUBJECTS[subject].areas.get(area, {}).get(lang, area)


def curriculum_issues(lesson: Lesson) -> Iterator[FieldIssue]:
    """Subjects, goals and grades that do not fit each other or the timetable annex."""
    with_goals = {goal.subject for goal in lesson.curriculum}
    for index, goal in enumerate(lesson.curriculum):
        loc = ("curriculum", index)
        if goal.subject not in lesson.subjects:
            yield FieldIssue(
                (*loc, "subject"),
                _(
                    "'%(subject)s' is not among the lesson's subjects; add it to 'subjects' or "
                    "give the goal one of them",
                    subject=goal.subject,
                ),
            )
        areas = list(SUBJECTS[goal.subject].areas)
        if goal.area not in areas:
            yield FieldIssue(
                (*loc, "area"),
                _(
                    "'%(area)s' is not a Fælles Mål competence area of %(subject)s; %(hint)s",
                    area=goal.area,
                    subject=goal.subject,
                    hint=did_you_mean(goal.area, areas),
                ),
            )
    grades = set(lesson.grades)
    for index, subject in enumerate(lesson.subjects):
        if subject not in with_goals:
            yield FieldIssue(
                ("subjects", index),
                _(
                    "no curriculum goal serves %(subject)s; add one under 'curriculum' or "
                    "remove it",
                    subject=subject,
                ),
            )
        plan = SUBJECTS[subject]
        if not grades & plan.compulsory:
            yield FieldIssue(("subjects", index), _not_taught(subject, plan, grades))
    for index, grade in enumerate(lesson.grades):
        if not any(grade in SUBJECTS[subject].compulsory for subject in lesson.subjects):
            yield FieldIssue(
                ("grades", index),
                _(
                    "none of the lesson's subjects is taught in grade %(grade)s (folkeskoleloven, "
                    "bilag 1); add a subject taught there or drop the grade",
                    grade=grade,
                ),
            )


def _not_taught(subject: Subject, plan: SubjectPlan, grades: set[int]) -> str:
    taught = f"{min(plan.compulsory)}–{max(plan.compulsory)}"
    asked = f"{min(grades)}–{max(grades)}"
    message = _(
        "%(subject)s is compulsory only in grades %(taught)s (folkeskoleloven, bilag 1), not in "
        "grades %(grades)s",
        subject=subject, taught=taught, grades=asked,
    )  # fmt: skip
    if grades & plan.elective:
        message += "; " + _("there it is an elective (valgfag): use another subject for the lesson")
    return message + "; " + _("remove the subject or change the grades")
