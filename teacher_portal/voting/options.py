"""What pupils choose between: written options, an estate site's variants, the groups'
captured proposals, or a lesson's vote template turned into a task's fields."""

from dataclasses import dataclass
from typing import Any

from lessons.schema import Lesson, VoteTemplate
from lessons.vote_methods import default_decision
from teacher_portal.estates.catalog import load_estate
from teacher_portal.lesson_runs.runs import class_phase
from teacher_portal.models import SchoolClass
from teacher_portal.plots.proposals import PlotOptions, plot_options
from worlds.catalog import estate_ids
from worlds.datafile import DataFileError
from worlds.schema import Variant

MAX_OPTIONS = 12


class TooFewProposals(ValueError):
    """A vote on the groups' proposals needs at least two captured builds."""

    def __init__(self, found: PlotOptions) -> None:
        super().__init__("too few proposals")
        self.found = found


def text_options(labels: list[str]) -> list[dict[str, Any]]:
    """Options from written lines; keys are 1, 2, 3, ... as typed in chat."""
    return [
        {"key": str(number), "label": label, "variant": None}
        for number, label in enumerate(labels, start=1)
    ]


def variant_options(
    estate_id: str, site_id: str, lang: str, only: list[str] | None = None
) -> list[dict[str, Any]]:
    """One option per variant of the site (or the listed ones), in the estate's order."""
    return [
        {"key": str(number), "label": variant.name.get(lang), "variant": variant.id}
        for number, variant in enumerate(site_variants(estate_id, site_id, only), start=1)
    ]


def site_variants(estate_id: str, site_id: str, only: list[str] | None = None) -> list[Variant]:
    """The site's variants (or the listed ones), in the estate's order."""
    site = load_estate(estate_id).site(site_id)
    return [variant for variant in site.variants if not only or variant.id in only]


@dataclass(frozen=True)
class SiteChoice:
    """A site a vote can be about, for the teacher's drop-down."""

    value: str
    label: str


def site_choices(lang: str) -> list[SiteChoice]:
    """Every site of every shipped estate that has at least two variants."""
    choices = []
    for estate_id in estate_ids():
        try:
            estate = load_estate(estate_id)
        except DataFileError:
            continue
        for site in estate.sites:
            if len(site.variants) >= 2:
                label = f"{estate.name.get(lang)}: {site.name.get(lang)}"
                choices.append(SiteChoice(f"{estate.id}/{site.id}", label))
    return choices


def split_site_choice(value: str) -> tuple[str, str]:
    estate_id, _, site_id = value.partition("/")
    return estate_id, site_id


def proposal_options(
    school_class: SchoolClass, estate_id: str, plot_ids: list[str] | None, lang: str
) -> list[dict[str, Any]]:
    """The groups' proposals with a build in their plot's newest capture, or `TooFewProposals`
    saying which plots are not captured or empty."""
    found = plot_options(school_class, estate_id, plot_ids, lang)
    if len(found.options) < 2:
        raise TooFewProposals(found)
    return found.options[:MAX_OPTIONS]


def plot_sites(estate_id: str | None, lang: str) -> list[SiteChoice]:
    """The sites of the estate a winning proposal can be copied into."""
    if estate_id is None:
        return []
    return [SiteChoice(site.id, site.name.get(lang)) for site in load_estate(estate_id).sites]


def task_fields(
    plan: Lesson, template: VoteTemplate, lang: str, school_class: SchoolClass
) -> dict[str, Any]:
    """A task's fields from a lesson's vote template (quorum share → percent)."""
    fields: dict[str, Any] = {
        "question": template.question.get(lang),
        "description": template.description.get(lang) if template.description else "",
        "method": template.method.value,
        "seats": template.seats or 1,
        "decision": (
            template.decision or default_decision(template.method, template.seats or 1)
        ).value,
        "weights": template.weights.value,
        "secret": template.secret,
        "allow_change": False,
        "quorum_percent": round(template.quorum * 100),
        "compare": [method.value for method in template.compare],
    }
    choice = template.options
    if choice.texts:
        fields["options"] = text_options([text.get(lang) for text in choice.texts])
    elif choice.site:
        fields["estate_id"], fields["site_id"] = plan.estate, choice.site
        fields["options"] = variant_options(plan.estate, choice.site, lang, choice.variants)
    else:
        fields["estate_id"], fields["site_id"] = plan.estate, choice.into
        fields["options"] = proposal_options(school_class, plan.estate, choice.plots, lang)
    return fields


def lesson_vote(school_class: Any) -> VoteTemplate | None:
    """The vote template of the class's current lesson phase, if it has one."""
    now = class_phase(school_class)
    return now.phase.vote if now else None
