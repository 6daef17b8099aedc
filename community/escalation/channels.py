"""The brand's other ways to reach a person, shown beside the advisor form: ``ADVISOR_CHANNELS``.

A channel is a dict with ``kind`` (phone, chat, callback, form…), ``label``, and any of ``value``,
``url`` (``tel:3900`` calls from a phone), ``note``, and ``hours``: either a text shown as is, or
opening hours per weekday in the channel's ``timezone`` (default Europe/Paris), e.g.
``{"mon-fri": "08:00-20:00", "sat": "09:00-12:00,14:00-18:00"}`` (days not named are closed).
A channel with opening hours is offered only while open; otherwise the page says when it opens.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_time, get_day_names, get_timezone_location
from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_TIMEZONE = "Europe/Paris"

DEFAULT_ADVISOR_CHANNELS = (
    {
        "kind": "phone",
        "label": _l("By phone"),
        "value": "3900",
        "url": "tel:3900",
        "hours": {"mon-fri": "08:00-20:00", "sat": "09:00-18:00"},
        "timezone": DEFAULT_TIMEZONE,
        "note": _l("Free from a Néolia line; the price of a local call otherwise."),
    },
    {
        "kind": "chat",
        "label": _l("Live chat"),
        "value": _l("Chat with an advisor"),
        "url": "https://www.neolia.example/assistance/chat",
        "hours": {"mon-sun": "09:00-21:00"},
        "timezone": DEFAULT_TIMEZONE,
        "note": _l("From your customer area, signed in."),
    },
    {
        "kind": "callback",
        "label": _l("We call you back"),
        "value": _l("Request a callback"),
        "url": "#callback",
        "note": _l("Leave your number with your message: an advisor calls you during opening hours."),
    },
)


def _now() -> datetime:
    """The time (aware, UTC) channels are judged at; tests replace it."""
    return datetime.now(UTC)


def _zone(channel: dict) -> ZoneInfo:
    try:
        return ZoneInfo(channel.get("timezone") or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def _clock(text: str) -> time | None:
    hours, _sep, minutes = text.strip().partition(":")
    if not (hours.isdigit() and (minutes or "0").isdigit()):
        raise ValueError(f"not a time: {text!r}")
    hours, minutes = int(hours), int(minutes or 0)
    if (hours, minutes) == (24, 0):
        return None  # midnight at the end of the day
    return time(hours, minutes)


def _days(spec: str) -> list[int]:
    found: list[int] = []
    for part in spec.lower().replace(" ", "").split(","):
        first, _sep, last = part.partition("-")
        start = DAYS.index(first[:3])
        end = DAYS.index(last[:3]) if last else start
        found.extend((start + n) % 7 for n in range((end - start) % 7 + 1))
    return found


def schedule(channel: dict) -> dict[int, list[tuple[time, time | None]]] | None:
    """Opening ranges per weekday (0 = Monday), ``None`` when the channel gives no opening hours;
    an end of ``None`` is midnight. Malformed hours raise ValueError (a configuration mistake)."""
    hours = channel.get("hours")
    if not isinstance(hours, dict):
        return None
    ranges: dict[int, list] = {day: [] for day in range(7)}
    for days, spans in hours.items():
        for span in str(spans or "").split(","):
            if not span.strip() or span.strip().lower() == "closed":
                continue
            start, end = (_clock(t) for t in span.split("-", 1))
            for day in _days(days):
                ranges[day].append((start or time(0), end))
    return {day: sorted(spans) for day, spans in ranges.items()}


def _within(moment: time, span: tuple[time, time | None]) -> bool:
    start, end = span
    return start <= moment and (end is None or moment < end)


def is_open(channel: dict, now: datetime | None = None) -> bool:
    """Whether ``channel`` answers at ``now`` (aware, or naive UTC): always for one without hours."""
    week = schedule(channel)
    if week is None:
        return True
    local = _local(channel, now)
    return any(_within(local.time(), span) for span in week[local.weekday()])


def _local(channel: dict, now: datetime | None) -> datetime:
    now = now or _now()
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return now.astimezone(_zone(channel))


def next_opening(channel: dict, now: datetime | None = None) -> datetime | None:
    """When a closed ``channel`` opens next, in its time zone; None if it never does."""
    week = schedule(channel)
    if week is None:
        return None
    local = _local(channel, now)
    for ahead in range(8):
        day = local.date() + timedelta(days=ahead)
        for start, _end in week[day.weekday()]:
            opening = datetime.combine(day, start, tzinfo=local.tzinfo)
            if opening > local:
                return opening
    return None


def _day_label(day: date, today: date) -> str:
    if day == today:
        return _("today")
    if day == today + timedelta(days=1):
        return _("tomorrow")
    return format_date(day, "EEEE", locale=get_locale())


def _time_text(moment: time) -> str:
    return format_time(moment, "short", locale=get_locale())


def opens_text(channel: dict, now: datetime | None = None) -> str:
    """ "Closed now, opens Monday at 8:00" (in the channel's time, named when it is another's)."""
    opening = next_opening(channel, now)
    if opening is None:
        return _("Closed now.")
    day = _day_label(opening.date(), _local(channel, now).date())
    return _("Closed now, opens %(day)s at %(time)s.", day=day, time=_time_text(opening.time()))


def hours_lines(channel: dict) -> list[str]:
    """The opening hours in words, one line per group of days: "Monday to Friday 08:00–20:00"."""
    hours = channel.get("hours")
    if not isinstance(hours, dict):
        return [str(hours)] if hours else []
    names = get_day_names("wide", locale=get_locale())
    lines = []
    for days, spans in hours.items():
        labels = []
        for part in days.lower().replace(" ", "").split(","):
            first, _sep, last = part.partition("-")
            a = names[DAYS.index(first[:3])]
            labels.append(_("%(first)s to %(last)s", first=a, last=names[DAYS.index(last[:3])]) if last else a)
        labels[0] = labels[0][:1].upper() + labels[0][1:]
        times = []
        for span in str(spans or "").split(","):
            if span.strip() and span.strip().lower() != "closed":
                start, end = (_clock(t) for t in span.split("-", 1))
                times.append(f"{_time_text(start or time(0))}–{_time_text(end or time(0))}")
        lines.append(f"{', '.join(labels)} {', '.join(times) or _('closed')}")
    return lines


def hours_text(channel: dict) -> str:
    """The opening hours in words on one line: "Monday to Friday 08:00–20:00 · Saturday 09:00–18:00"."""
    return " · ".join(hours_lines(channel))


def _zone_note(channel: dict) -> str:
    return get_timezone_location(_zone(channel), locale=get_locale())


def advisor_channels(now: datetime | None = None) -> list[dict]:
    """The configured channels (``ADVISOR_CHANNELS``, else ours) as the pages show them: each dict
    as given, with ``hours`` in words, ``open`` (None when it gives no hours), ``opens`` (when a
    closed one opens next), ``hours_lines`` (the hours a line per group of days) and ``zone`` (the
    time zone its hours are in, for channels with hours)."""
    channels = current_app.config.get("ADVISOR_CHANNELS") or DEFAULT_ADVISOR_CHANNELS
    shown = []
    for given in channels:
        if not given.get("label"):
            continue
        channel = dict(given)
        has_hours = isinstance(given.get("hours"), dict)
        channel["open"] = is_open(given, now) if has_hours else None
        channel["opens"] = "" if channel["open"] is not False else opens_text(given, now)
        channel["zone"] = _zone_note(given) if has_hours else ""
        channel["hours"] = hours_text(given)
        channel["hours_lines"] = hours_lines(given)
        shown.append(channel)
    return shown
