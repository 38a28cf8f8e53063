"""The teacher portal: a Flask application factory in the style of Flask's tutorial (flaskr)."""

from typing import Any

from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: configuration and registration only; each feature lives in its package."""
    from teacher_portal import background, features
    from teacher_portal.core import config, database, extensions, panels, security_headers

    app = Flask(__name__, instance_path=config.instance_path(), instance_relative_config=True)
    config.load(app, test_config)
    extensions.init_app(app)
    database.init_app(app)
    background.init_app(app)
    panels.init_app(app)
    security_headers.init_app(app)
    features.register(app)
    return app
