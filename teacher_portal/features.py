"""Which features the app has, in one list: `create_app` registers each one's blueprint and
runs its `init_app` if it has one. A new feature package adds itself here."""

from types import ModuleType

from flask import Flask

from teacher_portal import (
    classes,
    classroom,
    estates,
    game,
    lesson_runs,
    pages,
    plots,
    pupils,
    reports,
    school_network,
    teachers,
    voting,
)
from teacher_portal.core import errors, i18n

FEATURES: list[ModuleType] = [
    pages,
    teachers,
    classes,
    pupils,
    school_network,
    lesson_runs,
    game,
    estates,
    plots,
    voting,
    reports,
    classroom,
    i18n,
    errors,
]


def register(app: Flask) -> None:
    for feature in FEATURES:
        init_app = getattr(feature, "init_app", None)
        if init_app is not None:
            init_app(app)
        app.register_blueprint(feature.bp)
