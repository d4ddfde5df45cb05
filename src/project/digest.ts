// SHA-256 digests (analysis cache keys, --fix's check that a file is unchanged) and random names. node:crypto is
// loaded on first use: loading it costs a run about 10 ms, and most runs (a scan without a cache, a model-folder
// scan) hash nothing.
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

/** `count` random bytes as hexadecimal. */
export function randomHex(count: number): string {
  return nodeCrypto().randomBytes(count).toString("hex");
}
