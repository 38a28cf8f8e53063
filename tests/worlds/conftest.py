"""Estate-file tests assert the English wording of their messages."""

import pytest


@pytest.fixture(autouse=True)
def _in_english(english: None) -> None:
    """Every test here reads messages in English (see `english` in tests/conftest.py)."""
