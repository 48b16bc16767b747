"""A small iCalendar (RFC 5545) reader: the VEVENTs of a `.ics` file, their summary, categories,
start, end and whether they recur.

Why not the `icalendar` library: it is not a gonogo dependency, and the three properties read
here need only what RFC 5545 section 3.1 defines — unfold continuation lines (a line break
followed by one space or tab), split `NAME;PARAM=..:VALUE`, and read DATE / DATE-TIME values
(UTC `Z`, `TZID=` local times through zoneinfo, floating times taken as UTC) and DURATION.
The fixtures are written by `icalendar` (tests/collectors/repository/fixtures/build_calendars.py),
and a test checks that this reader and the library agree on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_DURATION = re.compile(r"^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")
_UNTIL = re.compile(r"(?:^|;)UNTIL=([0-9TZ]+)")


class CalendarError(ValueError):
    """A calendar that is not RFC 5545; the message names the line, never its content."""


@dataclass
class Event:
    line: int
    props: dict[str, tuple[dict[str, str], str]] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)


def unfold(text: str) -> list[tuple[int, str]]:
    """Content lines with their first physical line number (RFC 5545 3.1)."""
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + raw[1:])
        elif raw:
            lines.append((number, raw))
    return lines


def _split(line: str) -> tuple[str, dict[str, str], str]:
    head, sep, value = _split_unquoted(line)
    if not sep:
        raise ValueError("no ':' in a content line")
    name, *params = head.split(";")
    found = {}
    for param in params:
        key, _, val = param.partition("=")
        found[key.upper()] = val.strip('"')
    return name.upper(), found, value


def _split_unquoted(line: str) -> tuple[str, str, str]:
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:index], ":", line[index + 1 :]
    return line, "", ""


def _text(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def moment(params: dict[str, str], value: str) -> datetime:
    """A DATE or DATE-TIME value as an aware UTC datetime."""
    value = value.strip()
    if params.get("VALUE") == "DATE" or re.fullmatch(r"\d{8}", value):
        day = date(int(value[:4]), int(value[4:6]), int(value[6:8]))
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    stamp = datetime.strptime(value.rstrip("Z"), "%Y%m%dT%H%M%S")
    if value.endswith("Z"):
        return stamp.replace(tzinfo=UTC)
    if "TZID" in params:
        try:
            return stamp.replace(tzinfo=ZoneInfo(params["TZID"])).astimezone(UTC)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return stamp.replace(tzinfo=UTC)  # floating time, or a zone zoneinfo does not know


def duration(value: str) -> timedelta:
    match = _DURATION.match(value.strip())
    if not match:
        raise ValueError("not an RFC 5545 duration")
    sign, weeks, days, hours, minutes, seconds = match.groups()
    delta = timedelta(
        weeks=int(weeks or 0),
        days=int(days or 0),
        hours=int(hours or 0),
        minutes=int(minutes or 0),
        seconds=int(seconds or 0),
    )
    return -delta if sign == "-" else delta


def _iso(value: datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def events(text: str) -> list[dict[str, Any]]:
    """The VEVENTs of a calendar: {line, summary, categories, start, end, recurring, until}."""
    lines = unfold(text)
    if not lines or lines[0][1].strip().upper() != "BEGIN:VCALENDAR":
        raise CalendarError("line 1: not an iCalendar file (no BEGIN:VCALENDAR)")
    found: list[Event] = []
    current: Event | None = None
    depth = 0
    for number, line in lines:
        try:
            name, params, value = _split(line)
        except ValueError as exc:
            raise CalendarError(f"line {number}: {exc}") from None
        upper = value.strip().upper()
        if name == "BEGIN":
            depth += 1
            if upper == "VEVENT" and current is None:
                current = Event(number)
        elif name == "END":
            depth -= 1
            if upper == "VEVENT" and current is not None:
                found.append(current)
                current = None
        elif current is not None and depth == 2:  # VCALENDAR > VEVENT, not a nested VALARM
            if name == "CATEGORIES":
                current.categories.extend(c.strip() for c in _text(value).split(",") if c.strip())
            else:
                current.props.setdefault(name, (params, value))
    return [_event(e) for e in found]


def _event(event: Event) -> dict[str, Any]:
    def at(prop: str) -> datetime | None:
        if prop not in event.props:
            return None
        params, value = event.props[prop]
        try:
            return moment(params, value)
        except ValueError:
            raise CalendarError(f"event at line {event.line}: {prop} is not a DATE or DATE-TIME") from None

    start = at("DTSTART")
    end = at("DTEND")
    if end is None and start is not None and "DURATION" in event.props:
        try:
            end = start + duration(event.props["DURATION"][1])
        except ValueError:
            raise CalendarError(f"event at line {event.line}: DURATION is not an RFC 5545 duration") from None
    if end is None and start is not None and event.props.get("DTSTART", ({}, ""))[0].get("VALUE") == "DATE":
        end = start + timedelta(days=1)
    rule = event.props.get("RRULE", ({}, ""))[1]
    until = _UNTIL.search(rule.upper())
    return {
        "line": event.line,
        "summary": _text(event.props.get("SUMMARY", ({}, ""))[1]).strip()[:200],
        "categories": event.categories,
        "start": _iso(start),
        "end": _iso(end or start),
        "recurring": bool(rule),
        "until": _iso(moment({}, until.group(1))) if until else None,
    }
