"""`jagten build`, `preview` and `clear`: clear messages and exit code 2 on bad input."""

import json

import pytest
from click.testing import CliRunner
from PIL import Image

from minecraft_scripts.generate import generate
from minecraft_scripts.plan import plan_model
from teacher_portal.cli import main
from tests.real_components import free_port
from worlds.catalog import estate_ids, load_estate

ESTATE = estate_ids()[0]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.usefixtures("english")  # asserts the English wording
@pytest.mark.parametrize(
    "args, message",
    [
        (["build", "no_such_estate"], "no shipped estate 'no_such_estate'"),
        (["build", ESTATE, "--at", "1,2"], "is not X,Y,Z"),
        (["build", ESTATE, "--at", "a,b,c"], "is not X,Y,Z"),
        (["build", ESTATE, "--variant", "nothing"], "is not SITE=OPTION"),
        (["build", ESTATE, "--variant", "no_site=x"], "has no site 'no_site'"),
        (["build", ESTATE, "--server", "host:notaport"], "is not HOST:PORT"),
        (["preview", "no_such_estate", "-o", "x.png"], "no shipped estate"),
        (["clear", "no_such_estate"], "no shipped estate"),
    ],
)
def test_bad_input_gives_a_message_and_exit_code_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_an_unknown_variant_names_the_choices() -> None:
    estate = next(load_estate(e) for e in estate_ids() if load_estate(e).sites)
    site = estate.sites[0]
    result = run("build", estate.id, "--variant", f"{site.id}=nope", "--dry-run")
    assert result.exit_code == 2
    assert f"site '{site.id}' has no variant 'nope'" in result.output
    assert site.variants[0].id in result.output


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_an_unreachable_server_is_named(tmp_path) -> None:
    address = f"127.0.0.1:{free_port()}"
    for command in ("build", "clear"):
        result = run(command, ESTATE, "--server", address)
        assert result.exit_code == 2
        assert f"No game server answers at {address}" in result.output


def test_a_dry_run_prints_the_plan_as_json() -> None:
    result = run("build", ESTATE, "--dry-run", "--json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    model = generate(load_estate(ESTATE))
    assert report["voxels"] == model.grid.size
    assert report["commands"] == len(plan_model(model, include_air=False))
    assert report["verified"] is False and report["mismatches"] == 0


def test_an_estate_file_given_by_path_previews(tmp_path) -> None:
    from worlds.catalog import estate_path

    output = tmp_path / "kort.png"
    result = run("preview", str(estate_path(ESTATE)), "-o", str(output), "--map")
    assert result.exit_code == 0, result.output
    with Image.open(output) as picture:
        assert picture.format == "PNG" and picture.width > 100


@pytest.mark.usefixtures("english")  # asserts the English wording
def test_preview_into_a_missing_folder_says_so(tmp_path) -> None:
    result = run("preview", ESTATE, "-o", str(tmp_path / "missing" / "x.png"))
    assert result.exit_code == 2
    assert "Cannot write" in result.output
