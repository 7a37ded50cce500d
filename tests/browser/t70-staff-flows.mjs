// t70-staff-flows.mjs: the daily staff flows that lost data: merging from the real record's page (a preview,
// the survivor and each conflicting value chosen, a confirmation; the duplicate's address leads to the
// survivor), a stale save resolved field by field, the history read and a creation undone; then a member
// changes their password and sees their logins. Screenshots at 1280 and 390 px.
import { main, ok, outDir } from "./lib.mjs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const STAFF = "staff-password-42", MEMBER = "member-password-42", NEW = "a-new-member-password-7";
function setup(db, lectern) {
  execFileSync(lectern, ["demo", "--db", db], { stdio: "ignore" });
  for (const [login, role, pw, extra] of [["ann", "staff", STAFF, []], ["bob", "staff", STAFF, []],
    ["dave", "member", MEMBER, ["--person", "dave-zolotusky"]]])
    execFileSync(lectern, ["user", "add", "--db", db, "--login", login, "--role", role, ...extra],
      { input: pw + "\n", stdio: ["pipe", "ignore", "ignore"] });
  execFileSync("sqlite3", [db], { input: "INSERT INTO people(name, slug, bio) VALUES ('D. Zolotusky', 'd-zolotusky', 'Imported bio');" });
}

async function logIn(page, url, login, password) {
  await page.goto(url + "/login");
  await page.getByLabel("Login").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/$/);
}

async function shots(page, name) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(outDir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function merge(page, url) {
  await page.goto(url + "/people/dave-zolotusky");
  await page.getByRole("link", { name: "Merge a duplicate" }).click();
  await page.getByLabel(/The other record/).fill("d-zolotusky");
  await page.getByRole("button", { name: "Compare" }).click();
  ok(await page.locator("table.merge").count() === 1, "merge: both records side by side");
  ok(await page.getByText("Imported bio").count() >= 1, "merge: the duplicate's bio is shown");
  ok((await page.getByLabel(/Dave Zolotusky stays at/).isChecked()), "merge: the record whose page it started from stays by default");
  await shots(page, "merge-preview");
  await page.getByRole("button", { name: "Merge" }).click();
  ok(await page.locator("table.merge").count() === 1 && /merge/.test(page.url()),
    "merge: nothing happens without the confirmation (the browser asks for it)");
  // Every field both hold differently is a choice nobody made yet: keep this record's value of each.
  const picks = await page.locator('input[type="radio"][name^="pick_"]').evaluateAll((els) => [...new Set(els.map((e) => e.name))]);
  ok(picks.includes("pick_bio"), "merge: the two bios are a choice");
  for (const name of picks) await page.locator(`input[name="${name}"]`).first().check();
  await page.getByLabel(/I have compared both records/).check();
  await page.getByRole("button", { name: "Merge" }).click();
  await page.waitForURL(/\/people\/dave-zolotusky$/);
  ok(await page.locator("h1").textContent() === "Dave Zolotusky", "merge: the real record survives");
  await page.goto(url + "/people/d-zolotusky");
  ok(new URL(page.url()).pathname === "/people/dave-zolotusky", "merge: the duplicate's address leads to the survivor");
}

async function conflict(browser, page, url) {
  const bob = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await logIn(bob, url, "bob", STAFF);
  await page.goto(url + "/orgs/lyft/edit");
  await bob.goto(url + "/orgs/lyft/edit");
  await bob.getByLabel(/^Name/).fill("Lyft B");
  await bob.getByLabel(/^Website/).fill("https://bob.example/");
  await bob.getByRole("button", { name: "Save" }).click();
  await bob.waitForURL(/\/orgs\/lyft$/);
  await page.getByLabel(/^Website/).fill("https://ann.example/");
  await page.getByRole("button", { name: "Save" }).click();
  const alert = page.locator('.flash.error[role="alert"]');
  ok(await alert.count() === 1, "conflict: the stale save is an error, in the error style");
  ok(await page.getByLabel(/^Name/).inputValue() === "Lyft B", "conflict: the field Ann never touched shows Bob's value");
  ok(await page.locator("fieldset.conflict").count() === 1, "conflict: the field both changed is a choice");
  await shots(page, "conflict-form");
  await page.getByLabel(/Yours:/).check();
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(/\/orgs\/lyft$/);
  ok((await page.locator("h1").textContent()).includes("Lyft B"), "conflict: Bob's name is kept");
  ok(await page.locator('a[href="https://ann.example/"]').count() >= 1 || (await page.content()).includes("ann.example"),
    "conflict: Ann's chosen website is saved");
  await bob.close();
}

async function history(page, url) {
  await page.goto(url + "/people/new");
  await page.getByLabel(/^Name/).fill("Temporary Person");
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(/\/people\/temporary-person$/);
  await page.goto(url + "/history");
  ok(await page.locator("table.history").getByRole("link", { name: "Lyft B" }).count() >= 1,
    "history: an entry names its record, with a link");
  ok(await page.locator("table.history strong", { hasText: "Website" }).count() >= 1, "history: fields by their labels");
  ok(await page.locator("table.history time[datetime]").count() >= 1, "history: times in the reader's terms, UTC in the markup");
  await shots(page, "history");
  const row = page.locator("table.history tbody tr", { hasText: "Created person Temporary Person" });
  await row.getByRole("button", { name: "Undo creation (delete)" }).click();
  await page.waitForURL(/\/history/);
  const res = await page.goto(url + "/people/temporary-person");
  ok(res.status() === 404, "history: the undone creation is gone");
}

async function account(browser, url) {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await logIn(phone, url, "dave", MEMBER);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await logIn(page, url, "dave", MEMBER);
  await page.goto(url + "/me");
  ok(await page.locator("table.logins tbody tr").count() === 2, "account: /me lists both logins");
  await page.getByLabel("Current password").fill(MEMBER);
  await page.getByLabel(/^New password \(/).fill(NEW);
  await page.getByLabel("New password again").fill(NEW);
  await page.getByRole("button", { name: "Change the password" }).click();
  await page.waitForURL(/\/me\?password=1$/);
  ok(await page.locator('.flash[role="status"]', { hasText: "Your password is changed" }).count() === 1,
    "account: the change says so");
  ok(await page.locator("table.logins tbody tr").count() === 1, "account: the other login ended");
  const res = await phone.goto(url + "/me");
  ok(!/\/me$/.test(phone.url()) || res.status() !== 200, "account: the phone must log in again");
  await phone.close();
  await page.close();
}

await main(setup, async (browser, server) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  await logIn(page, server.url, "ann", STAFF);
  await merge(page, server.url);
  await conflict(browser, page, server.url);
  await history(page, server.url);
  await account(browser, server.url);
  ok(problems.length === 0, "no page errors" + (problems.length ? `: ${problems[0]}` : ""));
});
