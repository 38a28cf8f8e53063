"""The planner's measures of small estates whose figures are worked out by hand."""

from __future__ import annotations

import yaml

from minecraft_scripts.measures import measure
from minecraft_scripts.measures.phrasing import compare, summary
from worlds.schema import Estate


def estate_with(*features: dict, size=(40, 30), **extra) -> Estate:
    document = {
        "id": "proeve",
        "name": {"da": "Prøve", "en": "Trial"},
        "origin": {"da": "Opfundet", "en": "Invented"},
        "size": list(size),
        "features": list(features),
        **extra,
    }
    return Estate.model_validate(yaml.safe_load(yaml.safe_dump(document)))


def test_floor_area_ratio_built_and_green_share_of_a_known_layout() -> None:
    """40 × 30 = 1,200 m² of grass. A block 20 × 10 with 3 storeys: 600 m² floor area, FAR
    50 %; it covers 200 m² (16.7 %). A paved square 10 × 10 is neither built nor green:
    green is 1,200 − 200 − 100 = 900 m², 75 %."""
    estate = estate_with(
        {"type": "flats", "at": [2, 2], "size": [20, 10], "floors": 3, "homes": 8},
        {"type": "lawn", "at": [25, 15], "size": [10, 10], "material": "paving_stones"},
    )
    measures = measure(estate, step_minutes=60)
    assert measures.ground_area == 1200 and measures.floor_area == 600
    assert measures.floor_area_ratio == 50.0
    assert measures.built_share == round(100 * 200 / 1200, 1)
    assert measures.green_share == 75.0
    assert measures.homes == 8 and measures.residents == round(8 * 1.8)


def test_homes_follow_the_floor_area_less_a_common_room() -> None:
    """30 × 10 × 4 storeys = 1,200 m² over 75 m² a flat = 16 homes; a common room 10 long
    takes 10 × 10 = 100 m² of the ground floor: 1,100 // 75 = 14 homes. Row houses count
    one home each, a common house none."""
    flats = {"type": "flats", "at": [2, 2], "size": [30, 10], "floors": 4}
    assert measure(estate_with(flats), step_minutes=60).homes == 16
    room = {**flats, "common_room": {"side": "south", "offset": 5, "length": 10}}
    rows = {"type": "row_houses", "at": [2, 16], "size": [30, 6], "houses": 5}
    house = {"type": "common_house", "at": [34, 2], "size": [5, 8]}
    assert measure(estate_with(room, rows, house), step_minutes=60).homes == 14 + 5


def test_a_ramp_makes_the_ground_floor_step_free_and_a_lift_every_storey() -> None:
    """4 storeys of 16 homes: with a plain door nothing is step-free; a ramp reaches the
    ground floor's quarter (4 homes); a stair tower with a lift and a ramp all 16."""
    base = {"type": "flats", "at": [4, 10], "size": [30, 10], "floors": 4}
    plain = estate_with({**base, "entrances": [{"side": "south", "offset": 5}]})
    ramp = estate_with({**base, "entrances": [{"side": "south", "offset": 5, "ramp": True}]})
    lift = estate_with(
        {**base, "stair_towers": [{"side": "north", "offset": 12, "lift": True, "ramp": True}]}
    )
    counts = [measure(e, step_minutes=60) for e in (plain, ramp, lift)]
    assert [(m.step_free_homes, m.step_free_entrances, m.entrances) for m in counts] == [
        (0, 0, 1),
        (4, 1, 1),
        (16, 1, 1),
    ]


def playground_estate(tower_floors: int | None) -> Estate:
    features = []
    if tower_floors:
        features.append({"type": "flats", "at": [10, 14], "size": [20, 6], "floors": tower_floors})
    site = {
        "id": "leg",
        "name": {"da": "Legepladsen", "en": "The playground"},
        "at": [10, 4],
        "size": [20, 8],
        "default": "sand",
        "variants": [
            {"id": "sand", "name": {"da": "Sand", "en": "Sand"},
             "features": [{"type": "playground", "at": [10, 4], "size": [20, 8]}]},
            {"id": "hus", "name": {"da": "Hus", "en": "House"},
             "features": [{"type": "playground", "at": [10, 4], "size": [20, 8]},
                          {"type": "flats", "at": [14, 8], "size": [12, 3], "floors": 4,
                           "windows": None}]},
        ],
    }  # fmt: skip
    return estate_with(*features, sites=[site])


def test_a_block_south_of_the_playground_takes_its_sun_and_the_change_is_said() -> None:
    estate = playground_estate(tower_floors=None)
    before, after = measure(estate), measure(estate, {"leg": "hus"})
    assert before.sun_on("leg").hours > 11  # open land: sun all the spring day
    lost = before.sun_on("leg").hours - after.sun_on("leg").hours
    assert lost >= 1
    sentences = compare(after, before, "da")
    hours = f"{round(lost * 2) / 2:g}".replace(".", ",")
    assert sentences[0] == f"{hours} timers mere sol på legepladsen"
    english = summary("Option 1", after, before, "en")
    assert english == f"Option 1: {hours.replace(',', '.')} more hours of sun on the playground"
    assert summary("Forslag 2", before, before, "da") == "Forslag 2"
