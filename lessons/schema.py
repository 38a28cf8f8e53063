"""The shape of a lesson file (`lessons/*.yaml`).

The pydantic models are the single source of truth: the loader validates against
them, `lessons/schema.json` is exported from them for editor autocompletion, and the
vote vocabulary (`VoteMethod`, `VoteWeights`) comes from `lessons.vote_methods`, which the
portal's counting and voting code import too.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

from lessons.vote_methods import DecisionKind, VoteMethod, VoteWeights
from worlds.data_model import Identifier, Strict, Text
from worlds.error_messages import did_you_mean
from worlds.language import _


def _one_of(choices: type[StrEnum]) -> WrapValidator:
    """Name the valid choices with a did-you-mean instead of pydantic's long enum message."""

    def validate(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(value)
        except ValidationError:
            hint = did_you_mean(str(value), [choice.value for choice in choices])
            raise ValueError(_("unknown value %(value)s; %(hint)s", value=repr(value),
                               hint=hint)) from None  # fmt: skip

    return WrapValidator(validate)


class PhaseKind(StrEnum):
    INTRO = "intro"
    EXPLORE = "explore"
    DISCUSS = "discuss"
    BUILD = "build"
    PROPOSE = "propose"
    VOTE = "vote"
    REFLECT = "reflect"
    PRESENT = "present"


class ReportStep(StrEnum):
    """What a phase does with the class's report to the municipality; the portal offers it."""

    MESSAGE = "message"  # each group writes the problem, the proposal and its ask on phones
    PRINT = "print"  # print the report, the politician's briefing and the invitation
    ANSWER = "answer"  # read the politician's written answer with the class


class Subject(StrEnum):
    """Subjects of the Danish folkeskole a lesson serves (Fælles Mål names)."""

    SAMFUNDSFAG = "samfundsfag"
    DANSK = "dansk"
    BILLEDKUNST = "billedkunst"
    HAANDVAERK_OG_DESIGN = "håndværk og design"
    MATEMATIK = "matematik"
    HISTORIE = "historie"
    ENGELSK = "engelsk"
    NATUR_TEKNOLOGI = "natur/teknologi"
    TEKNOLOGIFORSTAAELSE = "teknologiforståelse"
    KRISTENDOMSKUNDSKAB = "kristendomskundskab"


class RoleKind(StrEnum):
    """What a role is, which decides its printed card."""

    RESIDENT = "resident"  # a character of the estate: a role card
    CANDIDATE = "candidate"  # stands for election: a candidate card
    OFFICE = "office"  # the chair, the secretary, a coordinator: a role card
    GROUP = "group"  # many pupils at once (the households): no card


class CurriculumGoal(Strict):
    """A Fælles Mål goal the lesson serves: subject, competence area, and the skill and
    knowledge goals (færdigheds- og vidensmål) in the lesson's words."""

    subject: Annotated[Subject, _one_of(Subject)]
    area: str = Field(description="Fælles Mål competence area, e.g. 'politik' (samfundsfag)")
    focus: Text = Field(description="Færdigheds- og vidensområde, e.g. Demokrati")
    skill: Text = Field(description="Færdighedsmål: 'Eleven kan …'")
    knowledge: Text = Field(description="Vidensmål: 'Eleven har viden om …'")


class Differentiation(Strict):
    """What changes for the youngest and the oldest pupils the course meets."""

    younger: Text = Field(description="Grades 5–6: what to simplify or support")
    older: Text = Field(description="Grades 9–10: what to add or deepen")


class Worksheet(Strict):
    """A printed sheet with prompts and room to write (an estate passport, a help plan)."""

    title: Text
    intro: Text | None = None
    prompts: Annotated[list[Text], Field(min_length=1)]


class ShiftPlan(Strict):
    """A printed weekly shift plan: days × shifts, with a line per volunteer."""

    title: Text
    intro: Text | None = None
    days: Annotated[list[Text], Field(min_length=1)]
    shifts: Annotated[list[str], Field(min_length=1)] = Field(
        description="Shift times as printed, e.g. '16–18'"
    )
    volunteers_per_shift: Annotated[int, Field(ge=1, le=6)] = 2


class Handouts(Strict):
    """What is printed for pupils besides cards, agenda, ballots, glossary and exit ticket."""

    worksheets: list[Worksheet] = Field(default_factory=list)
    shift_plans: list[ShiftPlan] = Field(default_factory=list)


class VoteOptions(Strict):
    """What the pupils choose between: exactly one of `texts`, `site` or `plots`."""

    texts: list[Text] | None = Field(
        default=None, description="Options written out, e.g. proposals or candidates"
    )
    site: Identifier | None = Field(
        default=None, description="A site of the lesson's estate; its variants are the options"
    )
    variants: list[Identifier] | None = Field(
        default=None, description="Only these variants of `site` (default: all of them)"
    )
    plots: list[Identifier] | None = Field(
        default=None, description="Pupil plots built in an earlier build phase are the options"
    )
    into: Identifier | None = Field(
        default=None,
        description="With `plots`: the site of the estate the winning group's build is copied "
        "into (the teacher may choose another)",
    )


class VoteTemplate(Strict):
    """A vote the teacher opens from the lesson with one click."""

    question: Text
    description: Text | None = None
    options: VoteOptions
    method: Annotated[VoteMethod, _one_of(VoteMethod)] = VoteMethod.PLURALITY
    decision: Annotated[DecisionKind, _one_of(DecisionKind)] | None = Field(
        default=None,
        description="proposal (yes/no: a tie falls), choice (a tie decides nothing), election "
        "or ranking (ties by lot); default: election for bloc, otherwise choice",
    )
    seats: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="Seats to fill; only for method `bloc`"
    )
    weights: Annotated[VoteWeights, _one_of(VoteWeights)] = VoteWeights.PER_PUPIL
    secret: bool = True
    quorum: Annotated[float, Field(ge=0, le=1)] = Field(
        default=0, description="Share of eligible voters (0–1) who must vote for a valid result"
    )
    compare: list[Annotated[VoteMethod, _one_of(VoteMethod)]] = Field(
        default_factory=list,
        description="Also count the same ballots with these methods, to compare winners",
    )


class BuildStep(Strict):
    """What the teacher builds on the class's game server in this phase."""

    estate: Identifier | None = Field(
        default=None, description="Estate to build (default: the lesson's estate)"
    )
    variants: dict[Identifier, Identifier] = Field(
        default_factory=dict, description="Site id → variant id to build (default: site default)"
    )
    plots: list[Identifier] = Field(
        default_factory=list, description="Empty plots handed to pupil groups to build in"
    )


class Phase(Strict):
    """One step of the lesson, in the order the class goes through them."""

    kind: Annotated[PhaseKind, _one_of(PhaseKind)] = Field(
        description="intro, explore, discuss, build, propose, vote, reflect or present"
    )
    title: Text
    minutes: Annotated[int, Field(ge=1, le=135)] = Field(description="How long the phase takes")
    session: Annotated[int, Field(ge=1, le=3)] = Field(
        default=1,
        description="Which 45-minute lesson the phase belongs to when the lesson is split",
    )
    teacher: Text = Field(description="What the teacher says and does (Markdown)")
    pupils: Text = Field(description="What the pupils do, shown on their screens (Markdown)")
    questions: list[Text] = Field(default_factory=list, description="Questions for the class")
    build: BuildStep | None = Field(default=None, description="What to build in the game now")
    vote: VoteTemplate | None = Field(default=None, description="The vote of a 'vote' phase")
    report: Annotated[ReportStep, _one_of(ReportStep)] | None = Field(
        default=None,
        description="The class's report to the municipality: 'message' (groups write on "
        "phones), 'print' (report, briefing, invitation) or 'answer' (read the reply)",
    )


class Role(Strict):
    """A part pupils play: a resident, a candidate, the chair, a guest."""

    id: Identifier = Field(description="A character keeps its id, name and age in every lesson")
    name: Text
    description: Text
    kind: Annotated[RoleKind, _one_of(RoleKind)] = RoleKind.OFFICE
    age: Annotated[int, Field(ge=0, le=110)] | None = Field(
        default=None, description="A character's age, the same in every lesson"
    )


class Rule(Strict):
    """A rule of resident democracy the lesson relies on, with where it comes from."""

    text: Text
    source: Text = Field(description="Where the rule stands, e.g. 'almenboligloven § 37, stk. 3'")


class Lesson(Strict):
    """A lesson plan: `lessons/<id>.yaml`."""

    id: Identifier = Field(description="The file name without .yaml")
    title: Text
    summary: Text = Field(description="Two or three sentences for the lesson list")
    grades: Annotated[list[Annotated[int, Field(ge=0, le=10)]], Field(min_length=1)] = Field(
        description="Grades (klassetrin) the lesson suits, e.g. [6, 7, 8, 9]"
    )
    duration: Annotated[int, Field(ge=45, le=135)] = Field(
        description="Minutes in total; the phases' minutes should add up to it"
    )
    subjects: Annotated[list[Annotated[Subject, _one_of(Subject)]], Field(min_length=1)]
    curriculum: Annotated[list[CurriculumGoal], Field(min_length=1)] = Field(
        description="Fælles Mål goals per subject (jagten lessons check knows the areas)"
    )
    goals: Annotated[list[Text], Field(min_length=1)] = Field(description="Learning goals")
    differentiation: Differentiation
    exit_ticket: Annotated[list[Text], Field(min_length=2)] = Field(
        description="Tegn på læring: questions each pupil answers on a slip at the end"
    )
    glossary: Annotated[list[Identifier], Field(min_length=1)] = Field(
        description="Words for the pupils' glossary (ids in lessons/data/glossary.yaml)"
    )
    preparation: list[Text] = Field(default_factory=list, description="Before the lesson")
    materials: list[Text] = Field(default_factory=list)
    estate: Identifier = Field(description="Id of an estate in worlds/, e.g. tranebaerparken")
    roles: list[Role] = Field(default_factory=list)
    rules: list[Rule] = Field(default_factory=list, description="Rules cited for the teacher")
    agenda: list[Text] = Field(
        default_factory=list, description="The meeting's agenda, printed for the pupils"
    )
    handouts: Handouts = Field(default_factory=Handouts)
    teacher_notes: Text | None = Field(default=None, description="Background (Markdown)")
    phases: Annotated[list[Phase], Field(min_length=1)]
