// Generators of hostile inputs, shared by the property tests (`npm test`) and the fuzzing campaign
// (`npm run fuzz`): Python sources (free-form and structured), structure-aware pickles, zip/tar/gzip containers
// built from random members, decompression bombs, and mutations of real files.
import { deflateRawSync, gzipSync } from "node:zlib";
import fc from "fast-check";

// ---------------------------------------------------------------- Python

/** Fragments that steer free-form text towards what the scanner cares about, and what stresses a parser. */
const PYTHON_TOKENS = [
  "import pickle\n", "from pickle import *\n", "import cPickle as p\n", "pickle.loads(x)\n", "p.load(f)\n", "yaml.load(s)\n",
  "torch.load(f)\n", "np.load(f, allow_pickle=True)\n", "def f(x):\n", "class C(pickle.Unpickler):\n", "    ", "\t", "\\\n",
  "(", ")", "[", "]", "{", "}", ":", ",", "\"", "'", '"""', "'''", "#", "# comment\n", "\n", "\r\n", "\r", "\0", "\u202e",
  "\ufeff", "lambda: ", "async def g():\n", "await ", "try:\n", "except ImportError:\n", "if x:\n", "else:\n", "@dec\n",
  "importlib.import_module('pic' + 'kle')\n", "getattr(pickle, 'loads')(d)\n", "x = y = z\n", "*a, b = c\n", "f'{x!r:>{w}}'",
  "match x:\n    case [a, *b]:\n        pass\n",
];

/** Any text at all, biased towards Python tokens and control characters. */
export const anyPythonSource: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PYTHON_TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) }), {
    maxLength: 80,
  })
  .map((parts) => parts.join(""));

const identifier = fc.constantFrom("data", "blob", "f", "payload", "value", "obj", "stream", "buf", "item", "key");
const sinkCall = fc.constantFrom(
  "pickle.loads({a})", "pickle.load({a})", "p.loads({a})", "yaml.load({a})", "yaml.unsafe_load({a})", "marshal.loads({a})",
  "dill.loads({a})", "torch.load({a})", "numpy.load({a}, allow_pickle=True)", "pandas.read_pickle({a})", "joblib.load({a})",
  "jsonpickle.decode({a})", "shelve.open({a})", "cloudpickle.loads({a})",
);
const safeCall = fc.constantFrom("json.loads({a})", "pickle.dumps({a})", "yaml.safe_load({a})", "print({a})", "len({a})", "str({a})");
const header =
  "import pickle\nimport pickle as p\nimport yaml\nimport marshal\nimport dill\nimport torch\nimport numpy\nimport pandas\n" +
  "import joblib\nimport jsonpickle\nimport shelve\nimport cloudpickle\nimport json\n";

/** One statement of a structured program: assignments, calls, guarded blocks, functions, classes. */
const statement: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(identifier, sinkCall, identifier).map(([v, call, a]) => `${v} = ${call.replace("{a}", a)}\n`),
  fc.tuple(identifier, safeCall, identifier).map(([v, call, a]) => `${v} = ${call.replace("{a}", a)}\n`),
  fc.tuple(identifier, sinkCall, identifier).map(([name, call, a]) => `def ${name}_fn(${a}):\n    return ${call.replace("{a}", a)}\n`),
  fc.tuple(identifier, sinkCall, identifier).map(([name, call, a]) => `class ${name.toUpperCase()}:\n    def run(self, ${a}):\n        return ${call.replace("{a}", a)}\n`),
  fc.tuple(identifier, sinkCall).map(([a, call]) => `if ${a}:\n    ${call.replace("{a}", a)}\n`),
  fc.tuple(identifier, sinkCall).map(([a, call]) => `try:\n    ${call.replace("{a}", a)}\nexcept Exception:\n    pass\n`),
  identifier.map((v) => `# ${v} = pickle.loads(${v})\n`),
  identifier.map((v) => `${v} = "pickle.loads(${v})"\n`),
);

/** A valid Python module made of import headers and random statements (so its findings are well defined). */
export const structuredProgram: fc.Arbitrary<string> = fc.array(statement, { minLength: 1, maxLength: 25 }).map((s) => header + s.join(""));

/** Edits that must not change what is found: comments, blank lines, unrelated statements, trailing spaces. */
export const irrelevantEdit: fc.Arbitrary<(source: string) => string> = fc.oneof(
  fc.constant((s: string) => `# a comment that mentions nothing\n${s}`),
  fc.constant((s: string) => `\n\n${s}`),
  fc.constant((s: string) => `${s}\n# trailing comment\n`),
  fc.constant((s: string) => `${s}unrelated_value = 42\n`),
  fc.constant((s: string) => s.replace(/\n/g, "  \n")),
  fc.constant((s: string) => s.replace(header, `${header}counter = 0\n`)),
);

/** Inputs known to drive parsers into super-linear time (sized by `n`). */
export const PATHOLOGICAL_SOURCES: Record<string, (n: number) => string> = {
  commentsInDef: (n) => `import pickle\ndef f(x):\n${"    # comment line\n".repeat(n)}    return pickle.loads(x)\n`,
  backslashes: (n) => `import pickle\nx = pickle.loads(a) + \\\n${"  1 + \\\n".repeat(n)}  1\n`,
  longBrokenLine: (n) => `import pickle\npickle.loads(x)\ny = (${"(a, [b, {c: ".repeat(n)}\n`,
  manyFindings: (n) => `import pickle\n${Array.from({ length: n }, (_, i) => `pickle.loads(x${i})\n`).join("")}`,
  deepNesting: (n) => `import pickle\nx = ${"(".repeat(n)}pickle.loads(d)${")".repeat(n)}\n`,
  manyDefs: (n) => `import pickle\n${Array.from({ length: n }, (_, i) => `def f${i}(p):\n    return pickle.loads(p)\n`).join("")}`,
};

// ---------------------------------------------------------------- pickles

const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const latin1 = (s: string) => Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const shortString = (s: string) => [0x8c, s.length & 0xff, ...latin1(s.slice(0, 255))];

const globalName = fc.constantFrom("os", "posix", "builtins", "subprocess", "collections", "numpy.core.multiarray", "torch._utils", "__builtin__", "copy_reg", "x".repeat(300));
const attrName = fc.constantFrom("system", "eval", "getattr", "OrderedDict", "_reconstruct", "_rebuild_tensor_v2", "Popen", "__import__", "");

/** One pickle opcode with plausible arguments (or a random byte). */
const pickleOp: fc.Arbitrary<readonly number[]> = fc.oneof(
  fc.tuple(globalName, attrName).map(([m, n]) => [0x63, ...latin1(`${m}\n${n}\n`)]), // GLOBAL
  fc.tuple(globalName, attrName).map(([m, n]) => [...shortString(m), ...shortString(n), 0x93]), // STACK_GLOBAL
  fc.constantFrom([0x28], [0x52], [0x81], [0x92], [0x62], [0x74], [0x29], [0x5d], [0x7d], [0x2e], [0x30], [0x31], [0x32], [0x85], [0x86], [0x87], [0x94], [0x61], [0x65], [0x73], [0x75], [0x4e], [0x88], [0x89], [0x6f]),
  fc.nat({ max: 300 }).map((n) => [0x71, n & 0xff]), // BINPUT
  fc.nat({ max: 300 }).map((n) => [0x68, n & 0xff]), // BINGET
  fc.nat({ max: 1 << 20 }).map((n) => [0x72, ...u32(n)]), // LONG_BINPUT
  fc.nat({ max: 1 << 20 }).map((n) => [0x6a, ...u32(n)]), // LONG_BINGET
  fc.integer().map((n) => [0x4a, ...u32(n)]), // BININT
  fc.string({ maxLength: 20 }).map((s) => shortString(s)),
  fc.nat({ max: 5 }).map((v) => [0x80, v]), // PROTO
  fc.bigInt({ min: 0n, max: 1n << 40n }).map((n) => [0x95, ...Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(8 * i)) & 0xffn))]), // FRAME
  fc.nat({ max: 255 }).map((code) => [0x82, code]), // EXT1
  fc.uint8Array({ maxLength: 8 }).map((b) => [0x43, b.length, ...b]), // SHORT_BINBYTES
  fc.nat({ max: 255 }).map((b) => [b]),
);

/** A pickle assembled from random opcodes, usually ending in STOP. */
export const picklish: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.boolean(), fc.array(pickleOp, { maxLength: 60 }), fc.boolean())
  .map(([proto, ops, stop]) => Uint8Array.from([...(proto ? [0x80, 4] : []), ...ops.flat(), ...(stop ? [0x2e] : [])]));

/** A pickle that calls a dangerous global, embedded inside a random payload (so nested readers are exercised). */
export const picklishWithPayload: fc.Arbitrary<Uint8Array> = fc
  .tuple(picklish, fc.uint8Array({ maxLength: 64 }))
  .map(([p, junk]) => Uint8Array.from([0x80, 2, 0x63, ...latin1("os\nsystem\n"), 0x8c, 2, 0x69, 0x64, 0x85, 0x52, 0x43, Math.min(p.length, 255), ...p.subarray(0, 255), 0x2e, ...junk]));

// ---------------------------------------------------------------- containers

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface Member {
  name: string;
  data: Uint8Array;
  /** Deflate the member (zip method 8) instead of storing it. */
  deflate?: boolean;
}

function concat(parts: (Uint8Array | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];

/** A zip archive (stored or deflated members) with a central directory, as any zip writer makes it. */
export function zipOf(members: readonly Member[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const m of members) {
    const name = new TextEncoder().encode(m.name);
    const body = m.deflate ? deflateRawSync(m.data) : m.data;
    const method = m.deflate ? 8 : 0;
    const crc = crc32(m.data);
    const common = [...u16(20), ...u16(0), ...u16(method), ...u16(0), ...u16(0), ...u32(crc), ...u32(body.length), ...u32(m.data.length), ...u16(name.length), ...u16(0)];
    const local = concat([[0x50, 0x4b, 0x03, 0x04], common, name, body]);
    centrals.push(concat([[0x50, 0x4b, 0x01, 0x02, ...u16(20)], common, [...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset)], name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = concat(centrals);
  const end = [0x50, 0x4b, 0x05, 0x06, ...u16(0), ...u16(0), ...u16(members.length), ...u16(members.length), ...u32(directory.length), ...u32(offset), ...u16(0)];
  return concat([...locals, directory, end]);
}

/** A POSIX ustar archive of regular files. */
export function tarOf(members: readonly Member[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const m of members) {
    const header = new Uint8Array(512);
    const put = (text: string, at: number, length: number) => header.set(new TextEncoder().encode(text).subarray(0, length), at);
    put(m.name, 0, 100);
    put("0000644\0", 100, 8);
    put("0000000\0", 108, 8);
    put("0000000\0", 116, 8);
    put(m.data.length.toString(8).padStart(11, "0") + "\0", 124, 12);
    put("00000000000\0", 136, 12);
    put("        ", 148, 8);
    header[156] = 0x30;
    put("ustar\0" + "00", 257, 8);
    const sum = header.reduce((n, b) => n + b, 0);
    put(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
    blocks.push(header, m.data, new Uint8Array((512 - (m.data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  return concat(blocks);
}

export const gzipOf = (bytes: Uint8Array): Uint8Array => gzipSync(bytes);

const memberName = fc.oneof(
  fc.constantFrom("archive/data.pkl", "model/data.pkl", "data.pkl", "weights.npy", "../escape.pkl", "/abs.pkl", "a/".repeat(40) + "deep.pkl", "名前.pkl", "archive/version"),
  fc.string({ minLength: 1, maxLength: 30 }),
);
const memberData = fc.oneof(picklish, picklishWithPayload, fc.uint8Array({ maxLength: 200 }));
export const members: fc.Arbitrary<Member[]> = fc.array(fc.record({ name: memberName, data: memberData, deflate: fc.boolean() }), { maxLength: 8 });

/** A zip, tar or gzip (possibly nested one level) built from random members. */
export const container: fc.Arbitrary<Uint8Array> = fc.oneof(
  members.map(zipOf),
  members.map(tarOf),
  memberData.map(gzipOf),
  members.map((m) => gzipOf(tarOf(m))),
  fc.tuple(members, members).map(([outer, inner]) => zipOf([...outer, { name: "inner.zip", data: zipOf(inner) }])),
);

// ---------------------------------------------------------------- model bundles

const configPiece = fc.oneof(
  fc.constantFrom(
    "_target_: builtins.exec", "_target_: nemo.collections.asr.modules.ConvASREncoder", "_target_: ${a.b}", "_target_: *t",
    "_target_: hydra.utils.get_method", "path: os.system", "_args_: [*a, *a, *a]", "a: &a [x, *a]", "t: &t os.system",
    "<<: *a", "b: ${a}", "- {_target_: functools.partial}", "x: !!python/object:os.system []", "[", "{", "? key", "---",
  ),
  fc.string({ maxLength: 20 }),
);
/** YAML-like config text with `_target_`s, anchors, aliases, merges and interpolations at random depths. */
export const modelConfig: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.nat({ max: 6 }), configPiece), { maxLength: 40 })
  .map((lines) => lines.map(([depth, piece]) => " ".repeat(depth * 2) + piece).join("\n"));

/** A safetensors file: an 8-byte header length (sometimes wrong), a JSON header with `__metadata__` strings. */
function safetensorsOf(metadata: string, lengthDelta: number): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ __metadata__: { config: metadata }, w: { dtype: "F32", shape: [1], data_offsets: [0, 4] } }));
  const out = new Uint8Array(8 + header.length + 4);
  new DataView(out.buffer).setBigUint64(0, BigInt(Math.max(0, header.length + lengthDelta)), true);
  out.set(header, 8);
  return out;
}

const bundleMemberName = fc.constantFrom("model_config.yaml", "./model_config.yaml", "hparams.yml", "config.json", "../escape.yaml", "/abs/config.yaml", "a/../../b.yaml");
/** Model bundles: configs in tars and zips (names that escape among them), and safetensors with config metadata. */
export const modelBundle: fc.Arbitrary<{ bytes: Uint8Array; name: string }> = fc.oneof(
  fc.array(fc.tuple(bundleMemberName, modelConfig), { maxLength: 4 }).map((m) => ({ bytes: tarOf(m.map(([name, text]) => ({ name, data: new TextEncoder().encode(text) }))), name: "model.nemo" })),
  fc.array(fc.tuple(bundleMemberName, modelConfig), { maxLength: 4 }).map((m) => ({ bytes: zipOf(m.map(([name, text]) => ({ name, data: new TextEncoder().encode(text), deflate: true }))), name: "model.mar" })),
  fc.tuple(modelConfig, fc.integer({ min: -8, max: 8 })).map(([text, delta]) => ({ bytes: safetensorsOf(text, delta), name: "model.safetensors" })),
);

/** Any bytes: random, a pickle, or a container; sometimes truncated or with a flipped byte. */
export const anyModelBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.oneof(fc.uint8Array({ maxLength: 300 }), picklish, picklishWithPayload, container), fc.nat(), fc.nat({ max: 2 }))
  .map(([bytes, at, how]) => {
    if (how === 0 || bytes.length === 0) return bytes;
    if (how === 1) return bytes.subarray(0, at % bytes.length);
    const copy = Uint8Array.from(bytes);
    copy[at % copy.length] ^= 1 << at % 8;
    return copy;
  });

// ---------------------------------------------------------------- bombs

/** Highly compressible payloads inside each container format (sizes in bytes of output). */
export const BOMBS: Record<string, (size: number) => Uint8Array> = {
  gzipZeros: (size) => gzipOf(new Uint8Array(size)),
  zipDeflatedZeros: (size) => zipOf([{ name: "data.pkl", data: new Uint8Array(size), deflate: true }]),
  zipManyMembers: (size) => zipOf(Array.from({ length: Math.min(size, 5000) }, (_, i) => ({ name: `m/${i}.pkl`, data: Uint8Array.of(0x80, 2, 0x4e, 0x2e) }))),
  nestedZips: (size) => {
    let z = zipOf([{ name: "data.pkl", data: new Uint8Array(Math.min(size, 1 << 20)), deflate: true }]);
    for (let i = 0; i < 8; i++) z = zipOf([{ name: `level${i}.zip`, data: z, deflate: true }, { name: `copy${i}.zip`, data: z, deflate: true }]);
    return z;
  },
  tarGzZeros: (size) => gzipOf(tarOf([{ name: "data.pkl", data: new Uint8Array(size) }])),
};

// ---------------------------------------------------------------- mutation

/** A small deterministic PRNG (mulberry32) for the campaign's mutators. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mutates real bytes: flips, deletions, duplications, insertions of interesting values, splices with a donor. */
export function mutate(bytes: Uint8Array, random: () => number, donor?: Uint8Array): Uint8Array {
  let out: Uint8Array = Uint8Array.from(bytes);
  const pick = (n: number) => Math.floor(random() * n);
  const rounds = 1 + pick(6);
  for (let r = 0; r < rounds; r++) {
    const at = out.length ? pick(out.length) : 0;
    switch (pick(7)) {
      case 0:
        if (out.length) out[at] ^= 1 << pick(8);
        break;
      case 1:
        out = concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + 1 + pick(64)))]);
        break;
      case 2: {
        const len = Math.min(out.length - at, 1 + pick(256));
        out = concat([out.subarray(0, at + len), out.subarray(at, at + len), out.subarray(at + len)]);
        break;
      }
      case 3: {
        const interesting = [[0x00], [0xff], [0x7f], [0x80], [0xff, 0xff, 0xff, 0xff], [0x00, 0x00, 0x00, 0x80], [0x0a], [0x2e], [0x28], [0x52]];
        out = concat([out.subarray(0, at), interesting[pick(interesting.length)], out.subarray(at)]);
        break;
      }
      case 4:
        if (donor && donor.length) {
          const from = pick(donor.length);
          out = concat([out.subarray(0, at), donor.subarray(from, from + 1 + pick(512)), out.subarray(at)]);
        }
        break;
      case 5:
        out = out.subarray(0, at);
        break;
      default: {
        const text = new TextEncoder().encode(PYTHON_TOKENS[pick(PYTHON_TOKENS.length)]);
        out = concat([out.subarray(0, at), text, out.subarray(at)]);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- projects

/**
 * A random project of several modules that refer to one another the ways the whole-program pass follows: star and
 * named re-exports, module aliases, classes inheriting across modules, class and instance attributes bound to
 * modules, sinks, other classes' members and calls on one another, factories, wrappers passing parameters on, and
 * request data flowing in. References go in every direction, so import cycles and member cycles are common: the
 * layouts that made the pass super-linear were of this kind. Every module is valid Python.
 */
export function randomProject(random: () => number): Record<string, string> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const count = 2 + Math.floor(random() * 14);
  const modules = Array.from({ length: count }, (_, i) => (random() < 0.3 ? `pkg.sub.m${i}` : `pkg.m${i}`));
  const classes = modules.map((_, i) => Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => `C${i}_${k}`));
  const attrs = ["a", "b", "c", "loader", "codec", "store"];
  const methods = ["load", "run", "make", "child", "owner", "get"];
  const sinks = ["pickle.loads", "pickle.load", "pickle.Unpickler", "yaml.unsafe_load", "marshal.loads", "shelve.open", "dill.loads"];
  const files: Record<string, string> = { "pkg/__init__.py": random() < 0.5 ? `from pkg.m0 import *\n` : random() < 0.5 ? "from pkg.m0 import T as T, MODULES\n" : "", "pkg/sub/__init__.py": "" };
  const other = (i: number) => Math.floor(random() * count) || (i === 0 ? 0 : 0);
  const expr = (i: number, depth = 0): string => {
    const j = other(i);
    const alias = `mod${j}`;
    const choices = [
      () => pick(sinks),
      () => "pickle",
      () => `${alias}.${pick(classes[j])}`,
      () => `${alias}.${pick(classes[j])}(${random() < 0.5 ? "self" : ""}).${pick(attrs)}`,
      () => `self.${pick(attrs)}.${pick(methods)}()`,
      () => `self.${pick(attrs)}.${pick(attrs)}`,
      () => `${alias}.f${Math.floor(random() * 3)}(self)`,
      () => `${alias}.exported`,
      () => `${alias}.factory()`,
      () => `None`,
    ];
    const e = pick(choices)();
    return depth < 2 && random() < 0.2 ? `${e} if flag else ${expr(i, depth + 1)}` : e;
  };
  modules.forEach((module, i) => {
    const lines = ["import pickle", "import yaml", "import marshal", "import shelve", "import dill", "from flask import request", "flag = False"];
    const imported = new Set<number>();
    for (let n = 0; n < 1 + Math.floor(random() * 4); n++) {
      const j = other(i);
      if (imported.has(j)) continue;
      imported.add(j);
      const style = random();
      if (style < 0.25) lines.push(`from ${modules[j]} import *`);
      else if (style < 0.5) lines.push(`from ${modules[j]} import ${pick(classes[j])}, exported as exported${j}`);
      else lines.push(`import ${modules[j]} as mod${j}`);
    }
    // Every alias used below exists (a module may name itself).
    for (let j = 0; j < count; j++) if (!lines.includes(`import ${modules[j]} as mod${j}`)) lines.push(`import ${modules[j]} as mod${j}`);
    lines.push(`exported = ${random() < 0.5 ? pick(sinks) : `mod${other(i)}.exported`}`);
    if (random() < 0.3) lines.push(`__all__ = [n for n in dir() if not n.startswith("_")]`);
    for (const cls of classes[i]) {
      const j = other(i);
      const base = random() < 0.5 ? `mod${j}.${pick(classes[j])}` : random() < 0.5 ? "pickle.Unpickler" : "object";
      lines.push("", "", `class ${cls}(${base}):`);
      lines.push(`    ${pick(attrs)} = ${random() < 0.5 ? pick(sinks) : "pickle"}`);
      lines.push("    def __init__(self, src=None):");
      for (let n = 0; n < 1 + Math.floor(random() * 4); n++) lines.push(`        self.${pick(attrs)} = ${expr(i)}`);
      for (let m = 0; m < 1 + Math.floor(random() * 3); m++) {
        lines.push(`    def ${pick(methods)}(self, data=None):`);
        for (let n = 0; n < Math.floor(random() * 3); n++) lines.push(`        self.${pick(attrs)} = ${expr(i)}`);
        lines.push(`        return ${random() < 0.5 ? `self.${pick(attrs)}(data)` : `${expr(i)}`}`);
      }
    }
    for (let f = 0; f < 3; f++) {
      const j = other(i);
      lines.push("", "", `def f${f}(x):`);
      lines.push(`    return ${pick([`pickle.loads(x)`, `mod${j}.f${Math.floor(random() * 3)}(x)`, `mod${j}.${pick(classes[j])}().${pick(methods)}(x)`, `exported(x)`, `x`])}`);
    }
    lines.push("", "", "def factory():", `    return ${pick([pick(sinks), `mod${other(i)}.factory()`, `mod${other(i)}.${pick(classes[other(i)])}`, `mod${other(i)}.factory`, `mod${other(i)}.${pick(classes[other(i)])}().${pick(methods)}`])}`);
    // find_class allowlists in another module (rebound there at times).
    lines.push(`ALLOWED = ${pick([`frozenset({("builtins", "set")})`, `mod${other(i)}.ALLOWED`, `("builtins", "os")`, `{("builtins", "eval")}`])}`);
    if (random() < 0.3) lines.push(`mod${other(i)}.ALLOWED = ALLOWED`);
    lines.push("", "", `class R${i}(${pick(["pickle.Unpickler", `mod${other(i)}.R${other(i)}`])}):`, "    def find_class(self, module, name):", `        if ${pick(["(module, name) not in", "name not in"])} mod${other(i)}.ALLOWED:`, "            raise pickle.UnpicklingError(name)", "        return super().find_class(module, name)");
    // Decorators, forwarding through *args/**kwargs, dispatch tables, partials and getattr across modules.
    lines.push("", "", "def deco(fn):", `    return ${pick(["fn", `mod${other(i)}.deco(fn)`, "lambda *a, **k: fn(*a, **k)"])}`);
    lines.push("", "", `@mod${other(i)}.deco`, "def call(fn, *a, **k):", `    return ${pick(["fn(*a, **k)", `mod${other(i)}.call(fn, *a, **k)`, "[fn(x) for x in a]"])}`);
    lines.push(`TABLE = {"p": ${pick(sinks)}, "m": mod${other(i)}.exported, "t": mod${other(i)}.TABLE}`);
    lines.push(`bound = __import__("functools").partial(${pick([`mod${other(i)}.f0`, pick(sinks), `getattr(mod${other(i)}, "exported")`])})`);
    lines.push("", "", "def dispatch(key):", `    return ${pick([`TABLE[key](request.data)`, `mod${other(i)}.call(mod${other(i)}.bound, request.form[key])`, `mod${other(i)}.TABLE["t"]["p"](request.data)`])}`);
    // Tables of modules read across modules and through class bodies, properties, casts (round 6 of the red team).
    lines.push(`MODULES = {"p": pickle, "m": ${pick(["marshal", `mod${other(i)}`, `mod${other(i)}.MODULES`])}, "s": shelve}`);
    lines.push("", "", "class T:", `    MODULES = ${pick(["MODULES", `mod${other(i)}.MODULES`, `{"p": pickle, "t": mod${other(i)}.T}`])}`);
    lines.push("    @property", "    def ser(self):", `        return ${pick(["pickle", `mod${other(i)}.T().ser`, `self.MODULES["p"]`, "self.ser"])}`);
    lines.push("    @classmethod", "    def pick(cls, key):", `        return ${pick(["cls.MODULES[key]", `mod${other(i)}.T.pick(key)`, `mod${other(i)}.MODULES.get(key)`])}`);
    lines.push("", "", `class P${i}(${pick([`mod${other(i)}.T`, "T", `mod${other(i)}.P${other(i)}`])}):`, "    def run(self, data):", `        return ${pick(["self.ser.loads(data)", `__import__("typing").cast(object, self.ser).loads(data)`, `self.pick("p").loads(data)`, `mod${other(i)}.MODULES[data].loads(data)`])}`);
    lines.push("", "", "def view():", `    return ${pick([`f${Math.floor(random() * 3)}(request.data)`, `factory()(request.data)`, `mod${other(i)}.factory()()(request.data)`, `mod${other(i)}.R${other(i)}(request.stream).load()`, `mod${other(i)}.${pick(classes[0])}(request.data).${pick(attrs)}.${pick(methods)}(request.data)`, `exported(request.get_data())`])}`);
    // Round 7: names folded from constants (across modules too), dict allowlists, properties returning fields.
    lines.push(`NAME = ${pick([`"pic" + "kle"`, `f"{mod${other(i)}.NAME}"`, `"%s" % NAME`, `"".join([NAME, NAME])`, `"{}{}".format(mod${other(i)}.NAME, "x")`, `"elkcip"[::-1]`])}`);
    lines.push(`SAFE = ${pick([`{"builtins": {"set"}}`, `{"builtins": mod${other(i)}.SAFE, "os": {"system"}}`, `mod${other(i)}.SAFE`])}`);
    lines.push("", "", `class S${i}(pickle.Unpickler):`, "    def find_class(self, module, name):", `        if name in ${pick([`SAFE[module]`, `mod${other(i)}.SAFE.get(module, ())`])}:`, "            return super().find_class(module, name)", "        raise pickle.UnpicklingError(name)");
    lines.push("", "", `class E${i}:`, "    def __init__(self, raw):", "        self._raw = raw", "    @property", "    def payload(self):", `        return ${pick(["self._raw", `mod${other(i)}.E${other(i)}(self._raw).payload`, "self.payload"])}`);
    lines.push("", "", "def opened():", `    return ${pick([`pickle.loads(mod${other(i)}.E${other(i)}(request.data).payload)`, `__import__(mod${other(i)}.NAME).loads(request.data)`, `S${i}(request.stream).load()`])}`);
    files[`${module.replace(/\./g, "/")}.py`] = lines.join("\n") + "\n";
  });
  // Packages re-exporting modules under other names, round a cycle at times (`from pkg import m1 as alias`).
  if (random() < 0.5) files["pkg/sub/__init__.py"] = modules.map((m, i) => `from ${m.slice(0, m.lastIndexOf("."))} import ${m.slice(m.lastIndexOf(".") + 1)} as alias${i}`).join("\n") + "\nfrom pkg import sub as again\n";
  return files;
}

/**
 * A project whose `.gitignore` hides every Python file and whose `.git/index` (version 2, 3 or 4, as git writes
 * them, then mutated by `mutateBytes`) tracks some of them: the index reader meets hostile counts, lengths and
 * path compression.
 */
export function gitIndexProject(random: () => number, mutateBytes: (bytes: Uint8Array) => Uint8Array): Record<string, string | Uint8Array> {
  const paths = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) => `${random() < 0.5 ? "vendor/" : ""}m${i}.py`).sort();
  const version = 2 + Math.floor(random() * 3);
  const project: Record<string, string | Uint8Array> = { ".gitignore": "*.py\n" };
  for (const path of paths) project[path] = "import pickle\npickle.loads(b)\n";
  project[".git/index"] = mutateBytes(gitIndex(paths, version));
  return project;
}

/** The bytes of a git index (SHA-1, no extensions, zero stats and hashes) listing `paths`, sorted. */
export function gitIndex(paths: string[], version: number): Uint8Array {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.write("DIRC", 0, "latin1");
  header.writeUInt32BE(version, 4);
  header.writeUInt32BE(paths.length, 8);
  parts.push(header);
  let previous = "";
  for (const path of paths) {
    const name = Buffer.from(path);
    const fixed = Buffer.alloc(62);
    fixed.writeUInt32BE(0o100644, 24);
    fixed.writeUInt16BE(Math.min(name.length, 0xfff), 60);
    parts.push(fixed);
    if (version === 4) {
      let common = 0;
      while (common < previous.length && common < path.length && previous[common] === path[common]) common++;
      const strip = previous.length - common;
      // git's offset varint: seven bits a byte, high bit set on all but the last, each continuation one more.
      const bytes = [strip & 0x7f];
      for (let rest = strip >> 7; rest; rest = (rest >> 7)) bytes.unshift(0x80 | (--rest & 0x7f));
      parts.push(Buffer.from(bytes), Buffer.from(path.slice(common) + "\0"));
    } else {
      const length = (62 + name.length + 8) & ~7;
      parts.push(name, Buffer.alloc(length - 62 - name.length));
    }
    previous = path;
  }
  parts.push(Buffer.alloc(20));
  return Buffer.concat(parts);
}

/** IPython lines a notebook cell may hold, as Jupyter users write them. */
const IPYTHON_LINES = ["%matplotlib inline", "!pip install -q \\", "    torch", "files = !ls", "%time x = f()", "%timeit -n 3 g()", "obj?", "%%time", "%%bash", "%load_ext autoreload", "%time !ls"];

/**
 * A project holding one Jupyter notebook made of `python` cut into cells (IPython lines mixed in, some cells markdown),
 * written as Jupyter writes it, then sometimes mutated by `mutateBytes`.
 */
export function notebookProject(random: () => number, python: string, mutateBytes: (bytes: Uint8Array) => Uint8Array): Record<string, string | Uint8Array> {
  const lines = python.split("\n");
  const cells: { cell_type: string; source: string[] | string; metadata: object; outputs?: unknown[]; execution_count?: null }[] = [];
  for (let at = 0; at < lines.length; ) {
    const take = 1 + Math.floor(random() * 12);
    const chunk = lines.slice(at, at + take);
    at += take;
    if (random() < 0.3) chunk.splice(Math.floor(random() * (chunk.length + 1)), 0, IPYTHON_LINES[Math.floor(random() * IPYTHON_LINES.length)]);
    const source = chunk.map((l, i) => (i < chunk.length - 1 ? l + "\n" : l));
    cells.push(random() < 0.15 ? { cell_type: "markdown", source, metadata: {} } : { cell_type: "code", source: random() < 0.1 ? source.join("") : source, metadata: {}, outputs: [], execution_count: null });
  }
  const text = JSON.stringify({ cells, metadata: { kernelspec: { language: "python", name: "python3" } }, nbformat: 4, nbformat_minor: 5 }, null, 1);
  const bytes = new TextEncoder().encode(random() < 0.3 ? text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : text);
  return { "analysis.ipynb": random() < 0.5 ? bytes : mutateBytes(bytes) };
}
