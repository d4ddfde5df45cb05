// Part of `npm run bench`: project scans parse large files only where a finding can be. On the benchmark corpus,
// every file's findings must be the same as with a whole-file parse, and this prints how much text was skipped.
import { readFileSync } from "node:fs";
import { analyzePython, MIN_PARTIAL_PARSE_LENGTH, SinkIndex } from "../src/languages/python/analyze.js";
import { anchorOffsets } from "../src/languages/python/prefilter.js";
import { relevantRanges } from "../src/languages/python/regions.js";
import { splitTopLevel } from "../src/languages/python/top-level.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
import { moduleNameOf } from "../src/project/module-name.js";
import { loadPythonParser } from "../src/project/python-parser.js";
import type { PythonParser } from "../src/languages/python/parser.js";

export async function benchPartialParse(files: { abs: string; rel: string }[]): Promise<void> {
  const parser = await loadPythonParser();
  const index = new SinkIndex(PYTHON_RULES);
  let candidates = 0;
  let candidateChars = 0;
  let parsedChars = 0;
  const differing: string[] = [];
  const reparsed: string[] = [];
  for (const f of files) {
    let source: string;
    try {
      source = readFileSync(f.abs, "utf8");
    } catch {
      continue;
    }
    if (anchorOffsets(source, index.tokens).length === 0) continue;
    candidates++;
    candidateChars += source.length;
    const parsed = parsedLength(parser, source, index);
    parsedChars += parsed.chars;
    if (parsed.reparsed) reparsed.push(f.rel);
    const file = { path: f.rel, source, moduleName: moduleNameOf(f.rel) };
    const partial = analyzePython(parser, file, index);
    const whole = analyzePython(parser, file, index, { wholeFile: true });
    if (JSON.stringify(partial.findings) !== JSON.stringify(whole.findings)) differing.push(f.rel);
  }
  console.log("\nPartial parsing (files with rule tokens are parsed only where a finding can be; those under 2 KiB whole)");
  console.log(
    `  ${candidates} candidate files, ${(candidateChars / 1e6).toFixed(1)} M characters; a scan parses ` +
      `${(parsedChars / 1e6).toFixed(1)} M (${((100 * parsedChars) / candidateChars).toFixed(0)}%)`,
  );
  console.log(`  parsed again whole after a syntax error in the parts (a misjudged boundary, or a real error): ${reparsed.length} files`);
  for (const f of reparsed.slice(0, 10)) console.log(`      reparsed: ${f}`);
  console.log(`  findings identical to a whole-file parse: ${differing.length === 0 ? "yes, in every file" : `NO, ${differing.length} files differ`}`);
  for (const f of differing.slice(0, 10)) console.log(`      differs: ${f}`);
}

/** How much of `source` a project scan parses (see `analyzePython`), and whether it parses it twice. */
function parsedLength(parser: PythonParser, source: string, index: SinkIndex): { chars: number; reparsed: boolean } {
  const anchors = anchorOffsets(source, index.tokens, index.words);
  if (anchors.length === 0) return { chars: 0, reparsed: false };
  if (source.length < MIN_PARTIAL_PARSE_LENGTH) return { chars: source.length, reparsed: false };
  const segments = splitTopLevel(source, index.attributeKeys);
  const ranges = segments && relevantRanges(source, segments, anchors, index);
  if (!ranges) return { chars: source.length, reparsed: false };
  const chars = ranges.reduce((n, r) => n + r.end - r.start, 0);
  const reparsed = ranges.length > 0 && parser.parse(source, ranges).problems.length > 0;
  return { chars: reparsed ? chars + source.length : chars, reparsed };
}
