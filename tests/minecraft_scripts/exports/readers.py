"""The independent readers the export tests compare against, and the comparison itself.

Each export is read back by code that did not write it: PrismarineJS (Node) for the
Minecraft files, the real Minetest with WorldEdit for the Luanti file. What was read is
compared voxel for voxel, and sign for sign, with the model the file was made from.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from minecraft_scripts.exports.named_model import NamedModel
from minecraft_scripts.palette import NamedBlock, NamedEdition
from tests.real_components import READERS, require

READER_SCRIPT = READERS / "read_back.js"


@dataclass(frozen=True)
class ReadBack:
    """What a reader found: a canonical block name per voxel, and the signs' lines."""

    names: np.ndarray  # of str, [x, y, z]
    signs: dict[tuple[int, int, int], tuple[str, ...]]
    info: dict


def require_readers() -> None:
    if shutil.which("node") is None:
        require("Node.js is not installed (the readers need Node 20): install nodejs")
    if not (READERS / "node_modules" / ".installed").exists():
        require(
            f"the PrismarineJS readers are not installed: make {READERS}/node_modules/.installed"
        )


def read_with_prismarine(kind: str, path: Path, *region: int) -> ReadBack:
    """Run the Node reader on a file (or an unzipped world with the region to read)."""
    result = subprocess.run(
        ["node", str(READER_SCRIPT), kind, str(path), *map(str, region)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"the {kind} reader failed:\n{result.stderr[-2000:]}"
    data = json.loads(result.stdout)
    names = np.array(data["names"], dtype=object)[np.array(data["voxels"])]
    signs = {(s["x"], s["y"], s["z"]): trimmed(s["lines"]) for s in data["signs"]}
    return ReadBack(names.reshape(data["size"]), signs, data["info"])


def unzipped(archive: bytes, folder: Path) -> Path:
    path = folder / "world.zip"
    path.write_bytes(archive)
    with zipfile.ZipFile(path) as zipped:
        zipped.extractall(folder / "world")
    return folder / "world"


def canonical(block: NamedBlock, edition: NamedEdition) -> str:
    """The name the readers print: sorted states; Bedrock flags as 0/1."""
    if not block.states:
        return block.name
    parts = [f"{key}={_value(value, edition)}" for key, value in sorted(block.states)]
    return f"{block.name}[{','.join(parts)}]"


def _value(value: object, edition: NamedEdition) -> str:
    if isinstance(value, bool):
        if edition is NamedEdition.BEDROCK:
            return "1" if value else "0"
        return "true" if value else "false"
    return str(value)


def expected_names(model: NamedModel) -> np.ndarray:
    lookup = np.array([canonical(block, model.edition) for block in model.palette], dtype=object)
    return lookup[model.grid]


def expected_signs(model: NamedModel) -> dict[tuple[int, int, int], tuple[str, ...]]:
    return {(s.x, s.y, s.z): trimmed(s.lines) for s in model.signs}


def trimmed(lines: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Sign lines without trailing blank ones: files pad a sign to four lines, or to one."""
    kept = list(lines)
    while kept and not kept[-1]:
        kept.pop()
    return tuple(kept)


def mismatches(read: np.ndarray, expected: np.ndarray) -> list[tuple[tuple[int, ...], str, str]]:
    """Where a read differs from the model: (position, read, expected), the first ten."""
    assert read.shape == expected.shape, f"read {read.shape}, expected {expected.shape}"
    wrong = np.argwhere(read != expected)
    return [(tuple(int(v) for v in p), read[tuple(p)], expected[tuple(p)]) for p in wrong[:10]]


def mismatch_count(read: np.ndarray, expected: np.ndarray) -> int:
    return int(np.count_nonzero(read != expected))
