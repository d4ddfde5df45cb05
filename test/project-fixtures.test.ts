// Multi-module fixture projects (fixtures/<RULE-ID>/projects/<name>/): scanned as projects, checked line by line
// like the single-file fixtures, and scanned again from the parent folder and from each package, which must give
// the same findings (module names come from the package layout, not the scan root).
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import type { Finding } from "../src/index.js";
import { scanForTest } from "./helpers/scan.js";

const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");
const EXPECT = /#\s*expect:\s*([A-Z0-9, -]+?)\s*$/;

function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".py"))
    .map((f) => join(dir, f))
    .sort();
}

async function scan(target: string, extra: Record<string, unknown> = {}): Promise<Finding[]> {
  const report = await scanForTest(target, extra);
  return report.findings.filter((f) => !f.suppressed);
}

/** `absolute file:line:rule` of every finding under `under`. */
function sites(findings: Finding[], root: string, under: string): string[] {
  return findings
    .map((f) => `${join(root, f.location.file)}:${f.location.line}:${f.ruleId}`)
    .filter((s) => s.startsWith(under))
    .sort();
}

/** The packages of a fixture project that use nothing outside themselves, listed in its `SELF_CONTAINED` file. */
function packages(project: string): string[] {
  const list = join(project, "SELF_CONTAINED");
  if (!existsSync(list)) return [];
  return readFileSync(list, "utf8").split("\n").map((l) => l.trim()).filter(Boolean).map((p) => join(project, p));
}

const projectsOf = (rule: string) => {
  const dir = join(FIXTURES, rule, "projects");
  return existsSync(dir) ? readdirSync(dir).map((p) => join(dir, p)).filter((p) => statSync(p).isDirectory()) : [];
};

describe("fixture projects", () => {
  for (const rule of readdirSync(FIXTURES).sort()) {
    for (const project of projectsOf(rule)) {
      const name = `${rule}/projects/${relative(join(FIXTURES, rule, "projects"), project)}`;
      it(`${name}: every # expect line and nothing else`, async () => {
        const findings = await scan(project);
        for (const file of pythonFiles(project)) {
          const rel = relative(project, file).split("\\").join("/");
          const expected = new Map<string, number[]>();
          readFileSync(file, "utf8").split(/\r?\n/).forEach((line, i) => {
            const m = EXPECT.exec(line);
            for (const id of m ? m[1].split(",").map((s) => s.trim()).filter(Boolean) : []) expected.set(id, [...(expected.get(id) ?? []), i + 1]);
          });
          for (const id of new Set([rule, ...expected.keys()])) {
            const actual = [...new Set(findings.filter((f) => f.ruleId === id && f.location.file === rel).map((f) => f.location.line))].sort((a, b) => a - b);
            assert.deepEqual(actual, expected.get(id) ?? [], `${id} in ${name}/${rel}`);
          }
        }
      });

      it(`${name}: the same findings from the parent folder and from each self-contained package`, async () => {
        const whole = await scan(project);
        const parent = join(project, "..");
        assert.deepEqual(sites(await scan(parent), parent, project), sites(whole, project, project), "scanned from the parent folder");
        for (const pkg of packages(project)) {
          assert.deepEqual(sites(await scan(pkg), pkg, pkg), sites(whole, project, pkg), `scanned from ${relative(project, pkg)}`);
        }
      });
    }
  }
});

describe("resolution chains in reports", () => {
  it("JSON and SARIF carry how a name was resolved across modules, as related locations", async () => {
    const { renderReport } = await import("../src/report/index.js");
    const AjvModule = (await import("ajv")).default;
    const addFormats = (await import("ajv-formats")).default;
    const project = join(FIXTURES, "PYTHON-LANG-SEC-040", "projects", "shop");
    const report = await scanForTest(project);
    const finding = report.findings.find((f) => f.location.file === "scripts/run.py" && f.location.snippet.includes("unpickle(blob)"));
    assert.ok(finding?.relatedLocations?.length, "the finding says how `unpickle` was resolved");
    assert.deepEqual(
      finding.relatedLocations.map((r) => `${r.location.file}:${r.location.line}`),
      ["src/shop/__init__.py:3", "src/shop/compat.py:7"],
    );
    assert.match(finding.relatedLocations[1].location.snippet, /loads = pickle\.loads/);
    assert.match(finding.message, /Resolved through src\/shop\/__init__\.py:3 -> src\/shop\/compat\.py:7/);

    const json = JSON.parse(renderReport("json", report, { color: false, showSuppressed: false }));
    const jsonResult = json.results.find((r: { location: { file: string; line: number } }) => r.location.file === "scripts/run.py" && r.location.line === finding.location.line);
    assert.equal(jsonResult.related_locations.length, 2);

    const sarif = JSON.parse(renderReport("sarif", report, { color: false, showSuppressed: false })) as { runs: { results: any[] }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    const schema = JSON.parse(readFileSync(new URL("../../test/schemas/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
    const ajv = new AjvModule.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    assert.ok(ajv.validate(schema, sarif), JSON.stringify(ajv.errors));
    const result = sarif.runs[0].results.find((r: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) =>
      r.locations[0].physicalLocation.artifactLocation.uri.endsWith("scripts/run.py") && r.locations[0].physicalLocation.region.startLine === finding.location.line);
    assert.equal(result.relatedLocations.length, 2);
    assert.ok(result.relatedLocations[0].physicalLocation.artifactLocation.uri.endsWith("src/shop/__init__.py"));
  });
});
