"""gen_schedule.py DB OUTDIR: the generated registry (gen.sql) as frab schedule.xml files, one per event.

The same data as the database, written the way a schedule producer writes it: <day>s in the event's
local time, <room>s, <event>s with a guid, <date> with its UTC offset and <start> in local time,
<type> from the session's kind, and each speaker as "Name [Organization]" (the organization the
appearance is credited to) with the person's id. Cancelled sessions are left out, as a producer
would. Streams one event at a time: memory does not grow with the registry."""
import json
import os
import sqlite3
import sys
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

KINDS = {"keynote": "Keynote", "lightning": "Lightning Talk", "panel": "Panel",
         "tutorial": "Tutorial", "maintainer": "Maintainer Track", "talk": "Talk"}

db = sqlite3.connect(sys.argv[1])
outdir = sys.argv[2]
os.makedirs(outdir, exist_ok=True)
events = db.execute("SELECT id, name, slug, starts_on, ends_on, time_zone FROM events ORDER BY id").fetchall()
total = 0
for eid, name, slug, starts_on, ends_on, tz in events:
    zone = ZoneInfo(tz)
    rows = db.execute(
        "SELECT s.id, s.title, s.kind, s.track, s.room, s.starts_at, s.duration_min, s.abstract,"
        " (SELECT json_group_array(json_array(p.id, p.name, o.name)) FROM (SELECT person_id, org_id"
        "  FROM appearances WHERE session_id = s.id ORDER BY position, id) a JOIN people p ON p.id = a.person_id"
        "  LEFT JOIN organizations o ON o.id = a.org_id)"
        " FROM sessions s WHERE s.event_id = ? AND s.status = 'scheduled' ORDER BY s.starts_at, s.room, s.id",
        (eid,))
    # Group by local day, then by room: a frab schedule is day > room > event.
    days = {}
    for sid, title, kind, track, room, starts_at, minutes, abstract, speakers in rows:
        local = datetime.fromisoformat(starts_at).astimezone(zone)
        days.setdefault(local.date().isoformat(), {}).setdefault(room, []).append(
            (sid, title, kind, track, local, minutes, abstract, speakers))
    with open(os.path.join(outdir, slug + ".xml"), "w", encoding="utf-8") as out:
        w = out.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n<version>bench</version>\n<conference>\n')
        w(f"<acronym>{escape(slug)}</acronym><title>{escape(name)}</title>"
          f"<start>{starts_on}</start><end>{ends_on}</end><days>{len(days)}</days>"
          f"<time_zone_name>{escape(tz)}</time_zone_name>\n</conference>\n")
        for index, date in enumerate(sorted(days), 1):
            w(f'<day index="{index}" date="{date}">\n')
            for room in sorted(days[date]):
                w(f"<room name={quoteattr(room)}>\n")
                for sid, title, kind, track, local, minutes, abstract, speakers in days[date][room]:
                    total += 1
                    persons = "".join(
                        f'<person id="{pid}">{escape(pname)}{" [" + escape(oname) + "]" if oname else ""}</person>'
                        for pid, pname, oname in json.loads(speakers))
                    w(f'<event id="{sid}" guid="6c656374-6572-4e00-8000-{sid:012d}">'
                      f"<date>{local.isoformat()}</date><start>{local:%H:%M}</start>"
                      f"<duration>{minutes // 60:02d}:{minutes % 60:02d}</duration><room>{escape(room)}</room>"
                      f"<slug>{escape(slug)}-{sid}</slug><title>{escape(title)}</title><subtitle/>"
                      f"<track>{escape(track or '')}</track><type>{KINDS.get(kind, 'Talk')}</type>"
                      f"<language>en</language><abstract>{escape(abstract or '')}</abstract><description/>"
                      f"<persons>{persons}</persons><links/></event>\n")
                w("</room>\n")
            w("</day>\n")
        w("</schedule>\n")
print(f"{total} sessions in {len(events)} schedules", file=sys.stderr)
