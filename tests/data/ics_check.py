# ics_check.py: a structural check of an iCalendar file (RFC 5545) for the export tests:
# CRLF lines of at most 75 octets, folding, NAME:value lines, balanced BEGIN/END, required properties.
import re
import sys


def text_ok(value):
    """A TEXT value: a backslash escapes one of \\ ; , n N; a bare , or ; is an error."""
    i = 0
    while i < len(value):
        if value[i] == "\\":
            if i + 1 >= len(value) or value[i + 1] not in "\\;,nN":
                return False
            i += 2
            continue
        if value[i] in ",;":
            return False
        i += 1
    return True


data = open(sys.argv[1], "rb").read()
problems = []
if not data.endswith(b"\r\n"):
    problems.append("does not end with CRLF")
raw = data.split(b"\r\n")[:-1]
for i, line in enumerate(raw):
    if b"\n" in line or b"\r" in line:
        problems.append(f"line {i + 1}: bare CR or LF")
    if len(line) > 75:
        problems.append(f"line {i + 1}: {len(line)} octets")
# Unfold, then every line must be valid UTF-8.
lines = []
for line in raw:
    if line.startswith(b" ") and lines:
        lines[-1] += line[1:]
    else:
        lines.append(line)
stack, required, seen = [], {"VEVENT": {"UID", "DTSTAMP", "DTSTART"}, "VCALENDAR": {"VERSION", "PRODID"}}, []
for line in lines:
    text = line.decode("utf-8")  # raises on a split sequence
    m = re.match(r"^([A-Z][A-Z0-9-]*)(;[^:]*)?:(.*)$", text)
    if not m:
        problems.append(f"not a content line: {text!r}")
        continue
    name, value = m.group(1), m.group(3)
    if name == "BEGIN":
        stack.append(value)
        seen.append(set())
    elif name == "END":
        if not stack or stack[-1] != value:
            problems.append(f"END:{value} does not close {stack[-1:] or 'anything'}")
            continue
        missing = required.get(value, set()) - seen[-1]
        if missing:
            problems.append(f"{value} without {sorted(missing)}")
        stack.pop()
        seen.pop()
    elif seen:
        seen[-1].add(name)
    if name in ("SUMMARY", "DESCRIPTION", "LOCATION") and not text_ok(value):
        problems.append(f"unescaped , ; or \\ in {name}")
if stack:
    problems.append(f"unclosed {stack}")
if not lines or lines[0] != b"BEGIN:VCALENDAR":
    problems.append("does not start with BEGIN:VCALENDAR")
for p in problems:
    print("#", p)
sys.exit(1 if problems else 0)
