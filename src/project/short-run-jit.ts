import { setFlagsFromString } from "node:v8";
import { userTunedTiering } from "./v8-settings.js";

/**
 * V8's top tier (TurboFan) compiles hot functions on background threads. A model-file scan of a typical folder
 * (a few hundred files, ~0.3 s of work) pays ~200 ms of CPU for those compiles and finishes before the code they
 * produce pays back; on a 2-core machine they compete with the scan itself. While short artifact work runs, V8 is
 * held below its top tier (on Node 20, whose Maglev tier is off by default, that is the baseline compiler); as soon
 * as the work is heavy (a large file or pickle stream, or a long scan), the top tier is allowed again, where it is
 * 2-3 times faster on a long opcode loop.
 *
 * The setting is process-wide, so holds nest (a count) and a user's own V8 tiering flags are left alone.
 */
const HELD = "--no-turbofan";
/** V8's default. */
const RELEASED = "--turbofan";

/** A file, member, decoded stream or pickle stream larger than this is heavy work. */
export const HEAVY_INPUT_BYTES = 1024 * 1024;
/** Artifact work that has run this long is heavy work. */
export const HEAVY_AFTER_MS = 1000;

let holds = 0;
let released = false;

export interface JitHold {
  /** Allows the top tier again from now on (heavy work ahead); idempotent. */
  release(): void;
  /** Releases when the hold has lasted HEAVY_AFTER_MS. */
  releaseIfLong(): void;
  /** Ends the hold (the top tier is allowed again once no hold is left). */
  end(): void;
}

/** Holds V8 below its top tier for short work; see the module comment. */
export function holdBelowTopTier(): JitHold {
  const active = !userTunedTiering();
  // Date.now, not performance.now: the `performance` global loads perf_hooks (a few ms) on first use.
  const started = Date.now();
  let mine = active;
  if (active) {
    if (holds++ === 0) {
      released = false;
      setFlagsFromString(HELD);
    }
  }
  const release = () => {
    if (!mine) return;
    if (!released) {
      released = true;
      setFlagsFromString(RELEASED);
    }
  };
  return {
    release,
    releaseIfLong() {
      if (mine && !released && Date.now() - started >= HEAVY_AFTER_MS) release();
    },
    end() {
      if (!mine) return;
      mine = false;
      if (--holds === 0 && !released) {
        released = true;
        setFlagsFromString(RELEASED);
      }
    },
  };
}
