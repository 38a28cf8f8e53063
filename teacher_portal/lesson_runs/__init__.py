"""Lesson runs: a class going through one of the shipped lessons (`lessons/`), phase by phase.

`plans` is the portal's view of the lesson files, `runs` the queries and rules of a run,
`views` the teacher's pages (blueprint `lesson_runs`) and `guide_preview` a lesson's guide
before it starts.
"""

from teacher_portal.lesson_runs import guide_preview, views

bp = views.bp
__all__ = ["bp", "guide_preview"]
