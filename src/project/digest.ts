// SHA-256 digests (analysis cache keys, --fix's check that a file is unchanged) and short keys.
// node:crypto is loaded on first use: loading it costs a run about 6-10 ms, and most runs (a scan without a cache, a
// model-folder scan, a warm re-scan of unchanged files) need no cryptographic digest.
import type { Hash } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let crypto: typeof import("node:crypto") | undefined;

function nodeCrypto(): typeof import("node:crypto") {
  return (crypto ??= require("node:crypto") as typeof import("node:crypto"));
}

/** A SHA-256 hash to `update`. */
export function sha256(): Hash {
  return nodeCrypto().createHash("sha256");
}

/** Texts up to this length are their own key (see `keyOf`). */
const LITERAL_KEY_MAX = 256 * 1024;

/**
 * A key that is equal for equal texts and, short of a SHA-256 collision, different for different ones: a short text
 * is its own key (compared exactly, and no digest to compute), a long one its digest.
 */
export function keyOf(text: string): string {
  return text.length <= LITERAL_KEY_MAX ? `=${text}` : `sha256:${sha256().update(text).digest("hex")}`;
}

