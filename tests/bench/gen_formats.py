#!/usr/bin/env python3
"""gen_formats.py SESSIONS OUTDIR: the same generated schedule as schedule.json and as CSV
(OUTDIR/schedule-N.json, OUTDIR/sheet-N.csv), to measure the JSON and CSV readers. Deterministic."""
import json
import os
import sys

n, out = int(sys.argv[1]), sys.argv[2]
days = {}
for i in range(n):
    d = "2026-03-%02d" % (1 + i % 28)
    days.setdefault(d, []).append({
        "id": i + 1, "guid": "00000000-0000-4000-8000-%012d" % i, "date": d + "T%02d:00:00+01:00" % (8 + i % 10),
        "start": "%02d:00" % (8 + i % 10), "duration": "00:30", "room": "Room %d" % (i % 20),
        "title": "Talk number %d" % i, "type": "lecture", "abstract": "An abstract of some length. " * 10,
        "persons": [{"id": i + 1, "public_name": "Speaker %d [Org %d]" % (i, i % 500)}]})
conference = {"acronym": "bench", "title": "Bench", "start": "2026-03-01", "end": "2026-03-28",
              "time_zone_name": "Europe/Amsterdam",
              "days": [{"index": k + 1, "date": d, "day_start": d + "T08:00:00+01:00", "day_end": d + "T20:00:00+01:00",
                        "rooms": {"Room": events}} for k, (d, events) in enumerate(sorted(days.items()))]}
with open(os.path.join(out, "schedule-%d.json" % n), "w") as f:
    json.dump({"schedule": {"version": "1", "conference": conference}}, f, indent=1)
with open(os.path.join(out, "sheet-%d.csv" % n), "w") as f:
    f.write("Session Id,Title,Speakers,Companies,Date,Start Time,Duration,Room,Description\n")
    for d, events in sorted(days.items()):
        for e in events:
            f.write('%d,%s,Speaker %d,Org %d,%s,%s,30,%s,"%s"\n' % (e["id"], e["title"], e["id"] - 1,
                    (e["id"] - 1) % 500, d, e["start"], e["room"], e["abstract"]))
