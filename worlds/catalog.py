"""Find and load the estates shipped in ``worlds/`` (or any estate file by path)."""

from __future__ import annotations

from pathlib import Path

from worlds.datafile import DataFileError, Problem, load_data_file, resolve_loc
from worlds.error_messages import did_you_mean
from worlds.language import _
from worlds.schema import Estate
from worlds.yaml_positions import parse_yaml

WORLDS_DIR = Path(__file__).resolve().parent


def estate_ids() -> list[str]:
    """Ids of the shipped estates, sorted: each is ``worlds/<id>.yaml``."""
    return sorted(path.stem for path in WORLDS_DIR.glob("*.yaml"))


def estate_path(ref: str | Path) -> Path:
    """The file for a shipped estate id, or ``ref`` itself when it is a path."""
    if isinstance(ref, Path) or "/" in ref or ref.endswith((".yaml", ".yml")):
        return Path(ref)
    return WORLDS_DIR / f"{ref}.yaml"


def load_estate(ref: str | Path) -> Estate:
    """Load a shipped estate by id, or any estate file by path; raises ``DataFileError``."""
    path = estate_path(ref)
    if not path.exists() and path.parent == WORLDS_DIR:
        message = _(
            "no shipped estate '%(ref)s'; %(hint)s",
            ref=str(ref),
            hint=did_you_mean(str(ref), estate_ids()),
        )
        raise DataFileError([Problem(str(ref), 1, 1, "", message)])
    estate = load_data_file(path, Estate)
    if path.parent == WORLDS_DIR and estate.id != path.stem:
        message = _(
            "a shipped estate's id must match its file name: write 'id: %(id)s'", id=path.stem
        )
        raise DataFileError([Problem(str(path), 1, 1, "id", message)])
    return estate


def estate_warnings(ref: str | Path) -> list[Problem]:
    """What a valid estate file may not mean: overlaps real estates have (see
    ``worlds.overlaps``), each placed at its line like a problem; raises ``DataFileError``
    when the file is not valid at all."""
    estate = load_estate(ref)
    path = estate_path(ref)
    parsed = parse_yaml(path.read_text(encoding="utf-8"))
    warnings = []
    for issue in estate.consistency_warnings():
        found, field = resolve_loc(issue.loc, parsed.data)
        position = parsed.positions.value(found)
        message = _("warning: %(message)s", message=issue.message)
        warnings.append(Problem(str(path), position.line, position.column, field, message))
    return sorted(set(warnings))
