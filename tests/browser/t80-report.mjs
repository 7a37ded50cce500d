// t80-report.mjs: the End User Journey report printed by Chromium (page.pdf, as "Save as PDF"
// does): the expected number of pages on A4 and Letter, the numbers on page one (read back with
// pdftotext), no navigation printed; a screenshot of page one for docs/ and the README.
import { main, ok, outDir, root } from "./lib.mjs";
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const demo = (db, lectern) => execFileSync(lectern, ["demo", "--db", db], { stdio: "ignore" });

// The pages of a PDF: pdfinfo when poppler-utils is installed, else the page objects counted.
function pages(file) {
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())[1]);
  } catch {
    return (readFileSync(file, "latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  }
}

const pageText = (file, n) => execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", file, "-"]).toString();

await main(demo, async (browser, server) => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.url + "/orgs/spotify/report");
  ok(await page.locator("figure.chart svg").count() === 3, "three charts drawn as SVG");
  for (const format of ["A4", "Letter"]) {
    const file = join(outDir, `report-spotify-${format}.pdf`);
    writeFileSync(file, await page.pdf({ format, printBackground: true }));
    ok(pages(file) === 3, `${format}: the demo's Spotify prints on 3 pages (got ${pages(file)})`);
    const one = pageText(file, 1).replace(/\s+/g, " ");
    ok(/2 17 8 4 2/.test(one) && /KEYNOTES TALKS SPEAKERS/.test(one), `${format}: the numbers on page one`);
    ok(one.includes("Dave Zolotusky is an End User representative on the CNCF TOC"), `${format}: the TOC seat on page one`);
    ok(one.includes("James Wen is co-chair of the End User Developer Experience SIG"), `${format}: the SIG role on page one`);
    ok(one.includes("Backstage (https://backstage.io)"), `${format}: an outside link printed as text`);
    ok(!one.includes("Organizations People Events") && !one.includes("Skip to content"), `${format}: no navigation printed`);
    ok(pageText(file, 2).includes("Timeline") && pageText(file, 3).includes("Charts"), `${format}: a page break before the timeline and the charts`);
  }
  const asOf = join(outDir, "report-spotify-2019.pdf");
  await page.goto(server.url + "/orgs/spotify/report?as_of=2019-01-01");
  writeFileSync(asOf, await page.pdf({ format: "A4" }));
  ok(!pageText(asOf, 1).includes("CNCF TOC"), "as of 2019-01-01: no TOC seat printed");
  await page.goto(server.url + "/orgs/spotify/report");
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  const shot = join(outDir, "report-page-1.png");
  await page.screenshot({ path: shot });
  copyFileSync(shot, join(root, "docs", "report.png"));
  ok(errors.length === 0, "no script errors" + (errors.length ? ": " + errors.join("; ") : ""));
});
