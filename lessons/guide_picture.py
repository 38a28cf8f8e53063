"""The estate's picture for the teacher guide, embedded so the guide is one printable file.

`lessons` does not draw estates itself: drawing belongs to `minecraft_scripts`, a sibling
that `lessons` must not import. Whoever renders a guide (the `jagten` command, the portal)
passes a `PictureSource`; the guide is complete without one.
"""

import base64
import logging
from collections.abc import Callable, Mapping

from worlds.schema import Estate

PictureSource = Callable[[Estate, Mapping[str, str]], bytes]
"""Draws an estate with the chosen site variants as PNG bytes."""

log = logging.getLogger(__name__)


def picture_data_uri(
    source: PictureSource | None, estate: Estate, variants: Mapping[str, str]
) -> str | None:
    """A ``data:image/png`` URI of the estate, or None without a source or a picture.

    A picture that cannot be drawn (say, an estate file whose feature the renderer does not
    know yet) costs the guide its picture, not the guide: the failure is logged instead.
    """
    if source is None:
        return None
    try:
        png = source(estate, variants)
    except (ValueError, OSError) as error:
        log.warning("no picture of estate %s in the guide: %s", estate.id, error)
        return None
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
