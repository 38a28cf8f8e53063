"""The bulk commands' framing, without a server: boxes along map blocks, node order, tokens."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minecraft_scripts.server.bulk import (
    MAP_BLOCK,
    BulkRefused,
    _from_nodes,
    _to_nodes,
    chunks,
    palette,
    parse_put,
    parse_read,
)
from minecraft_scripts.server.protocol import Token, encode_command

sizes = st.tuples(st.integers(1, 70), st.integers(1, 40), st.integers(1, 70))
origins = st.tuples(st.integers(-100, 100), st.integers(-20, 60), st.integers(-100, 100))


@given(sizes, origins, st.sampled_from([1, 3, 8, 64]))
@settings(max_examples=50)
def test_chunks_tile_the_model_along_map_blocks(size, origin, blocks) -> None:
    covered = np.zeros(size, dtype=np.int32)
    for chunk in chunks(size, origin, blocks):
        covered[chunk.local.slices()] += 1
        # the same box in Minetest coordinates: x and y shifted, z mirrored
        assert chunk.low[0] == chunk.local.x1 + origin[0]
        assert chunk.high[1] == chunk.local.y2 + origin[1]
        assert chunk.low[2] == -(chunk.local.z2 + origin[2])
        assert chunk.high[2] == -(chunk.local.z1 + origin[2])
        map_blocks = 1
        for low, high in zip(chunk.low, chunk.high, strict=True):
            assert low // MAP_BLOCK <= high // MAP_BLOCK
            map_blocks *= high // MAP_BLOCK - low // MAP_BLOCK + 1
        assert map_blocks <= blocks
    assert (covered == 1).all()


def test_nodes_go_out_in_voxel_area_order_and_come_back() -> None:
    values = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)  # model axes x, y, z
    nodes = _to_nodes(values)
    # x fastest, then y, then Minetest z (mcpi z falling): the first two nodes differ in x
    assert nodes[0] == values[0, 0, 3] and nodes[1] == values[1, 0, 3]
    assert nodes[2] == values[0, 1, 3]
    assert nodes[6] == values[0, 0, 2]
    assert np.array_equal(_from_nodes(nodes, values.shape), values)


def test_a_palette_names_blocks_and_the_sign_node() -> None:
    assert palette(("air", "brick", "sign")) == "0.0;45.0;default:sign_wall_wood.4"
    with pytest.raises(ValueError):
        palette(tuple(f"block:1:{i % 16}" for i in range(300)))


@pytest.mark.parametrize("text", ["a,b", "a)b", "a b", "a\nb", "æ"])
def test_a_token_refuses_what_could_split_a_command(text: str) -> None:
    with pytest.raises(ValueError):
        Token(text)


def test_a_token_goes_out_as_it_is() -> None:
    payload = Token("eJzt+/=" * 1000)
    line = encode_command("world.jagtenPut", 1, -2, payload).line
    assert line == b"world.jagtenPut(1,-2," + payload.encode() + b")\n"
    assert len(str(encode_command("world.jagtenPut", payload))) < 210  # messages stay short


@pytest.mark.usefixtures("english")  # asserts the English wording
@pytest.mark.parametrize("reply", ["refused the payload is not base64", "ok", "", "fail"])
def test_a_refusal_or_nonsense_raises_a_clear_error(reply: str) -> None:
    with pytest.raises(BulkRefused, match="refused part of the build"):
        parse_put(reply)
    with pytest.raises(BulkRefused, match="refused part of the build"):
        parse_read(reply, chunks((1, 1, 1), (0, 0, 0))[0], (0, 0, 0))
