"""The shipped estates: they load, they are complete, and lookups fail helpfully."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from worlds.building_features import CommonHouse, Flats, ReuseStation, RowHouses
from worlds.catalog import WORLDS_DIR, estate_ids, estate_path, load_estate
from worlds.datafile import DataFileError
from worlds.schema import Estate


def all_features(estate: Estate) -> list[object]:
    features = list(estate.features)
    for site in estate.sites:
        for variant in site.variants:
            features += variant.features
    return features


def test_at_least_three_estates_are_shipped() -> None:
    assert len(estate_ids()) >= 3
    assert estate_ids() == sorted(path.stem for path in WORLDS_DIR.glob("*.yaml"))


@pytest.mark.parametrize("estate_id", estate_ids())
def test_each_shipped_estate_loads_with_a_vote_and_plots(estate_id: str) -> None:
    estate = load_estate(estate_id)
    assert estate.id == estate_id
    assert estate.name.da and estate.name.en and estate.origin.da and estate.origin.en
    assert any(len(site.variants) >= 2 for site in estate.sites)
    assert len(estate.plots) >= 2
    for site in estate.sites:
        assert site.default in site.variant_ids()
        assert all(variant.name.da and variant.name.en for variant in site.variants)


def test_the_shipped_estates_cover_the_three_kinds_the_course_needs() -> None:
    features = [all_features(load_estate(estate_id)) for estate_id in estate_ids()]
    kinds = [{type(feature) for feature in found} for found in features]
    assert any(any(isinstance(f, Flats) and f.floors >= 6 for f in found) for found in features)
    assert any(RowHouses in found for found in kinds)
    assert any({ReuseStation, CommonHouse} <= found for found in kinds)


def test_an_estate_loads_by_path_as_well_as_by_id(tmp_path: Path) -> None:
    estate_id = estate_ids()[0]
    copy = tmp_path / "copy.yaml"
    shutil.copy(estate_path(estate_id), copy)
    assert load_estate(copy) == load_estate(estate_id)
    assert load_estate(str(copy)) == load_estate(estate_id)


def test_an_unknown_id_suggests_the_nearest_shipped_estate() -> None:
    estate_id = estate_ids()[0]
    with pytest.raises(DataFileError) as caught:
        load_estate(estate_id[:-1])
    assert f"did you mean '{estate_id}'?" in str(caught.value)


def test_a_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        load_estate(tmp_path / "nowhere.yaml")
    assert "cannot read" in str(caught.value)
