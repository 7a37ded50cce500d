// t50-import.mjs: staff upload a schedule, read the preview, confirm; the sessions are then in the registry.
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
  ok(problems.length === 0, "no page errors" + (problems.length ? `: ${problems[0]}` : ""));
});
