// t30-accounts.mjs: staff log in, add a session with two speakers, edit it, see both changes in its history,
// log out; the member then sees that session on /me.
import { main, ok, outDir } from "./lib.mjs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const STAFF = "staff-password-42", MEMBER = "member-password-42";
function setup(db, lectern) {
  execFileSync(lectern, ["demo", "--db", db], { stdio: "ignore" });
  execFileSync(lectern, ["user", "add", "--db", db, "--login", "staff", "--role", "staff"], { input: STAFF + "\n", stdio: ["pipe", "ignore", "ignore"] });
  execFileSync(lectern, ["user", "add", "--db", db, "--login", "dave", "--role", "member", "--person", "dave-zolotusky",
    "--org", "spotify"], { input: MEMBER + "\n", stdio: ["pipe", "ignore", "ignore"] });
}

async function logIn(page, url, login, password) {
  await page.goto(url + "/login");
  await page.getByLabel("Login").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

await main(setup, async (browser, server) => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("dialog", (d) => d.accept());

  // A protected page sends us to the login form and back.
  await page.goto(server.url + "/events/kubecon-eu-2019");
  await logIn(page, server.url, "staff", STAFF);
  await page.waitForURL(/\/$/);
  ok(await page.getByRole("link", { name: "staff" }).count() >= 1, "logged in: the header names the user");

  await page.goto(server.url + "/events/kubecon-eu-2019");
  await page.getByRole("link", { name: "New session" }).click();
  ok(await page.getByLabel(/^Event/).inputValue() === "kubecon-eu-2019", "the new session starts from its event");
  ok(await page.getByLabel(/^Kind/).inputValue() === "talk", "a new session is a talk until staff choose");
  ok(await page.getByText("local time in the event's zone, Europe/Madrid").count() === 1, "the start's zone is named");
  await page.getByLabel(/^Title/).fill("Platform engineering at scale");
  await page.getByLabel(/^Kind/).selectOption("panel");
  await page.getByLabel("Date", { exact: true }).fill("2019-05-23");
  await page.getByLabel("Time", { exact: true }).fill("12:00");
  await page.getByLabel("Speaker 1 person").fill("dave-zolotusky");
  await page.getByLabel("Speaker 2 person").fill("James Wen");
  await page.getByLabel("Speaker 2 role").selectOption("moderator");
  // A speaker not in Lectern yet, added from the form itself.
  await page.getByLabel("Speaker 3 person").fill("Priya Raman");
  await page.getByLabel("Speaker 3 organization").fill("spotify");
  await page.getByLabel("New person: speaker 3").check();
  await page.screenshot({ path: join(outDir, "accounts-1-new-session.png"), fullPage: true });
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(/\/sessions\/\d+$/);
  const sessionUrl = page.url();
  ok(await page.locator("h1").textContent() === "Platform engineering at scale", "the session is saved");
  ok(await page.locator("main li", { hasText: "Dave Zolotusky" }).count() === 1 &&
     await page.locator("main li", { hasText: "James Wen" }).count() === 1, "with both speakers");
  ok(await page.locator("main li", { hasText: "Priya Raman" }).locator("a", { hasText: "Spotify" }).count() === 1,
     "and the new one, created from the form, for the organization typed");
  ok(await page.getByText("Thursday, 23 May 2019, 12:00").count() >= 1, "at noon in Madrid, as typed");
  ok(await page.locator("main li", { hasText: "James Wen" }).locator("a", { hasText: "Spotify" }).count() === 1,
     "credited from the affiliation of the day");

  await page.locator("main").getByRole("link", { name: "Edit" }).click();
  await page.getByLabel(/^Title/).fill("Platform engineering at Spotify scale");
  await page.getByLabel("Minutes").fill("40");
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(sessionUrl, { timeout: 5000 }).catch(async () => { console.log("# " + (await page.locator("main").innerText()).slice(0, 600).replace(/\n/g, " | ")); });
  ok((await page.locator("h1").textContent()).includes("Spotify scale"), "the edit is saved");

  await page.locator("main").getByRole("link", { name: "History" }).click();
  const rows = page.locator("table.history tbody tr");
  ok(await rows.count() === 2, "the history shows both changes");
  ok(await rows.first().locator("ins", { hasText: "Spotify scale" }).count() === 1, "the edit, with its new title");
  ok(await rows.nth(1).getByText("create", { exact: false }).count() >= 1, "and the creation");
  await page.screenshot({ path: join(outDir, "accounts-2-history.png"), fullPage: true });
  await page.getByRole("button", { name: "Log out" }).click();
  await page.waitForURL(/\/$/);
  ok(await page.getByRole("link", { name: "Log in" }).count() === 1, "logged out");

  await logIn(page, server.url, "dave", MEMBER);
  await page.goto(server.url + "/me");
  ok(await page.getByRole("link", { name: "Platform engineering at Spotify scale" }).count() === 1,
     "the member sees the session on /me");
  await page.screenshot({ path: join(outDir, "accounts-3-me.png"), fullPage: true });
  ok(problems.length === 0, "no page errors" + (problems.length ? `: ${problems[0]}` : ""));
});
