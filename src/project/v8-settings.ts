import { setFlagsFromString } from "node:v8";

/**
 * V8 settings of a Pathfinder process, made once at start-up by the CLI's loader (scripts/cli-loader.mjs), before it
 * compiles the CLI script: V8 keys a code cache to the flags in force, and the build trains the script's cache
 * through the same loader, so the two agree. Flags are process-wide (worker threads share them).
 *
 * Tiering budget. A function's "interrupt budget" is the amount of bytecode it runs between two looks by V8's
 * tiering manager, which sends it to the baseline compiler at the first look and to TurboFan after a few. A scan
 * runs hundreds of functions that are warm for a few milliseconds (one phase, one kind of file): with V8's default,
 * a cold scan of CPython's standard library had TurboFan compile 625 functions on the second core and throw code
 * away 124 times (deoptimised: the feedback it was built on was not stable yet), and on a 2-core machine that work
 * competes with the scan. Eight times the default budget lets a function gather more feedback first: what stays
 * hot is still optimised (a few milliseconds later), what was only warm is not compiled at all (the same scan: 221
 * compiles, 17 deoptimisations; `node --trace-opt --trace-deopt`). Measured on Node 20.20 (V8 11.3), 2 cores shared with other jobs
 * (load 7-13), interleaved runs of this build against the one before it, 7 pairs each, medians of wall / user+sys
 * CPU seconds, then the median of the per-pair ratios:
 *   cold scan of CPython's standard library    17.8 / 8.68 -> 14.7 / 6.40   ratio 0.72 / 0.72
 *   dask distributed (333 files), no cache     19.3 / 8.85 -> 13.5 / 5.57   ratio 0.67 / 0.64
 *   mixed model folder (386 files), process     3.48 / 1.31 -> 2.25 / 0.87  ratio 0.65 / 0.65
 *   warm re-scan of the standard library       0.87 / 0.33 -> 0.75 / 0.31   ratio 0.86 / 0.89
 *   the same after touching one file           0.91 / 0.36 -> 0.85 / 0.33   ratio 0.93 / 0.95
 *   examples/flask-ml-app; `--version`          CPU ratio 1.00; 1.00 (wall within noise)
 * Repeated 20 minutes later (wall / CPU ratios): 0.77 / 0.74, 0.63 / 0.68, 0.68 / 0.69, 0.98 / 0.86, 1.00 / 0.85,
 * 0.98 / 0.96; 0.92 / 1.00.
 * The stdlib's 379 findings, dask's 45 and the folder's 306 are unchanged; peak RSS on the stdlib 225 -> 210 MB
 * (less optimised code). Against 2x and 4x the default (cold stdlib CPU 0.90 and 0.76-0.79, 5 pairs) and 16x (0.76),
 * 8x saved as much CPU or more on every workload. With `--jobs 1` (a worker thread, which shares the flags) on
 * dask: 19.7 / 8.02 -> 14.5 / 5.66, ratio 0.67 / 0.70. The same flag on Node's command line gives the same tiering (a probe
 * function reaches TurboFan after the same number of calls) but costs every run its code caches (V8 rejects them
 * under other flags): `--version` +58% CPU, a warm re-scan +23%.
 * Maglev (experimental in V8 11.3, off by default) was not adopted: alone, cold stdlib 1.56 / 1.37 against this
 * build; with the same budget 0.92 / 0.95 (5 pairs), within noise, for an unfinished compiler.
 * Other V8 versions tier differently (Node 22's V8 12 has Maglev between the two), so they keep V8's defaults
 * until measured.
 *
 * Young generation. It keeps the 1 MB semi-space V8 starts with until Python files are analysed (heap.ts grows it
 * then, in one step, to what the analysis wants). A scan that analyses nothing (a warm re-scan) allocates some
 * 15 MB, most of it short-lived (Node's file stats, the cache's JSON): in a young generation that grew to 8 MB while
 * the CLI loaded (the growth this module set before), every page of it was fresh memory, which costs ~14 us per 4 KB
 * page on the virtual machines CI runs on, and the growing collection itself took ~10 ms. Interleaved pairs, warm
 * re-scan of CPython's standard library against growth in eight-fold steps (15 pairs, machine under load): CPU time
 * 0.82x, minor page faults 5258 instead of 7351; two-fold steps (V8's default) gave 0.89x.
 *
 * A flag the user set on Node's command line or in NODE_OPTIONS is never overridden, and a user who tunes any
 * tiering flag gets none of ours (tiering flags act together).
 */
const TIERING_BUDGET = "--interrupt-budget=540672";
const MEASURED_V8 = "11.3.";
export const YOUNG_GENERATION_GROWTH_FLAG = "--semi-space-growth-factor";
/** The young generation's growth a run starts with (see the module comment): none. */
export const YOUNG_GENERATION_GROWTH = `${YOUNG_GENERATION_GROWTH_FLAG}=1`;

/** V8's flags that choose when and how code is compiled to a higher tier. */
const TIERING_FLAG =
  /^(?:opt|max-opt|jitless|lite-mode|sparkplug|always-sparkplug|turbofan|always-turbofan|maglev.*|turbo-.*|interrupt-budget.*|ticks-before-optimization|bytecode-size-allowance-per-tick|invocation-count-for-.*|max-inlined-.*|max-optimized-bytecode-size|use-osr|always-osr)$/;

/** A flag's name: `--no-max_opt=1` is `max-opt` (`no-` dropped, `_` spelled `-`). */
function flagName(arg: string): string {
  return arg.slice(2).split("=")[0].replace(/_/g, "-").replace(/^no-/, "");
}

/** The V8 and Node flags the user gave this process, by name. */
function userFlagNames(): string[] {
  const args = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  return args.filter((a) => a.startsWith("--")).map(flagName);
}

/** Whether the user set a V8 tiering flag of their own. */
export function userTunedTiering(): boolean {
  return userFlagNames().some((name) => TIERING_FLAG.test(name));
}

/** Whether the user set `flag` (`--name` or `--name=value`) themselves. */
export function userSetFlag(flag: string): boolean {
  return userFlagNames().includes(flagName(flag));
}

/** Sets `flag` (`--name=value`) unless the user set that flag themselves. */
export function setUnlessUserSet(flag: string): void {
  if (!userSetFlag(flag)) setFlagsFromString(flag);
}

let applied = false;

/** The CLI process's settings (see the module comment); once per process. */
export function tuneV8ForScans(): void {
  if (applied) return;
  applied = true;
  setUnlessUserSet(YOUNG_GENERATION_GROWTH);
  if (process.versions.v8.startsWith(MEASURED_V8) && !userTunedTiering()) setFlagsFromString(TIERING_BUDGET);
}
