#!/usr/bin/env python3
"""json_html.py URL WHO [COOKIE]: the HTML and the .json of each registry page say the same thing.

For every organization (and person, event, body, session) of a running Lectern, fetches
PATH and PATH.json and checks that every figure and every list item of the JSON is on the
HTML page, written as the page writes it, and that the HTML lists no more items than the
JSON. Both forms come from one model call (HACKING.md); this is the test that they cannot
drift. Prints TAP lines, one per page, naming what is missing.
"""
import json
import re
import sys
import urllib.request

BASE = sys.argv[1].rstrip("/")
WHO = sys.argv[2]
COOKIE = sys.argv[3] if len(sys.argv) > 3 else None
n = 0
failed = 0


def get(path):
    req = urllib.request.Request(BASE + path)
    if COOKIE:
        req.add_header("Cookie", "lectern_login=" + COOKIE)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read().decode()


def esc(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def tap(good, what, missing):
    global n, failed
    n += 1
    if not good:
        failed += 1
    print(("ok" if good else "not ok") + f" {n} - {WHO}: {what}" + "".join(f"\n# missing: {m}" for m in missing[:10]))


def section(html, start, end):
    """The part of html from the first start to the next end after it ('' when absent)."""
    i = html.find(start)
    if i < 0:
        return ""
    j = html.find(end, i)
    return html[i:j if j >= 0 else len(html)]


ORG_FIGURES = [("keynotes", "Keynotes"), ("talks", "Talks"), ("speakers", "Speakers"),
               ("colocated_talks", "Co-located talks"), ("group_roles", "SIG/TAG roles"),
               ("toc_seats", "TOC seats"), ("projects", "Projects contributed")]


def check_org(slug):
    """The organization page: figures, sessions per year, sessions, people, dated projects."""
    d = json.loads(get(f"/orgs/{slug}.json"))
    html = get(f"/orgs/{slug}")
    want = [f"<h1>{esc(d['name'])}</h1>"]
    # toc_seats_current is the JSON's alone: the page shows the seats ever held.
    want += [f'<span class="n">{d["figures"][k]}</span><span class="l">{esc(label)}</span>'
             for k, label in ORG_FIGURES]
    want.append(f'Sessions ({d["figures"]["keynotes"] + d["figures"]["talks"]})')
    want += [f'{y["year"]}: {y["sessions"]}. ' for y in d["talks_per_year"] if y["year"] is not None]
    sessions = section(html, 'id="sessions"', "</ul>")
    want += [f'href="/sessions/{s["id"]}">{esc(s["title"])}</a>' for s in d["sessions"]]
    people = section(html, ">People who spoke for it</h2>", "</ul>")
    want += [f'<a href="/people/{p["slug"]}">{esc(p["name"])}</a> <span class="muted">({p["sessions"]})</span>'
             for p in d["people"]]
    want += [f'Contributed {esc(p["name"])} to the CNCF ({p["maturity"]})'
             for p in d["projects"] if p["accepted_on"]]
    missing = [w for w in want if w not in html]
    if sessions.count("<li>") != len(d["sessions"]):
        missing.append(f"{len(d['sessions'])} sessions (the page lists {sessions.count('<li>')})")
    if people.count("<li>") != len(d["people"]):
        missing.append(f"{len(d['people'])} people (the page lists {people.count('<li>')})")
    if len(d["projects"]) != d["figures"]["projects"]:
        missing.append(f"{d['figures']['projects']} projects in the list")
    tap(not missing, f"/orgs/{slug}: the HTML shows what the JSON holds", missing)


REPORT_FIGURES = [("keynotes", "Keynote"), ("speakers", "Speaker"), ("colocated_talks", "Co-located talks"),
                  ("projects", "Projects contributed")]


def check_report(slug):
    """The organization's report: its figures, sentences, people and years, from one model call."""
    d = json.loads(get(f"/orgs/{slug}/report.json"))
    html = get(f"/orgs/{slug}/report")
    f = d["figures"]
    want = [f"<h1>{esc(d['name'])}</h1>", f'<span class="n">{esc(f["talks_shown"])}</span><span class="l">Talk']
    want += [f'<span class="n">{f[k]}</span><span class="l">{label}' for k, label in REPORT_FIGURES]
    want += [f'<a href="/people/{p["slug"]}">{esc(p["name"])}</a></th><td>{p["sessions"]}</td><td>{p["keynotes"]}</td>'
             for p in d["people"]]
    want += [f'{y["year"]}: {y["sessions"]}. ' for y in d["years"]]
    want += [f'<a href="{e["url"]}">{e["starts_on"][:4]}</a>' for e in d["colocated_events"]]
    missing = [w for w in want if w not in html]
    rows = section(html, 'id="people"', "</table>").count("<tr>") - 1
    if d["people"] and rows != len(d["people"]):
        missing.append(f"{len(d['people'])} people (the page lists {rows})")
    tap(not missing, f"/orgs/{slug}/report: the HTML shows what the JSON holds", missing)


def main():
    orgs = json.loads(get("/orgs.json"))["items"]
    tap(len(orgs) > 0, "the organizations are listed", [])
    for o in orgs:
        check_org(o["slug"])
        check_report(o["slug"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
