"""The planner's measures before and after a decision, as rows of a table and sentences.

The names of the measures are the ones `jagten measures` prints (one list for both), the
sentences those `phrasing.compare` says, so the report and the command line agree.
"""

from dataclasses import dataclass

from flask_babel import format_date, format_decimal
from flask_babel import gettext as _

from minecraft_scripts.measures import Measures
from minecraft_scripts.measures.phrasing import compare


@dataclass(frozen=True)
class MeasureRow:
    label: str
    before: str
    after: str
    changed: bool


@dataclass(frozen=True)
class MeasureView:
    rows: list[MeasureRow]
    changes: list[str]  # what the change does, in words; empty when nothing noticeable
    words: dict[str, str]  # "before", "after", ... in the report's language
    day: str  # the day the sun is measured on


def _number(value: float, unit: str = "") -> str:
    return f"{format_decimal(value, format='#,##0.#')}{unit}"


def _labels() -> dict[str, str]:
    """The table's words, in the report's language (sections are made under its locale)."""
    return {
        "far": _("Floor-area ratio"), "built": _("Built ground"), "green": _("Green ground"),
        "homes": _("Homes"), "step_free": _("Step-free homes"),
        "entrances": _("Step-free entrances"), "sun": _("Sun"), "hours": _("hours"),
        "before": _("Before"), "after": _("After"),
    }  # fmt: skip


def _values(measures: Measures, language: str) -> list[tuple[str, str]]:
    words = _labels()
    hours = f" {words['hours']}"
    rows = [
        (words["far"], _number(measures.floor_area_ratio, " %")),
        (words["built"], _number(measures.built_share, " %")),
        (words["green"], _number(measures.green_share, " %")),
        (words["homes"], _number(measures.homes)),
        (words["step_free"], _number(measures.step_free_homes)),
        (
            words["entrances"],
            f"{measures.step_free_entrances} / {measures.entrances}",
        ),
    ]
    for place in measures.sun:
        name = place.name.get(language)
        rows.append((f"{words['sun']} – {name[0].upper()}{name[1:]}", _number(place.hours, hours)))
    return rows


def measure_view(before: Measures, after: Measures, language: str) -> MeasureView:
    """Rows of before and after, and the noticeable changes in words."""
    old, new = dict(_values(before, language)), _values(after, language)
    rows = [MeasureRow(label, old.get(label, "–"), value, old.get(label) != value)
            for label, value in new]  # fmt: skip
    changes = compare(before, after, language)
    return MeasureView(rows, changes, _labels(), format_date(after.day, "long"))
