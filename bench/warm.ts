// Warm re-scans with the analysis cache, against the `grep -rl` floor on the same files: a copy of the target (so
// one file can be touched) is scanned once to fill the cache, then again unchanged, then after editing one file.
// Also timed: what any Node.js program pays before doing anything (`node -e 0`), as the machine is and with
// NODE_EXTRA_CA_CERTS unset (Node parses the whole CA bundle it names at start; the variable stays set for the scans,
// as users behind TLS-intercepting proxies have it), and loading the bundled CLI.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { discover } from "../src/project/discover.js";

const here = import.meta.dirname;

function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; maxRssKb: number } {
  const started = performance.now();
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env });
  const ms = performance.now() - started;
  if (r.status !== 0 && command === process.execPath) throw new Error(`${args[0]} failed: ${r.stderr}`);
  const child = command === process.execPath ? (JSON.parse(r.stdout) as { maxRssKb: number }) : { maxRssKb: 0 };
  return { ms, maxRssKb: child.maxRssKb };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchWarm(): Promise<void> {
  const target = process.env.BENCH_TARGET ?? spawnSync("python3", ["-c", 'import sysconfig;print(sysconfig.get_paths()["stdlib"])'], { encoding: "utf8" }).stdout.trim();
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const work = mkdtempSync(join(tmpdir(), "pathfinder-bench-warm-"));
  try {
    const copy = join(work, "src");
    cpSync(target, copy, { recursive: true, filter: (p) => !p.includes("__pycache__") && !p.includes("site-packages") });
    const cacheDir = join(work, "cache");
    const scan = () => timed(process.execPath, [join(here, "pathfinder-scan.js"), copy, "--cache-dir", cacheDir]);
    const { files } = await discover(copy, { include: [], exclude: [], skipTests: false, gitignore: true });
    const python = files.filter((f) => f.kind === "python");
    const grepFloor = () => timed("grep", ["-rl", "--include=*.py", "-e", "pickle", copy]);
    const nodeStart = () => timed("node", ["-e", "0"]);
    const withoutCaFile = { ...process.env };
    delete withoutCaFile.NODE_EXTRA_CA_CERTS;
    const nodeStartWithoutCaFile = () => timed("node", ["-e", "0"], withoutCaFile);
    const bundle = new URL("../../build/cli/pathfinder.js", import.meta.url).href;
    const bundleLoad = () => timed("node", ["--input-type=module", "-e", `await import(${JSON.stringify(bundle)})`]);
    // Scans do not trust files modified within a clock tick of their start (see `filesKey`); an edit here is
    // followed by a pause, as a person's would be.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 250));
    await settle();
    const fill = scan();
    const warm: number[] = [];
    const touched: number[] = [];
    const grep: number[] = [];
    const node: number[] = [];
    const nodeWithoutCaFile: number[] = [];
    const load: number[] = [];
    let rss = 0;
    for (let i = 0; i < runs; i++) {
      const w = scan();
      warm.push(w.ms);
      appendFileSync(python[i % python.length].absPath, `\n# touched ${i}\n`);
      await settle();
      const t = scan();
      touched.push(t.ms);
      rss = Math.max(rss, w.maxRssKb, t.maxRssKb);
      grep.push(grepFloor().ms);
      node.push(nodeStart().ms);
      nodeWithoutCaFile.push(nodeStartWithoutCaFile().ms);
      load.push(bundleLoad().ms);
    }
    const floor = median(grep);
    console.log(`\nCache (${python.length} files, a copy of the target): filling scan ${fill.ms.toFixed(0)} ms`);
    console.log(`  warm re-scan, unchanged          ${median(warm).toFixed(0).padStart(6)} ms  ${(median(warm) / floor).toFixed(2)}x the grep -rl floor (${floor.toFixed(0)} ms; target <= 3)`);
    console.log(`  warm re-scan, one file touched   ${median(touched).toFixed(0).padStart(6)} ms  ${(median(touched) / floor).toFixed(2)}x the grep -rl floor`);
    console.log(`  node -e 0 alone                  ${median(node).toFixed(0).padStart(6)} ms  ${(median(node) / floor).toFixed(2)}x; loading the bundled CLI ${median(load).toFixed(0)} ms (${(median(load) / floor).toFixed(2)}x)`);
    const caFile = process.env.NODE_EXTRA_CA_CERTS;
    console.log(
      `  node -e 0, NODE_EXTRA_CA_CERTS unset ${median(nodeWithoutCaFile).toFixed(0).padStart(2)} ms  ` +
        (caFile ? `(so ${(median(node) - median(nodeWithoutCaFile)).toFixed(0)} ms of every Node.js start here is parsing ${caFile})` : "(the variable is not set here)"),
    );
    console.log(`  beyond node -e 0: warm unchanged ${(median(warm) - median(node)).toFixed(0)} ms, one file touched ${(median(touched) - median(node)).toFixed(0)} ms`);
    console.log(`  peak memory of the re-scans ${(rss / 1024).toFixed(0)} MB (filling scan ${(fill.maxRssKb / 1024).toFixed(0)} MB)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
