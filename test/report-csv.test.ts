import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderReport } from "../src/report/index.js";
import { emptyReport, sampleReport } from "./data/report/sample-report.js";

const HEADER = "rule_id,rule_name,severity,confidence,file,line,column,end_line,end_column,message,cwe,owasp,fingerprint,trust";

/** A small RFC 4180 reader, independent of the writer, to check round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
  }
  assert.equal(quoted, false, "no unterminated quote");
  assert.equal(cell + row.join(""), "", "output ends with a newline");
  return rows;
}

describe("CSV reporter", () => {
  it("writes the header and one row per unsuppressed finding, LF line endings", () => {
    const text = renderReport("csv", sampleReport(), { color: false, showSuppressed: false });
    assert.ok(!text.includes("\r"));
    const lines = text.split("\n");
    assert.equal(lines[0], HEADER);
    assert.equal(lines.at(-1), "");
    assert.equal(
      lines[1],
      "ARTIFACT-PICKLE-001,Dangerous Global in Pickle Artifact,critical,high,models/classifier.pt,1,1,1,1," +
        "Pickle calls posix.system (REDUCE): loading this file runs a shell command.,CWE-502,A08:2021,a1f0c3d2e4b5a6978877665544332211,",
    );
    const rows = parseCsv(text);
    assert.equal(rows.length, 5);
    assert.deepEqual(
      rows.slice(1).map((r) => r[0]),
      ["ARTIFACT-PICKLE-001", "PYTHON-LANG-SEC-045", "PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-043"],
    );
    assert.ok(rows.every((r) => r.length === 14));
  });

  it("quotes commas and doubles quotes (RFC 4180), joins multi-valued cells with ';'", () => {
    const text = renderReport("csv", sampleReport(), { color: false, showSuppressed: false });
    assert.ok(text.includes(',"shelve.open() unpickles values, ""cache"" must never hold untrusted data.",'));
    const rows = parseCsv(text);
    assert.equal(rows[2]![4], "notebooks/Data Prep (v2).py");
    assert.equal(rows[2]![9], 'shelve.open() unpickles values, "cache" must never hold untrusted data.');
    assert.equal(rows[4]![10], "CWE-502;CWE-20");
    assert.equal(rows[2]![11], "");
  });

  it("keeps multi-line values inside one quoted cell", () => {
    const report = sampleReport();
    report.findings[0]!.message = "line one\nline two\r\nline three";
    const rows = parseCsv(renderReport("csv", report, { color: false, showSuppressed: false }));
    assert.equal(rows.length, 5);
    assert.equal(rows[1]![9], "line one\nline two\r\nline three");
  });

  it("defuses spreadsheet formulas: cells starting with = + - @ get a leading apostrophe", () => {
    const report = sampleReport();
    report.findings[0]!.message = "+cmd|' /C calc'!A0";
    report.findings[2]!.message = "-2+3";
    report.findings[3]!.message = "@SUM(1+1)";
    report.findings[3]!.location.file = "\t=evil.py";
    const rows = parseCsv(renderReport("csv", report, { color: false, showSuppressed: false }));
    assert.equal(rows[1]![9], "'+cmd|' /C calc'!A0");
    assert.equal(rows[2]![12], `'=HYPERLINK("http://evil")`);
    assert.equal(rows[3]![9], "'-2+3");
    assert.equal(rows[4]![9], "'@SUM(1+1)");
    assert.equal(rows[4]![4], "'\t=evil.py");
    assert.equal(rows[1]![5], "1", "numbers are written as is");
  });

  it("adds suppressed rows and a trailing suppressed column only when asked", () => {
    const rows = parseCsv(renderReport("csv", sampleReport(), { color: false, showSuppressed: true }));
    assert.equal(rows[0]!.join(","), HEADER + ",suppressed");
    assert.equal(rows.length, 6);
    assert.deepEqual(rows.map((r) => r.at(-1)), ["suppressed", "", "", "", "", "nosec"]);
    assert.equal(rows[5]![5], "18");
  });

  it("writes only the header for a scan without findings", () => {
    assert.equal(renderReport("csv", emptyReport(), { color: false, showSuppressed: false }), HEADER + "\n");
  });
});
