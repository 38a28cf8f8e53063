"""Frames map local (u, v) onto the estate grid; openings are spread evenly."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from minecraft_scripts.generate.frames import OPPOSITE, Frame, spread
from worlds.geometry import Rect

rects = st.builds(
    lambda x, z, w, d: Rect(x, z, x + w - 1, z + d - 1),
    st.integers(0, 20),
    st.integers(0, 20),
    st.integers(1, 12),
    st.integers(1, 12),
)
sides = st.sampled_from(["north", "south", "east", "west"])


@given(rect=rects, side=sides)
def test_a_frame_covers_its_rectangle_exactly_once(rect: Rect, side: str) -> None:
    frame = Frame(rect, side)
    cells = [frame.cell(u, v) for u in range(frame.length) for v in range(frame.depth)]
    expected = {(x, z) for x in range(rect.x1, rect.x2 + 1) for z in range(rect.z1, rect.z2 + 1)}
    assert len(cells) == len(expected) and set(cells) == expected


@given(rect=rects, side=sides)
def test_v_zero_is_the_front_wall_and_negative_v_lies_outside(rect: Rect, side: str) -> None:
    frame = Frame(rect, side)
    front = {frame.cell(u, 0) for u in range(frame.length)}
    coordinate = {"north": 1, "south": 1, "east": 0, "west": 0}[side]
    edge = {"north": rect.z1, "south": rect.z2, "east": rect.x2, "west": rect.x1}[side]
    assert {cell[coordinate] for cell in front} == {edge}
    x, z = frame.cell(0, -1)
    assert not (rect.x1 <= x <= rect.x2 and rect.z1 <= z <= rect.z2)


@given(rect=rects, side=sides)
def test_opposite_walls_share_their_u_direction(rect: Rect, side: str) -> None:
    front, back = Frame(rect, side), Frame(rect, OPPOSITE[side])
    axis = 0 if side in ("north", "south") else 1
    for u in range(front.length):
        assert front.cell(u, 0)[axis] == back.cell(u, 0)[axis]


@given(
    length=st.integers(1, 80),
    width=st.integers(1, 6),
    spacing=st.integers(2, 12),
    margin=st.integers(0, 3),
)
def test_spread_openings_are_even_centred_and_clear_of_corners(
    length: int, width: int, spacing: int, margin: int
) -> None:
    starts = spread(length, width, spacing, margin)
    room = length - 2 * margin
    if room < width:
        assert starts == []
        return
    assert starts and starts[0] >= margin and starts[-1] + width <= length - margin
    assert all(b - a == spacing for a, b in itertools.pairwise(starts))
    assert starts[-1] + spacing + width > length - margin  # no room for one more
    left, right = starts[0], length - (starts[-1] + width)
    assert abs(left - right) <= 1
