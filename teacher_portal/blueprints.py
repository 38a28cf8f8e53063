"""Which feature blueprints the app has; a new feature adds its module to this list."""

from flask import Flask

from teacher_portal import (
    auth,
    builds,
    cards,
    classes,
    errors,
    game_settings,
    home,
    i18n,
    lesson_runs,
    privacy,
    pupil_home,
    pupil_login,
    pupils,
    setup,
    teachers,
    voting,
)

FEATURES = [
    home,
    setup,
    auth,
    teachers,
    classes,
    pupils,
    cards,
    pupil_login,
    pupil_home,
    lesson_runs,
    builds,
    game_settings,
    voting,
    privacy,
    i18n,
    errors,
]


def register(app: Flask) -> None:
    for feature in FEATURES:
        app.register_blueprint(feature.bp)
