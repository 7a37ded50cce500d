// t71-export-form.mjs: someone exporting a speaker list to Excel: from the event page filtered by track,
// "Export options…", Excel with one row per speaker; the downloaded workbook is a real XLSX of that list.
// Then the roles of the TOC as Excel from the body page.
import { main, ok } from "./lib.mjs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { root } from "./lib.mjs";

function setup(db, lectern) {
  execFileSync(lectern, ["demo", "--db", db], { stdio: "ignore" });
}

function read(path) {
  return JSON.parse(execFileSync("python3", [join(root, "tests/e2e/xlsx_read.py"), path], { encoding: "utf8" }));
}

await main(setup, async (browser, server) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.url + "/events/kubecon-eu-2019?track=Operations");
  await page.getByRole("link", { name: /Export options/ }).first().click();
  await page.waitForURL(/\/export\?/);
  ok(new URL(page.url()).searchParams.get("track") === "Operations", "the options keep the track");
  ok(await page.getByLabel("Format").inputValue() === "xlsx", "Excel is the first format offered");
  await page.getByLabel(/One row per speaker/).check();
  const [download] = await Promise.all([page.waitForEvent("download"),
    page.getByRole("button", { name: "Export" }).click()]);
  ok(download.suggestedFilename() === "speakers-kubecon-eu-2019.xlsx", `named for the list (${download.suggestedFilename()})`);
  const book = read(await download.path());
  ok(book.rows[0].map((c) => c[1]).join("|") === "Name|Organizations|Organization now|GitHub|Sessions|Titles",
    "a header row of the per-speaker list, without emails");
  ok(book.frozen_rows === 1 && book.bold_header, "bold and frozen");
  ok(book.rows.length > 1 && book.rows.slice(1).every((r) => r[4][0] === "n"), "the counts are numbers");

  await page.goto(server.url + "/bodies/toc");
  const [roles] = await Promise.all([page.waitForEvent("download"),
    page.getByRole("link", { name: "(Excel)" }).click()]);
  const terms = read(await roles.path());
  ok(roles.suggestedFilename() === "roles-toc.xlsx", "the TOC's roles as Excel");
  ok(terms.rows.length === 7 && terms.rows.slice(1).every((r) => r[6][0] === "d"), "six terms with typed start dates");
  await context.close();
});
