"""A class as JSON, so a school can see (and keep) exactly what the portal stores about it.

Later features add their own section with `add_export_section(app, "votes", function)`.
"""

from collections.abc import Callable
from typing import Any

from flask import Flask, current_app
from sqlalchemy import select

from teacher_portal.core.extensions import db
from teacher_portal.models import BuildJob, LessonRun, SchoolClass

ExportSection = Callable[[SchoolClass], Any]


def add_export_section(app: Flask, name: str, section: ExportSection) -> None:
    app.extensions.setdefault("jagten_export_sections", {})[name] = section


def export_class(school_class: SchoolClass) -> dict[str, Any]:
    data: dict[str, Any] = {
        "class": {
            "name": school_class.name,
            "grade": school_class.grade,
            "school_year": school_class.school_year,
            "class_code": school_class.class_code,
        },
        "groups": [group.name for group in school_class.groups],
        "households": [household.name for household in school_class.households],
        "pupils": [
            {
                "nickname": pupil.nickname,
                "minecraft_name": pupil.minecraft_name,
                "group": pupil.group.name if pupil.group else None,
                "household": pupil.household.name if pupil.household else None,
            }
            for pupil in school_class.pupils
        ],
        "lesson_runs": [_run(run) for run in _rows(LessonRun, school_class)],
        "builds": [_job(job) for job in _rows(BuildJob, school_class)],
    }
    for name, section in current_app.extensions.get("jagten_export_sections", {}).items():
        data[name] = section(school_class)
    return data


def _rows(model: type[LessonRun] | type[BuildJob], school_class: SchoolClass) -> list[Any]:
    return list(
        db.session.scalars(
            select(model).where(model.class_id == school_class.id).order_by(model.id)
        )
    )


def _run(run: LessonRun) -> dict[str, Any]:
    return {
        "lesson": run.lesson_id,
        "phase_index": run.phase_index,
        "started_at": run.started_at.isoformat(),
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
    }


def _job(job: BuildJob) -> dict[str, Any]:
    return {
        "estate": job.estate_id,
        "variants": job.variants,
        "state": job.state,
        "at": [job.origin_x, job.origin_y, job.origin_z],
        "created_at": job.created_at.isoformat(),
    }
