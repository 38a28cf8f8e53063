"""The class page's download of the class's estate for other games: the file holds what the
class decided (a variant and a group's own build), read back by PrismarineJS, a reader that
did not write it; every export format is offered; nobody else's class is."""

from pathlib import Path

import numpy as np
from flask import Flask
from flask.testing import FlaskClient

from minecraft_scripts.estate_state import (
    EstateState,
    ProposalDecision,
    VariantDecision,
    state_model,
)
from minecraft_scripts.exports import ExportFormat
from minecraft_scripts.exports.named_model import named_model
from minecraft_scripts.palette import Edition, NamedEdition
from minecraft_scripts.plots import CapturedBuild
from teacher_portal.estates.downloads import FORMAT_LABELS
from tests.minecraft_scripts.exports.readers import (
    expected_names,
    mismatches,
    read_with_prismarine,
    require_readers,
)
from tests.teacher_portal.conftest import AuthActions
from tests.teacher_portal.factories import create_class, create_teacher, default_teacher
from tests.teacher_portal.plots.plot_factories import ESTATE, fill_plots_loop, tower_keys
from worlds.catalog import load_estate


def _class_with_decisions(app: Flask) -> tuple[int, int]:
    with app.app_context():
        school_class = create_class(default_teacher())
        estate = fill_plots_loop(school_class)
        return school_class.id, estate.id


def test_the_download_holds_the_class_decisions(
    app: Flask, client: FlaskClient, auth: AuthActions, tmp_path: Path
) -> None:
    require_readers()
    class_id, estate_id = _class_with_decisions(app)
    auth.login()
    page = client.get(f"/classes/{class_id}").text
    url = f"/classes/{class_id}/estates/{estate_id}/export.mcstructure"
    assert f'href="{url}"' in page
    answer = client.get(url)
    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"] == (
        'attachment; filename="tranebaerparken-6b.mcstructure"'
    )
    path = tmp_path / "class.mcstructure"
    path.write_bytes(answer.data)
    # What the class decided, made here from the decisions, not from the portal's rows: the
    # natural playground, then the group's tower on the same site (the newer decision wins).
    tower = CapturedBuild("gruppe_1", Edition.MINETEST, tower_keys(3))
    decisions = (VariantDecision("legepladsen", "natur"), ProposalDecision("legepladsen", tower))
    decided = EstateState(load_estate(ESTATE), {}, decisions)
    expected = expected_names(named_model(state_model(decided), NamedEdition.BEDROCK))
    read = read_with_prismarine("mcstructure", path)
    assert mismatches(read.names, expected) == []
    assert np.isin("minecraft:brick_block", read.names)


def test_every_format_is_offered_and_only_to_the_class_teacher(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    assert set(FORMAT_LABELS) == set(ExportFormat)
    class_id, estate_id = _class_with_decisions(app)
    with app.app_context():
        create_teacher("ole@skole.dk")
    auth.login()
    base = f"/classes/{class_id}/estates/{estate_id}"
    page = client.get(f"/classes/{class_id}").text
    assert all(f'href="{base}/export.{fmt.value}"' in page for fmt in ExportFormat)
    assert client.get(f"{base}/export.zip").status_code == 404
    auth.logout()
    auth.login("ole@skole.dk")
    assert client.get(f"{base}/export.we").status_code == 404
