"""What each option of a site vote would do, in the planner's measures: the effect line a
ballot shows under a variant ("3 timers mere sol på legepladsen") and the shadow maps of
the estate now and with each variant.

Options are measured against what stands in the class's estate when the vote was decided
(its earlier decisions and the lessons' variants), or now while it is not; the estate's
defaults when the class has none stored. A group's own build (an option with a capture) is
not measured: the measures count designed variants only. The measures are worked out in
the background (`estates.measures`), so a page never waits for them: an option shows its
line once they are ready.
"""

from typing import Any

from minecraft_scripts.measures.phrasing import summary
from teacher_portal.core.extensions import db
from teacher_portal.estates import measures
from teacher_portal.estates.decisions import decision_of, decisions_before
from teacher_portal.estates.state import estate_state, variants_now
from teacher_portal.models import ClassEstate, SchoolClass
from teacher_portal.models.voting import VotingTask
from worlds.datafile import DataFileError


def measured(task: VotingTask) -> bool:
    """Whether the vote's options are an estate's designed variants, so can be measured."""
    return bool(task.builds and task.site_id and any(o.get("variant") for o in task.options))


def standing_variants(task: VotingTask) -> dict[str, str]:
    """The variants the options are measured against (see the module's docstring)."""
    decision = decision_of(task)
    if decision is not None:
        estate = db.session.get(ClassEstate, decision.class_estate_id)
        return estate_state(estate, decisions_before(decision)).variants()
    return variants_now(db.session.get(SchoolClass, task.class_id), task.estate_id)


def _with(task: VotingTask, standing: dict[str, str], option: dict[str, Any]) -> dict[str, str]:
    return {**standing, task.site_id: option["variant"]}


def effects(task: VotingTask, language: str) -> dict[str, str]:
    """Each variant option's most telling change in words, by option key, for the options
    whose measures are ready; queues the others and never waits. An option that changes
    nothing noticeable has no line."""
    if not measured(task):
        return {}
    try:
        standing = standing_variants(task)
    except (DataFileError, LookupError):  # an estate file edited since: the ballot goes on
        return {}
    before = measures.measures(task.estate_id, standing)
    found: dict[str, str] = {}
    for option in task.options:
        if not option.get("variant"):
            continue
        after = measures.measures(task.estate_id, _with(task, standing, option))
        if before is None or after is None:
            continue
        said = summary(option["label"], before, after, language)  # type: ignore[arg-type]
        if said != option["label"]:
            found[option["key"]] = said.removeprefix(f"{option['label']}: ")
    return found


def shadow_png(task: VotingTask, key: str | None, language: str) -> bytes:
    """The shadow map of the estate now (`key` None) or with the option `key`; waits for its
    measures (a picture, never a page); `LookupError` for an option with no variant."""
    if not measured(task):
        raise LookupError(f"vote {task.id} is not on an estate's variants")
    variants = standing_variants(task)
    if key is not None:
        option = next((o for o in task.options if o["key"] == key and o.get("variant")), None)
        if option is None:
            raise LookupError(f"vote {task.id} has no variant option {key}")
        variants = _with(task, variants, option)
    return measures.shadow_map(task.estate_id, variants, language)
