"""The class's estate as a file for other games: Minecraft Education, Bedrock, Java and
Luanti, written from the same state every build of the class builds (with its decisions and
the groups' builds in their sites), so the download is what the class made."""

from flask import Response
from flask_babel import lazy_gettext as _l

from minecraft_scripts.estate_state import state_model
from minecraft_scripts.exports import ExportFormat, export_model, file_name
from minecraft_scripts.plots import PlotProblem
from teacher_portal.estates.state import estate_state
from teacher_portal.models import ClassEstate, SchoolClass

FORMAT_LABELS = {
    ExportFormat.MCWORLD: _l("Minecraft Education world"),
    ExportFormat.MCSTRUCTURE: _l("Bedrock structure"),
    ExportFormat.SCHEM: _l("Minecraft Java schematic (WorldEdit)"),
    ExportFormat.WE: _l("Minetest/Luanti schematic (WorldEdit)"),
}
"""What the class page offers, by format; every export format has a line (tested)."""


class NotExportable(Exception):
    """The class's estate cannot be written in this format; the message says why."""


def estate_file(
    school_class: SchoolClass, estate: ClassEstate, fmt: ExportFormat, lang: str
) -> tuple[bytes, str]:
    """The file's bytes and its download name, e.g. `tranebaerparken-6b.mcworld`."""
    state = estate_state(estate)
    title = f"{state.estate.name.get(lang)} – {school_class.name}"
    try:
        data = export_model(state_model(state), fmt, title=title)
    except PlotProblem as problem:
        raise NotExportable(str(problem)) from problem
    stem = file_name(state.estate, fmt).removesuffix(fmt.suffix)
    class_part = "".join(c for c in school_class.name.lower() if c.isascii() and c.isalnum())
    return data, f"{stem}-{class_part}{fmt.suffix}" if class_part else f"{stem}{fmt.suffix}"


def download(data: bytes, name: str) -> Response:
    return Response(
        data,
        mimetype="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
