// t40-export.mjs: a speaker list downloaded in a real browser: the Export link of the event page when
// that page has one, the export address otherwise; the file's name and contents are checked.
import { main, ok } from "./lib.mjs";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./lib.mjs";

function setup(db, lectern) {
  execFileSync(lectern, ["migrate", "--db", db], { stdio: "ignore" });
  execFileSync("sqlite3", [db], { input: readFileSync(join(root, "tests/data/export-fixture.sql")) });
}

await main(setup, async (browser, server) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const want = "/export/speakers.csv?event=kubecon-eu-2019";
  const eventPage = await page.goto(server.url + "/events/kubecon-eu-2019");
  const link = page.locator('a[href^="/export/speakers.csv"]').first();
  let download, how;
  if (eventPage && eventPage.ok() && await link.count() === 1) {
    how = "clicked the event page's Export link";
    [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  } else {
    // The event page is another area's work; until it has its Export link, open the address itself.
    how = "opened the export address (the event page has no Export link yet)";
    [download] = await Promise.all([
      page.waitForEvent("download"),
      page.goto(server.url + want).catch(() => null), // a download aborts the navigation
    ]);
  }
  ok(download !== undefined, `a download started (${how})`);
  ok(new URL(download.url()).pathname === "/export/speakers.csv", "from /export/speakers.csv");
  ok(new URL(download.url()).searchParams.get("event") === "kubecon-eu-2019", "keeping the event filter");
  ok(download.suggestedFilename() === "speakers-kubecon-eu-2019.csv",
    `file named speakers-kubecon-eu-2019.csv (got ${download.suggestedFilename()})`);
  const path = await download.path();
  const text = readFileSync(path, "utf8");
  const lines = text.split("\r\n");
  ok(lines[0] === "name,organization,current_organization,github,event,session,kind,date,role,url",
    "header row first");
  ok(lines.length === 7 && lines[6] === "", "five rows for the event, CRLF-terminated");
  ok(text.includes("Zoë Ünïcode"), "UTF-8 intact");
  ok(!text.includes("@example.org"), "no emails for an anonymous reader");
  ok(!/(^|,)[=+@-]/m.test(text), "no cell starts like a formula");
  await context.close();
});
