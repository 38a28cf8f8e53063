"""Draw the pictures of docs/estates.md: one per element of the estate format (from the
small example estates in docs/vocabulary/), one of each shipped estate type, and a shadow
map. Run from the repository root: `.venv/bin/python docs/make_pictures.py`."""

from __future__ import annotations

from pathlib import Path

from minecraft_scripts.generate import generate
from minecraft_scripts.measures import measure
from minecraft_scripts.measures.shadow_map import render_shadow_map
from minecraft_scripts.preview import isometric_tile, render_isometric
from worlds.catalog import load_estate

DOCS = Path(__file__).resolve().parent
EXAMPLES = DOCS / "vocabulary"
ESTATE_TYPES = ("rosenhaven", "betonparken", "kloeverhusene", "havnekanten")
SHADOW_ESTATE = "rosenhaven"


def draw(estate_ref: str | Path, output: Path, width: int) -> None:
    model = generate(load_estate(estate_ref))
    picture = render_isometric(model, isometric_tile(model, target_width=width))
    picture.save(output, format="PNG", optimize=True)
    print(f"{output.relative_to(DOCS.parent)} ({picture.width}×{picture.height})")


def main() -> None:
    for example in sorted(EXAMPLES.glob("*.yaml")):
        draw(example, example.with_suffix(".png"), width=520)
    for estate_id in ESTATE_TYPES:
        draw(estate_id, DOCS / "screenshots" / f"estate-{estate_id}.png", width=1100)
    estate = load_estate(SHADOW_ESTATE)
    measures = measure(estate, sun_everywhere=True)
    shadow = render_shadow_map(generate(estate), measures, "da")
    output = DOCS / "screenshots" / f"shadow-map-{SHADOW_ESTATE}.png"
    shadow.save(output, format="PNG", optimize=True)
    print(f"{output.relative_to(DOCS.parent)} ({shadow.width}×{shadow.height})")


if __name__ == "__main__":
    main()
