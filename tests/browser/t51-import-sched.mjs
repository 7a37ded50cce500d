// t51-import-sched.mjs: staff import a Sched iCal feed on /admin/import: the preview shows each talk's
// speakers with their companies and the names to review; confirmed, the talks are credited to the
// right organizations on the organizations' and people's pages.
import { logInAt, main, ok, outDir, root, staffSetup } from "./lib.mjs";
import { join } from "node:path";

const PW = "staff-password-42";

await main(staffSetup("staff", PW), async (browser, server) => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  await logInAt(page, server, "/admin/import", "staff", PW);

  await page.getByLabel("Schedule file").setInputFiles(join(root, "tests/data/readers/sched-kccnceu26.ics"));
  await page.getByRole("button", { name: "Preview" }).click();
  await page.waitForLoadState();
  ok((await page.locator("h1").textContent()).startsWith("Preview"), "the preview opens");
  ok(await page.getByText("Read as Sched iCalendar", { exact: false }).count() === 1, "it says the feed was read as Sched's");
  const n = async (label) => Number(await page.locator(".numbers li").filter({ has: page.locator(".l", { hasText: new RegExp(`^${label}$`) }) }).locator(".n").textContent());
  ok(await n("New sessions") === 17, "it counts 17 new sessions");
  ok(await n("New organizations") === 15, "and 15 new organizations");
  const details = page.locator("ul.report");
  ok(await details.getByText('new: "Enforce VIP Access Only Through Node Attestation" with Alice Frosi (Red Hat), Jakob Naucke (Red Hat)').count() === 1,
    "a talk's speakers are listed with the company named once for both");
  ok(await details.getByText('new: "Multiple Networks in One Cluster" with Piotr Skamruk (CodiLime), Doug Smith (Red Hat, Inc.)').count() === 1,
    "and with a company each, as the title writes it");
  ok(await details.getByText('new: "Welcome Back" with Jane Doe (Cloud Native Computing Foundation)').count() === 1,
    "a keynote's position is not taken for the company");
  const review = page.locator("section.review");
  ok(await review.getByRole("heading", { name: "To review (2)" }).count() === 1, "the review list counts two");
  ok(await review.getByText("Jane Roe, Ernst & Young", { exact: false }).count() === 1, "'Ernst & Young' is to review, with the raw text");
  ok(await review.getByText("Intro to Dashboards - Grafana Labs", { exact: false }).count() === 1, "so is a speaker that may be a company");
  await page.screenshot({ path: join(outDir, "import-sched-1-preview.png"), fullPage: true });

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.waitForURL(/\/admin\/imports/);
  ok(await page.getByText("Imported.").count() === 1, "confirmed");

  await page.goto(server.url + "/orgs/red-hat");
  ok((await page.locator("h1").textContent()).includes("Red Hat"), "Red Hat has its page");
  for (const t of ["Enforce VIP Access Only Through Node Attestation", "Multiple Networks in One Cluster",
    "The State of Open Source Security", "Storage on Kubernetes - Learning From Failures"])
    ok(await page.getByRole("link", { name: t }).count() >= 1, `Red Hat is credited with "${t}"`);
  ok(await page.getByRole("link", { name: "Debug Your Kubernetes Apps" }).count() === 0, "and not with Amazon's tutorial");
  await page.screenshot({ path: join(outDir, "import-sched-2-org.png"), fullPage: true });
  await page.goto(server.url + "/orgs/codilime");
  ok(await page.getByRole("link", { name: "Multiple Networks in One Cluster" }).count() >= 1, "CodiLime is credited with the talk Piotr Skamruk gave for it");
  await page.goto(server.url + "/orgs/cloud-native-computing-foundation");
  ok(await page.getByRole("link", { name: "Welcome Back" }).count() >= 1, "the CNCF with the keynote");
  await page.goto(server.url + "/people/doug-smith");
  ok(await page.getByText("Red Hat").count() >= 1, "Doug Smith's page names Red Hat for his talk ('Red Hat, Inc.' in the title)");
  ok(problems.length === 0, "no page errors" + (problems.length ? `: ${problems[0]}` : ""));
});
