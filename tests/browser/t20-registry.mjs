// t20-registry.mjs: home -> organization -> person -> session in a real browser, with a screenshot of each.
import { main, ok, outDir } from "./lib.mjs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const demo = (db, lectern) => execFileSync(lectern, ["demo", "--db", db], { stdio: "ignore" });

await main(demo, async (browser, server) => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));

  await page.goto(server.url + "/");
  ok(await page.getByRole("heading", { level: 1 }).textContent() === "Who speaks for whom", "home page heading");
  ok(await page.locator(".numbers li").count() >= 5, "home shows totals");
  await page.screenshot({ path: join(outDir, "registry-1-home.png"), fullPage: true });

  await page.getByRole("link", { name: "Spotify" }).first().click();
  await page.waitForURL(/\/orgs\/spotify$/);
  ok(await page.getByRole("heading", { level: 1 }).textContent() === "Spotify", "organization page");
  const figure = async (label) => Number(await page.locator(".numbers li").filter({ has: page.locator(".l", { hasText: new RegExp(`^${label}$`) }) }).locator(".n").textContent());
  ok(await figure("Keynotes") === 2, "Spotify: 2 keynotes, as in the report");
  ok(await figure("Talks") >= 15, "Spotify: 15+ talks, as in the report");
  ok(await figure("TOC seats") === 1, "Spotify: one TOC seat");
  ok(await figure("Projects contributed") === 1, "Spotify: one project contributed");
  ok(await page.locator(".chart svg rect").count() >= 3, "talks-per-year chart drawn as SVG");
  ok(await page.locator("ol.timeline li", { hasText: "Backstage" }).count() === 1, "timeline shows Backstage");
  await page.screenshot({ path: join(outDir, "registry-2-org.png"), fullPage: true });

  await page.locator("ul.people").getByRole("link", { name: "Dave Zolotusky" }).click();
  await page.waitForURL(/\/people\/dave-zolotusky$/);
  ok(await page.getByRole("heading", { name: "Speaking history" }).count() === 1, "person page has a speaking history");
  ok(await page.getByText("EndUser-appointed").count() >= 1, "person page shows the TOC seat type");
  ok(await page.getByText("dave@example.org").count() === 0, "email not shown to an anonymous visitor");
  await page.screenshot({ path: join(outDir, "registry-3-person.png"), fullPage: true });

  await page.getByRole("link", { name: /Becoming a Strong Member/ }).click();
  await page.waitForURL(/\/sessions\/\d+$/);
  ok((await page.locator("h1").textContent()).includes("Keynote"), "session page");
  ok(await page.locator("main li", { hasText: "Dave Zolotusky" }).locator("a", { hasText: "Spotify" }).count() === 1,
    "speaker credited to Spotify");
  await page.screenshot({ path: join(outDir, "registry-4-session.png"), fullPage: true });

  await page.goto(server.url + "/search?q=delet");
  ok(await page.locator("ol.results mark").count() >= 1, "search highlights the match");
  ok(problems.length === 0, "no console errors or CSP violations" + (problems.length ? `: ${problems[0]}` : ""));
});
