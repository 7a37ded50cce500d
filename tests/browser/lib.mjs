// lib.mjs: browser-test helpers: a fresh lectern server, Debian's chromium via playwright-core, TAP output.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const outDir = join(root, "build", "screenshots");
mkdirSync(outDir, { recursive: true });
const lectern = process.env.LECTERN || join(root, "build", "lectern");

let n = 0, failed = 0;
export function ok(cond, what) {
  n++;
  if (cond) console.log(`ok ${n} - ${what}`);
  else { failed++; console.log(`not ok ${n} - ${what}`); }
}

/* Starts lectern on a free port with a fresh database; setup(db) may fill it first. */
export async function startServer(setup) {
  const dir = mkdtempSync(join(tmpdir(), "lectern-browser-"));
  const db = join(dir, "lectern.db");
  if (setup) setup(db, lectern);
  const proc = spawn(lectern, ["serve", "--db", db, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("server did not start")), 10000);
    proc.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/serving on (http:\/\/[^\s]+?)\/\n/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
  return { url, db, dir, lectern, stop() { proc.kill("SIGTERM"); rmSync(dir, { recursive: true, force: true }); } };
}

export function run(db, ...args) {
  return execFileSync(lectern, args.length ? args : [], { encoding: "utf8", env: { ...process.env, LECTERN_DB: db } });
}

export async function launch() {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-proxy-server"],
  });
  return browser;
}

/* Runs body(browser, server); reports a thrown error as a failure; exits non-zero on any failure. */
export async function main(setup, body) {
  let server, browser;
  try {
    server = await startServer(setup);
    browser = await launch();
    await body(browser, server);
  } catch (e) {
    ok(false, `no exception (${e && e.message ? e.message.split("\n")[0] : e})`);
  } finally {
    if (browser) await browser.close();
    if (server) server.stop();
  }
  console.log(`1..${n}`);
  process.exit(failed ? 1 : 0);
}

/* A setup for main(): a migrated database with one staff login. */
export function staffSetup(login, password) {
  return (db, lectern) => {
    execFileSync(lectern, ["migrate", "--db", db], { stdio: "ignore" });
    execFileSync(lectern, ["user", "add", "--db", db, "--login", login, "--role", "staff"],
      { input: password + "\n", stdio: ["pipe", "ignore", "ignore"] });
  };
}

/* Opens path, logs in on the form it is sent to, and waits to be back on path. */
export async function logInAt(page, server, path, login, password) {
  await page.goto(server.url + path);
  await page.getByLabel("Login").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(new RegExp(path.replace(/[/.]/g, "\\$&") + "$"));
}

/* axe-core over the page as it is now: the violations of impact "serious" or "critical" (the
 * context needs bypassCSP: the page's policy allows no injected script). */
const axeSource = readFileSync(join(root, "tests", "browser", "node_modules", "axe-core", "axe.min.js"), "utf8");
export async function axeSerious(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")})`);
}
