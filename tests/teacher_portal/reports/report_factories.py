"""A class that has been through "Til kommunen": groups with messages, a closed vote on a
site's variants and a closed ranking of the groups' asks. Call inside `app.app_context()`."""

from dataclasses import dataclass

from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.estates.decisions import decide
from teacher_portal.models import Group, LessonRun, Pupil, SchoolClass, VotingTask
from teacher_portal.reports import messages
from teacher_portal.voting import casting, tally
from teacher_portal.voting.winner import winning_option
from tests.teacher_portal.factories import (
    create_class,
    create_group,
    create_lesson_run,
    create_pupil,
    default_teacher,
)
from tests.teacher_portal.voting.vote_factories import create_task

ESTATE, SITE = "mosebollehaven", "legepladsen"
VARIANT_QUESTION = "Hvilken legeplads skal gården have?"
MESSAGES = {
    "Gruppe 1": ("Skolevejen er farlig ved Tranebærvej.", "Et fodgængerfelt med lys.",
                 "En sikker overgang på skolevejen"),
    "Gruppe 2": ("Der er intet at lave om aftenen.", "Ungdomsklub i fælleshuset, beboerne hjælper.",
                 "Et ungdomstilbud om aftenen i fælleshuset"),
    "Gruppe 3": ("Storskrald flyder ved containerne.", "Et genbrugssted, som frivillige driver.",
                 "Samarbejde om storskrald og genbrug"),
}  # fmt: skip
MEMBERS = {
    "Gruppe 1": ("Zebra", "Kiwi"),
    "Gruppe 2": ("Mango", "Panda"),
    "Gruppe 3": ("Robot", "Yoyo"),
}


@dataclass
class ReportClass:
    school_class: SchoolClass
    run: LessonRun
    pupils: dict[str, Pupil]
    variant_vote: VotingTask
    asks_vote: VotingTask


def cast_and_close(task: VotingTask, ballots: dict[Pupil, list[str]]) -> VotingTask:
    """Cast each pupil's ranking (option keys) and close the vote: counted once, stored."""
    loaded = db.session.get(VotingTask, task.id)
    for pupil, ranking in ballots.items():
        assert casting.cast(loaded, db.session.get(Pupil, pupil.id), ranking).accepted
    assert tally.close(loaded)
    return loaded


def write_messages(run: LessonRun, school_class: SchoolClass) -> None:
    for name, (problem, proposal, ask) in MESSAGES.items():
        group = db.session.scalar(
            select(Group).where(Group.class_id == school_class.id, Group.name == name)
        )
        texts = {"problem": problem, "proposal": proposal, "ask": ask}
        assert messages.save_message(run, group, texts, 0).outcome is messages.Saved.SAVED


def report_class(name: str = "7.B") -> ReportClass:
    """Three groups of two, their messages, a variant vote won by the second variant
    (legehus), recorded as the class's decision, and a Borda ranking of the three asks that
    puts Gruppe 2's first."""
    school_class = create_class(default_teacher(), name, grade=7)
    pupils = {}
    for group_name, nicknames in MEMBERS.items():
        group = create_group(school_class, group_name)
        for nickname in nicknames:
            pupils[nickname] = create_pupil(school_class, nickname, group_id=group.id)
    run = create_lesson_run(school_class, "til_kommunen")
    write_messages(run, school_class)
    variant = create_task(
        school_class, site=(ESTATE, SITE), question=VARIANT_QUESTION, method="ranked",
        lesson_run_id=run.id, compare=["borda", "plurality"],
    )  # fmt: skip
    variant = cast_and_close(variant, {pupil: ["2", "1"] for pupil in pupils.values()})
    won = winning_option(variant)
    decide(variant, won["label"], variant_id=won["variant"])  # as building the winner records it
    db.session.commit()
    asks = messages.asks_vote(db.session.get(LessonRun, run.id), "da")
    asks.state = "open"
    db.session.commit()
    orders = [["2", "1", "3"], ["2", "3", "1"], ["1", "2", "3"]]
    ballots = {pupil: orders[index % 3] for index, pupil in enumerate(pupils.values())}
    asks = cast_and_close(asks, ballots)
    for task in (variant, asks):  # readable after the context ends, as the factories' rows
        db.session.refresh(task)
        db.session.expunge(task)
    return ReportClass(school_class, run, pupils, variant, asks)
