"""Everything a lesson prints for the pupils, made from the same YAML as the guide: role
and candidate cards, the agenda, paper ballots that match the lesson's vote (a phone-free
class votes on paper and the teacher types in the counts or runs `jagten tally`), a tally
sheet, worksheets and shift plans, the glossary and exit tickets.

Python prepares plain views in the chosen language; `templates/printables.html` lays them
out for A4, and `lessons.printing` turns the page into a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from lessons import labels
from lessons.glossary import terms_for
from lessons.guide import LANGUAGES, TEMPLATES, decision_of, markdown_inline, tally_command
from lessons.options import estate_or_none, option_names
from lessons.printing import html_to_pdf
from lessons.schema import Lesson, RoleKind, Text, VoteTemplate
from lessons.vote_methods import RANKED_BALLOT_METHODS, VoteMethod, VoteWeights

_environment = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]), trim_blocks=True
)
_environment.filters["md_inline"] = markdown_inline

WORDS: dict[str, labels.Bilingual] = {
    "title": {"da": "Print til eleverne", "en": "Printables for the pupils"},
    "cards": {"da": "Rollekort", "en": "Role cards"},
    "ballots": {"da": "Stemmesedler", "en": "Ballots"},
    "tally": {"da": "Optællingsark", "en": "Tally sheet"},
    "option": {"da": "Mulighed", "en": "Option"},
    "count": {"da": "Antal", "en": "Count"},
    "blank": {"da": "Blanke sedler", "en": "Blank ballots"},
    "invalid": {"da": "Ugyldige sedler", "en": "Invalid ballots"},
    "nickname": {"da": "Kaldenavn", "en": "Nickname"},
    "volunteers": {"da": "Frivillige", "en": "Volunteers"},
    "shift": {"da": "Vagt", "en": "Shift"},
    "day": {"da": "Dag", "en": "Day"},
    "cut": {"da": "klip her", "en": "cut here"},
    "one_cross": {"da": "Sæt ét kryds.", "en": "Make one cross."},
    "approval": {
        "da": "Sæt kryds ved alle de muligheder, du kan støtte.",
        "en": "Tick every option you can support.",
    },
    "bloc": {"da": "Sæt højst {seats} krydser.", "en": "Tick at most {seats}."},
    "ranking": {
        "da": "Skriv 1 ved dit førstevalg, 2 ved dit andet valg og så videre. Du behøver ikke "
        "at rangere alle.",
        "en": "Write 1 by your first choice, 2 by your second and so on. You need not rank "
        "them all.",
    },
    "blank_note": {
        "da": "En seddel uden kryds er blank og tæller ikke med.",
        "en": "A ballot without a mark is blank and does not count.",
    },
    "household": {
        "da": "Én seddel pr. husstand – den tæller husstandens 2 stemmer.",
        "en": "One ballot per household – it counts for the household's 2 votes.",
    },
    "per_pupil": {"da": "Én seddel pr. elev.", "en": "One ballot per pupil."},
    "tally_howto": {
        "da": "Tæl sedlerne, skriv antallet ud for hver mulighed, og tast tallene ind i "
        "portalen – eller skriv dem i en fil og tæl med:",
        "en": "Count the ballots, write the number by each option and type the counts into the "
        "portal – or put them in a file and count with:",
    },
}


@dataclass(frozen=True)
class Card:
    kind: str
    name: str
    description: str


@dataclass(frozen=True)
class BallotView:
    question: str
    instruction: str
    who: str
    options: list[str]
    ranked: bool
    copies: int
    tally_command: str
    tally_file: str


def render_printables(lesson: Lesson, lang: str = "da") -> str:
    """The printables as one HTML page of A4 sheets."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not '{lang}'")
    estate = estate_or_none(lesson.estate)

    def text(value: Text | None) -> str:
        return value.get(lang) if isinstance(value, Text) else ""

    return _environment.get_template("printables.html").render(
        lesson=lesson,
        lang=lang,
        cards=_cards(lesson, lang),
        ballots=[
            _ballot(phase.vote, option_names(phase.vote.options, estate, lang), lang)
            for phase in lesson.phases
            if phase.vote is not None
        ],
        glossary=terms_for(lesson.glossary),
        estate_name=getattr(estate.name, lang) if estate else lesson.estate,
        w=lambda key, **values: WORDS[key][lang].format(**values),
        t=lambda key, **values: labels.HEADINGS[key][lang].format(**values),
        text=text,
    )


def printables_pdf(lesson: Lesson, lang: str = "da") -> bytes:
    return html_to_pdf(render_printables(lesson, lang), base_url=Path(TEMPLATES))


def _cards(lesson: Lesson, lang: str) -> list[Card]:
    return [
        Card(
            labels.ROLE_KINDS[role.kind][lang],
            labels.role_name(role.name.get(lang), role.age, lang),
            role.description.get(lang),
        )
        for role in lesson.roles
        if role.kind is not RoleKind.GROUP
    ]


def _ballot(vote: VoteTemplate, options: list[str], lang: str) -> BallotView:
    ranked = vote.method in RANKED_BALLOT_METHODS
    if ranked:
        instruction = WORDS["ranking"][lang]
    elif vote.method is VoteMethod.APPROVAL:
        instruction = WORDS["approval"][lang]
    elif vote.method is VoteMethod.BLOC:
        instruction = WORDS["bloc"][lang].format(seats=vote.seats)
    else:
        instruction = WORDS["one_cross"][lang]
    who = WORDS["household" if vote.weights is VoteWeights.PER_HOUSEHOLD else "per_pupil"][lang]
    rule = labels.DECISIONS[decision_of(vote)][lang]
    return BallotView(
        question=vote.question.get(lang),
        instruction=f"{instruction} {WORDS['blank_note'][lang]}",
        who=f"{who} {rule}",
        options=options,
        ranked=ranked,
        copies=4 if len(options) <= 4 else 2,
        tally_command=tally_command(vote),
        tally_file=_tally_example(options, ranked),
    )


def _tally_example(options: list[str], ranked: bool) -> str:
    """The shape of the file `jagten tally` reads, with this vote's options."""
    quoted = ", ".join(f'"{option}"' for option in options)
    ranking = f'"{options[0]}", "{options[1]}"' if ranked else f'"{options[0]}"'
    return (
        f'{{"options": [{quoted}],\n'
        f' "ballots": [{{"ranking": [{ranking}], "count": 3}}, {{"ranking": []}}]}}'
    )
