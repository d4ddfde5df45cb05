// The playground's state in the URL fragment, so a link reproduces the case: `#rules=python/all&z=<code>`,
// the code deflated and base64url-encoded, and `lang=java` (C#, PHP, requirements, ...) when it is not Python.
// The fragment never reaches a server.

export interface PlaygroundState {
  ruleset: string;
  code: string;
  /** A playground language id (`java`, `requirements`, ...); absent means Python. */
  language?: string;
  /** A preset to start with (`<RULE-ID>/<fixture file>`), when the link carries no code: rule pages link so. */
  preset?: string;
}

/** Longest fragment we accept when reading (a few hundred KB of code compresses far below this). */
const MAX_FRAGMENT = 4_000_000;
/** Upper bound on the inflated code, against decompression bombs in crafted links. */
const MAX_CODE_BYTES = 2_000_000;

export async function encodeState(state: PlaygroundState): Promise<string> {
  const params = new URLSearchParams();
  if (state.language && state.language !== "python") params.set("lang", state.language);
  params.set("rules", state.ruleset);
  if (state.preset) params.set("preset", state.preset);
  params.set("z", toBase64Url(await deflate(new TextEncoder().encode(state.code))));
  return "#" + params.toString();
}

export type DecodedState = { ok: true; state: Partial<PlaygroundState> } | { ok: false; error: string };

export async function decodeState(hash: string): Promise<DecodedState> {
  if (hash.length > MAX_FRAGMENT) return { ok: false, error: "the link is too long" };
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const state: Partial<PlaygroundState> = {};
  const rules = params.get("rules");
  if (rules) state.ruleset = rules;
  const lang = params.get("lang");
  if (lang) state.language = lang;
  const preset = params.get("preset");
  if (preset) state.preset = preset;
  const z = params.get("z");
  if (z !== null) {
    try {
      state.code = new TextDecoder("utf-8", { fatal: true }).decode(await inflate(fromBase64Url(z)));
    } catch {
      return { ok: false, error: "the code in this link is damaged" };
    }
  }
  return { ok: true, state };
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_CODE_BYTES) {
      await reader.cancel();
      throw new Error("too large");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
