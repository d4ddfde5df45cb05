// Records what the region pre-scanner and the prefilters decide for every Python file under the given folders, with
// the build in BUILD (default ./build): the prefilter's verdict on the raw bytes, the anchor offsets, the top-level
// segments (and class members) and the relevant ranges under the first pass's, the whole-program pass's and the
// wanted-summaries' sink names. Run it with two builds and compare the outputs, to show a change to those functions
// leaves every decision as it was:
//
//   node scripts/prescan-check.mjs --build /work/main/build --out /tmp/main.json <folders...>
//   node scripts/prescan-check.mjs --build build --out /tmp/new.json <folders...>
//   node scripts/prescan-check.mjs --compare /tmp/main.json /tmp/new.json
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
if (args[0] === "--compare") process.exit(compare(args[1], args[2]));

let build = "build";
let out = "/dev/stdout";
const roots = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--build") build = args[++i];
  else if (args[i] === "--out") out = args[++i];
  else roots.push(args[i]);
}
const load = (path) => import(pathToFileURL(resolve(build, "src", path)).href);
const [{ SinkIndex }, prefilter, topLevel, regions, registry, trust] = await Promise.all([
  load("languages/python/analyze.js"),
  load("languages/python/prefilter.js"),
  load("languages/python/top-level.js"),
  load("languages/python/regions.js"),
  load("rules/registry.js"),
  load("rules/python/trust-join.js"),
]);
const resolution = registry.ruleSetSpec([]);
const rules = registry.buildRuleSet(trust.withTrustFlow(resolution.spec));
const firstPass = new SinkIndex(rules);
// The whole-program pass adds the project's own names that lead to a sink as tokens and words.
const wholeProgram = new SinkIndex(rules, { words: ["load_object", "unpickle", "Loader", "utils.restore", "aa", "io", "sys", "pickle", "\u00e9t\u00e9", "aba"], modules: ["pkg.utils", "helpers"] });
const summaryNames = { attributeKeys: undefined, leadsToSink: (m) => firstPass.leadsToSink(m), keepCalledFunctions: true, flowSources: firstPass.flowSources, importsMaySource: true };
const anyToken = prefilter.prefilterRegExp(prefilter.prefilterTokens(rules));

const digest = (value) => createHash("sha1").update(JSON.stringify(value)).digest("base64").slice(0, 16);
const sorted = (set) => (set ? [...set].sort((a, b) => a - b) : null);
function segmentFacts(source, s, attributeKeys, depth = 0) {
  const lines = s.lines?.map((l) => [l.start, l.end, sorted(l.identifiers), sorted(l.bound)]) ?? null;
  const members = s.isClass && depth < 1 ? topLevel.splitClassBody(source, s, attributeKeys) : undefined;
  // What a definition binds and shadows is never read (only its `globals`): a class body read as part of its class
  // statement may bind more than its members do, without any consequence.
  const definition = s.definition !== undefined;
  return [s.start, s.end, s.definition ?? null, s.definitionKey ?? null, s.isClass ?? null, s.bodyStart ?? null, sorted(s.headerIdentifiers), sorted(s.identifiers), sorted(s.attributes), definition ? null : sorted(s.bound), definition ? null : sorted(s.shadows), sorted(s.globals), lines, s.prose, members ? members.map((m) => segmentFacts(source, m, attributeKeys, depth + 1)) : null];
}

/** Flow summaries a whole-program pass may want of this file: its first function, a method of its first class, `*.__init__`. */
function wantedOf(segments) {
  const wanted = ["*.__init__", "*.read"];
  const def = segments.find((s) => s.definition !== undefined && !s.isClass);
  if (def) wanted.push(def.definition);
  const cls = segments.find((s) => s.isClass);
  if (cls) wanted.push(`${cls.definition}.get`);
  return wanted;
}

function factsOf(bytes) {
  const facts = {};
  const latin1 = bytes.toString("latin1");
  facts.prefilter = anyToken.test(latin1);
  const source = bytes.toString("utf8");
  const anchors = prefilter.anchorOffsets(source, firstPass.tokens, firstPass.words);
  facts.anchors = digest(anchors);
  facts.anchorCount = anchors.length;
  facts.wholeFileAnchors = digest(prefilter.anchorOffsets(source, firstPass.tokens));
  facts.projectTokens = digest(wholeProgram.tokens.offsetsIn(source));
  const projectAnchors = prefilter.anchorOffsets(source, wholeProgram.tokens, wholeProgram.words);
  facts.projectAnchors = digest(projectAnchors);
  for (const [name, names, anchorsHere] of [
    ["first", firstPass, anchors],
    ["project", wholeProgram, projectAnchors],
    ["summary", summaryNames, anchors],
  ]) {
    const segments = topLevel.splitTopLevel(source, names.attributeKeys);
    facts[`segments_${name}`] = segments ? digest(segments.map((s) => segmentFacts(source, s, names.attributeKeys))) : null;
    if (!segments) continue;
    facts[`ranges_${name}`] = digest(regions.relevantRanges(source, segments, anchorsHere, names) ?? null);
    if (name === "summary") facts.ranges_wanted = digest(regions.relevantRanges(source, segments, anchorsHere, names, wantedOf(segments)) ?? null);
  }
  return facts;
}

function* pythonFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* pythonFiles(path);
    else if (e.isFile() && e.name.endsWith(".py")) yield path;
  }
}

const result = {};
let files = 0;
const started = performance.now();
for (const root of roots) {
  for (const path of pythonFiles(root)) {
    const bytes = readFileSync(path);
    if (bytes.length > 4 << 20) continue;
    result[path] = factsOf(bytes);
    files++;
  }
}
writeFileSync(out, JSON.stringify(result));
process.stderr.write(`${files} files in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

function compare(a, b) {
  const left = JSON.parse(readFileSync(a, "utf8"));
  const right = JSON.parse(readFileSync(b, "utf8"));
  let differences = 0;
  for (const path of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const l = left[path] ?? {};
    const r = right[path] ?? {};
    for (const key of new Set([...Object.keys(l), ...Object.keys(r)])) {
      if (JSON.stringify(l[key]) === JSON.stringify(r[key])) continue;
      if (differences++ < 30) console.log(`${path}: ${key} ${JSON.stringify(l[key])} -> ${JSON.stringify(r[key])}`);
    }
  }
  console.log(`${Object.keys(left).length} files, ${differences} differences`);
  return differences ? 1 : 0;
}
