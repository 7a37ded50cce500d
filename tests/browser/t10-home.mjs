// t10-home.mjs: the home page in a real browser: layout, stylesheet applied, no CSP violations, screenshot.
import { main, ok, outDir } from "./lib.mjs";
import { join } from "node:path";

await main(null, async (browser, server) => {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  const resp = await page.goto(server.url + "/");
  ok(resp && resp.status() === 200, "home page loads");
  ok((await page.title()).includes("Lectern"), "title names Lectern");
  ok(await page.locator("main#main").count() === 1, "one main landmark");
  ok(await page.getByRole("search", { name: "Site" }).count() === 1, "a labelled search landmark in the header");
  ok(await page.getByLabel("Search").count() >= 1, "search box has a label");
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector("header.site")).backgroundColor);
  ok(bg !== "rgba(0, 0, 0, 0)", "stylesheet applied (header has a background)");
  ok(problems.length === 0, "no console errors or CSP violations" + (problems.length ? `: ${problems[0]}` : ""));
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.screenshot({ path: join(outDir, "home.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  ok(!overflow, "no horizontal scrolling on a phone-sized screen");
  await page.screenshot({ path: join(outDir, "home-mobile.png") });
});
