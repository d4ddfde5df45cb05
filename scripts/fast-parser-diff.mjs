// Differential check of the fast Python parser against tree-sitter (run after `npx tsc -p tsconfig.json`):
//   node scripts/fast-parser-diff.mjs [--no-ranges] [--examples N] <dir>...
// For every .py file under the directories, parses the whole file, and the ranges the analysis really asks for
// (recorded from analyzePython runs), with both parsers and compares the trees node by node (type, field, offsets,
// children, comments, maxDepth). Reports files accepted by the fast parser, identical, differing (must be 0),
// fallbacks by reason, the share of parsed characters the fast path takes, and both parsers' throughput.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const build = new URL("../build/src/", import.meta.url);
const { createPythonParser } = await import(new URL("languages/python/parser.js", build));
const { fastParse } = await import(new URL("languages/python/fast-parser/index.js", build));
const { LineIndex } = await import(new URL("languages/python/syntax.js", build));
const { analyzePython, SinkIndex } = await import(new URL("languages/python/analyze.js", build));
const { PYTHON_RULES } = await import(new URL("rules/registry.js", build));

const args = process.argv.slice(2);
const noRanges = args.includes("--no-ranges");
const exampleLimit = Number(args[args.indexOf("--examples") + 1]) || 10;
const showReason = args.includes("--reason") ? args[args.indexOf("--reason") + 1] : undefined;
const roots = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--examples" && args[i - 1] !== "--reason");
const require = createRequire(import.meta.url);
const grammar = readFileSync(require.resolve("tree-sitter-python/tree-sitter-python.wasm"));
const treeSitter = await createPythonParser({ grammar, treeSitterOnly: true });

const files = [];
const walk = (dir) => {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.isFile() && e.name.endsWith(".py")) files.push(p);
  }
};
for (const r of roots) walk(r);

/** The first difference between two trees, or undefined. */
function difference(a, b) {
  if (a.comments.length !== b.comments.length) return `comments ${a.comments.length} vs ${b.comments.length}`;
  if (a.maxDepth !== b.maxDepth) return `maxDepth ${a.maxDepth} vs ${b.maxDepth}`;
  const stack = [[a.root, b.root]];
  while (stack.length) {
    const [x, y] = stack.pop();
    const sx = `${x.type}@${x.field} ${x.start}-${x.end}`;
    const sy = `${y.type}@${y.field} ${y.start}-${y.end}`;
    if (sx !== sy || x.children.length !== y.children.length || x.missing !== y.missing) {
      return `${sx} [${x.children.map((c) => c.type).join(",")}] vs ${sy} [${y.children.map((c) => c.type).join(",")}] (parent ${y.parent?.type})`;
    }
    if ((x.parent === null) !== (y.parent === null) || (x.parent && x.parent.start !== y.parent.start)) return `parent of ${sx}`;
    for (let i = 0; i < x.children.length; i++) {
      if (x.children[i].parent !== x) return `parent link of ${x.children[i].type}`;
      stack.push([x.children[i], y.children[i]]);
    }
  }
  return undefined;
}

const stats = { parses: 0, accepted: 0, identical: 0, differing: 0, treeSitterErrors: 0, acceptedWithErrors: 0, chars: 0, fastChars: 0, fastMs: 0, tsMs: 0, comparedChars: 0 };
const reasons = new Map();
const examples = [];
function check(name, source, ranges) {
  stats.parses++;
  const chars = ranges ? ranges.reduce((n, r) => n + r.end - r.start, 0) : source.length;
  stats.chars += chars;
  let t = performance.now();
  const expected = treeSitter.parse(source, ranges);
  const tsMs = performance.now() - t;
  t = performance.now();
  const fast = fastParse(source, ranges, new LineIndex(source));
  const fastMs = performance.now() - t;
  if (expected.problems.length) stats.treeSitterErrors++;
  if (!("tree" in fast)) {
    const seen = reasons.get(fast.unsupported) ?? { parses: 0, chars: 0 };
    reasons.set(fast.unsupported, { parses: seen.parses + 1, chars: seen.chars + chars });
    if (fast.unsupported === showReason && examples.length < exampleLimit) examples.push(`${name}: ${showReason}`);
    return;
  }
  stats.accepted++;
  stats.fastChars += chars;
  stats.fastMs += fastMs;
  stats.tsMs += tsMs;
  const diff = expected.problems.length ? "tree-sitter found syntax errors" : difference(fast.tree, expected);
  if (diff === undefined) stats.identical++;
  else {
    stats.differing++;
    if (expected.problems.length) stats.acceptedWithErrors++;
    if (examples.length < exampleLimit) examples.push(`${name}${ranges ? ` (${ranges.length} ranges)` : ""}: ${diff}`);
  }
}

const recorded = [];
const recorder = {
  parse(source, ranges, budget) {
    if (ranges) recorded.push([source, ranges]);
    return treeSitter.parse(source, ranges, budget);
  },
};
const index = new SinkIndex(PYTHON_RULES);
for (const file of files) {
  let source;
  try {
    if (statSync(file).size > 20_000_000) continue;
    source = readFileSync(file, "utf8");
  } catch {
    continue;
  }
  check(file, source, undefined);
  if (!noRanges) {
    recorded.length = 0;
    try {
      analyzePython(recorder, { path: file, source, moduleName: "m" }, index, {});
    } catch {}
    for (const [s, r] of recorded) check(file, s, r);
  }
}
const mchars = (c, ms) => (ms ? (c / 1e3 / ms).toFixed(1) : "-");
console.log(`files ${files.length}, parses ${stats.parses} (${(stats.chars / 1e6).toFixed(1)} M chars)`);
console.log(`accepted ${stats.accepted}, identical ${stats.identical}, differing ${stats.differing} (of them tree-sitter errors ${stats.acceptedWithErrors}); tree-sitter errors overall ${stats.treeSitterErrors}`);
console.log(`fast path share of parsed chars ${((100 * stats.fastChars) / stats.chars).toFixed(1)}%; on the accepted parses: fast ${mchars(stats.fastChars, stats.fastMs)} M chars/s, tree-sitter ${mchars(stats.fastChars, stats.tsMs)} M chars/s`);
console.log("fallbacks by reason (parses, chars):");
for (const [r, n] of [...reasons].sort((a, b) => b[1].chars - a[1].chars).slice(0, 30)) console.log(`  ${n.parses}\t${n.chars}\t${r}`);
if (examples.length) console.log("differences:\n  " + examples.join("\n  "));
process.exitCode = stats.differing ? 1 : 0;
