"""What a change does, said the way a ballot or a report says it.

``compare(before, after, "da")`` gives sentences such as "3 timers mere sol på
legepladsen" or, in English, "3 more hours of sun on the playground"; ``summary`` puts
the most telling one after an option's name: "Forslag 2: 3 timers mere sol på legepladsen".
Changes too small to notice are left out.
"""

from __future__ import annotations

from minecraft_scripts.measures import Measures, PlaceSun
from worlds.data_model import Language
from worlds.language import _, ngettext, using_language

SUN_NOTICED = 0.5
"""Hours of sun a change must add or take to be mentioned."""
SHARE_NOTICED = 1.0
"""Percentage points of green ground or floor-area ratio to be mentioned."""
GENERIC_PLACES = frozenset({"legeplads", "groenne"})


def compare(before: Measures, after: Measures, language: Language = "da") -> list[str]:
    """Every noticeable change from ``before`` to ``after``, the largest sun change first."""
    with using_language(language):
        return _changes(before, after, language)


def summary(label: str, before: Measures, after: Measures, language: Language = "da") -> str:
    """``label`` with its most telling change, e.g. "Forslag 2: 3 timers mere sol på
    legepladsen"; the label alone when nothing noticeable changes."""
    changes = compare(before, after, language)
    return f"{label}: {changes[0]}" if changes else label


def _changes(before: Measures, after: Measures, language: Language) -> list[str]:
    sentences = _sun_changes(before, after, language)
    green = after.green_share - before.green_share
    if abs(green) >= SHARE_NOTICED:
        sentences.append(_green(green))
    homes = after.homes - before.homes
    if homes > 0:
        sentences.append(ngettext("%(num)s more home", "%(num)s more homes", homes))
    elif homes < 0:
        sentences.append(ngettext("%(num)s fewer home", "%(num)s fewer homes", -homes))
    free = after.step_free_homes - before.step_free_homes
    if free > 0:
        sentences.append(
            ngettext("%(num)s more step-free home", "%(num)s more step-free homes", free)
        )
    elif free < 0:
        sentences.append(
            ngettext("%(num)s fewer step-free home", "%(num)s fewer step-free homes", -free)
        )
    ratio = after.floor_area_ratio - before.floor_area_ratio
    if abs(ratio) >= SHARE_NOTICED:
        sentences.append(_ratio(before.floor_area_ratio, after.floor_area_ratio, language))
    return sentences


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
    hours = 1 if abs(change) == 1 else 2  # 1.5 hours take the plural
    if change > 0:
        return ngettext("%(amount)s more hour of sun on %(place)s",
                        "%(amount)s more hours of sun on %(place)s", hours, amount=amount,
                        place=name)  # fmt: skip
    return ngettext("%(amount)s hour less sun on %(place)s",
                    "%(amount)s hours less sun on %(place)s", hours, amount=amount,
                    place=name)  # fmt: skip


def _green(change: float) -> str:
    points = round(abs(change))
    if change > 0:
        return ngettext("%(num)s percentage point more green space",
                        "%(num)s percentage points more green space", points)  # fmt: skip
    return ngettext("%(num)s percentage point less green space",
                    "%(num)s percentage points less green space", points)  # fmt: skip


def _ratio(old: float, new: float, language: Language) -> str:
    values = {"old": _number(round(old), language), "new": _number(round(new), language)}
    if new > old:
        return _("floor-area ratio rises from %(old)s %% to %(new)s %%", **values)
    return _("floor-area ratio falls from %(old)s %% to %(new)s %%", **values)


def _number(value: float, language: Language) -> str:
    """3.0 → "3", 1.5 → "1,5" in Danish and "1.5" in English."""
    text = f"{value:g}"
    return text.replace(".", ",") if language == "da" else text
