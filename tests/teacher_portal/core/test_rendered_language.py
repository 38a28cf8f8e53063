"""Every page a teacher or a pupil sees, rendered at runtime in Danish and in English, holds
no text of the other language: no English msgid on a Danish page, no Danish translation on an
English page, and no text (other than the class's own data) left the same in both, which is
how a string that never went through the catalogue ("places 1-4") shows itself.

The test visits every page endpoint of the app; a new page must be added to `visit_pages`.
"""

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po
from flask import Flask, request
from flask.testing import FlaskClient

import teacher_portal
from lessons.glossary import glossary
from lessons.labels import HEADINGS
from teacher_portal.core.extensions import db
from teacher_portal.estates import measures
from teacher_portal.lesson_runs import plans
from teacher_portal.models import BuildJob, Household, Pupil
from tests.teacher_portal.conftest import make_app, sign_in_pupil
from tests.teacher_portal.factories import (
    PASSWORD,
    create_class,
    create_lesson_run,
    create_pupils,
    create_teacher,
)
from tests.teacher_portal.plots.plot_factories import built_estate, group_in_plot
from tests.teacher_portal.voting.test_friction_pages import TIED_RESULT
from tests.teacher_portal.voting.vote_factories import create_task

VARIANT_SITE = ("kloeverhusene", "pladsen")  # the quickest shipped estate to measure
CATALOGUES = Path(teacher_portal.__file__).parent / "translations"
NOT_PAGES = {  # answers that are pictures, data or streams, not pages to read
    "classes.export",
    "estates.export",
    "estates.picture",
    "game.builds.phase_preview",
    "game.builds.variant_preview",
    "game.builds.preview",
    "game.builds.status",
    "pages.healthz",
    "pupils.home.now",
    "plots.pupil.gallery_shadow",
    "plots.pupil.plot_map",
    "plots.teacher.capture_picture",
    "plots.teacher.estate_map",
    "plots.teacher.gallery_shadow",
    "pupils.login.card",  # signs in and redirects; its "card does not work" page is visited
    "reports.share.pdf",  # the PDFs' text is read back with poppler in tests/…/reports
    "reports.share.picture",
    "reports.share.ready",
    "reports.teacher.briefing",
    "reports.teacher.letter",
    "reports.teacher.pdf",
    "reports.teacher.picture",
    "reports.teacher.ready",
    "static",
    "voting.ballot.option_picture",
    "voting.ballot.shadow_picture",
    "voting.projector.stream",
    "voting.winner.after_picture",
    "voting.winner.before_picture",
}
TEXT_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
LITERAL = {"script", "style", "code", "kbd", "samp", "textarea"}  # code, addresses, input
CONFIRM = re.compile(r"confirm\((\".*?\")\)")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")
NICKNAMES = ("Ali", "Bo", "Cem", "Dina", "Gry", "Tina")  # pupils, pasted ones, the teacher
# The class's own data, the same in both languages: names the teacher gave, the example names
# on the roster page, and proper nouns (the toolkit's Danish name, used in both guides).
CLASS_DATA = ("6.B", "ali_mc", "Cecilie", "Jagten på fællesskabet", "BL – Danmarks Almene Boliger",
              "Borgmester")  # fmt: skip
# Names that say themselves in every language: the report's language choice, and the titles
# of the Danish publications the framing facts cite.
OWN_NAMES = ("Dansk", "English", "WorldEdit", "Demokrati & frivillighed",
             "Frivilligt engagement i den almene sektor")  # fmt: skip
# Literal things in no language: addresses, e-mails, file names, class codes, numbers, the
# chat command, team names the portal made, and the placeholders scripts fill in.
LITERALS = re.compile(
    r"https?://\S+|\S+@\S+|\b[\w.-]+\.(?:net|dk|org|com|yaml)\b|localhost(?::\d+)?"
    r"|\b[A-Z0-9]{2,6}\b|!stem[\d ]*|\b(?:Gruppe|Nr\.) \d+|%\(\w+\)s|\d+"
)
# A text is compared piece by piece, so an untranslated phrase inside a translated sentence
# ("Stemmelighed ved lot: places 1-2") shows as a piece the same in both languages.
PIECES = re.compile(r"[.,:;!?·()\[\]„“\"]+|\s[–—-]\s")


class _Texts(HTMLParser):
    """The texts a reader meets: text between tags, and labels, tooltips, placeholders and
    the texts scripts show (confirm dialogs, data-* sentences)."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skipping += tag in LITERAL
        for name, value in attrs:
            if not value:
                continue
            if name in TEXT_ATTRIBUTES or (name.startswith("data-") and " " in value):
                self.chunks.append(value)
            if name in ("onsubmit", "onclick"):
                self.chunks += [json.loads(text) for text in CONFIRM.findall(value)]

    def handle_endtag(self, tag: str) -> None:
        self._skipping -= tag in LITERAL

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.chunks.append(data)


def texts_of(html: str) -> set[str]:
    parser = _Texts()
    parser.feed(html)
    return {" ".join(chunk.split()) for chunk in parser.chunks if chunk.strip()}


def _pattern(text: str) -> str | None:
    """A regex for a catalogue text with its placeholders filled by anything; None when too
    little of it is fixed words to be told apart from other text. One word must be the whole
    text ("Print" is Danish too, inside a sentence)."""
    parts = PLACEHOLDER.split(text)
    if sum(len(re.findall(r"[^\W\d_]", part)) for part in parts) < 4:
        return None
    body = ".+?".join(re.escape(part) for part in parts)
    if " " not in text.strip():
        return rf"^{body}$"
    return rf"(?<!\w){body}(?!\w)"


class _Finder:
    """Which of many catalogue texts a chunk shows; each text's longest fixed part is looked
    for first (a plain substring test), its regex only where that part is there."""

    def __init__(self, texts: list[str]) -> None:
        self.patterns = [
            (max(PLACEHOLDER.split(text), key=len), text, re.compile(pattern))
            for text in texts
            if (pattern := _pattern(text))
        ]

    def found_in(self, chunk: str) -> list[str]:
        return [
            text for part, text, regex in self.patterns if part in chunk and regex.search(chunk)
        ]


@functools.cache
def _catalogue() -> list[tuple[str, str]]:
    """(English, Danish) pairs of every text whose Danish differs from the English."""
    with (CATALOGUES / "da" / "LC_MESSAGES" / "messages.po").open("rb") as file:
        catalog = read_po(file)
    pairs = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        pairs += [(i, s) for i, s in zip(ids, strings, strict=False) if s and s != i]
    return pairs


@functools.cache
def _same_in_both() -> list[str]:
    """Texts that read the same in both languages: catalogue entries (E-mail, Port), the
    guide's words (min), and words the languages share."""
    with (CATALOGUES / "da" / "LC_MESSAGES" / "messages.po").open("rb") as file:
        same = [m.id for m in read_po(file) if isinstance(m.id, str) and m.id == m.string]
    same += [words["da"] for words in HEADINGS.values() if words["da"] == words["en"]]
    # The English guide gives the Danish word beside its English one, e.g. "department
    # (afdeling)", and names Danish institutions as they are called.
    danish_terms = [term.term.da for term in glossary().terms.values()]
    shared = {*same, *danish_terms, "million", "Tip", "Condorcet", "Minetest", "macOS", "e-mail"}
    shared |= {"Fælles Mål"}
    return sorted(shared, key=len, reverse=True)


def _build_and_vote_phases() -> tuple[str, int, int]:
    for plan in plans.startable_lessons():
        kinds = [phase.build is not None for phase in plan.phases]
        votes = [phase.vote is not None for phase in plan.phases]
        if any(kinds) and any(votes):
            return plan.id, kinds.index(True), votes.index(True)
    raise AssertionError("no shipped lesson has both a build and a vote phase")


def _a_class_in_the_middle_of_the_course(app: Flask) -> dict[str, object]:
    """A class with pupils, teams, a running lesson with a build starting, and votes in
    every state; returns the ids and tokens the pages need."""
    lesson_id, build_phase, vote_phase = _build_and_vote_phases()
    with app.app_context():
        school_class = create_class(create_teacher(admin=True))
        ali, bo, _cem = create_pupils(school_class, "Ali", "Bo", "Cem")
        built_estate(school_class)
        group = group_in_plot(school_class, "Gruppe 1", "gruppe_1")  # the group has a plot
        household = Household(class_id=school_class.id, name="Nr. 1")
        db.session.add(household)
        db.session.flush()
        pupil = db.session.get(Pupil, ali.id)
        pupil.group_id, pupil.household_id, pupil.minecraft_name = group.id, household.id, "ali_mc"
        run = create_lesson_run(school_class, lesson_id)
        job = BuildJob(
            class_id=school_class.id,
            lesson_run_id=run.id,
            estate_id="x",
            state="running",
            origin_x=0,
            origin_y=0,
            origin_z=0,
        )
        db.session.add(job)
        db.session.commit()
        tasks = {
            "draft": create_task(school_class, state="draft"),
            "plurality": create_task(school_class, method="plurality", secret=False),
            "ranked": create_task(school_class, method="ranked", question="Hvilken legeplads?"),
            "approval": create_task(school_class, method="approval", question="Hvad kan I lide?"),
            "variants": create_task(school_class, site=VARIANT_SITE, method="plurality"),
            "closed": create_task(
                school_class,
                state="closed",
                result=TIED_RESULT,
                show_results=True,
                question="Hvad skulle gården have?",
            ),
        }
    _measured(tasks["variants"].options)
    return {
        "class": school_class.id,
        "code": school_class.class_code,
        "run": run.id,
        "lesson": lesson_id,
        "build_phase": build_phase,
        "vote_phase": vote_phase,
        "ali": ali.card_token,
        "ali_id": ali.id,
        "plot_group": group.id,
        "bo": bo.card_token,
        "tasks": {name: task.id for name, task in tasks.items()},
    }


def _measured(options: list[dict]) -> None:
    """Wait for the measures of a vote on variants, so its pages say what each would do."""
    estate_id, site_id = VARIANT_SITE
    for variants in ({}, *({site_id: option["variant"]} for option in options)):
        assert measures.measures(estate_id, variants, wait=120) is not None


def _get(client: FlaskClient, path: str, status: int = 200) -> str:
    response = client.get(path, follow_redirects=True)
    assert response.status_code == status, path
    return response.text


def _post(client: FlaskClient, path: str, data: dict, status: int = 200) -> str:
    response = client.post(path, data=data, follow_redirects=True)
    assert response.status_code == status, path
    return response.text


def visit_pages(app: Flask, ids: dict, language: str) -> dict[str, str]:
    """Every page, as a visitor, the teacher and a pupil see it in `language`."""
    c, t, run = ids["class"], ids["tasks"], ids["run"]
    visitor, teacher, pupil = app.test_client(), app.test_client(), app.test_client()
    for client in (visitor, teacher, pupil):
        client.post("/language", data={"lang": language, "next": "/"})
    pages = {
        "front": _get(visitor, "/"),
        "privacy": _get(visitor, "/privacy"),
        "login": _get(visitor, "/login"),
        "join": _get(visitor, "/join"),
        "pick name": _get(visitor, f"/join/{ids['code']}"),
        "card does not work": _get(visitor, "/c/no-such-card", 404),
        "not found": _get(visitor, "/no-such-page", 404),
    }
    with app.app_context():  # in a group with a plot (the split below is at random)
        db.session.get(Pupil, ids["ali_id"]).group_id = ids["plot_group"]
        db.session.commit()
    sign_in_pupil(pupil, ids["ali"])
    pages |= {
        "proposal": _get(pupil, "/pupil/proposal"),
        "pupil gallery": _get(pupil, "/pupil/gallery"),
    }
    teacher.post("/login", data={"email": "teacher@example.org", "password": PASSWORD})
    teacher.post("/teachers/invite")
    invitation = re.search(r"/invite/[\w-]+", _get(teacher, "/teachers/"))[0]
    pages |= {
        "invitation": _get(visitor, invitation),
        "classes": _get(teacher, "/classes/"),
        "new class": _get(teacher, "/classes/new"),
        "new class, errors": _post(teacher, "/classes/new", {"name": ""}),
        "class": _get(teacher, f"/classes/{c}"),
        "roster": _get(teacher, f"/classes/{c}/roster"),
        "roster preview": _post(
            teacher,
            f"/classes/{c}/roster",
            {
                "roster": "Navn;Gruppe\nAli; Gruppe 2\nDina, Eva\nFrej;Gruppe 1;Nr. 2;fr ej\nGry",
                "action": "preview",
            },
        ),
        "groups split": _post(teacher, f"/classes/{c}/groups/split", {"count": "2"}),
        "households made": _post(teacher, f"/classes/{c}/households/make", {}),
        "cards": _get(teacher, f"/classes/{c}/cards"),
        "edit class": _get(teacher, f"/classes/{c}/edit"),
        "delete class": _get(teacher, f"/classes/{c}/delete"),
        "class game server": _get(teacher, f"/classes/{c}/game"),
        "school game server": _get(teacher, "/settings/game"),
        "pupil address": _get(teacher, "/settings/address"),
        "pupil address, error": _post(teacher, "/settings/address", {"public_url": "ftp://x"}),
        "teachers": _get(teacher, "/teachers/"),
        "lessons": _get(teacher, f"/classes/{c}/lessons"),
        "guide before starting": _get(teacher, f"/classes/{c}/lessons/{ids['lesson']}/guide"),
        "run, build": _post(teacher, f"/runs/{run}/phase", {"to": ids["build_phase"]}),
        "run guide": _get(teacher, f"/runs/{run}/guide"),
        "new vote": _get(teacher, f"/classes/{c}/votes/new"),
        "edit vote": _get(teacher, f"/votes/{t['draft']}/edit"),
        "draft vote": _get(teacher, f"/votes/{t['draft']}"),
        "open vote": _get(teacher, f"/votes/{t['ranked']}"),
        "vote on variants": _get(teacher, f"/votes/{t['variants']}"),
        "closed vote": _get(teacher, f"/votes/{t['closed']}"),
        "projector, open": _get(teacher, f"/votes/{t['plurality']}/projector"),
        "projector, closed": _get(teacher, f"/votes/{t['closed']}/projector"),
        "plots": _get(teacher, f"/classes/{c}/plots"),
        "gallery": _get(teacher, f"/classes/{c}/gallery"),
        "report": _get(teacher, f"/classes/{c}/report"),
        "report in the page's language": _post(  # a report speaks the language it is set to
            teacher, f"/classes/{c}/report", {"scope": "", "language": language}
        ),
        "report itself": _get(teacher, f"/classes/{c}/report/view"),
        "report link made": _post(
            teacher, f"/classes/{c}/report/links", {"recipient": "Borgmester", "days": "30"}
        ),
    }
    share = re.search(r"/r/[\w-]+", pages["report link made"])[0]
    pages["report for a politician"] = _get(visitor, share)
    sign_in_pupil(pupil, ids["ali"])
    pages |= {
        "pupil home, building": _get(pupil, "/pupil/"),
        "ballot, one": _get(pupil, f"/vote/{t['plurality']}"),
        "ballot, ranked": _get(pupil, f"/vote/{t['ranked']}"),
        "ballot, variants": _get(pupil, f"/vote/{t['variants']}"),
        "ballot, ticks": _get(pupil, f"/vote/{t['approval']}"),
        "ballot review": _post(pupil, f"/vote/{t['approval']}/review", {"choice": ["1", "2"]}),
        "ballot, nothing chosen": _post(pupil, f"/vote/{t['approval']}/review", {}, 422),
        "vote counted": _post(pupil, f"/vote/{t['approval']}", {"choice": ["1"]}),
        "voted again": _get(pupil, f"/vote/{t['approval']}/done?outcome=already_voted"),
        "vote too late": _get(pupil, f"/vote/{t['approval']}/done?outcome=not_open"),
        "ballot, voted": _get(pupil, f"/vote/{t['approval']}"),
        "ballot, closed": _get(pupil, f"/vote/{t['closed']}"),
        "pupil result": _get(pupil, f"/vote/{t['closed']}/results"),
        "pupil home, voted": _get(pupil, "/pupil/"),
        "message, not now": _get(pupil, "/pupil/message", 409),
    }
    pages["run, vote"] = _post(teacher, f"/runs/{run}/phase", {"to": ids["vote_phase"]})
    pages["pupil home, vote phase"] = _get(pupil, "/pupil/")
    return pages


def _both_languages(tmp_path: Path) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """Each language visits its own class: the visit splits the groups (and so the plots)."""
    visited: set[str] = set()
    pages = []
    for language in ("da", "en"):
        (tmp_path / language).mkdir()
        app = make_app(tmp_path / language)
        app.after_request(lambda response: visited.add(request.endpoint) or response)
        pages.append(visit_pages(app, _a_class_in_the_middle_of_the_course(app), language))
    return pages[0], pages[1], visited


def test_every_page_speaks_one_language(tmp_path: Path) -> None:
    danish, english, visited = _both_languages(tmp_path)
    (tmp_path / "fresh").mkdir()
    app = make_app(tmp_path / "fresh")
    for language, pages in (("da", danish), ("en", english)):
        client = app.test_client()
        client.post("/language", data={"lang": language, "next": "/"})
        pages["set-up"] = _get(client, "/setup")
    visited.add("teachers.setup.setup")

    pages_endpoints = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods and rule.endpoint not in NOT_PAGES
    }
    assert not pages_endpoints - visited, (
        f"add these pages to visit_pages: {pages_endpoints - visited}"
    )

    english_texts = _Finder([msgid for msgid, _ in _catalogue()])
    danish_texts = _Finder([msgstr for _, msgstr in _catalogue()])
    problems = []
    for name in danish:
        da_texts, en_texts = texts_of(danish[name]), texts_of(english[name])
        problems += [
            f"{name} (da) shows English: {chunk!r} ({msgid!r})"
            for chunk in da_texts
            for msgid in english_texts.found_in(_without_data(chunk))
        ]
        problems += [
            f"{name} (en) shows Danish: {chunk!r} ({msgstr!r})"
            for chunk in en_texts
            for msgstr in danish_texts.found_in(_without_data(chunk))
        ]
        problems += [
            f"{name} shows {piece!r} in both languages"
            for piece in _pieces(da_texts) & _pieces(en_texts)
            if _untranslated_words(piece)
        ]
    assert not problems, "\n".join(sorted(set(problems)))


@functools.cache
def _without_data(chunk: str) -> str:
    """The chunk without the class's data, addresses and codes (they are in no language)."""
    rest = chunk
    for known in _known_data():
        rest = rest.replace(known, " ")
    return LITERALS.sub(" ", rest)


@functools.cache
def _known_data() -> list[str]:
    return sorted({*NICKNAMES, *CLASS_DATA, *OWN_NAMES, *_data_words()}, key=len, reverse=True)


def _pieces(chunks: set[str]) -> set[str]:
    pieces = (PIECES.split(_without_data(chunk)) for chunk in chunks)
    return {" ".join(piece.split()) for split in pieces for piece in split if piece.strip()}


def _untranslated_words(piece: str) -> bool:
    """Words left after taking out the texts that read the same in both languages."""
    for same in _same_in_both():
        piece = piece.replace(same, " ")
    return bool(re.search(r"[^\W\d_]{2,}", piece))


@functools.cache
def _data_words() -> set[str]:
    """The votes' questions and options, and the estates' names: the class's own data."""
    from tests.teacher_portal.voting.vote_factories import OPTIONS
    from worlds.catalog import estate_ids, load_estate

    words = {*OPTIONS, "Hvad skal gården have?", "Hvilken legeplads?", "Hvad kan I lide?"}
    words.add("Hvad skulle gården have?")
    for estate_id in estate_ids():
        estate = load_estate(estate_id)
        words.add(estate.name.get("da"))
        for site in estate.sites:
            words.update(variant.name.get("da") for variant in site.variants)
    for lesson in plans.startable_lessons():  # the residents in the role play
        words.update(role.name.get("da").split(",")[0] for role in lesson.roles)
    return words
