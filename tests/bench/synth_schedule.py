"""synth_schedule.py N SPEAKERS: writes one deterministic frab schedule.xml with N sessions over 5 days and 20 rooms,
SPEAKERS distinct speakers (some "Name [Org]"), to standard output, streaming (memory does not grow with N)."""
import sys

n, speakers = int(sys.argv[1]), int(sys.argv[2])
out = sys.stdout
out.write('<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n<version>1</version>\n<conference>\n'
          '<acronym>benchcon</acronym><title>BenchCon</title><start>2030-05-01</start><end>2030-05-05</end>'
          '<days>5</days><time_zone_name>Europe/Amsterdam</time_zone_name>\n</conference>\n')
per_day = (n + 4) // 5
sid = 0
for day in range(5):
    date = f"2030-05-0{day + 1}"
    out.write(f'<day index="{day + 1}" date="{date}">\n')
    rooms = 20
    per_room = (per_day + rooms - 1) // rooms
    for room in range(rooms):
        out.write(f'<room name="Room {room + 1}">\n')
        for k in range(per_room):
            if sid >= n or sid >= (day + 1) * per_day:
                break
            sid += 1
            minute = (k * 3) % (14 * 60)
            start = f"{8 + minute // 60:02d}:{minute % 60:02d}"
            a, b = (sid * 7919) % speakers + 1, (sid * 104729) % speakers + 1
            org = f" [Org {a % 800 + 1}]" if a % 3 == 0 else ""
            kind = "Keynote" if sid % 40 == 0 else "Talk"
            out.write(f'<event id="{sid}" guid="00000000-0000-4000-8000-{sid:012d}">'
                      f'<start>{start}</start><duration>00:30</duration><room>Room {room + 1}</room>'
                      f'<title>Session {sid}: scaling things &amp; people</title><subtitle/><track>Track {sid % 12}</track>'
                      f'<type>{kind}</type><language>en</language>'
                      f'<abstract>Abstract of session {sid}, with some words about Kubernetes, Envoy and gRPC.</abstract>'
                      f'<description/><persons><person id="{a}">Speaker {a}{org}</person>'
                      f'<person id="{b}">Speaker {b}</person></persons><links/></event>\n')
        out.write('</room>\n')
    out.write('</day>\n')
out.write('</schedule>\n')
