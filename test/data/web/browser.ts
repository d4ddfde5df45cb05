// Harness of the browser tests: the real `pathfinder playground` server in a child process and Debian's
// headless Chromium driven by playwright-core, with every request the pages make recorded.

import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const BIN = join(REPO_ROOT, "bin", "pathfinder.js");
const CHROMIUM = process.env.PATHFINDER_CHROMIUM ?? "/usr/bin/chromium";

export interface PlaygroundServer {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

/** Starts `pathfinder playground --port 0` and reads the URL it prints. */
export async function startPlayground(extraArgs: string[] = []): Promise<PlaygroundServer> {
  assert.ok(existsSync(join(REPO_ROOT, "web-dist", "index.html")), "web-dist/ is missing: run `npm run build` (it builds the site too)");
  const child = spawn(process.execPath, [BIN, "playground", "--port", "0", ...extraArgs], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    child.stdout!.on("data", (d) => {
      stdout += d;
      const m = /Pathfinder playground: (http:\/\/\S+)/.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.on("exit", (code) => reject(new Error(`pathfinder playground exited with ${code} before printing its URL:\n${stderr}`)));
  });
  return { url, origin: new URL(url).origin, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export interface Browser {
  context: BrowserContext;
  /** Every URL any page requested, in order. */
  requests: string[];
  /** Uncaught page errors and console errors. */
  pageErrors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile. Missing Chromium is a failure with instructions, never a skip. */
export async function launchBrowser(): Promise<Browser> {
  assert.ok(
    existsSync(CHROMIUM),
    `Chromium not found at ${CHROMIUM}. The web tests need it: apt-get update && apt-get install -y chromium ` +
      `(.ci/run installs it), or set PATHFINDER_CHROMIUM to a Chromium binary.`,
  );
  const profile = mkdtempSync(join(tmpdir(), "pathfinder-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  context.on("page", (page) => {
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
  });
  return {
    context,
    requests,
    pageErrors,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface SiteSession {
  server: PlaygroundServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** The served site, a fresh browser and one page: the common setup of the browser tests. */
export async function openSite(): Promise<SiteSession> {
  const server = await startPlayground();
  const browser = await launchBrowser();
  const page = await browser.newPage();
  return {
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** Asserts that no request left `origin` (data: and blob: URLs stay in the page). */
export function assertLocalOnly(requests: readonly string[], origin: string): void {
  const offsite = requests.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(offsite, [], "pages made requests off the local server");
  assert.ok(requests.length > 0, "no request was recorded at all");
}

/**
 * Replaces the whole content of the CodeMirror editor inside `scope`: typed key by key, or inserted in one
 * input event like a paste (faster, and free of auto-indentation).
 */
export async function typeInEditor(page: Page, text: string, options: { scope?: string; paste?: boolean } = {}): Promise<void> {
  await page.click(`${options.scope ?? "#editor"} .cm-content`);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  if (options.paste) await page.keyboard.insertText(text);
  else await page.keyboard.type(text);
}

/** The editor's document, read from CodeMirror's view of it. */
export function editorText(page: Page, scope = "#editor"): Promise<string> {
  return page.$$eval(`${scope} .cm-content .cm-line`, (lines) => lines.map((l) => l.textContent ?? "").join("\n"));
}

/** Lines of the findings currently listed in `panel` (from each button's data-line), sorted and distinct. */
export async function listedLines(page: Page, panel = "#findings"): Promise<number[]> {
  const lines = await page.$$eval(`${panel} .finding-jump`, (els) => els.map((el) => Number((el as HTMLElement).dataset.line)));
  return [...new Set(lines)].sort((a, b) => a - b);
}
