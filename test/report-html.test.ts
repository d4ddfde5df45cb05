import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { renderHtml, renderReport } from "../src/report/index.js";
import type { ScanReport } from "../src/core/types.js";
import { emptyReport, sampleReport } from "./data/report/sample-report.js";
import { checkHtmlStructure, textContent } from "./data/web/html-check.js";

const LOADER = readFileSync(new URL("../../test/data/report/service/loader.py", import.meta.url), "utf8").split("\n");
const BIN = new URL("../../bin/pathfinder.js", import.meta.url).pathname;

function html(report: ScanReport, showSuppressed = false): string {
  return renderHtml(report, {
    showSuppressed,
    color: false,
    sourceLines: (file) => (file === "service/loader.py" ? LOADER : undefined),
  });
}

function hostileReport(): ScanReport {
  const report = sampleReport();
  const f = report.findings[2]!;
  f.message = `<script>alert("msg")</script> & 'quotes' \`p.loads(<b>)\``;
  f.location.file = `service/"><img src=x onerror=alert(1)>.py`;
  f.location.snippet = "    obj = pickle.loads(data)</code></pre><script>alert(2)</script>";
  f.ruleName = "</title><script>alert(3)</script>";
  report.rules[1]!.docs.references.push({ title: "evil", url: "javascript:alert(4)" });
  report.rules[1]!.docs.summary = "Summary with \u001b[31mANSI\u001b[0m and \u202eevil\u202c bidi";
  report.scan.target = "/tmp/<b>target</b>";
  return report;
}

describe("HTML report", () => {
  it("is a complete, well-formed, self-contained document", () => {
    const page = html(sampleReport());
    assert.match(page, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(page, /<meta charset="utf-8">/);
    assert.match(page, /<meta name="viewport"/);
    assert.match(page, /<title>Pathfinder report: 4 findings<\/title>/);
    assert.deepEqual(checkHtmlStructure(page), []);
    // No external resources of any kind: one inline script, inline styles, and a CSP that forbids fetching.
    assert.equal((page.match(/<script\b/g) ?? []).length, 1);
    assert.doesNotMatch(page, /<script[^>]*\bsrc=/);
    assert.doesNotMatch(page, /<link\b|<img\b|<iframe\b|@import|url\(/);
    assert.match(page, /Content-Security-Policy" content="default-src 'none';/);
  });

  it("summarises by severity, with SVG charts by severity and by rule", () => {
    const page = html(sampleReport());
    const counts = /<ul class="counts"[^>]*>(.*?)<\/ul>/s.exec(page)![1]!;
    assert.equal(textContent(counts).replace(/\s+/g, " ").trim(), "critical1high1medium1low1suppressed1");
    const severityChart = /<svg class="chart" id="chart-severity".*?<\/svg>/s.exec(page)![0];
    assert.match(severityChart, /role="img"/);
    assert.match(severityChart, /<desc id="chart-severity-desc">critical: 1, high: 1, medium: 1, low: 1<\/desc>/);
    assert.equal((severityChart.match(/<rect /g) ?? []).length, 4);
    const ruleChart = /<svg class="chart" id="chart-rule".*?<\/svg>/s.exec(page)![0];
    assert.match(ruleChart, /ARTIFACT-PICKLE-001: 1, PYTHON-LANG-SEC-040: 1, PYTHON-LANG-SEC-043: 1, PYTHON-LANG-SEC-045: 1/);
  });

  it("groups findings by file, in report order, with code frames marking the region", () => {
    const page = html(sampleReport());
    const groups = [...page.matchAll(/<section class="file-group"[^>]*>\n<h3[^>]*>(.*?) <span class="muted">\((\d+)\)<\/span><\/h3>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(groups, [
      ["models/classifier.pt", "1"],
      ["notebooks/Data Prep (v2).py", "1"],
      ["service/loader.py", "2"],
    ]);
    // Context lines from the source, region marked exactly (columns 11..29, end exclusive).
    assert.match(page, /<span class="line"><span class="ln">5<\/span><span class="src">def load_session\(request\):<\/span><\/span>/);
    assert.match(page, /<span class="line in-region"><span class="ln">7<\/span><span class="src">    obj = <mark>pickle.loads\(data\)<\/mark><\/span><\/span>/);
    // Multi-line region: tab-indented lines, marked from the column on the first line to endColumn on the last.
    assert.match(page, /<span class="ln">13<\/span><span class="src">\t\treturn <mark>yaml.load\(fh,<\/mark><\/span>/);
    assert.match(page, /<span class="ln">14<\/span><span class="src">\t\t\t<mark>Loader=yaml.Loader<\/mark>\)<\/span>/);
    // Without source lines the snippet is used; artifacts show member and byte offset.
    assert.match(page, /<span class="ln">3<\/span><span class="src">db = <mark>shelve.open\(&quot;cache&quot;\)<\/mark>/);
    assert.match(page, /models\/classifier.pt → classifier\/data.pkl @ byte 118/);
    assert.match(page, /<pre class="code-frame"><code>GLOBAL &#39;posix system&#39;\nREDUCE<\/code><\/pre>/);
    // Trace, fix and rule links.
    assert.match(page, /<summary>Trace \(2 steps\)<\/summary>/);
    assert.match(page, /Suggested fix: Replace pickle.loads with json.loads/);
    assert.match(page, /<a class="finding-rule" href="#rule-PYTHON-LANG-SEC-040">PYTHON-LANG-SEC-040<\/a>/);
    assert.match(page, /<li class="card" id="rule-PYTHON-LANG-SEC-040">/);
  });

  it("lists suppressed findings in the filterable list when asked, else in a collapsed section of their own", () => {
    const collapsed = html(sampleReport(), false);
    assert.doesNotMatch(collapsed, /Show suppressed/);
    const section = /<details class="suppressed-findings"><summary><h2 id="suppressed-heading">1 suppressed finding<\/h2><\/summary>([\s\S]*?)<\/details>/.exec(collapsed);
    assert.ok(section, "suppressed findings can be viewed");
    assert.equal((section[1]!.match(/data-suppressed="true"/g) ?? []).length, 1);
    assert.match(section[1]!, /Suppressed \(nosec\): <code># nosec B301/);
    const page = html(sampleReport(), true);
    assert.equal((page.match(/data-suppressed="true"/g) ?? []).length, 1);
    assert.match(page, /Suppressed \(nosec\): <code># nosec B301 - blob is signed by our own service<\/code>/);
    assert.match(page, /<input type="checkbox" name="suppressed" checked> Show suppressed/);
  });

  it("escapes every piece of scanned text and neutralises controls and unsafe links", () => {
    const page = html(hostileReport(), true);
    assert.deepEqual(checkHtmlStructure(page), []);
    assert.equal((page.match(/<script\b/g) ?? []).length, 1, "only the report's own script");
    assert.doesNotMatch(page, /<img|<b>target|javascript:|onerror=alert\(1\)>/);
    assert.match(page, /&lt;script&gt;alert\(&quot;msg&quot;\)&lt;\/script&gt; &amp; &#39;quotes&#39; <code>p.loads\(&lt;b&gt;\)<\/code>/);
    assert.match(page, /service\/&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;.py/);
    assert.match(page, /<a href="#" rel="noreferrer">evil<\/a>/);
    assert.match(page, /Summary with ␛\[31mANSI␛\[0m and &lt;U\+202E&gt;evil&lt;U\+202C&gt; bidi/);
    assert.doesNotMatch(page, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
  });

  it("renders code frames one line per row (no blank line between rows) and rule text with code spans", () => {
    const page = html(sampleReport());
    assert.doesNotMatch(page, /<\/span><\/span>\n<span class="line/);
    const report = sampleReport();
    report.rules[1]!.docs.summary = "Finds `pickle.loads` calls.";
    const rules = /<h2 id="rules-heading">[\s\S]*$/.exec(html(report))![0];
    assert.match(rules, /Finds <code>pickle\.loads<\/code> calls\./);
    assert.doesNotMatch(rules, /`pickle/);
  });

  it("says so when there is nothing to report", () => {
    const page = html(emptyReport());
    assert.deepEqual(checkHtmlStructure(page), []);
    assert.match(page, /<h1>0 findings<\/h1>/);
    assert.match(page, /<p class="empty card">No findings.<\/p>/);
    assert.doesNotMatch(page, /<form id="filters"|<svg/);
  });

  it("is reachable through renderReport", () => {
    assert.equal(renderReport("html", sampleReport(), { color: false, showSuppressed: false }), renderHtml(sampleReport(), { color: false, showSuppressed: false }));
  });

  it("`pathfinder scan -o html -f FILE` writes the page with code frames from the scanned files", () => {
    const dir = mkdtempSync(join(tmpdir(), "pf-html-"));
    try {
      writeFileSync(join(dir, "app.py"), "import pickle\n\n\ndef load(blob):\n    return pickle.loads(blob)\n");
      const run = spawnSync(process.execPath, [BIN, "scan", "-p", dir, "-o", "html", "-f", join(dir, "report.html"), "-q", "-j", "0"], { encoding: "utf8" });
      assert.equal(run.status, 0, run.stderr);
      const page = readFileSync(join(dir, "report.html"), "utf8");
      assert.deepEqual(checkHtmlStructure(page), []);
      assert.match(page, /<title>Pathfinder report: 1 finding<\/title>/);
      assert.match(page, /<span class="ln">4<\/span><span class="src">def load\(blob\):<\/span>/);
      assert.match(page, /<span class="ln">5<\/span><span class="src">    return <mark>pickle.loads\(blob\)<\/mark><\/span>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
