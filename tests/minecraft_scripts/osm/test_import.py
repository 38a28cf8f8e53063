"""An estate from OpenStreetMap data: an extract the test writes gives the expected
buildings, storeys, roads, paths, green and trees, and a file `jagten build --dry-run`
accepts."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from minecraft_scripts.osm import BoundingBox
from minecraft_scripts.osm.converting import floors_of
from teacher_portal.cli import main
from worlds.building_features import Flats
from worlds.catalog import load_estate
from worlds.ground_features import Lawn, Road, Trees
from worlds.ground_features import Path as PathFeature

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English wording

SOUTH, WEST = 55.6700, 12.5500
NORTH, EAST = 55.6710, 12.5520  # about 126 × 111 m
EAST_M = 111_320 * math.cos(math.radians((SOUTH + NORTH) / 2))


def at_metres(x: float, z: float) -> tuple[float, float]:
    """lon, lat of a point x metres east and z metres south of the box's north-west corner."""
    return WEST + x / EAST_M, NORTH - z / 111_320


NODES: dict[int, tuple[float, float]] = {}


def node(ref: int, x: float, z: float) -> int:
    NODES[ref] = at_metres(x, z)
    return ref


def way(ref: int, nodes: list[int], **tags: str) -> str:
    refs = "".join(f'<nd ref="{n}"/>' for n in nodes)
    tag_text = "".join(f'<tag k="{k.replace("__", ":")}" v="{v}"/>' for k, v in tags.items())
    return f'<way id="{ref}" version="1">{refs}{tag_text}</way>'


def rectangle(first: int, x1: float, z1: float, x2: float, z2: float) -> list[int]:
    return [node(first, x1, z1), node(first + 1, x2, z1), node(first + 2, x2, z2),
            node(first + 3, x1, z2), first]  # fmt: skip


@pytest.fixture
def extract(tmp_path: Path) -> Path:
    """A block with 4 levels, a gabled house 9 m high, a shed too small to build, a road,
    a footway leaving the box, a park, a tree, and a building outside the box."""
    ways = [
        way(1, rectangle(10, 10.2, 10.3, 40.1, 22.2), building="apartments",
            building__levels="4", building__material="brick"),
        way(2, rectangle(20, 60, 30, 72, 40), building="house", height="9",
            roof__shape="gabled"),
        way(3, rectangle(30, 80, 80, 82, 81.5), building="shed"),
        way(4, [node(40, 0, 60), node(41, 125, 60)], highway="residential"),
        way(5, [node(50, 20, 70), node(51, 50, 100), node(52, 90, 200)], highway="footway"),
        way(6, rectangle(60, 15, 75, 45, 95), leisure="park"),
        way(7, rectangle(70, 300, 300, 320, 320), building="yes"),
    ]  # fmt: skip
    tree = node(80, 100.4, 20.6)
    nodes = "".join(
        f'<node id="{ref}" version="1" lat="{lat:.7f}" lon="{lon:.7f}">'
        + ('<tag k="natural" v="tree"/>' if ref == tree else "")
        + "</node>"
        for ref, (lon, lat) in NODES.items()
    )
    path = tmp_path / "kvarter.osm"
    path.write_text(f'<?xml version="1.0"?><osm version="0.6">{nodes}{"".join(ways)}</osm>')
    return path


BOX = f"{WEST},{SOUTH},{EAST},{NORTH}"


def test_an_extract_becomes_an_estate_with_its_buildings_paths_and_trees(
    extract: Path, tmp_path: Path
) -> None:
    output = tmp_path / "vores_kvarter.yaml"
    result = CliRunner().invoke(main, ["estates", "import-osm", str(extract), "--bbox", BOX,
                                       "-o", str(output)])  # fmt: skip
    assert result.exit_code == 0, result.output
    estate = load_estate(output)
    assert estate.size == (126, 111)
    assert abs(estate.location.latitude - 55.6705) < 1e-3
    buildings = [f for f in estate.features if isinstance(f, Flats)]
    assert [b.id for b in buildings] == ["osm_1", "osm_2"]
    block, house = buildings
    assert block.outline == ((10, 10), (40, 10), (40, 22), (10, 22))
    assert block.floors == 4 and block.facade == "brick" and block.homes is None
    assert house.floors == 3 and house.roof_shape == "gabled"
    assert house.outline == ((60, 30), (72, 30), (72, 40), (60, 40))
    (road,) = [f for f in estate.features if isinstance(f, Road)]
    assert road.points == [(0, 60), (125, 60)] and road.angle == "free"
    (footway,) = [f for f in estate.features if type(f) is PathFeature]
    assert footway.points[:2] == [(20, 70), (50, 100)] and footway.points[-1][1] == 110
    (park,) = [f for f in estate.features if isinstance(f, Lawn)]
    assert park.outline == ((15, 75), (45, 75), (45, 95), (15, 95))
    (trees,) = [f for f in estate.features if isinstance(f, Trees)]
    assert trees.points == [(100, 20)]
    text = output.read_text(encoding="utf-8")
    assert "© OpenStreetMap contributors" in text
    assert "# Left out: building way 3: smaller than 9 m²" in text


def test_the_imported_estate_passes_a_dry_run(extract: Path, tmp_path: Path) -> None:
    output = tmp_path / "kvarter.yaml"
    CliRunner().invoke(main, ["estates", "import-osm", str(extract), "--bbox", BOX,
                              "-o", str(output), "--id", "kvarter"])  # fmt: skip
    result = CliRunner().invoke(main, ["build", str(output), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Plan for Vores kvarter" in result.output


def test_levels_height_or_a_guess_give_the_storeys() -> None:
    assert floors_of({"building:levels": "5"}) == 5
    assert floors_of({"height": "12 m"}) == 4
    assert floors_of({"building": "garage"}) == 1
    assert floors_of({"building:levels": "40"}) == 16


@pytest.mark.parametrize(
    "bbox, message",
    [
        ("12.55,55.67,12.56", "is not WEST,SOUTH,EAST,NORTH"),
        ("12.56,55.67,12.55,55.68", "west must be less than east"),
        ("12.50,55.60,12.60,55.70", "at most 1000 m a side"),
    ],
)
def test_a_bad_box_is_a_message(extract: Path, tmp_path: Path, bbox: str, message: str) -> None:
    result = CliRunner().invoke(main, ["estates", "import-osm", str(extract), "--bbox", bbox,
                                       "-o", str(tmp_path / "x.yaml")])  # fmt: skip
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output


def test_a_file_that_is_not_map_data_is_a_message(tmp_path: Path) -> None:
    junk = tmp_path / "junk.osm"
    junk.write_text("this is not xml")
    result = CliRunner().invoke(main, ["estates", "import-osm", str(junk), "--bbox", BOX,
                                       "-o", str(tmp_path / "x.yaml")])  # fmt: skip
    assert result.exit_code == 2 and "Cannot read" in result.output


def haversine(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Metres along the Earth's surface (a sphere of 6,371 km): an independent measure."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_000 * math.asin(math.sqrt(a))


def test_box_projection_gives_metres_as_measured_on_the_globe() -> None:
    box = BoundingBox.parse(BOX)
    mid = (SOUTH + NORTH) / 2
    width, depth = haversine(WEST, mid, EAST, mid), haversine(WEST, SOUTH, WEST, NORTH)
    x, z = box.project(EAST, SOUTH)
    assert abs(x - width) / width < 0.005 and abs(z - depth) / depth < 0.005
