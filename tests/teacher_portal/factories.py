"""Plain-function factories for portal test data; call them inside `app.app_context()`.

Each returns the saved object, loaded and detached, so its columns stay readable after the
context ends (relationships are not loaded: query again inside a context for those).
"""

from typing import TypeVar

from sqlalchemy import select

from teacher_portal.classes.views import unused_class_code
from teacher_portal.core.codes import new_token
from teacher_portal.core.extensions import db
from teacher_portal.models import Group, Household, LessonRun, Pupil, SchoolClass, Teacher

PASSWORD = "correct horse battery"

Model = TypeVar("Model")


def saved(obj: Model) -> Model:
    db.session.add(obj)
    db.session.commit()
    db.session.refresh(obj)
    db.session.expunge(obj)
    return obj


def create_teacher(
    email: str = "teacher@example.org", *, name: str = "Tina", admin: bool = False
) -> Teacher:
    teacher = Teacher(name=name, email=email, is_admin=admin)
    teacher.set_password(PASSWORD)
    return saved(teacher)


def default_teacher() -> Teacher:
    """The admin the `app` fixture creates (teacher@example.org)."""
    return db.session.scalar(select(Teacher).where(Teacher.email == "teacher@example.org"))


def create_class(
    teacher: Teacher, name: str = "6.B", *, grade: int = 6, school_year: str = "2026/27"
) -> SchoolClass:
    return saved(
        SchoolClass(
            teacher_id=teacher.id,
            name=name,
            grade=grade,
            school_year=school_year,
            class_code=unused_class_code(),
        )
    )


def create_pupil(school_class: SchoolClass, nickname: str = "Ali", **fields: object) -> Pupil:
    return saved(
        Pupil(class_id=school_class.id, nickname=nickname, card_token=new_token(), **fields)
    )


def create_pupils(school_class: SchoolClass, *nicknames: str) -> list[Pupil]:
    return [create_pupil(school_class, nickname) for nickname in nicknames]


def create_group(school_class: SchoolClass, name: str = "Gruppe 1") -> Group:
    return saved(Group(class_id=school_class.id, name=name))


def create_household(school_class: SchoolClass, name: str = "Nr. 1") -> Household:
    return saved(Household(class_id=school_class.id, name=name))


def create_lesson_run(school_class: SchoolClass, lesson_id: str) -> LessonRun:
    return saved(LessonRun(class_id=school_class.id, lesson_id=lesson_id))
