import { setFlagsFromString } from "node:v8";

/**
 * V8 settings of a Pathfinder process, made once at start-up by the CLI's loader (scripts/cli-loader.mjs), before it
 * compiles the CLI script: V8 keys a code cache to the flags in force, and the build trains the script's cache
 * through the same loader, so the two agree. Flags are process-wide (worker threads share them).
 *
 * Tiering budget. A function's "interrupt budget" is the amount of bytecode it runs between two looks by V8's
 * tiering manager, which sends it to the baseline compiler at the first look and to TurboFan after a few. A scan
 * runs hundreds of functions that are warm for a few milliseconds (one phase, one kind of file): with V8's default,
 * TurboFan compiles ~550 of them on the second core and throws ~125 of those away again (deoptimised, their
 * feedback was not stable yet), and on a 2-core machine that work competes with the scan. Eight times the default
 * budget lets a function gather more feedback first: what stays hot is still optimised (a few milliseconds later),
 * what was only warm is not compiled at all. Measured on Node 20.20 (V8 11.3), 2 cores shared with other jobs,
 * interleaved runs against the same build with `--interrupt-budget=67585` (so that both sides pay the same
 * command-line flag), median of the per-pair ratios, wall / user+sys CPU:
 *   cold scan of CPython's standard library   (5 pairs)   0.62 / 0.76   (4x: 0.83 / 0.79; 16x: 0.69 / 0.76)
 *   dask distributed, 333 files               (5 pairs)   0.82 / 0.69   (4x: 0.70 / 0.78; 16x: 0.66 / 0.72)
 *   mixed model folder, whole process         (7 pairs)   0.82 / 0.78   (4x: 0.96 / 0.83)
 *   warm re-scan of the standard library      (15 pairs)  0.93 / 0.91
 *   one file touched, flask example, --version (7 pairs)  within noise (CPU 0.97-1.00)
 * Findings and peak memory are unchanged (the stdlib's 379 hits; peak RSS ~5% lower: less optimised code).
 * Other V8 versions tier differently (Node 22's V8 12 has Maglev between the two), so they keep V8's defaults
 * until measured.
 *
 * Young generation. It grows in eight-fold steps instead of two-fold: loading the CLI script and reading the
 * analysis cache's record allocate megabytes of short-lived objects at once, and with small steps a warm scan
 * spends a tenth of its time in scavenges that also promote those objects, ending in a full mark-compact. The limit
 * on the young generation's size is unchanged (a long scan reaches it either way), so peak memory is not. (The
 * Python analysis narrows it again while it runs, see heap.ts.)
 *
 * A flag the user set on Node's command line or in NODE_OPTIONS is never overridden, and a user who tunes any
 * tiering flag gets none of ours (tiering flags act together).
 */
const TIERING_BUDGET = "--interrupt-budget=540672";
const MEASURED_V8 = "11.3.";
const YOUNG_GENERATION_GROWTH = "--semi-space-growth-factor=8";

/** V8's flags that choose when and how code is compiled to a higher tier. */
const TIERING_FLAG =
  /^(?:opt|max-opt|jitless|lite-mode|sparkplug|always-sparkplug|turbofan|always-turbofan|maglev.*|turbo-.*|interrupt-budget.*|ticks-before-optimization|bytecode-size-allowance-per-tick|invocation-count-for-.*|max-inlined-.*|max-optimized-bytecode-size|use-osr|always-osr)$/;

/** The V8 and Node flags the user gave this process, by name (`no-` dropped, `_` spelled `-`). */
function userFlagNames(): string[] {
  const args = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  return args.filter((a) => a.startsWith("--")).map((a) => a.slice(2).split("=")[0].replace(/_/g, "-").replace(/^no-/, ""));
}

/** Whether the user set a V8 tiering flag of their own. */
export function userTunedTiering(): boolean {
  return userFlagNames().some((name) => TIERING_FLAG.test(name));
}

/** Sets `flag` (`--name=value`) unless the user set that flag themselves. */
export function setUnlessUserSet(flag: string): void {
  const name = flag.slice(2).split("=")[0].replace(/^no-/, "");
  if (!userFlagNames().includes(name)) setFlagsFromString(flag);
}

let applied = false;

/** The CLI process's settings (see the module comment); once per process. */
export function tuneV8ForScans(): void {
  if (applied) return;
  applied = true;
  setUnlessUserSet(YOUNG_GENERATION_GROWTH);
  if (process.versions.v8.startsWith(MEASURED_V8) && !userTunedTiering()) setFlagsFromString(TIERING_BUDGET);
}
