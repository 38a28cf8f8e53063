"""What a lesson's build card says about the class's decisions: they stand in this build,
and where the lesson would have built something else there."""

from dataclasses import dataclass

from teacher_portal.estates.catalog import load_estate
from teacher_portal.estates.state import standing_decisions, stored_estate
from teacher_portal.lesson_runs.runs import BuildTarget
from teacher_portal.models import EstateDecision, SchoolClass


@dataclass(frozen=True)
class StandingDecision:
    """A decision the build keeps; `instead_of` names the lesson's variant it keeps out."""

    decision: EstateDecision
    site: str
    instead_of: str | None


def decisions_in_build(
    school_class: SchoolClass, target: BuildTarget, lang: str
) -> list[StandingDecision]:
    estate_row = stored_estate(school_class, target.estate_id)
    if estate_row is None:
        return []
    estate = load_estate(target.estate_id)
    latest = {d.site_id: d for d in standing_decisions(estate_row)}
    found = []
    for site_id, decision in latest.items():
        site = estate.site(site_id)
        asked = target.variants.get(site_id)
        overruled = asked is not None and asked != decision.variant_id
        instead = site.variant(asked).name.get(lang) if overruled else None
        found.append(StandingDecision(decision, site.name.get(lang), instead))
    return found
