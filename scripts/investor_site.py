#!/usr/bin/env python3
"""Makes the benchmark's hui site carry projects, carriers and events.

Usage:
    python3 scripts/investor_site.py SITE OUT

SITE is a hui site made by the shared benchmark generator (four
collections: industries, parks, policies, officials). OUT is written as a
copy in which the policies are shared out among policies, projects,
carriers and events, a quarter each: the site keeps its number of entries,
and the new collections take their share of it, with references to the
site's industries, parks and officials. Policies are what nothing else
refers to, so no reference breaks.
"""

import re
import shutil
import sys
from pathlib import Path

STATUSES = ["seeking", "negotiating", "signed", "building", "operating"]
KINDS = ["land", "factory", "office"]
EVENT_KINDS = ["fair", "signing", "roadshow", "forum", "meeting", "news"]


def slugs(folder):
    return sorted(p.stem for p in folder.glob("*.md") if p.stem.count(".") == 0)


def split(text):
    _, front, body = text.split("---\n", 2)
    return front, body


def field(front, name):
    m = re.search(rf"^{name}: (.*)$", front, re.M)
    return m.group(1) if m else None


def project(i, front, industries, parks, officials):
    status = STATUSES[i % len(STATUSES)]
    lines = [
        f"status: {status}",
        f"investment: {5 + i % 120}亿元",
        f"land_mu: {50 + i % 400}",
        f"industries: [{industries[i % len(industries)]}]",
        f"parks: [{parks[i % len(parks)]}]",
        f"officials: [{officials[i % len(officials)]}]",
    ]
    if status in ("signed", "building", "operating"):
        lines.append(f"signed: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}")
    return lines


def carrier(i, front, industries, parks, officials):
    kind = KINDS[i % len(KINDS)]
    lines = [
        f"kind: {kind}",
        f"park: {parks[i % len(parks)]}",
        f"area_m2: {2000 + (i * 37) % 90000}",
        f"available_m2: {1000 + (i * 17) % 40000}",
        f"status: {['available', 'reserved', 'taken'][i % 3]}",
        "available_from: 2026-06-30",
    ]
    if kind == "land":
        lines += ["plot_ratio: {min: 1.0, max: 2.5}", "building_density: 45%", "price: 25万元/亩"]
    else:
        lines += [f"floors: {1 + i % 6}", "rent: 18元/m²·月"]
    return lines


def event(i, front, industries, parks, officials):
    hour = 9 + i % 8
    return [
        f"kind: {EVENT_KINDS[i % len(EVENT_KINDS)]}",
        f"date: 2026-{1 + i % 12:02d}-{1 + i % 28:02d} {hour:02d}:30",
        f"end: 2026-{1 + i % 12:02d}-{1 + i % 28:02d} {hour + 2:02d}:00",
        f"industries: [{industries[i % len(industries)]}]",
        f"parks: [{parks[i % len(parks)]}]",
        f"officials: [{officials[i % len(officials)]}]",
    ]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    site, out = Path(sys.argv[1]), Path(sys.argv[2])
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(site, out)
    content = out / "content"
    industries = slugs(content / "industries")
    parks = slugs(content / "parks")
    officials = slugs(content / "officials")
    makers = [None, ("projects", project), ("carriers", carrier), ("events", event)]
    for i, slug in enumerate(slugs(content / "policies")):
        target = makers[i % 4]
        if target is None:
            continue
        folder, make = target
        (content / folder).mkdir(exist_ok=True)
        facts = None
        for source in sorted((content / "policies").glob(f"{slug}*.md")):
            front, body = split(source.read_text(encoding="utf-8"))
            kept = [f"title: {field(front, 'title')}"]
            summary = field(front, "summary")
            if summary:
                kept.append(f"summary: {summary}")
            if source.stem == slug:
                facts = make(i, front, industries, parks, officials)
                kept += facts
            text = "---\n" + "\n".join(kept) + "\n---\n" + body
            (content / folder / source.name).write_text(text, encoding="utf-8")
            source.unlink()


if __name__ == "__main__":
    main()
