"""Render a lesson as a printable teacher guide (one self-contained HTML page).

Python prepares plain views (times, option names, explanations in the chosen
language); the Jinja2 template only lays them out, so the portal can reuse both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from lessons import labels
from lessons.guide_picture import PictureSource, picture_data_uri
from lessons.schema import BuildStep, Lesson, Phase, Text, VoteOptions, VoteTemplate
from worlds.catalog import load_estate
from worlds.datafile import DataFileError
from worlds.schema import Estate

TEMPLATES = Path(__file__).resolve().parent / "templates"
LANGUAGES = ("da", "en")
_markdown = MarkdownIt("commonmark", {"html": False, "typographer": False})
_environment = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True
)


@dataclass(frozen=True)
class VoteView:
    """A vote template in words: option names, the method explained, the rules that apply."""

    question: str
    description: str
    options_heading: str
    options: list[str]
    method: str
    rules: list[str]
    compare: list[str]
    builds_winner: bool
    builds_plot_into: str = ""


@dataclass(frozen=True)
class PhaseView:
    """A phase with its place in the timetable and what the teacher builds or opens."""

    number: int
    phase: Phase
    kind: str
    start: str
    end: str
    build: list[str] = field(default_factory=list)
    vote: VoteView | None = None


def render_guide(
    lesson: Lesson,
    lang: str = "da",
    *,
    start: time | None = None,
    picture: PictureSource | None = None,
    standalone: bool = True,
) -> str:
    """The guide as HTML; ``start`` prints clock times instead of minutes from the start.

    ``picture`` draws the estate for the guide; ``standalone=False`` gives only the styled
    ``<main>`` element, for embedding in a page.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not '{lang}'")
    estate = _estate_or_none(lesson.estate)
    first_build = next((phase.build for phase in lesson.phases if phase.build), None)
    variants = first_build.variants if first_build else {}
    template = _environment.get_template("guide.html")
    return template.render(
        lesson=lesson,
        lang=lang,
        standalone=standalone,
        estate_name=getattr(estate.name, lang) if estate else lesson.estate,
        picture=picture_data_uri(picture, estate, variants) if estate else None,
        phases=_phase_views(lesson, estate, lang, start),
        grades=labels.grades_text(lesson.grades, lang),
        subjects=[labels.SUBJECTS[subject][lang] for subject in lesson.subjects],
        t=lambda key, **values: labels.HEADINGS[key][lang].format(**values),
        text=lambda value: value.get(lang) if isinstance(value, Text) else "",
    )


def markdown_block(source: str) -> Markup:
    """Authors write paragraphs and lists in Markdown; raw HTML is not allowed."""
    return Markup(_markdown.render(source))


def markdown_inline(source: str) -> Markup:
    return Markup(_markdown.renderInline(source))


_environment.filters["md"] = markdown_block
_environment.filters["md_inline"] = markdown_inline


def _phase_views(
    lesson: Lesson, estate: Estate | None, lang: str, start: time | None
) -> list[PhaseView]:
    views = []
    elapsed = 0
    for number, phase in enumerate(lesson.phases, start=1):
        views.append(
            PhaseView(
                number=number,
                phase=phase,
                kind=labels.PHASE_KINDS[phase.kind][lang],
                start=_clock(elapsed, start),
                end=_clock(elapsed + phase.minutes, start),
                build=_build_lines(phase.build, lesson, estate, lang) if phase.build else [],
                vote=_vote_view(phase.vote, estate, lang) if phase.vote else None,
            )
        )
        elapsed += phase.minutes
    return views


def _clock(minutes: int, start: time | None) -> str:
    if start is None:
        return f"{minutes // 60}:{minutes % 60:02d}"
    moment = datetime.combine(datetime.min, start) + timedelta(minutes=minutes)
    return moment.strftime("%H:%M")


def _build_lines(build: BuildStep, lesson: Lesson, estate: Estate | None, lang: str) -> list[str]:
    """Markdown lines: what stands in the game after this phase, and how to build it."""
    estate_id = build.estate or lesson.estate
    shown = estate if estate and estate.id == estate_id else _estate_or_none(estate_id)
    heading = labels.HEADINGS
    lines = [f"**{getattr(shown.name, lang) if shown else estate_id}**"]
    if build.variants:
        chosen = [
            f"{_site_name(shown, site, lang)}: {_variant_name(shown, site, variant, lang)}"
            for site, variant in build.variants.items()
        ]
        lines.append(f"{heading['variants_built'][lang]}: " + "; ".join(chosen))
    if build.plots:
        names = [_plot_name(shown, plot, lang) for plot in build.plots]
        lines.append(f"{heading['plots_for_groups'][lang]}: " + ", ".join(names))
    command = " ".join(
        ["jagten build", estate_id]
        + [f"--variant {site}={variant}" for site, variant in build.variants.items()]
    )
    click = heading["click_build"][lang].format(command=command)
    lines.append(f"**{heading['click'][lang]}:** {click}")
    return lines


def _vote_view(vote: VoteTemplate, estate: Estate | None, lang: str) -> VoteView:
    heading = labels.HEADINGS
    rules = [labels.WEIGHTS[vote.weights][lang], heading["ties_and_blanks"][lang]]
    rules.append(heading["secret" if vote.secret else "open"][lang])
    if vote.quorum:
        rules.append(heading["quorum"][lang].format(percent=round(vote.quorum * 100)))
    return VoteView(
        question=vote.question.get(lang),
        description=vote.description.get(lang) if vote.description else "",
        options_heading=_options_heading(vote.options, estate, lang),
        options=_option_names(vote.options, estate, lang),
        method=labels.METHODS[vote.method][lang].format(seats=vote.seats),
        rules=rules,
        compare=[labels.METHODS[method][lang].format(seats=vote.seats) for method in vote.compare],
        builds_winner=vote.options.site is not None,
        builds_plot_into=_site_name(estate, vote.options.into, lang) if vote.options.into else "",
    )


def _options_heading(options: VoteOptions, estate: Estate | None, lang: str) -> str:
    if options.site is not None:
        site = _site_name(estate, options.site, lang)
        return labels.HEADINGS["options_site"][lang].format(site=site)
    if options.plots is not None:
        return labels.HEADINGS["options_plots"][lang]
    return labels.HEADINGS["options"][lang]


def _option_names(options: VoteOptions, estate: Estate | None, lang: str) -> list[str]:
    if options.texts is not None:
        return [text.get(lang) for text in options.texts]
    if options.plots is not None:
        return [_plot_name(estate, plot, lang) for plot in options.plots]
    site = next((s for s in estate.sites if s.id == options.site), None) if estate else None
    chosen = options.variants or ([variant.id for variant in site.variants] if site else [])
    return [_variant_name(estate, options.site or "", variant, lang) for variant in chosen]


def _estate_or_none(estate_id: str) -> Estate | None:
    try:
        return load_estate(estate_id)
    except (DataFileError, LookupError, OSError):
        return None


def _site_name(estate: Estate | None, site_id: str, lang: str) -> str:
    site = next((s for s in estate.sites if s.id == site_id), None) if estate else None
    return getattr(site.name, lang) if site else site_id


def _variant_name(estate: Estate | None, site_id: str, variant_id: str, lang: str) -> str:
    site = next((s for s in estate.sites if s.id == site_id), None) if estate else None
    variant = next((v for v in site.variants if v.id == variant_id), None) if site else None
    return getattr(variant.name, lang) if variant else variant_id


def _plot_name(estate: Estate | None, plot_id: str, lang: str) -> str:
    plot = next((p for p in estate.plots if p.id == plot_id), None) if estate else None
    return getattr(plot.name, lang) if plot else plot_id
