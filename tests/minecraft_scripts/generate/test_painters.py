"""Every feature kind an estate file may hold has a painter, and nothing else has one."""

from minecraft_scripts.generate.painters import PAINTERS
from worlds.schema import FEATURE_TYPES, Plot


def test_each_feature_type_of_the_schema_has_exactly_one_painter() -> None:
    assert set(PAINTERS) == {*FEATURE_TYPES, Plot}
    assert len(FEATURE_TYPES) == len(set(FEATURE_TYPES))
