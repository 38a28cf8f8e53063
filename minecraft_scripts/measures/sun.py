"""Where the sun stands over an estate during one day, from the `astral` library.

astral is small, pure Python with no dependencies, kept up to date, and computes the sun's
elevation and azimuth with the NOAA solar equations (to about a hundredth of a degree, with
atmospheric refraction), which is far finer than a one-metre voxel grid can use. pvlib does
the same with pandas and scipy behind it, pysolar is less active; see docs/estates.md.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from astral import Observer
from astral.sun import azimuth, elevation

SPRING_DAY = dt.date(2026, 3, 20)
"""The spring equinox: day and night about equally long everywhere, a fair middle day."""
STEP_MINUTES = 15


@dataclass(frozen=True)
class SunPosition:
    """The sun at one moment: degrees above the horizon, and clockwise from north."""

    time: dt.datetime
    elevation: float
    azimuth: float

    def direction(self) -> tuple[float, float, float]:
        """A unit vector towards the sun in model axes: x east, y up, z south."""
        up, around = math.radians(self.elevation), math.radians(self.azimuth)
        flat = math.cos(up)
        return (math.sin(around) * flat, math.sin(up), -math.cos(around) * flat)


def sun_positions(
    latitude: float, longitude: float, day: dt.date = SPRING_DAY, step_minutes: int = STEP_MINUTES
) -> list[SunPosition]:
    """The sun every ``step_minutes`` (at the middle of each step) while it is up that day."""
    observer = Observer(latitude=latitude, longitude=longitude)
    start = dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.UTC)
    positions = []
    for index in range(24 * 60 // step_minutes):
        moment = start + dt.timedelta(minutes=step_minutes * (index + 0.5))
        height = elevation(observer, moment)
        if height > 0:
            positions.append(SunPosition(moment, height, azimuth(observer, moment)))
    return positions
