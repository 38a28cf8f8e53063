"""The sanitiser: no text can ever carry a second protocol command."""

from hypothesis import given
from hypothesis import strategies as st

from minecraft_scripts.game_text import (
    CHAT_LIMIT,
    SIGN_LINE_LIMIT,
    is_player_name,
    safe_argument,
    safe_chat_text,
    safe_sign_lines,
)

LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


@given(st.text())
def test_no_text_keeps_a_line_break(text: str) -> None:
    for safe in (safe_argument(text), safe_chat_text(text), *safe_sign_lines([text])):
        assert not any(char in safe for char in LINE_BREAKS)
        assert "\x00" not in safe
        assert safe.splitlines() in ([safe], [])


def test_injection_becomes_harmless_text() -> None:
    assert safe_chat_text("hej\nworld.setBlock(0,0,0,1)") == "hej world.setBlock(0,0,0,1)"
    assert safe_chat_text("a\r\nb\u2028c") == "a b c"


def test_danish_letters_survive() -> None:
    text = "Blåbærgrød på Fælleshuset – ÆØÅ æøå"
    assert safe_chat_text(text) == text
    assert safe_sign_lines(["Genbrugsstedet"]) == ("Genbrugsstedet",)


def test_combining_letters_are_composed() -> None:
    assert safe_chat_text("a\u030a") == "å"


@given(st.text(min_size=CHAT_LIMIT + 1))
def test_chat_is_capped(text: str) -> None:
    assert len(safe_chat_text(text)) <= CHAT_LIMIT


@given(st.lists(st.text(), max_size=8))
def test_sign_lines_follow_the_setsign_rules(lines: list[str]) -> None:
    safe = safe_sign_lines(lines)
    assert len(safe) == min(len(lines), 4)
    for line in safe:
        assert len(line) <= SIGN_LINE_LIMIT
        assert not set(line) & set(",()")


def test_sign_comma_does_not_shift_lines() -> None:
    assert safe_sign_lines(["Hej, verden", "(åbent)"]) == ("Hej; verden", "[åbent]")


def test_player_names() -> None:
    assert is_player_name("Mads_2012")
    assert not is_player_name("Mads\nworld")
    assert not is_player_name("Søren")
    assert not is_player_name("x" * 17)


FAMILY = "👨\u200d👩\u200d👧"  # one emoji: three people held together by zero-width joiners


def test_emoji_with_joiners_stay_whole() -> None:
    assert safe_argument(f"Vi er en {FAMILY}") == f"Vi er en {FAMILY}"
    assert safe_sign_lines([f"Velkommen {FAMILY}"]) == (f"Velkommen {FAMILY}",)  # 15 fit


def test_a_sign_line_is_never_cut_inside_an_emoji() -> None:
    line = "Fælleshuset " + FAMILY  # 12 characters, then 5 code points of one emoji
    assert safe_sign_lines([line]) == ("Fælleshuset",)  # 15 would cut the family apart
    assert safe_chat_text("x" * 198 + FAMILY) == "x" * 198


def test_escape_sequences_lose_their_escape() -> None:
    assert "\x1b" not in safe_argument("\x1b[2J\x1b[31mALT ER SLETTET\x1b[0m")
