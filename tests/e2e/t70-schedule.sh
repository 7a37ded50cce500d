# t70-schedule.sh: an event's schedule in the order of the day (09:40 before 14:50), with end times,
# and as a grid of rooms and times that is plain HTML (no script needed); one-day events, counts
# and times as people read them.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1 || { not_ok "demo loads"; exit 1; }
# A fuller day at KubeCon Europe 2019: two sessions at 09:00 (one of 90 minutes, over the next
# start in its room's column), one at 10:00 beside it, and one without a time.
sql "INSERT INTO sessions(event_id, title, kind, room, starts_at, duration_min, status) VALUES
	(4, 'Long workshop', 'tutorial', 'Hall 8.0 F', '2019-05-22T09:00:00+02:00', 90, 'scheduled'),
	(4, 'Opening remarks', 'keynote', 'Main Hall', '2019-05-22T09:00:00+02:00', 30, 'scheduled'),
	(4, 'Ten o''clock talk', 'talk', 'Main Hall', '2019-05-22T10:00:00+02:00', 30, 'scheduled'),
	(4, 'Unscheduled hallway track', 'other', NULL, NULL, NULL, 'scheduled');"
start_server || exit 1

page=$(http "$URL/events/kubecon-eu-2019")
before() { # before A B: A comes before B on the page
	local a b
	a=$(grep -bo -- "$1" <<<"$page" | head -n 1 | cut -d: -f1)
	b=$(grep -bo -- "$2" <<<"$page" | head -n 1 | cut -d: -f1)
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}
check "the day lists 09:40 before 14:50 (by time, not by room)" before 'Keynote: How Spotify' 'Cluster management'
check "09:00 before 09:40" before 'Opening remarks' 'Keynote: How Spotify'
check "each session shows its end: 09:40–09:55" grep -q '09:40–09:55' <<<"$page"
check "a day heading is readable: Wednesday, 22 May 2019" grep -q '<h3 id="day-2019-05-22">Wednesday, 22 May 2019</h3>' <<<"$page"
check "the event's days as one span: 21–23 May 2019" grep -q '21–23 May 2019' <<<"$page"
check "the zone is named with its offset" grep -q 'times in Europe/Madrid (UTC+02:00)' <<<"$page"
check "a session without a time comes last in the first day, said so" \
	before 'Operators all the way down' 'Unscheduled hallway track'
check "and is marked as such" grep -q 'Time not set' <<<"$page"
check "the views offered: by time and a grid" grep -q 'href="?view=grid#schedule"' <<<"$page"

grid=$(http "$URL/events/kubecon-eu-2019?view=grid")
day=$(sed -n 's/.*\(<h3 id="day-2019-05-22">.*\)<h3 id="day-2019-05-23">.*/\1/p' <<<"$grid")
check "the grid is a table of rooms (columns) and times (rows), in the page itself" \
	grep -q '<table class="grid"><thead><tr><th scope="col">Time</th><th scope="col">Hall 8.0 F</th><th scope="col">Main Hall</th></tr>' <<<"$day"
check "start times are row headers" grep -q '<th scope="row">09:00</th>' <<<"$day"
check "a 90-minute session spans the rows of the starts before its end (09:00, 09:40, 10:00)" \
	grep -q '<td data-room="Hall 8.0 F" rowspan="3">.*Long workshop' <<<"$day"
check "so the 09:40 and 10:00 rows have no cell of their own in that room" \
	grep -q '<th scope="row">09:40</th><td data-room="Main Hall">' <<<"$day"
check "the grid needs no script: no <script> beyond the shared deferred one" \
	test "$(grep -o '<script' <<<"$grid" | wc -l)" -le 1
check "the filters keep the view" grep -q '<input type="hidden" name="view" value="grid">' <<<"$grid"
expect_body "a filtered grid" 'Long workshop' '/events/kubecon-eu-2019?view=grid&kind=tutorial'
expect_no_body "holds only what the filter keeps" 'Opening remarks' '/events/kubecon-eu-2019?view=grid&kind=tutorial'
expect_status "an unknown view is refused" 400 '/events/kubecon-eu-2019?view=calendar'
expect_body "the JSON gives each session its end" '"starts_at":"2019-05-22T09:40:00\+02:00","duration_min":15,"ends_at":"2019-05-22T09:55:00\+02:00"' \
	/events/kubecon-eu-2019.json

# One-day events, counts, readable dates elsewhere.
expect_body "a one-day event is one date" '<p class="muted">18 Nov 2019 · San Diego' /events/envoycon-2019
expect_no_body "not a span from a day to itself" '2019-11-18 – 2019-11-18' /events/envoycon-2019
expect_body "one session, not 1 sessions" 'KubeCon \+ CloudNativeCon China 2019</a> <span class="muted">24–26 Jun 2019 · Shanghai · 1 session</span>' /events
expect_no_body "no \"1 sessions\" anywhere in the list" '[^0-9]1 sessions' /events
expect_body "a session's time: day, hours, zone and offset" \
	'Wednesday, 22 May 2019, 09:40–09:55</time> \(Europe/Madrid, UTC\+02:00\)' /sessions/5
echo "1..$n"
