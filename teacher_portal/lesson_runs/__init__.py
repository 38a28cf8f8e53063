"""Lesson runs: a class going through one of the shipped lessons (`lessons/`), phase by phase.

`plans` is the portal's view of the lesson files, `runs` the queries and rules of a run, and
`views` the teacher's pages (blueprint `lesson_runs`).
"""

from teacher_portal.lesson_runs import views

bp = views.bp
