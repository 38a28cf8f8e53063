"""Report fixtures: a class that has been through "Til kommunen", and its teacher signed in."""

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.teacher_portal.conftest import AuthActions
from tests.teacher_portal.reports.report_factories import ReportClass, report_class


@pytest.fixture
def report(app: Flask) -> ReportClass:
    with app.app_context():
        return report_class()


@pytest.fixture
def teacher(client: FlaskClient, auth: AuthActions) -> FlaskClient:
    auth.login()
    return client
