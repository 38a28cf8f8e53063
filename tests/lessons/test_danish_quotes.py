"""The lessons' and estates' Danish texts quote the Danish way („…“), as the portal does."""

from pydantic import BaseModel

from lessons.catalog import lesson_ids, load_lesson
from tests.teacher_portal.core.test_i18n import danish_quote_problem
from worlds.catalog import estate_ids, load_estate
from worlds.data_model import Text


def _danish(value: object):
    if isinstance(value, Text):
        yield value.get("da")
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _danish(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _danish(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _danish(item)


def test_danish_quotes_in_lessons_and_estates() -> None:
    documents = [load_lesson(i) for i in lesson_ids()] + [load_estate(i) for i in estate_ids()]
    problems = [
        p for doc in documents for text in _danish(doc) if (p := danish_quote_problem(text))
    ]
    assert not problems, problems
