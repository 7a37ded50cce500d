#!/usr/bin/env python3
"""gen_sched_ics.py [SESSIONS [SPEAKERS]]: a KubeCon-sized Sched feed (all.ics) on standard output:
by default 600 sessions by 900 speakers over four days in 24 rooms, written as Sched writes it
(PRODID -//Sched.com, X-WR-TIMEZONE, UTC times, titles "Title - Name, Company & Name, Company",
keynote and lightning prefixes, CATEGORIES, folded lines). Deterministic."""
import datetime
import random
import sys

sessions = int(sys.argv[1]) if len(sys.argv) > 1 else 600
speakers = int(sys.argv[2]) if len(sys.argv) > 2 else 900
rnd = random.Random(14)
first = ["Ana", "Bo", "Chen", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jana", "Kofi", "Lena", "Mia",
         "Noor", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomas", "Uma", "Vik", "Wen", "Yuki", "Zoe"]
last = ["Lima", "Chen", "Novak", "Garcia", "Okafor", "Schmidt", "Tanaka", "Rossi", "Kowalska", "Ivanova",
        "Haddad", "Nguyen", "Smith", "Dubois", "Silva", "Kim", "Patel", "Jensen", "Moreau", "Weber"]
orgs = ["Google", "Red Hat", "Microsoft", "Amazon", "Isovalent", "Datadog", "Grafana Labs", "Solo.io",
        "SUSE", "VMware by Broadcom", "Apple", "Spotify", "Intuit", "Adobe", "Huawei", "DaoCloud",
        "CERN", "Bloomberg", "Uber", "Zalando"]
orgs += ["%s %s" % (a, b) for a in ("Acme", "Blue", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Helix",
                                    "Indigo", "Juniper", "Kestrel", "Lumen", "Magnet", "Nimbus")
         for b in ("Cloud", "Systems", "Labs", "Networks", "Data", "Software", "Technologies", "Analytics",
                   "Security", "Robotics")]
people = []
for i in range(speakers):
    middle = "" if i < len(first) * len(last) else " %s." % chr(ord("A") + (i // (len(first) * len(last)) - 1) % 26)
    people.append(("%s%s %s" % (first[i % len(first)], middle, last[(i // len(first)) % len(last)]),
                   orgs[rnd.randrange(len(orgs))]))
topics = ["Security + Identity + Policy", "Observability", "Platform Engineering", "AI + ML",
          "Connectivity", "Storage + Data", "Operations + Performance", "Application Development"]
words = ["Scaling", "Securing", "Debugging", "Observing", "Building", "Migrating", "Operating", "Testing"]
things = ["Kubernetes Controllers", "eBPF Programs", "Service Meshes", "GPU Clusters", "Multi-Tenant Platforms",
          "Edge Fleets", "OpenTelemetry Pipelines", "Gateway APIs", "Batch Workloads", "Supply Chains"]


def fold(line):
    b = line.encode()
    out = []
    while len(b) > 75:
        cut = 75 if not out else 74
        while (b[cut] & 0xC0) == 0x80:
            cut -= 1
        out.append(b[:cut])
        b = b[cut:]
    out.append(b)
    return b"\r\n ".join(out) + b"\r\n"


def esc(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


out = sys.stdout.buffer
for line in ("BEGIN:VCALENDAR", "VERSION:2.0", "X-WR-CALNAME:KubeCon + CloudNativeCon Bench 2026",
             "METHOD:PUBLISH", "CALSCALE:GREGORIAN", "PRODID:-//Sched.com KubeCon + CloudNativeCon Bench 2026//EN",
             "X-WR-TIMEZONE:Europe/Amsterdam"):
    out.write(fold(line))
next_speaker = 0
for i in range(sessions):
    day, slot, room = i // 150, (i % 150) // 24, i % 24
    t = datetime.datetime(2026, 3, 24, 8) + datetime.timedelta(days=day, hours=slot, minutes=30 * (room % 2))
    start = t.strftime("%Y%m%dT%H%M%SZ")
    end = (t + datetime.timedelta(minutes=25)).strftime("%Y%m%dT%H%M%SZ")
    title = "%s %s in Production" % (words[i % len(words)], things[(i // 8) % len(things)])
    group = []
    for _ in range(0 if i % 31 == 0 else 1 + (i % 2 == 0) + (i % 7 == 0)):
        group.append(people[next_speaker % speakers] if next_speaker < speakers else people[rnd.randrange(speakers)])
        next_speaker += 1
    if len(group) > 1 and group[0][1] == group[1][1]:
        names = " & ".join(p[0] for p in group) + ", " + group[0][1]
    else:
        names = " & ".join("%s, %s" % p for p in group)
    if i % 31 == 0:
        summary, cat = "Coffee Break", "Breaks"
    elif i % 50 == 0:
        summary, cat = "Keynote: %s - %s" % (title, names), "Keynote Sessions"
    elif i % 23 == 0:
        summary, cat = "Lightning Talk: %s - %s" % (title, names), "Lightning Talks"
    else:
        summary, cat = "%s - %s" % (title, names), topics[i % len(topics)]
    for line in ("BEGIN:VEVENT", "DTSTAMP:20260301T120000Z", "DTSTART:" + start, "DTEND:" + end,
                 "SUMMARY:" + esc(summary), "DESCRIPTION:" + esc("About %s. Bring questions." % title),
                 "CATEGORIES:" + esc(cat), "LOCATION:" + esc("Room %d | Level %d" % (room + 1, room // 8)),
                 "SEQUENCE:0", "UID:bench%05d" % i,
                 "URL:https://kccncbench2026.sched.com/event/B%05d/%s" % (i, title.lower().replace(" ", "-")),
                 "END:VEVENT"):
        out.write(fold(line))
out.write(b"END:VCALENDAR\r\n")
