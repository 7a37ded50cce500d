// t50-import.mjs: staff upload a schedule, read the preview, confirm; the sessions are then in the registry.
// A file with problems shows its warnings, grouped, counted and folded; a file that does not say where
// the conference is asks for its time zone before it is imported, and the times are then read in it.
import { main, ok, outDir, root } from "./lib.mjs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const PW = "staff-password-42";
function setup(db, lectern) {
  execFileSync(lectern, ["migrate", "--db", db], { stdio: "ignore" });
  execFileSync(lectern, ["user", "add", "--db", db, "--login", "staff", "--role", "staff"], { input: PW + "\n", stdio: ["pipe", "ignore", "ignore"] });
}

await main(setup, async (browser, server) => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(server.url + "/admin/import");
  await page.getByLabel("Login").fill("staff");
  await page.getByLabel("Password").fill(PW);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/admin\/import$/);
  ok(await page.getByRole("heading", { name: "Import a schedule" }).count() === 1, "back on the import page after logging in");

  await page.getByLabel("Schedule file").setInputFiles(join(root, "tests/data/good-2025_pretalx.xml"));
  await page.getByRole("button", { name: "Preview" }).click();
  await page.waitForLoadState();
  ok((await page.locator("h1").textContent()).startsWith("Preview"), "the preview opens");
  const n = async (label) => Number(await page.locator(".numbers li").filter({ has: page.locator(".l", { hasText: new RegExp(`^${label}$`) }) }).locator(".n").textContent());
  ok(await n("New sessions") === 72, "it counts 72 new sessions");
  ok(await page.getByText("Nothing has been written yet").count() === 1, "and says nothing is written yet");
  await page.screenshot({ path: join(outDir, "import-1-preview.png"), fullPage: true });

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.waitForURL(/\/admin\/imports/);
  ok(await page.getByText("Imported.").count() === 1, "confirmed");
  ok(await page.locator("table").getByText("good-2025_pretalx.xml").count() === 1, "the run is listed");
  await page.getByRole("link", { name: "GOOD 2025" }).click();
  ok(await page.locator("h1").textContent() === "GOOD 2025", "the event page exists");
  ok(await page.getByRole("link", { name: "Contributor Jam" }).count() >= 1, "with its sessions (a workshop over several slots, each kept)");
  await page.screenshot({ path: join(outDir, "import-2-event.png"), fullPage: true });

  // Warnings: grouped by kind, counted, folded when many, each with its line and session.
  await page.goto(server.url + "/admin/import");
  await page.getByLabel("Schedule file").setInputFiles(join(root, "tests/data/import/odd-values.xml"));
  await page.getByRole("button", { name: "Preview" }).click();
  await page.waitForLoadState();
  ok(await n("Warnings") === 9, "the preview counts 9 warnings");
  const warnings = page.locator("section.warnings");
  ok(await warnings.getByRole("heading", { name: "Warnings (9)" }).count() === 1, "under a heading that counts them");
  const text = warnings.locator("details").filter({ hasText: "Text cut or left out" });
  ok(await text.locator("summary .count").textContent() === "4", "grouped: four about text");
  ok(!(await text.locator("li").first().isVisible()), "a group of four is folded");
  await text.locator("summary").click();
  ok(await text.locator("li").filter({ hasText: "title over 500 characters: cut at a character boundary" }).isVisible(),
    "and opens to show each, with what was done");
  ok(await warnings.locator("li").filter({ hasText: "duration 00:00: left empty" }).locator(".line").textContent() === "line 21",
    "each with the line of the element at fault");
  await page.screenshot({ path: join(outDir, "import-3-warnings.png"), fullPage: true });
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.waitForURL(/\/admin\/imports$/);

  // A file that does not say where the conference is: the zone is asked for before importing.
  await page.goto(server.url + "/admin/import");
  await page.getByLabel("Schedule file").setInputFiles(join(root, "tests/data/import/pentabarf-no-zone.xml"));
  await page.getByRole("button", { name: "Preview" }).click();
  await page.waitForLoadState();
  ok(await page.getByText("Where does this conference take place?").count() === 1, "the preview says the file names no zone");
  const picker = page.getByLabel("The conference's time zone");
  ok(await picker.count() === 1, "and offers a time-zone picker");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  ok(/\/admin\/import$/.test(page.url()) || await page.locator(":invalid").count() > 0,
    "importing without a zone is not possible");
  await picker.selectOption("Europe/Brussels");
  await page.screenshot({ path: join(outDir, "import-4-zone.png"), fullPage: true });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.waitForURL(/\/admin\/imports/);
  ok(await page.getByText("Imported.").count() === 1, "imported in the zone picked");
  await page.getByRole("link", { name: "Free Software Meeting 2011" }).click();
  ok(await page.getByText("Europe/Brussels").count() >= 1, "the event is in Europe/Brussels");
  ok(problems.length === 0, "no page errors" + (problems.length ? `: ${problems[0]}` : ""));
});
