// t80-pages.mjs: every page, as a visitor, staff and an admin see it, at 1280 px and on a 390 px
// phone: axe-core finds no serious or critical violation, and nothing on a phone needs sideways
// scrolling (a wide table scrolls in its own box or becomes stacked rows). Screenshots of the
// search, the history and the new-session form at both widths (docs/screenshots has copies).
import { main, ok, outDir, axeSerious, logInAt } from "./lib.mjs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const setup = (db, lectern) => {
  execFileSync(lectern, ["demo", "--db", db], { stdio: "ignore" });
  for (const [login, role] of [["staff", "staff"], ["admin", "admin"]])
    execFileSync(lectern, ["user", "add", "--db", db, "--login", login, "--role", role],
      { input: "a long password 1\n", stdio: ["pipe", "ignore", "ignore"] });
  // A session edited, so that the history has an entry with a before and an after.
  execFileSync("sqlite3", [db, "UPDATE sessions SET room = 'Hall 8.0 A' WHERE id = 5"]);
};

const visitor = ["/", "/orgs", "/orgs/spotify", "/orgs/spotify/report", "/people", "/people/dave-zolotusky", "/events",
  "/events/kubecon-eu-2019", "/events/kubecon-eu-2019?view=grid", "/events/envoycon-2019", "/sessions/5",
  "/bodies", "/bodies/toc", "/search?q=kubernetes", "/search?q=kubernets+OR+envoycon", "/login", "/nowhere"];
const staff = ["/me", "/history", "/history?kind=session", "/sessions/new?event=kubecon-eu-2019", "/sessions/5/edit",
  "/people/new", "/orgs/new", "/events/new", "/roles/new", "/people/dave-zolotusky/merge", "/admin/import",
  "/admin/imports"];
const admin = ["/admin/users"];
const shots = { "/search?q=kubernetes": "search", "/history": "history",
  "/sessions/new?event=kubecon-eu-2019": "session-form" };

async function visit(page, server, width, path) {
  const r = await page.goto(server.url + path);
  const { sw, w } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: innerWidth }));
  const serious = await axeSerious(page);
  ok(serious.length === 0, `${width} px ${path} (${r.status()}): axe finds nothing serious${serious.length ? ": " + serious.join("; ") : ""}`);
  // Against the screen's width, not innerWidth: a phone zooms out to show a page wider than
  // the screen, and innerWidth grows with it.
  if (width < 500)
    ok(sw <= width && w <= width, `${width} px ${path}: no sideways scrolling (${sw} and ${w} <= ${width})`);
  if (shots[path])
    await page.screenshot({ path: join(outDir, `${shots[path]}-${width}.png`), fullPage: true });
}

await main(setup, async (browser, server) => {
  for (const width of [1280, 390]) {
    const opts = { viewport: { width, height: 900 }, bypassCSP: true };
    if (width < 500) Object.assign(opts, { deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const anon = await browser.newContext(opts), page = await anon.newPage();
    for (const path of visitor) await visit(page, server, width, path);
    // The check is live: a field without a label is a serious violation axe must report.
    await page.goto(server.url + "/");
    await page.evaluate(() => document.querySelector("main").insertAdjacentHTML("beforeend", '<input type="text">'));
    ok((await axeSerious(page)).some((v) => v.startsWith("label")), `${width} px: axe reports an unlabelled field`);
    await anon.close();
    for (const [login, paths] of [["staff", staff], ["admin", admin]]) {
      const ctx = await browser.newContext(opts), p = await ctx.newPage();
      await logInAt(p, server, "/me", login, "a long password 1");
      for (const path of paths) await visit(p, server, width, path);
      await ctx.close();
    }
  }
});
