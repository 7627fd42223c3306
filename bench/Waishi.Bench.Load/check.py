#!/usr/bin/env python3
"""Checks that each page measured by run-load.sh shows exactly the rows of its raw endpoint.

Reads the targets as JSON lines on standard input ({"name", "kind", "page", "raw", "headers"}),
fetches the page (with its cookie or token) and the raw endpoint from a loopback address, and
compares what the page shows (ids in order, totals, counts) with the raw answer. Exits 1 with
the differences on any mismatch.
"""
import html
import json
import re
import sys
import urllib.request
from urllib.parse import urlparse


def fetch(url, headers):
    host = urlparse(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"only loopback addresses are measured, not {host}")
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=120) as response:
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status}")
        return response.read().decode("utf-8")


def number(text):
    digits = re.sub(r"[^0-9]", "", text)
    return int(digits) if digits else 0


def testid(page, name):
    match = re.search(r'data-testid="' + re.escape(name) + r'"[^>]*>([^<]*)<', page)
    return match.group(1) if match else None


def ids(page, prefix):
    return [m.lower() for m in re.findall(r'href="' + re.escape(prefix) + r'([0-9a-fA-F-]{36})"', page)]


def compare(kind, page, raw):
    """The list of differences between the page's HTML (or JSON) and the raw answer."""
    problems = []

    def same(what, shown, expected):
        if shown != expected:
            problems.append(f"{what}: page {shown!r}, raw {expected!r}")

    if kind == "trips":
        same("total", number(testid(page, "total") or ""), raw["total"])
        same("trip ids", ids(page, "/Trips/Details/"), [r["id"].lower() for r in raw["rows"]])
    elif kind == "partners":
        same("total", number(testid(page, "total") or ""), raw["total"])
        same("partner ids", ids(page, "/Partners/Details/"), [r["id"].lower() for r in raw["rows"]])
    elif kind == "api":
        shown = json.loads(page)
        same("total", shown["total"], raw["total"])
        same("trip ids", [x["id"].lower() for x in shown["items"]], [x["id"].lower() for x in raw["items"]])
    elif kind == "home":
        same("awaiting", number(testid(page, "count-awaiting") or ""), raw["awaiting"])
        same("unread", number(testid(page, "count-inbox") or ""), raw["unread"])
        section = page.split('class="list-group"')[-1] if raw["latest"] else ""
        same("latest messages", len(re.findall(r'<li class="list-group-item', section)), len(raw["latest"]))
        if "figure" in raw:
            text = html.unescape(testid(page, "partner-figure-text") or "")
            figures = [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]
            f = raw["figure"]
            # The sentence orders the figures by language: compare them as a set of numbers.
            same("partner figure", sorted(figures), sorted([f["partners"], f["countries"], f["agreements"]]))
    elif kind == "case":
        same("timeline", re.findall(r'<li class="list-group-item" data-action="([^"]+)"', page), [e["action"] for e in raw["timeline"]])
        chain = page.split('data-testid="chain"', 1)[-1].split("</ol>", 1)[0]
        same("chain steps", [int(s) for s in re.findall(r'data-step="(\d+)"', chain)], [s["position"] for s in raw["steps"]])
    elif kind == "stats":
        same("summary", sorted(int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", html.unescape(testid(page, "summary") or ""))),
             sorted([raw["partners"], raw["countries"], raw["agreements"]]))
        for table, key in (("country", "byCountry"), ("continent", "byContinent"), ("institution", "byInstitution")):
            rows = {}
            for row in re.findall(r'<tr data-testid="' + table + r'-row" data-key="([^"]*)">(.*?)</tr>', page, re.S):
                fields = dict(re.findall(r'data-field="(\w+)">([^<]*)<', row[1]))
                rows[row[0].lower()] = (number(fields.get("partners", "")), number(fields.get("countries", "")), number(fields.get("agreements", "")))
            expected = {line[0].lower(): (line[1], line[2], line[3]) for line in raw[key]}
            same(f"{table} table", rows, expected)
    else:
        problems.append(f"unknown kind {kind}")
    return problems


def main():
    failed = False
    for line in sys.stdin:
        if not line.strip():
            continue
        target = json.loads(line)
        page = fetch(target["page"], target.get("headers", {}))
        raw = json.loads(fetch(target["raw"], {}))
        problems = compare(target["kind"], page, raw)
        rows = raw.get("total", raw.get("awaiting", len(raw.get("timeline", [])) if "timeline" in raw else raw.get("partners")))
        if problems:
            failed = True
            print(f"MISMATCH {target['name']}: " + "; ".join(problems), file=sys.stderr)
        else:
            print(f"same rows {target['name']} ({rows})", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
