"""The report's estate is the class's estate state: the decisions that stand, a group's own
build among them, pictured before and after; an undone decision is not the class's any more."""

import io

from flask import Flask
from flask.testing import FlaskClient
from PIL import Image

from tests.teacher_portal.conftest import AuthActions
from tests.teacher_portal.factories import create_class, default_teacher
from tests.teacher_portal.plots.plot_factories import fill_plots_loop


def test_the_estate_shows_the_decisions_that_stand(
    app: Flask, client: FlaskClient, auth: AuthActions
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        fill_plots_loop(school_class)
        class_id = school_class.id
    auth.login()
    page = client.get(f"/classes/{class_id}/report/view").text
    assert "Legepladsen i gård A: Naturlegeplads" in page
    assert "Legepladsen i gård A: Den grønne stue" in page  # the group's build, decided last
    assert "Aktivitetsplads" not in page  # undone by the teacher
    pictures = [
        client.get(f"/classes/{class_id}/report/pictures/estate-tranebaerparken-{when}.png")
        for when in ("before", "after")
    ]
    assert [picture.mimetype for picture in pictures] == ["image/png", "image/png"]
    before, after = (Image.open(io.BytesIO(picture.data)).convert("RGB") for picture in pictures)
    assert before.tobytes() != after.tobytes()  # the decisions show in the after picture
