"""Framing of the mcpi wire protocol, without a server."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from minecraft_scripts.server.protocol import encode_command, is_fail, parse_block_ids


def test_encodes_numbers_and_nested_arguments() -> None:
    command = encode_command("world.setBlocks", (1, 2, 3), [4, 5, 6], 35, np.int64(14))
    assert command.line == b"world.setBlocks(1,2,3,4,5,6,35,14)\n"
    assert command.idempotent


def test_accepts_mcpi_bytes_names() -> None:
    assert encode_command(b"chat.post", "hej").line == b"chat.post(hej)\n"
    assert not encode_command(b"chat.post", "hej").idempotent


@given(st.text())
def test_any_text_argument_stays_one_line(text: str) -> None:
    line = encode_command("chat.post", text).line
    assert line.endswith(b"\n")
    assert line.count(b"\n") == 1
    assert b"\r" not in line


@pytest.mark.parametrize("name", ["", "world.setBlock(1)", "chat post", "a\nb"])
def test_rejects_bad_command_names(name: str) -> None:
    with pytest.raises(ValueError, match="not a protocol command name"):
        encode_command(name)


def test_fail_replies() -> None:
    assert is_fail("Fail") and is_fail("fail")
    assert not is_fail("0") and not is_fail("Failure")


@given(
    st.integers(1, 4).flatmap(
        lambda nx: st.integers(1, 4).flatmap(
            lambda ny: st.integers(1, 4).map(lambda nz: (nx, ny, nz))
        )
    ),
    st.randoms(use_true_random=False),
)
def test_block_list_order_is_y_then_x_then_z(size: tuple[int, int, int], rnd) -> None:
    nx, ny, nz = size
    expected = np.array(
        [[[rnd.randint(0, 255) for _ in range(nz)] for _ in range(ny)] for _ in range(nx)]
    )
    reply = ",".join(
        str(expected[x, y, z]) for y in range(ny) for x in range(nx) for z in range(nz)
    )
    assert (parse_block_ids(reply, size) == expected).all()


def test_block_list_of_the_wrong_length_is_an_error() -> None:
    with pytest.raises(ValueError, match="3 values for a 2×2×1 region"):
        parse_block_ids("1,2,3", (2, 2, 1))
