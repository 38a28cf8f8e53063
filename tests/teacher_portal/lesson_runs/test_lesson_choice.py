"""Choosing a lesson: in the course's order, each with its guide to read before starting."""

from flask import Flask

from lessons.course_order import COURSE
from teacher_portal.lesson_runs import plans
from tests.teacher_portal.conftest import AuthActions
from tests.teacher_portal.factories import create_class, create_teacher, default_teacher


def test_lessons_are_offered_in_course_order(app: Flask, client, auth: AuthActions) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
    auth.login()
    page = client.get(f"/classes/{school_class.id}/lessons").text
    titles = [plans.lesson(lesson_id).title.da for lesson_id in COURSE]
    positions = [page.index(f"<h2>{title}</h2>") for title in titles]
    assert positions == sorted(positions)
    assert "Forløbets lektion 1" in page and f"Forløbets lektion {len(COURSE)}" in page
    guide = f"/classes/{school_class.id}/lessons/{COURSE[1]}/guide"
    assert f'href="{guide}"' in page


def test_the_guide_can_be_read_before_the_lesson_starts(
    app: Flask, client, auth: AuthActions
) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        other_class = create_class(create_teacher("anden@skole.dk"), "7.A")
    auth.login()
    lesson = plans.lesson(COURSE[1])
    guide = client.get(f"/classes/{school_class.id}/lessons/{lesson.id}/guide")
    assert guide.status_code == 200
    assert lesson.title.da in guide.text and lesson.phases[0].title.da in guide.text
    assert client.get(f"/classes/{school_class.id}/lessons/nonsense/guide").status_code == 404
    assert client.get(f"/classes/{other_class.id}/lessons/{lesson.id}/guide").status_code == 404
    client.post("/language", data={"lang": "en", "next": "/"})
    english = client.get(f"/classes/{school_class.id}/lessons/{lesson.id}/guide").text
    assert lesson.title.en in english
