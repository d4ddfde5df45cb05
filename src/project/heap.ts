import { PerformanceObserver } from "node:perf_hooks";
import { getHeapSpaceStatistics } from "node:v8";
import { setUnlessUserSet, userSetFlag, YOUNG_GENERATION_GROWTH_FLAG } from "./v8-settings.js";

/**
 * Percent the old generation may grow past what the last full collection kept before the next one (V8 picks up to
 * 300% on a small heap). Python analysis makes garbage that outlives a young-generation collection (a file's tree
 * and model live as long as its analysis), so the default lets the heap reach several times its live size: on
 * CPython's standard library, 55 MB live in a 200 MB heap. A full collection's cost grows with the live heap and
 * the space between two with it too, so the share of time it costs is the same on a huge project.
 */
const OLD_GENERATION_GROWTH_PERCENT = 10;

/**
 * The young generation's semi-space while Python files are analysed. A file's trees and models die young when there
 * is room for them: with the 1 MB V8 starts with, a cold scan of CPython's standard library took 1.21 x the CPU time
 * (interleaved pairs), promoting what a larger space lets die. 16 MB, V8's largest, costs 16 MB more of fresh memory.
 */
const ANALYSIS_SEMI_SPACE_BYTES = 8 << 20;

let applied = false;

/**
 * Keeps this process's heap close to its live size while Python files are analysed: full collections come when
 * the old generation has grown by `OLD_GENERATION_GROWTH_PERCENT`, and the young generation grows once, to
 * `ANALYSIS_SEMI_SPACE_BYTES`, instead of doubling up to 3 x 16 MB. Neither caps the heap (a huge project gets all
 * the memory it needs, at the price of more frequent collections); on the standard library, peak memory falls from
 * about 350 MB to about 220 MB (40-odd full collections instead of 3, about 0.1 s more of main-thread pauses). Set
 * once per process; worker threads share the flags (they start later, once this thread's young generation has
 * grown). A flag the user set themselves is left as they set it.
 */
export function keepHeapCompact(): void {
  if (applied) return;
  applied = true;
  setUnlessUserSet(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
  if (!userSetFlag(YOUNG_GENERATION_GROWTH_FLAG)) growYoungGenerationOnce();
}

/**
 * Lets the young generation grow at its next chance (V8 grows it after a collection once as much has survived since
 * the last growth as it holds) to `ANALYSIS_SEMI_SPACE_BYTES` in one step, then no further. Until the analysis,
 * a scan keeps the 1 MB it started with (see `tuneV8ForScans`): a scan that analyses nothing touches no more fresh
 * memory than that. The observer hears of a collection only a turn of the event loop later: one long synchronous
 * analysis (a model file of millions of pickle opcodes) can let V8 grow the space again before then, up to its
 * largest (16 MB), as it would without this.
 */
function growYoungGenerationOnce(): void {
  const semiSpace = () => (getHeapSpaceStatistics().find((s) => s.space_name === "new_space")?.space_size ?? 0) / 2;
  const stop = () => setUnlessUserSet(`${YOUNG_GENERATION_GROWTH_FLAG}=1`);
  const now = semiSpace();
  if (now === 0 || now >= ANALYSIS_SEMI_SPACE_BYTES) return stop();
  setUnlessUserSet(`${YOUNG_GENERATION_GROWTH_FLAG}=${Math.ceil(ANALYSIS_SEMI_SPACE_BYTES / now)}`);
  const collections = new PerformanceObserver(() => {
    if (semiSpace() < ANALYSIS_SEMI_SPACE_BYTES) return;
    stop();
    collections.disconnect();
  });
  collections.observe({ entryTypes: ["gc"] });
}
