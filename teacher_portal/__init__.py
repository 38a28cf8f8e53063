"""The teacher portal: a Flask application factory in the style of Flask's tutorial (flaskr)."""

from typing import Any

from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app; kept to configuration and registration so each feature lives in its module."""
    from teacher_portal import (
        blueprints,
        config,
        database,
        extensions,
        i18n,
        panels,
        pupil_session,
        security_headers,
        setup,
    )

    app = Flask(__name__, instance_path=config.instance_path(), instance_relative_config=True)
    config.load(app, test_config)
    extensions.init_app(app)
    database.init_app(app)
    i18n.init_app(app)
    pupil_session.init_app(app)
    panels.init_app(app)
    setup.init_app(app)
    security_headers.init_app(app)
    blueprints.register(app)
    return app
