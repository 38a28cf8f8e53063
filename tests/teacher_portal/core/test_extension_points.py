"""Extension points later features use: page panels, export sections, pupil-page liveness."""

from pathlib import Path

from flask import Blueprint, Flask

from teacher_portal.classes.export import add_export_section
from teacher_portal.core.panels import add_now_source, add_panel
from tests.teacher_portal.conftest import AuthActions, sign_in_pupil
from tests.teacher_portal.factories import create_class, create_pupil, default_teacher


def _feature_with_templates(app: Flask, tmp_path: Path) -> None:
    """A stand-in feature blueprint that ships its own panel templates, as voting will."""
    (tmp_path / "feature").mkdir()
    (tmp_path / "feature" / "class_panel.html").write_text(
        '<section class="card">Class panel for {{ school_class.name }}</section>'
    )
    (tmp_path / "feature" / "pupil_panel.html").write_text(
        "<section>Pupil panel for {{ pupil.nickname }}</section>"
    )
    app.register_blueprint(Blueprint("feature", __name__, template_folder=str(tmp_path)))
    add_panel(app, "class_page", "feature/class_panel.html")
    add_panel(app, "pupil_home", "feature/pupil_panel.html")


def test_panels_appear_on_the_class_and_pupil_pages(
    app: Flask, client, auth: AuthActions, tmp_path: Path
) -> None:
    _feature_with_templates(app, tmp_path)
    with app.app_context():
        school_class = create_class(default_teacher(), "6.B")
        pupil = create_pupil(school_class, "Ali")
    auth.login()
    assert "Class panel for 6.B" in client.get(f"/classes/{school_class.id}").text
    pupil_client = app.test_client()
    sign_in_pupil(pupil_client, pupil.card_token)
    assert "Pupil panel for Ali" in pupil_client.get("/pupil/").text


def test_export_sections_join_the_class_export(app: Flask, client, auth: AuthActions) -> None:
    add_export_section(app, "votes", lambda school_class: {"class_id": school_class.id})
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    data = client.get(f"/classes/{school_class.id}/export.json").json
    assert data["votes"] == {"class_id": school_class.id}


def test_now_sources_make_pupil_pages_reload(app: Flask) -> None:
    state = {"vote": "closed"}
    add_now_source(app, lambda pupil: f"vote:{state['vote']}")
    with app.app_context():
        pupil = create_pupil(create_class(default_teacher()), "Ali")
    client = app.test_client()
    sign_in_pupil(client, pupil.card_token)
    before = client.get("/pupil/now.json").json["key"]
    assert f'data-now-key="{before}"' in client.get("/pupil/").text
    state["vote"] = "open"
    assert client.get("/pupil/now.json").json["key"] != before
