// t70-schedule.mjs: an event's schedule by time and as a grid of rooms and times, without JavaScript,
// at 1280 px and on a 390 px phone (where the grid becomes a list by time); screenshots of both.
import { main, ok, outDir } from "./lib.mjs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

// The demo data with a fuller day at KubeCon Europe 2019: four rooms, overlapping sessions.
const setup = (db, lectern) => {
  execFileSync(lectern, ["demo", "--db", db], { stdio: "ignore" });
  execFileSync("sqlite3", [db, `INSERT INTO sessions(event_id, title, kind, track, room, starts_at, duration_min, status) VALUES
    (4, 'Opening remarks', 'keynote', 'Keynotes', 'Main Hall', '2019-05-22T09:00:00+02:00', 30, 'scheduled'),
    (4, 'Service mesh in production', 'talk', 'Networking', 'Hall 8.0 F', '2019-05-22T09:40:00+02:00', 35, 'scheduled'),
    (4, 'Hands-on with operators', 'tutorial', 'Operations', 'Hall 8.1', '2019-05-22T09:40:00+02:00', 90, 'scheduled'),
    (4, 'Observability for everyone', 'talk', 'Observability', 'Hall 8.0 D', '2019-05-22T10:30:00+02:00', 35, 'scheduled'),
    (4, 'Security lightning talks', 'lightning', 'Security', 'Hall 8.0 F', '2019-05-22T10:30:00+02:00', 30, 'scheduled'),
    (4, 'Closing keynote', 'keynote', 'Keynotes', 'Main Hall', '2019-05-22T17:30:00+02:00', 20, 'scheduled');`]);
};

await main(setup, async (browser, server) => {
  // No JavaScript at all: the views and the grid are plain links and HTML.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  const page = await desk.newPage();
  await page.goto(server.url + "/events/kubecon-eu-2019");
  const day = page.locator("h3#day-2019-05-22 + .wide table");
  const firstColumn = await day.locator("tbody tr td:first-child").allTextContents();
  ok(firstColumn[0].startsWith("09:00") && firstColumn.indexOf("09:40–09:55") < firstColumn.indexOf("14:50–15:25"),
    `the list is by time, with ends (${firstColumn.join(", ")})`);
  await page.getByRole("link", { name: "Rooms and times" }).click();
  await page.waitForURL(/view=grid/);
  const grid = page.locator("h3#day-2019-05-22 + .wide table.grid");
  const rooms = await grid.locator("thead th").allTextContents();
  ok(rooms.join("|") === "Time|Hall 8.0 D|Hall 8.0 F|Hall 8.1|Main Hall", `the grid's columns are the rooms (${rooms.join("|")})`);
  const times = await grid.locator("tbody th").allTextContents();
  ok(times.join(" ") === "09:00 09:40 10:30 14:50 17:30", `its rows the start times (${times.join(" ")})`);
  const tutorial = grid.locator("td", { hasText: "Hands-on with operators" });
  ok(await tutorial.getAttribute("rowspan") === "2", "a 90-minute session spans the next start (10:30)");
  const box = await tutorial.boundingBox(), next = await grid.locator("td", { hasText: "Observability" }).boundingBox();
  ok(box && next && Math.abs(box.y - (await grid.locator("td", { hasText: "Service mesh" }).boundingBox()).y) < 2 &&
    box.height > next.height, "and is drawn over both rows");
  await page.screenshot({ path: join(outDir, "schedule-grid-1280.png"), fullPage: true });

  // A phone: nothing runs off the screen; the grid is a list by time, each session with its room.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false,
    deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const small = await phone.newPage();
  for (const view of ["", "?view=grid"]) {
    await small.goto(server.url + "/events/kubecon-eu-2019" + view);
    const { sw, w } = await small.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: innerWidth }));
    ok(sw <= 390 && w <= 390, `390 px, schedule${view}: no sideways scrolling (${sw} and ${w} <= 390)`);
  }
  const cell = small.locator("h3#day-2019-05-22 + .wide table.grid td", { hasText: "Hands-on with operators" });
  const label = await cell.evaluate((td) => getComputedStyle(td, "::before").content);
  ok(label === '"Hall 8.1"', `each session names its room on a phone (${label})`);
  const header = small.locator("h3#day-2019-05-22 + .wide table.grid thead");
  ok((await header.boundingBox()).width <= 1, "the rooms' header row is out of the way");
  const cells = small.locator("h3#day-2019-05-22 + .wide table.grid td");
  const within = await cells.evaluateAll((tds) => tds.every((td) => td.getBoundingClientRect().right <= innerWidth + 0.5));
  ok(within, "every session fits the screen's width");
  await small.screenshot({ path: join(outDir, "schedule-grid-390.png"), fullPage: true });
  await desk.close();
  await phone.close();
});
