"""`jagten export`: one file per format, the chosen variants in it, clear messages on bad input."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from minecraft_scripts.exports import ExportFormat, export_estate
from teacher_portal.cli import main
from worlds.catalog import estate_ids, load_estate

pytestmark = pytest.mark.usefixtures("english")  # these tests read the English wording

ESTATE = estate_ids()[0]


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def a_site_with_another_variant() -> tuple[str, str]:
    estate = load_estate(ESTATE)
    site = estate.sites[0]
    other = next(v for v in site.variant_ids() if v != site.default)
    return site.id, other


def test_export_writes_the_estate_with_the_chosen_variant(tmp_path: Path) -> None:
    site, option = a_site_with_another_variant()
    target = tmp_path / "estate.mcstructure"
    result = run("export", ESTATE, "--format", "mcstructure", "-o", str(target),
                 "--variant", f"{site}={option}")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "/structure load" in result.output
    estate = load_estate(ESTATE)
    chosen = export_estate(estate, ExportFormat.MCSTRUCTURE, variants={site: option})
    assert target.read_bytes() == chosen
    assert chosen != export_estate(estate, ExportFormat.MCSTRUCTURE)


@pytest.mark.parametrize("fmt", [f.value for f in ExportFormat])
def test_export_names_the_file_after_the_estate(fmt: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("export", ESTATE, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"{ESTATE}.{fmt}").stat().st_size > 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["export", "no_such_estate", "--format", "we"], "no shipped estate 'no_such_estate'"),
        (["export", ESTATE, "--format", "zip"], "'zip' is not one of"),
        (["export", ESTATE, "--format", "we", "--variant", "no_site=x"], "has no site 'no_site'"),
        (["export", ESTATE, "--format", "we", "-o", "/no/such/dir/x.we"], "Cannot write"),
    ],
)
def test_bad_input_gives_a_message_and_exit_code_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
