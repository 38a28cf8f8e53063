"""The teacher guide: timings, the estate's picture, vote rules, and safe text."""

import base64
import io
import re
from datetime import time

import pytest
from PIL import Image

from lessons.catalog import load_lesson
from lessons.guide import render_guide
from minecraft_scripts.preview import preview_png


def test_the_guide_embeds_the_estate_picture_as_a_png():
    html = render_guide(load_lesson("afdelingsmoedet"), "da", picture=preview_png)

    [encoded] = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    picture = Image.open(io.BytesIO(base64.b64decode(encoded)))
    assert picture.format == "PNG" and picture.width > 100 and picture.height > 100


def test_a_picture_that_cannot_be_drawn_costs_only_the_picture():
    def broken(estate, variants):
        raise ValueError("no such feature")

    html = render_guide(load_lesson("afdelingsmoedet"), "en", picture=broken)

    assert "data:image/png" not in html
    assert "jagten preview tranebaerparken" in html


def test_without_the_picture_the_guide_says_how_to_make_one():
    html = render_guide(load_lesson("afdelingsmoedet"), "en")

    assert "data:image/png" not in html
    assert "jagten preview tranebaerparken" in html


def test_timings_run_from_zero_or_from_the_clock_time_the_lesson_starts():
    lesson = load_lesson("afdelingsmoedet")
    first, second = lesson.phases[0].minutes, lesson.phases[1].minutes

    relative = render_guide(lesson, "da")
    clocked = render_guide(lesson, "da", start=time(8, 15))

    assert f"0:00–0:{first:02d}" in relative
    assert f"08:{15 + first:02d}–08:{15 + first + second:02d}" in clocked
    assert "09:45" in clocked  # 08:15 + 90 minutes


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("da", ["Valg til 3 pladser", "suppleanter", "2 stemmer pr. husstand", "trækkes der lod"]),
        ("en", ["Election for 3 seats", "deputies", "2 votes per household", "drawing lots"]),
    ],
)
def test_the_vote_box_explains_method_weights_and_ties(lang, expected):
    html = render_guide(load_lesson("afdelingsbestyrelsen"), lang)

    for words in expected:
        assert words in html


def test_variant_options_are_named_as_in_the_estate_and_the_winner_is_built():
    html = render_guide(load_lesson("afdelingsmoedet"), "en")

    for name in ("Classic playground", "Nature playground", "Activity park"):
        assert name in html
    assert "the winning variant is built in the game" in html
    assert "jagten build tranebaerparken --variant legepladsen=klassisk" in html


def test_markdown_is_formatted_and_raw_html_is_shown_as_text(write_lesson):
    path = write_lesson(
        "teacher: {da: Byg gården., en: Build the courtyard.}",
        "teacher: {da: '<script>alert(1)</script> **Byg** gården.', en: Build the courtyard.}",
    )
    html = render_guide(load_lesson(path), "da")

    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<strong>Byg</strong>" in html


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="da, en"):
        render_guide(load_lesson("afdelingsmoedet"), "de")


def test_the_portal_can_embed_the_guide_without_a_page_around_it():
    html = render_guide(load_lesson("afdelingsmoedet"), "da", standalone=False)

    assert "<html" not in html and "<body" not in html and "@page" not in html
    assert '<main class="guide" lang="da">' in html
    styles = html.split("<style>")[1].split("</style>")[0]
    selectors = [line for line in styles.splitlines() if line.strip().endswith("}") and "{" in line]
    assert all(line.strip().startswith((".guide", "@")) for line in selectors)


def test_a_vote_on_plots_says_to_capture_first_and_where_the_winner_goes():
    html = render_guide(load_lesson("gaarden_som_arkitektur"), "en")
    assert "Capture all plots" in html
    assert "copied into The playground in courtyard A" in html
