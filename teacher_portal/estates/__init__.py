"""The class's estate as a state: where it stands, the variants lessons asked for and the
class's decisions, which every build of the class builds (`build_jobs.start_estate_build`).

`state.estate_now(school_class)` is the class's estate now as a voxel model.
"""

from typing import Any

from flask import Flask
from flask.blueprints import BlueprintSetupState

from teacher_portal.classes.export import add_export_section
from teacher_portal.core.panels import add_panel
from teacher_portal.estates import build_jobs, views
from teacher_portal.estates.catalog import load_estate
from teacher_portal.estates.notices import decisions_in_build
from teacher_portal.estates.views import class_estates
from teacher_portal.models import SchoolClass

bp = views.bp


def estate_name(estate_id: str, lang: str) -> str:
    try:
        return load_estate(estate_id).name.get(lang)
    except (LookupError, ValueError, OSError):
        return estate_id


def site_name(estate_id: str, site_id: str, lang: str) -> str:
    try:
        return load_estate(estate_id).site(site_id).name.get(lang)
    except (LookupError, ValueError, OSError):
        return site_id


def export_estates(school_class: SchoolClass) -> list[dict[str, Any]]:
    """The class export's estates: where each stands and every decision, undone ones too."""
    return [
        {
            "estate": estate.estate_id,
            "at": list(estate.origin),
            "variants": estate.base_variants,
            "decisions": [
                {
                    "site": decision.site_id,
                    "variant": decision.variant_id,
                    "proposal": decision.label if decision.capture_id else None,
                    "vote": decision.question,
                    "decided_at": decision.decided_at.isoformat(),
                    "undone_at": decision.undone_at.isoformat() if decision.undone_at else None,
                }
                for decision in estate.decisions
            ],
        }
        for estate in class_estates(school_class)
    ]


def _init(app: Flask) -> None:
    build_jobs.init_app()
    add_export_section(app, "estates", export_estates)
    add_panel(app, "class_page", "estates/class_panel.html")
    add_panel(app, "lesson_page", "estates/lesson_panel.html")
    app.jinja_env.globals["class_estates"] = class_estates
    app.jinja_env.globals["estate_name"] = estate_name
    app.jinja_env.globals["site_name"] = site_name
    app.jinja_env.globals["decisions_in_build"] = decisions_in_build


@bp.record_once
def _on_register(state: BlueprintSetupState) -> None:
    _init(state.app)
