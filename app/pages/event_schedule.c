/* event_schedule.c: an event's schedule by time, as a list or a grid (see event_schedule.h). */
#include <string.h>

#include "core/html.h"
#include "pages/event_schedule.h"
#include "pages/layout.h"
#include "pages/render.h"
#include "pages/when.h"

static const char no_room[] = "No room";

static int
same(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) == 0 : a == b;
}

/* The end of the run of sessions of by_day[i]'s day. */
static size_t
day_end(const struct event_page *p, size_t i)
{
	size_t j = i;

	while (j < p->n_sessions && same(p->by_day[j]->session.date, p->by_day[i]->session.date))
		j++;
	return j;
}

static void
day_heading(struct buf *b, const char *date)
{
	html_lit(b, "<h3 id=\"day-");
	html_attr(b, date);
	html_lit(b, "\">");
	when_day(b, date);
	html_lit(b, "</h3>");
}

/* Title, kind and track of a session: the start of its cell or row. */
static void
session_title(struct request *req, const struct schedule_item *s)
{
	struct buf *b = &req->out;

	html_link(b, req_printf(req, "/sessions/%lld", s->session.id), s->session.title);
	html_lit(b, " ");
	render_kind(b, s->session.kind, s->session.status);
	if (s->track) {
		html_lit(b, " <span class=\"muted\">");
		html_text(b, s->track);
		html_lit(b, "</span>");
	}
}

static void
list_row(struct request *req, const struct schedule_item *s)
{
	struct buf *b = &req->out;

	html_lit(b, "<tr><td class=\"time\">");
	if (s->time)
		when_hours(b, s->time, s->end_time);
	else
		html_lit(b, "<span class=\"muted\">Time not set</span>");
	html_lit(b, "</td><td>");
	html_text(b, s->room);
	html_lit(b, "</td><td>");
	session_title(req, s);
	html_lit(b, "</td><td>");
	render_speaker_list(b, s->session.speakers, s->session.n_speakers, 1);
	html_lit(b, "</td></tr>");
}

void
schedule_list(struct request *req, const struct event_page *p)
{
	struct buf *b = &req->out;

	for (size_t i = 0, end; i < p->n_sessions; i = end) {
		end = day_end(p, i);
		day_heading(b, p->by_day[i]->session.date);
		html_lit(b, "<div class=\"wide\"><table class=\"schedule\"><thead><tr><th scope=\"col\">Time</th>"
		    "<th scope=\"col\">Room</th><th scope=\"col\">Session</th><th scope=\"col\">Speakers</th>"
		    "</tr></thead><tbody>");
		for (size_t k = i; k < end; k++)
			list_row(req, p->by_day[k]);
		html_lit(b, "</tbody></table></div>");
	}
}

/* One day of the grid: its rooms (columns), its start times (rows, NULL last: no time), and
 * for each cell the first session that starts there (cell), the next one in the same cell
 * (next, by session), and the rows a cell spans (span; 0 for a cell covered by the one above). */
struct grid {
	const struct schedule_item	**s;
	size_t				  n;
	const char			**rooms, **slots;
	size_t				  n_rooms, n_slots;
	long				 *cell, *next;
	int				 *span;
};

static const char *
room_of(const struct schedule_item *s)
{
	return s->room ? s->room : no_room;
}

/* The index of name in list (n of them), adding it at its sorted place when absent. */
static size_t
place(const char **list, size_t *n, const char *name)
{
	size_t i = 0;

	while (i < *n && strcmp(list[i], name) < 0)
		i++;
	if (i < *n && strcmp(list[i], name) == 0)
		return i;
	memmove(list + i + 1, list + i, (*n - i) * sizeof(*list));
	list[i] = name;
	(*n)++;
	return i;
}

static size_t
slot_of(const struct grid *g, const char *time)
{
	for (size_t i = 0; i < g->n_slots; i++)
		if (time ? g->slots[i] && strcmp(g->slots[i], time) == 0 : g->slots[i] == NULL)
			return i;
	return 0;
}

/* The rows the cell at slot r, room c spans: the later starts before its sessions' latest end,
 * up to the next start in the same room. */
static int
span_of(const struct grid *g, size_t r, size_t c)
{
	const char *end = NULL;
	int span = 1;

	for (long k = g->cell[r * g->n_rooms + c]; k >= 0; k = g->next[k])
		if (g->s[k]->end_time && (end == NULL || strcmp(g->s[k]->end_time, end) > 0))
			end = g->s[k]->end_time;
	if (end == NULL || g->slots[r] == NULL || strcmp(end, g->slots[r]) <= 0)
		return 1;	/* no end, or past midnight */
	for (size_t j = r + 1; j < g->n_slots && g->slots[j] && strcmp(g->slots[j], end) < 0; j++) {
		if (g->cell[j * g->n_rooms + c] >= 0)
			break;
		span++;
	}
	return span;
}

static void
grid_build(struct request *req, const struct event_page *p, size_t from, size_t to, struct grid *g)
{
	size_t cells;

	memset(g, 0, sizeof(*g));
	g->s = (const struct schedule_item **)p->by_day + from;
	g->n = to - from;
	g->rooms = req_alloc(req, (g->n + 1) * sizeof(*g->rooms));
	g->slots = req_alloc(req, (g->n + 1) * sizeof(*g->slots));
	for (size_t k = 0; k < g->n; k++) {
		place(g->rooms, &g->n_rooms, room_of(g->s[k]));
		/* by_day orders a day's sessions by start, none last: the slots come in order. */
		if (g->n_slots == 0 || (g->s[k]->time == NULL) != (g->slots[g->n_slots - 1] == NULL) ||
		    (g->s[k]->time && strcmp(g->s[k]->time, g->slots[g->n_slots - 1]) != 0))
			g->slots[g->n_slots++] = g->s[k]->time;
	}
	cells = g->n_slots * g->n_rooms;
	g->cell = req_alloc(req, (cells + 1) * sizeof(*g->cell));
	g->next = req_alloc(req, (g->n + 1) * sizeof(*g->next));
	g->span = req_alloc(req, (cells + 1) * sizeof(*g->span));
	for (size_t i = 0; i < cells; i++)
		g->cell[i] = -1, g->span[i] = 1;
	for (size_t k = g->n; k-- > 0;) {	/* backwards, so each cell lists its sessions in order */
		size_t at = slot_of(g, g->s[k]->time) * g->n_rooms + place(g->rooms, &g->n_rooms, room_of(g->s[k]));

		g->next[k] = g->cell[at];
		g->cell[at] = (long)k;
	}
	for (size_t r = 0; r < g->n_slots; r++)
		for (size_t c = 0; c < g->n_rooms; c++)
			if (g->span[r * g->n_rooms + c] && g->cell[r * g->n_rooms + c] >= 0) {
				int span = span_of(g, r, c);

				g->span[r * g->n_rooms + c] = span;
				for (int j = 1; j < span; j++)
					g->span[(r + j) * g->n_rooms + c] = 0;
			}
}

static void
grid_cell(struct request *req, const struct grid *g, size_t r, size_t c)
{
	struct buf *b = &req->out;
	size_t at = r * g->n_rooms + c;

	if (g->span[at] == 0)
		return;
	if (g->cell[at] < 0) {
		html_lit(b, "<td></td>");
		return;
	}
	html_lit(b, "<td data-room=\"");
	html_attr(b, g->rooms[c]);
	html_lit(b, "\"");
	if (g->span[at] > 1)
		buf_appendf(b, " rowspan=\"%d\"", g->span[at]);
	html_lit(b, ">");
	for (long k = g->cell[at]; k >= 0; k = g->next[k]) {
		const struct schedule_item *s = g->s[k];

		html_lit(b, "<div class=\"slot\">");
		session_title(req, s);
		if (s->time) {
			html_lit(b, "<br><span class=\"muted\">");
			when_hours(b, s->time, s->end_time);
			html_lit(b, "</span>");
		}
		if (s->session.n_speakers) {
			html_lit(b, "<br>");
			render_speaker_list(b, s->session.speakers, s->session.n_speakers, 1);
		}
		html_lit(b, "</div>");
	}
	html_lit(b, "</td>");
}

static void
grid_day(struct request *req, const struct grid *g)
{
	struct buf *b = &req->out;

	html_lit(b, "<div class=\"wide\"><table class=\"grid\"><thead><tr><th scope=\"col\">Time</th>");
	for (size_t c = 0; c < g->n_rooms; c++) {
		html_lit(b, "<th scope=\"col\">");
		html_text(b, g->rooms[c]);
		html_lit(b, "</th>");
	}
	html_lit(b, "</tr></thead><tbody>");
	for (size_t r = 0; r < g->n_slots; r++) {
		html_lit(b, "<tr><th scope=\"row\">");
		if (g->slots[r])
			html_text(b, g->slots[r]);
		else
			html_lit(b, "Time not set");
		html_lit(b, "</th>");
		for (size_t c = 0; c < g->n_rooms; c++)
			grid_cell(req, g, r, c);
		html_lit(b, "</tr>");
	}
	html_lit(b, "</tbody></table></div>");
}

void
schedule_grid(struct request *req, const struct event_page *p)
{
	for (size_t i = 0, end; i < p->n_sessions; i = end) {
		struct grid g;

		end = day_end(p, i);
		day_heading(&req->out, p->by_day[i]->session.date);
		grid_build(req, p, i, end, &g);
		grid_day(req, &g);
	}
}
