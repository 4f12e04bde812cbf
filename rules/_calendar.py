"""Days in the business unit's time zone, for the rules that read dates without a time."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo

from wfmlint.timestamps import NS_PER_SECOND, zone_named


def zone_of(payload) -> tzinfo:
    """The business unit's zone for this payload (`Settings.time_zone_for`), else UTC."""
    return zone_named(payload.settings.time_zone_for(payload.path)) or timezone.utc


def known_zone(payload) -> tzinfo | None:
    """The business unit's zone when something says it (a reference file, config
    `timezone`, --existing), else None."""
    zone = zone_of(payload)
    return None if zone is timezone.utc and not payload.settings.time_zone_for(payload.path) else zone


def zone_name(zone: tzinfo) -> str:
    return "UTC" if zone is timezone.utc else str(zone)


def midnight(day: date, zone: tzinfo) -> int:
    """The day's first instant in `zone`, in UTC nanoseconds."""
    return int(datetime(day.year, day.month, day.day, tzinfo=zone).timestamp()) * NS_PER_SECOND


def day_bounds(day: date, zone: tzinfo) -> tuple[int, int]:
    """The day from its midnight to the next (23 or 25 hours across a clock change)."""
    start = midnight(day, zone)
    if day == date.max:  # no next midnight to end at: the last day there is lasts 24 hours
        return start, start + 86400 * NS_PER_SECOND
    return start, midnight(day + timedelta(days=1), zone)
