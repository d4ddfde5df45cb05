import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { renderReport, type TextReportOptions } from "../src/report/index.js";
import type { ScanReport } from "../src/core/types.js";
import { emptyReport, sampleReport } from "./data/report/sample-report.js";

const loaderPath = new URL("../../test/data/report/service/loader.py", import.meta.url);

function fileLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

const loaderLines = fileLines(readFileSync(loaderPath, "utf8"));
const sourceLines = (file: string) => (file === "service/loader.py" ? loaderLines : undefined);

function render(report: ScanReport, options: Partial<TextReportOptions> = {}): string {
  return renderReport("text", report, { color: false, showSuppressed: false, sourceLines, ...options });
}

/** The lines of the block that starts with `header` (blocks are separated by blank lines... or frames). */
function findingBlock(text: string, header: string): string[] {
  const lines = text.split("\n");
  const start = lines.indexOf(header);
  assert.notEqual(start, -1, `missing header ${JSON.stringify(header)} in:\n${text}`);
  const out: string[] = [];
  for (let i = start; i < lines.length; i++) {
    if (i > start && /^\S/.test(lines[i]!)) break;
    out.push(lines[i]!);
  }
  while (out.at(-1) === "") out.pop();
  return out;
}

const ANSI = /\u001b\[[0-9;]*m/g;

describe("text reporter", () => {
  it("prints each finding: location, severity, rule, message, code frame with context, fix hint", () => {
    const block = findingBlock(render(sampleReport()), "service/loader.py:7:11  HIGH  PYTHON-LANG-SEC-040  Pickle Deserialization of Untrusted Data");
    assert.deepEqual(block, [
      "service/loader.py:7:11  HIGH  PYTHON-LANG-SEC-040  Pickle Deserialization of Untrusted Data",
      "  pickle.loads() deserializes request.body, which comes from the client.",
      "",
      "    6 |     data = request.body",
      "  > 7 |     obj = pickle.loads(data)",
      "      |           ^^^^^^^^^^^^^^^^^^",
      "    8 |     return obj",
      "",
      "  Trace:",
      "    1. service/loader.py:6:12  request.body flows into data",
      "    2. service/loader.py:7:11  data is unpickled",
      "  Fix: Use json.loads or a safe loader instead.",
      "  Autofix: Replace pickle.loads with json.loads",
    ]);
  });

  it("underlines every line of a multi-line region and keeps tabs so carets line up", () => {
    const block = findingBlock(render(sampleReport()), "service/loader.py:13:10  MEDIUM  PYTHON-LANG-SEC-043  yaml.load With Unsafe Loader");
    assert.deepEqual(block.slice(2, 10), [
      "",
      "    12 | \twith open(path) as fh:",
      "  > 13 | \t\treturn yaml.load(fh,",
      "       | \t\t       ^^^^^^^^^^^^^",
      "  > 14 | \t\t\tLoader=yaml.Loader)",
      "       | \t\t\t^^^^^^^^^^^^^^^^^^",
      "    15 |",
      "",
    ]);
  });

  it("looks the fix hint up by rule id", () => {
    const report = sampleReport();
    report.rules[2]!.docs.fixHint = "Pass Loader=yaml.SafeLoader or call yaml.safe_load.";
    const yaml = findingBlock(render(report), "service/loader.py:13:10  MEDIUM  PYTHON-LANG-SEC-043  yaml.load With Unsafe Loader");
    assert.ok(yaml.includes("  Fix: Pass Loader=yaml.SafeLoader or call yaml.safe_load."));
    const pickle = findingBlock(render(report), "service/loader.py:7:11  HIGH  PYTHON-LANG-SEC-040  Pickle Deserialization of Untrusted Data");
    assert.ok(pickle.includes("  Fix: Use json.loads or a safe loader instead."));
    report.rules = [];
    assert.doesNotMatch(render(report), /Fix:/);
  });

  it("falls back to the finding's snippet when the source is not available", () => {
    const block = findingBlock(render(sampleReport(), { sourceLines: undefined }), "service/loader.py:7:11  HIGH  PYTHON-LANG-SEC-040  Pickle Deserialization of Untrusted Data");
    assert.deepEqual(block.slice(2, 6), ["", "  > 7 |     obj = pickle.loads(data)", "      |           ^^^^^^^^^^^^^^^^^^", ""]);
    assert.ok(!block.some((l) => l.startsWith("    6 |")), "no context without the source");
  });

  it("omits context that does not exist at the start and end of a file", () => {
    const report = sampleReport();
    const pickle = report.findings[2]!;
    pickle.location = { ...pickle.location, line: 1, column: 1, endLine: 1, endColumn: 14, snippet: "import pickle" };
    pickle.trace = undefined;
    const first = findingBlock(render(report), "service/loader.py:1:1  HIGH  PYTHON-LANG-SEC-040  Pickle Deserialization of Untrusted Data");
    assert.deepEqual(first.slice(3, 6), ["  > 1 | import pickle", "      | ^^^^^^^^^^^^^", "    2 | import yaml"]);

    pickle.location = { ...pickle.location, line: 18, column: 5, endLine: 18, endColumn: 11, snippet: "" };
    const last = findingBlock(render(report), "service/loader.py:18:5  HIGH  PYTHON-LANG-SEC-040  Pickle Deserialization of Untrusted Data");
    assert.deepEqual(last.slice(3, 7), [
      "    17 | def restore(blob):",
      "  > 18 |     return pickle.loads(blob)  # nosec B301 - blob is signed by our own service",
      "       |     ^^^^^^",
      "",
    ]);
  });

  it("shortens very long regions", () => {
    const report = sampleReport();
    const lines = Array.from({ length: 20 }, (_, i) => `x${i + 1} = 1`);
    report.findings = [{ ...report.findings[2]!, trace: undefined, fix: undefined }];
    report.findings[0]!.location = { file: "long.py", line: 2, column: 1, endLine: 15, endColumn: 7, snippet: "" };
    const text = render(report, { sourceLines: (f) => (f === "long.py" ? lines : undefined) });
    const frame = text.split("\n").filter((l) => / \|( |$)/.test(l) && !/\^/.test(l));
    assert.deepEqual(frame, [
      "     1 | x1 = 1",
      "  >  2 | x2 = 1",
      "  >  3 | x3 = 1",
      "  >  4 | x4 = 1",
      "  >  5 | x5 = 1",
      "  >  6 | x6 = 1",
      "       | ... 8 more lines",
      "  > 15 | x15 = 1",
      "    16 | x16 = 1",
    ]);
  });

  it("cuts very long lines around the region so minified code cannot flood the terminal", () => {
    const report = sampleReport();
    report.findings = [{ ...report.findings[2]!, trace: undefined, fix: undefined }];
    const long = "a=1;".repeat(100) + "obj=pickle.loads(x);" + "b=2;".repeat(5000);
    const regionStart = long.indexOf("pickle.loads") + 1;
    report.findings[0]!.location = { file: "min.py", line: 2, column: regionStart, endLine: 2, endColumn: regionStart + 15, snippet: "" };
    const lines = ["import pickle", long, "print(obj)"];
    const text = render(report, { sourceLines: (f) => (f === "min.py" ? lines : undefined) });
    const code = text.split("\n").find((l) => l.startsWith("  > 2 | "))!;
    const carets = text.split("\n").find((l) => l.includes("^"))!;
    assert.ok(code.length < 220, `line cut to the window, got ${code.length}`);
    assert.ok(code.startsWith("  > 2 | ...") && code.endsWith("..."));
    assert.equal(code.slice(carets.indexOf("^"), carets.indexOf("^") + 15), "pickle.loads(x)");
    assert.equal(carets.trimEnd().length - carets.indexOf("^"), 15);
    assert.ok(text.includes("    1 | ...\n"), "short context lines are shown through the same window");
  });

  it("uses the snippet when the source is shorter than the finding's line, and ignores CR at line ends", () => {
    const report = sampleReport();
    report.findings = [{ ...report.findings[2]!, trace: undefined, fix: undefined }];
    const block = findingBlock(
      render(report, { sourceLines: () => ["import pickle\r", "data = 1\r"] }),
      "service/loader.py:7:11  HIGH  PYTHON-LANG-SEC-040  Pickle Deserialization of Untrusted Data",
    );
    assert.deepEqual(block.slice(3, 5), ["  > 7 |     obj = pickle.loads(data)", "      |           ^^^^^^^^^^^^^^^^^^"]);
    const atEnd = sampleReport();
    atEnd.findings = [{ ...atEnd.findings[2]!, trace: undefined, fix: undefined }];
    atEnd.findings[0]!.location = { ...atEnd.findings[0]!.location, line: 2, column: 1, endLine: 2, endColumn: 5 };
    const crlf = render(atEnd, { sourceLines: () => ["import pickle\r", "data = 1\r"] });
    assert.ok(crlf.includes("    1 | import pickle\n  > 2 | data = 1\n      | ^^^^\n"), crlf);
    assert.ok(!crlf.includes("\\x0d"));
  });

  it("shows member and offset for artifact findings instead of a source frame", () => {
    const block = findingBlock(render(sampleReport()), "models/classifier.pt:1:1  CRITICAL  ARTIFACT-PICKLE-001  Dangerous Global in Pickle Artifact");
    assert.deepEqual(block, [
      "models/classifier.pt:1:1  CRITICAL  ARTIFACT-PICKLE-001  Dangerous Global in Pickle Artifact",
      "  Pickle calls posix.system (REDUCE): loading this file runs a shell command.",
      "  member: classifier/data.pkl  offset: 118",
      "  | GLOBAL 'posix system'",
      "  | REDUCE",
      "  Fix: Use json.loads or a safe loader instead.",
    ]);
  });

  it("bounds an artifact finding's opcode listing", () => {
    const report = sampleReport();
    report.findings = [report.findings[0]!];
    report.findings[0]!.location.snippet = Array.from({ length: 12 }, (_, i) => `op${i} ${"x".repeat(i === 0 ? 500 : 3)}`).join("\n");
    const block = findingBlock(render(report), "models/classifier.pt:1:1  CRITICAL  ARTIFACT-PICKLE-001  Dangerous Global in Pickle Artifact");
    const listing = block.filter((l) => l.startsWith("  | "));
    assert.equal(listing.length, 9);
    assert.equal(listing[0], `  | op0 ${"x".repeat(196)}...`);
    assert.equal(listing[8], "  | ... 4 more lines");
  });

  it("ends with a summary: files, duration, counts by severity, suppressed, warnings and errors", () => {
    const lines = render(sampleReport()).trimEnd().split("\n");
    assert.deepEqual(lines.slice(-5), [
      "Scanned 42 files in 1.23 s with 4 rules.",
      "4 findings (critical 1, high 1, medium 1, low 1), 1 suppressed.",
      "1 warning, 1 error:",
      "  warning  service/broken.py:4:7  syntax: invalid syntax",
      "  error    models/huge.bin  too-large: file exceeds 2 GiB limit",
    ]);
  });

  it("caps the listed warnings and counts the rest", () => {
    const report = emptyReport();
    report.errors = Array.from({ length: 25 }, (_, i) => ({ file: `f${i}.py`, kind: "encoding" as const, level: "warning" as const, message: "not UTF-8" }));
    const lines = render(report).trimEnd().split("\n");
    assert.equal(lines.filter((l) => l.startsWith("  warning  ")).length, 20);
    assert.equal(lines.at(-1), "  ... and 5 more");
    assert.ok(lines.includes("25 warnings, 0 errors:"));
  });

  it("says clearly when there are no findings", () => {
    assert.equal(render(emptyReport()), "Scanned 42 files in 1.23 s with 4 rules.\nNo findings.\n");
    const onlySuppressed = sampleReport();
    onlySuppressed.findings = onlySuppressed.findings.filter((f) => f.suppressed);
    onlySuppressed.errors = [];
    assert.match(render(onlySuppressed), /^Scanned 42 files in 1\.23 s with 4 rules\.\nNo findings, 1 suppressed\.\n$/);
  });

  it("hides suppressed findings unless asked, then marks them", () => {
    const header = "service/loader.py:18:12  HIGH  PYTHON-LANG-SEC-040  Pickle Deserialization of Untrusted Data";
    assert.ok(!render(sampleReport()).includes(header));
    const shown = render(sampleReport(), { showSuppressed: true });
    assert.ok(shown.includes(`${header}  [suppressed by nosec: # nosec B301 - blob is signed by our own service]`));
    assert.match(shown, /4 findings \(critical 1, high 1, medium 1, low 1\), 1 suppressed\./);
  });

  it("emits no escape bytes without colour, and colour codes only add styling when enabled", () => {
    const plain = render(sampleReport(), { showSuppressed: true });
    assert.ok(!plain.includes("\u001b"));
    const coloured = render(sampleReport(), { showSuppressed: true, color: true });
    assert.ok(coloured.includes("\u001b[1m\u001b[31mHIGH\u001b[39m\u001b[22m"), "high is bold red");
    assert.ok(coloured.includes("\u001b[1m\u001b[35mCRITICAL\u001b[39m\u001b[22m"), "critical is bold magenta");
    assert.ok(coloured.includes("\u001b[33mMEDIUM\u001b[39m"), "medium is yellow");
    assert.ok(coloured.includes("\u001b[34mLOW\u001b[39m"), "low is blue");
    assert.equal(coloured.replace(ANSI, ""), plain);
    assert.equal(render(emptyReport(), { color: true }).replace(ANSI, ""), render(emptyReport()));
  });

  it("neutralises terminal escapes and bidi controls coming from scanned content", () => {
    const report = sampleReport();
    const evil = "\u001b]8;;http://x\u0007click\u001b[2J";
    report.findings[1]!.message = `msg ${evil}`;
    report.findings[1]!.location.file = "a\u202eyp.txt";
    report.findings[1]!.location.snippet = `db = shelve.open("${evil}")`;
    report.findings[1]!.location.endColumn = 26 + evil.length;
    report.errors[0]!.message = "bad \u001b[31m";
    for (const color of [false, true]) {
      const text = render(report, { color });
      assert.ok(!text.includes("\u0007") && !text.includes("\u202e") && !text.includes("\u001b]"));
      assert.ok(!text.replace(ANSI, "").includes("\u001b"), "only our own SGR codes remain");
    }
    const text = render(report);
    assert.ok(text.includes("a\\u{202e}yp.txt:3:6  LOW"));
    assert.ok(text.includes("  msg \\x1b]8;;http://x\\x07click\\x1b[2J"));
    assert.ok(text.includes("  warning  service/broken.py:4:7  syntax: bad \\x1b[31m"));
    const frame = text.split("\n").filter((l) => l.startsWith("  > 3 |") || l.startsWith("      | "));
    const [code, carets] = frame as [string, string];
    assert.equal(code, '  > 3 | db = shelve.open("\\x1b]8;;http://x\\x07click\\x1b[2J")');
    assert.equal(carets.indexOf("^"), code.indexOf("shelve"), "carets start under the region");
    assert.equal(carets.length, code.length, "carets cover the escaped text to its end");
  });
});
