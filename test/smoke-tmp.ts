import { readFileSync } from "node:fs";
import { analyzePython, SinkIndex } from "../src/languages/python/analyze.js";
import { loadPythonParser } from "../src/project/python-parser.js";
import { PYTHON_RULES } from "../src/rules/registry.js";
const parser = await loadPythonParser();
const index = new SinkIndex(PYTHON_RULES);
for (const f of process.argv.slice(2)) {
  const source = readFileSync(f, "utf8");
  const r = analyzePython(parser, { path: f, source, moduleName: "" }, index);
  const lines = source.split("\n");
  const expected = new Set(lines.flatMap((l, i) => (/# expect: PYTHON-LANG-SEC-040/.test(l) ? [i + 1] : [])));
  const got = new Set(r.findings.map((x) => x.location.line));
  for (const l of expected) if (!got.has(l)) console.log("MISSED", f, l, lines[l - 1].trim());
  for (const x of r.findings) if (!expected.has(x.location.line)) console.log("EXTRA", f, x.location.line, x.message);
  console.log(f, r.findings.length, "findings", r.errors);
}
if (process.env.SHOW) { const r = analyzePython(parser, { path: "v", source: readFileSync(process.env.SHOW, "utf8"), moduleName: "" }, index); for (const f of r.findings) console.log(f.location.line, f.confidence, f.fingerprint, f.message.slice(0, 150)); }
