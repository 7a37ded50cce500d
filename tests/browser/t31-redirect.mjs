// t31-redirect.mjs: a crafted next= lands on this site's own page, never on another site: after the
// login form, and when a logged-in visitor follows a /login?next= link. Chromium drops a tab or a
// newline in a URL and reads a backslash as a slash, so Location "/<tab>/evil.example" (what
// next=/%09/evil.example gave) took it to http://evil.example/.
import { main, ok } from "./lib.mjs";
import { execFileSync } from "node:child_process";

const STAFF = "staff-password-42";
const crafted = ["/%09/evil.example", "/%5C/evil.example", "//evil.example", "/%2F/evil.example", "/%09%09/evil.example"];
function setup(db, lectern) {
  execFileSync(lectern, ["demo", "--db", db], { stdio: "ignore" });
  execFileSync(lectern, ["user", "add", "--db", db, "--login", "staff", "--role", "staff"],
    { input: STAFF + "\n", stdio: ["pipe", "ignore", "ignore"] });
}

/* Every request the page makes to another origin. */
function watch(page, origin) {
  const off = [];
  page.on("request", (r) => { if (!r.url().startsWith(origin + "/")) off.push(r.url()); });
  return off;
}

await main(setup, async (browser, server) => {
  const origin = new URL(server.url).origin;
  for (const next of crafted) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const off = watch(page, origin);
    await page.goto(`${server.url}/login?next=${next}`);
    await page.getByLabel("Login").fill("staff");
    await page.getByLabel("Password").fill(STAFF);
    await Promise.all([page.waitForNavigation({ timeout: 5000 }).catch(() => {}),
      page.getByRole("button", { name: "Log in" }).click()]);
    ok(page.url() === origin + "/" && off.length === 0,
      `the form with next=${next} lands on / (${page.url()}${off.length ? ", asked " + off[0] : ""})`);
    // Logged in now: a link to /login?next= redirects at once.
    await page.goto(`${server.url}/login?next=${next}`).catch(() => {});
    ok(page.url() === origin + "/" && off.length === 0,
      `a link to /login?next=${next} lands on / (${page.url()}${off.length ? ", asked " + off[0] : ""})`);
    ok(await page.getByRole("link", { name: "staff" }).count() >= 1, `next=${next}: logged in on this site`);
    await context.close();
  }
  // A local next still leads where it says.
  const page = await browser.newPage();
  await page.goto(`${server.url}/login?next=/orgs/spotify`);
  await page.getByLabel("Login").fill("staff");
  await page.getByLabel("Password").fill(STAFF);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(/\/orgs\/spotify$/, { timeout: 5000 }).catch(() => {});
  ok(page.url() === `${server.url}/orgs/spotify`, "next=/orgs/spotify: lands there");
});
