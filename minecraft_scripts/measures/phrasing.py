"""What a change does, said the way a ballot or a report says it.

``compare(before, after, "da")`` gives sentences such as "3 timers mere sol på
legepladsen" or, in English, "3 more hours of sun on the playground"; ``summary`` puts
the most telling one after an option's name: "Forslag 2: 3 timers mere sol på legepladsen".
Changes too small to notice are left out.
"""

from __future__ import annotations

from minecraft_scripts.measures import Measures, PlaceSun
from worlds.data_model import Language

SUN_NOTICED = 0.5
"""Hours of sun a change must add or take to be mentioned."""
SHARE_NOTICED = 1.0
"""Percentage points of green ground or floor-area ratio to be mentioned."""
GENERIC_PLACES = frozenset({"legeplads", "groenne"})


def compare(before: Measures, after: Measures, language: Language = "da") -> list[str]:
    """Every noticeable change from ``before`` to ``after``, the largest sun change first."""
    sentences = _sun_changes(before, after, language)
    green = after.green_share - before.green_share
    if abs(green) >= SHARE_NOTICED:
        sentences.append(_green(green, language))
    homes = after.homes - before.homes
    if homes:
        sentences.append(_count(homes, "bolig", "boliger", "home", "homes", language))
    free = after.step_free_homes - before.step_free_homes
    if free:
        sentences.append(
            _count(free, "bolig uden trin", "boliger uden trin", "step-free home",
                   "step-free homes", language)
        )  # fmt: skip
    ratio = after.floor_area_ratio - before.floor_area_ratio
    if abs(ratio) >= SHARE_NOTICED:
        sentences.append(_ratio(before.floor_area_ratio, after.floor_area_ratio, language))
    return sentences


def summary(label: str, before: Measures, after: Measures, language: Language = "da") -> str:
    """``label`` with its most telling change, e.g. "Forslag 2: 3 timers mere sol på
    legepladsen"; the label alone when nothing noticeable changes."""
    changes = compare(before, after, language)
    return f"{label}: {changes[0]}" if changes else label


def _sun_changes(before: Measures, after: Measures, language: Language) -> list[str]:
    found: list[tuple[float, str]] = []
    said: set[float] = set()
    for place in after.sun:
        old = before.sun_on(place.id)
        if old is None:
            continue
        change = round((place.hours - old.hours) * 2) / 2
        if abs(change) < SUN_NOTICED or (place.id in GENERIC_PLACES and change in said):
            continue
        said.add(change)
        found.append((abs(change), _sun(change, place, language)))
    found.sort(key=lambda item: -item[0])
    return [text for _, text in found]


def _sun(change: float, place: PlaceSun, language: Language) -> str:
    name = place.name.get(language)
    name = name[0].lower() + name[1:]
    amount = _number(abs(change), language)
    if language == "en":
        unit = "hour" if abs(change) == 1 else "hours"
        if change > 0:
            return f"{amount} more {unit} of sun on {name}"
        return f"{amount} {unit} less sun on {name}"
    unit = "time" if abs(change) == 1 else "timers"
    more = "mere" if change > 0 else "mindre"
    return f"{amount} {unit} {more} sol på {name}"


def _green(change: float, language: Language) -> str:
    amount = _number(round(abs(change)), language)
    if language == "en":
        return f"{amount} percentage points {'more' if change > 0 else 'less'} green space"
    return f"{amount} procentpoint {'mere' if change > 0 else 'mindre'} grønt areal"


def _count(change: int, da_one: str, da_many: str, en_one: str, en_many: str, language: str) -> str:
    amount = abs(change)
    if language == "en":
        noun = en_one if amount == 1 else en_many
        return f"{amount} {'more' if change > 0 else 'fewer'} {noun}"
    noun = da_one if amount == 1 else da_many
    return f"{amount} {'flere' if change > 0 else 'færre'} {noun}".replace(
        "1 flere bolig", "1 bolig mere"
    ).replace("1 færre bolig", "1 bolig mindre")


def _ratio(old: float, new: float, language: Language) -> str:
    a, b = _number(round(old), language), _number(round(new), language)
    if language == "en":
        return f"floor-area ratio {'rises' if new > old else 'falls'} from {a} % to {b} %"
    return f"bebyggelsesprocenten {'stiger' if new > old else 'falder'} fra {a} til {b}"


def _number(value: float, language: Language) -> str:
    """3.0 → "3", 1.5 → "1,5" in Danish and "1.5" in English."""
    text = f"{value:g}"
    return text.replace(".", ",") if language == "da" else text
