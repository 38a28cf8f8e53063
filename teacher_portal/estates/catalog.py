"""The shipped estates (`worlds/`), each loaded once per process, as `lesson_runs.plans`
does for lessons: a pupil's page asks for its estate several times, and parsing the file
costs a tenth of a second."""

from functools import cache

from worlds import catalog
from worlds.schema import Estate


@cache
def load_estate(estate_id: str) -> Estate:
    """A checked estate; `DataFileError` or `LookupError` if it cannot be loaded."""
    return catalog.load_estate(estate_id)
