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
from lessons.curriculum import PURPOSE, PURPOSE_SOURCE, area_name
from lessons.glossary import terms_for
from lessons.guide_picture import PictureSource, picture_data_uri
from lessons.options import estate_or_none, option_names, plot_name, site_name, variant_name
from lessons.schema import BuildStep, Lesson, Phase, Text, VoteOptions, VoteTemplate
from lessons.vote_methods import DecisionKind, VoteMethod, default_decision
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
    paper: str
    condorcet: str = ""
    builds_plot_into: str = ""


@dataclass(frozen=True)
class SessionView:
    """One 45-minute lesson: which phases go together."""

    number: int
    phases: list[PhaseView]
    minutes: int


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
    estate = estate_or_none(lesson.estate)
    first_build = next((phase.build for phase in lesson.phases if phase.build), None)
    variants = first_build.variants if first_build else {}
    template = _environment.get_template("guide.html")
    phases = _phase_views(lesson, estate, lang, start)
    return template.render(
        lesson=lesson,
        lang=lang,
        standalone=standalone,
        estate_name=getattr(estate.name, lang) if estate else lesson.estate,
        picture=picture_data_uri(picture, estate, variants) if estate else None,
        phases=phases,
        sessions=session_views(phases),
        grades=labels.grades_text(lesson.grades, lang),
        subjects=[labels.SUBJECTS[subject][lang] for subject in lesson.subjects],
        curriculum=[
            {
                "subject": labels.SUBJECTS[goal.subject][lang],
                "area": area_name(goal.subject, goal.area, lang),
                "focus": goal.focus.get(lang),
                "skill": goal.skill.get(lang),
                "knowledge": goal.knowledge.get(lang),
            }
            for goal in lesson.curriculum
        ],
        purpose=PURPOSE[lang],
        purpose_source=PURPOSE_SOURCE[lang],
        roles=[
            (labels.role_name(role.name.get(lang), role.age, lang), role) for role in lesson.roles
        ],
        glossary=terms_for(lesson.glossary),
        t=lambda key, **values: labels.HEADINGS[key][lang].format(**values),
        text=lambda value: value.get(lang) if isinstance(value, Text) else "",
    )


def session_views(phases: list[PhaseView]) -> list[SessionView]:
    """The phases grouped into the 45-minute lessons their `session` names."""
    numbers = sorted({view.phase.session for view in phases})
    grouped = [[view for view in phases if view.phase.session == n] for n in numbers]
    return [
        SessionView(n, group, sum(view.phase.minutes for view in group))
        for n, group in zip(numbers, grouped, strict=True)
    ]


def markdown_block(source: str) -> Markup:
    """Authors write paragraphs and lists in Markdown; raw HTML is not allowed."""
    return Markup(_markdown.render(source))


def markdown_inline(source: str) -> Markup:
    return Markup(_markdown.renderInline(source))


environment = _environment  # shared with the course day and the printables
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
                start=clock_text(elapsed, start),
                end=clock_text(elapsed + phase.minutes, start),
                build=_build_lines(phase.build, lesson, estate, lang) if phase.build else [],
                vote=_vote_view(phase.vote, estate, lang) if phase.vote else None,
            )
        )
        elapsed += phase.minutes
    return views


def clock_text(minutes: int, start: time | None) -> str:
    """Minutes from the start as 1:05, or as a clock time when the start is known."""
    if start is None:
        return f"{minutes // 60}:{minutes % 60:02d}"
    moment = datetime.combine(datetime.min, start) + timedelta(minutes=minutes)
    return moment.strftime("%H:%M")


def _build_lines(build: BuildStep, lesson: Lesson, estate: Estate | None, lang: str) -> list[str]:
    """Markdown lines: what stands in the game after this phase, and how to build it."""
    estate_id = build.estate or lesson.estate
    shown = estate if estate and estate.id == estate_id else estate_or_none(estate_id)
    heading = labels.HEADINGS
    lines = [f"**{getattr(shown.name, lang) if shown else estate_id}**"]
    if build.variants:
        chosen = [
            f"{site_name(shown, site, lang)}: {variant_name(shown, site, variant, lang)}"
            for site, variant in build.variants.items()
        ]
        lines.append(f"{heading['variants_built'][lang]}: " + "; ".join(chosen))
    if build.plots:
        names = [plot_name(shown, plot, lang) for plot in build.plots]
        lines.append(f"{heading['plots_for_groups'][lang]}: " + ", ".join(names))
    command = " ".join(
        ["jagten build", estate_id]
        + [f"--variant {site}={variant}" for site, variant in build.variants.items()]
    )
    click = heading["click_build"][lang].format(command=command)
    lines.append(f"**{heading['click'][lang]}:** {click}")
    return lines


def decision_of(vote: VoteTemplate) -> DecisionKind:
    """What the vote decides: as written, or what its method and seats imply."""
    return vote.decision or default_decision(vote.method, vote.seats or 1)


def tally_command(vote: VoteTemplate) -> str:
    """The `jagten tally` line that counts this vote's paper ballots."""
    parts = ["jagten tally", f"--method {vote.method}", f"--decision {decision_of(vote)}"]
    if vote.seats:
        parts.append(f"--seats {vote.seats}")
    return " ".join([*parts, "stemmer.json"])


def _vote_view(vote: VoteTemplate, estate: Estate | None, lang: str) -> VoteView:
    heading = labels.HEADINGS
    rules = [labels.WEIGHTS[vote.weights][lang], heading["blanks"][lang]]
    rules.append(labels.DECISIONS[decision_of(vote)][lang])
    rules.append(heading["secret" if vote.secret else "open"][lang])
    if vote.quorum:
        rules.append(heading["quorum"][lang].format(percent=round(vote.quorum * 100)))
    return VoteView(
        question=vote.question.get(lang),
        description=vote.description.get(lang) if vote.description else "",
        options_heading=_options_heading(vote.options, estate, lang),
        options=option_names(vote.options, estate, lang),
        method=labels.METHODS[vote.method][lang].format(seats=vote.seats),
        rules=rules,
        compare=[labels.METHODS[method][lang].format(seats=vote.seats) for method in vote.compare],
        builds_winner=vote.options.site is not None,
        paper=heading["paper_vote"][lang].format(command=tally_command(vote)),
        condorcet=heading["condorcet_table"][lang]
        if VoteMethod.CONDORCET in (vote.method, *vote.compare)
        else "",
        builds_plot_into=site_name(estate, vote.options.into, lang) if vote.options.into else "",
    )


def _options_heading(options: VoteOptions, estate: Estate | None, lang: str) -> str:
    if options.site is not None:
        site = site_name(estate, options.site, lang)
        return labels.HEADINGS["options_site"][lang].format(site=site)
    if options.plots is not None:
        return labels.HEADINGS["options_plots"][lang]
    return labels.HEADINGS["options"][lang]
