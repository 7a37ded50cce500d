"""writer.py DB SECONDS KIND [EVERY]: one write every EVERY seconds (0.5) to a random record of KIND
(sessions, people, organizations, accounts), for SECONDS, from its own connection (another process, as
staff's edits through another server or the command line would be). Prints the number of writes."""
import random
import sqlite3
import sys
import time

db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
end = time.time() + float(sys.argv[2])
every = float(sys.argv[4]) if len(sys.argv) > 4 else 0.5
statement = {
    "sessions": "UPDATE sessions SET subtitle = ? WHERE id = ?",
    "people": "UPDATE people SET bio = ? WHERE id = ?",
    "organizations": "UPDATE organizations SET notes = ? WHERE id = ?",
    "accounts": "UPDATE users SET display_name = ? WHERE id = ?",
}[sys.argv[3]]
if sys.argv[3] == "accounts" and db.execute("SELECT count(*) FROM users").fetchone()[0] == 0:
    db.execute("INSERT INTO users(id, login, display_name, role, password_hash) VALUES (1, 'bench', 'Bench', 'member', 'x')")
n = 0
while time.time() < end:
    db.execute(statement, ("write %d" % n, random.randint(1, 1000) if sys.argv[3] != "accounts" else 1))
    n += 1
    time.sleep(every)
print(n)
