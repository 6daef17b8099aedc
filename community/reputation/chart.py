"""A member's reputation over time as a small SVG drawn on the server (no script): the running
total of their ledger, day by day, over the last ``days`` days (earlier points as the start value).

The SVG stretches to its box, so it carries shapes only; the template writes the labels in HTML
beside it, where they keep their size on a phone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from community.core.database import utcnow
from community.core.extensions import db
from community.reputation.models import ReputationEvent

WIDTH, HEIGHT = 600, 160
DAYS = 365


@dataclass(frozen=True)
class Chart:
    line: str  # the path of the running total
    area: str  # the same, closed down to the axis, for the fill
    grid: list[float]  # y of the horizontal rules (top, middle, zero line …)
    top: int  # the value at the top of the box
    bottom: int  # the value at the bottom (0 unless the total went below)
    start: date
    end: date
    first: int  # the total on ``start``
    last: int  # the total today
    highest: int
    gained: int  # ``last - first``
    width: int = WIDTH
    height: int = HEIGHT


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def daily_totals(user_id: int) -> list[tuple[date, int]]:
    """``(day, points that day)`` for each UTC day the member's ledger moved, oldest first."""
    day = func.date(ReputationEvent.created_at)
    stmt = (
        select(day, func.sum(ReputationEvent.points))
        .where(ReputationEvent.user_id == user_id)
        .group_by(day)
        .order_by(day)
    )
    return [(_day(d), int(points)) for d, points in db.session.execute(stmt)]


def _nice_ceiling(value: int) -> int:
    """The next round number at or above ``value`` (1, 2, 2.5, 5 × 10ⁿ), so the top rule reads well."""
    if value <= 0:
        return 10
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return max(10, int(step * power))
    return int(10 * power)


def reputation_chart(user_id: int, days: int = DAYS, today: date | None = None) -> Chart | None:
    """The chart of the member's last ``days`` days, or None when their ledger is empty."""
    rows = daily_totals(user_id)
    if not rows:
        return None
    today = today or utcnow().date()
    start = max(rows[0][0], today - timedelta(days=days))
    span = max((today - start).days, 1)
    total = sum(points for d, points in rows if d < start)
    first = total
    series = [(start, total)]
    for d, points in rows:
        if d >= start:
            total += points
            series.append((d, total))
    if series[-1][0] < today:
        series.append((today, total))
    values = [v for _, v in series]
    top = _nice_ceiling(max(values))
    bottom = 0 if min(values) >= 0 else -_nice_ceiling(-min(values))

    def x(d: date) -> float:
        return round((d - start).days / span * WIDTH, 1)

    def y(v: int) -> float:
        return round(HEIGHT - (v - bottom) / (top - bottom) * HEIGHT, 1)

    # Steps: a day's points arrive that day, the total holds until the next change.
    points = [(x(series[0][0]), y(series[0][1]))]
    for (_, previous), (d, value) in zip(series, series[1:], strict=False):
        points.append((x(d), y(previous)))
        points.append((x(d), y(value)))
    line = "M" + " L".join(f"{px:g} {py:g}" for px, py in points)
    area = f"{line} L{points[-1][0]:g} {y(max(bottom, 0)):g} L{points[0][0]:g} {y(max(bottom, 0)):g} Z"
    grid = sorted({y(top), y((top + bottom) / 2), y(0)})
    return Chart(
        line=line,
        area=area,
        grid=grid,
        top=top,
        bottom=bottom,
        start=start,
        end=today,
        first=first,
        last=total,
        highest=max(values),
        gained=total - first,
    )
