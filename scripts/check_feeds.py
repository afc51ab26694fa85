#!/usr/bin/env python3
"""Reads a built site's calendar files and feeds back with the parsers
calendar and feed programs use: every `.ics` with `icalendar` (each event
must have a summary and a start in Asia/Shanghai time, or a whole day, and
must not end before it starts), every `atom.xml` with `feedparser` (well
formed, one entry per event page of its language, each with a title, a link
and a date).

Usage: python3 scripts/check_feeds.py PUBLIC
Exit status: 0 when all is well, 1 when something does not read back.
"""

import datetime
import sys
from pathlib import Path

import feedparser
import icalendar


def check_calendar(path, problems):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(cal.walk("VEVENT"))
    if len(events) != 1:
        problems.append(f"{path}: {len(events)} events, expected 1")
        return
    ev = events[0]
    if not str(ev.get("SUMMARY", "")).strip():
        problems.append(f"{path}: no SUMMARY")
    start = ev.decoded("DTSTART")
    if isinstance(start, datetime.datetime):
        if start.utcoffset() != datetime.timedelta(hours=8):
            problems.append(f"{path}: DTSTART {start} is not in Beijing time")
    elif not isinstance(start, datetime.date):
        problems.append(f"{path}: DTSTART {start!r} is not a date")
    if "DTEND" in ev:
        end = ev.decoded("DTEND")
        if type(end) is not type(start):
            problems.append(f"{path}: DTSTART and DTEND differ in kind")
        elif end < start:
            problems.append(f"{path}: DTEND {end} is before DTSTART {start}")


def check_feed(path, problems):
    feed = feedparser.parse(str(path))
    if feed.bozo:
        problems.append(f"{path}: not well formed: {feed.bozo_exception}")
        return
    pages = [p for p in path.parent.glob("*/index.html")]
    if len(feed.entries) != min(len(pages), 50):
        problems.append(f"{path}: {len(feed.entries)} entries for {len(pages)} event pages")
    for entry in feed.entries:
        for key in ("title", "link", "id", "published"):
            if not entry.get(key):
                problems.append(f"{path}: an entry has no {key}: {entry.get('title')}")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    public = Path(sys.argv[1])
    problems = []
    calendars = sorted(public.rglob("*.ics"))
    feeds = sorted(public.rglob("atom.xml"))
    for path in calendars:
        check_calendar(path, problems)
    for path in feeds:
        check_feed(path, problems)
    for p in problems:
        print(p)
    print(f"{len(calendars)} calendar files, {len(feeds)} feeds, {len(problems)} problems")
    if not calendars or not feeds:
        print("nothing to check: the site has no events")
        sys.exit(1)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
