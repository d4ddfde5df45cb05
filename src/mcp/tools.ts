// The tools `pathfinder serve` offers coding agents. Each tool validates its input with a zod schema, calls the
// library (scanProject, analyzeSource, scanArtifact, applyFixes, the rule registry) and returns text for the
// model plus the same result as structured content.
import { stat } from "node:fs/promises";
import { posix } from "node:path";
import { z } from "zod";
import { ARTIFACT_RULES, scanArtifact } from "../artifacts/index.js";
import { inspectionJson, inspectionVerdict } from "../artifacts/inspection.js";
import { severityRank } from "../core/severity.js";
import { meetsTrust } from "../core/trust.js";
import { fixMarkdown } from "../core/rule-docs.js";
import { SEVERITIES, TRUST_LEVELS, type Finding, type RuleMeta, type ScanError } from "../core/types.js";
import { analyzeSource } from "../index.js";
import { openFileByteSource } from "../project/byte-source.js";
import { withNodeInflate } from "../project/native-inflate.js";
import { loadConfig } from "../project/config.js";
import { applyFixes, isFixable, planFileFixes } from "../project/fix.js";
import { scanProject } from "../project/scan.js";
import { unifiedDiff } from "../project/unified-diff.js";
import { ruleHelpMarkdown } from "../report/rule-help.js";
import { BUNDLE_DESCRIPTIONS, closest, findRule, PYTHON_RULES } from "../rules/registry.js";
import { toolInfo } from "../cli/version.js";
import type { ServedProject } from "./project-path.js";

/** Findings returned per call before the rest are only counted (an agent's context is precious). */
const MAX_FINDINGS = 200;
const MAX_PSEUDO_LINES = 300;
const MAX_SNIPPET_CHARS = 1_000_000;
const MAX_FILE_SIZE = 5 * 1024 * 1024;

export interface ToolResult {
  text: string;
  structured: Record<string, unknown>;
  /** The tool ran but could not do what was asked (unknown rule, unreadable file): a tool error, not a protocol error. */
  isError?: boolean;
}

export interface PathfinderTool<S extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: S;
  run(args: z.infer<S>, project: ServedProject): Promise<ToolResult>;
}

const severity = z.enum(SEVERITIES);
const rulesets = z
  .array(z.string().min(1).max(200))
  .max(100)
  .optional()
  .describe('--ruleset values, e.g. ["python/PYTHON-LANG-SEC-040"], ["python/ml"], ["artifact/all"]; default every rule');
const projectPath = z.string().min(1).max(4096);

function tool<S extends z.ZodObject>(t: PathfinderTool<S>): PathfinderTool<S> {
  return t;
}

export const TOOLS = [
  tool({
    name: "scan",
    title: "Scan for insecure deserialization",
    description:
      "Scans a file or directory of the served project (Python sources and pickle-based model/data files), or a Python code snippet, " +
      "for insecure deserialization (CWE-502). Give exactly one of `path` (relative to the project) or `code`. Returns the findings with " +
      "rule IDs, severities, locations, data-flow traces and available fixes.",
    input: z
      .object({
        path: projectPath.optional().describe("File or directory inside the served project, relative to its root"),
        code: z.string().max(MAX_SNIPPET_CHARS).optional().describe("Python source to analyse instead of a path"),
        filename: z.string().min(1).max(255).optional().describe("Name the snippet is analysed under (default snippet.py)"),
        rulesets,
        minimumSeverity: severity.optional().describe("Leave out findings below this severity"),
        minimumTrust: z
          .enum(TRUST_LEVELS)
          .optional()
          .describe("Leave out findings whose data is more trusted than this (untrusted: only traced flows from a source; default internal: all)"),
        includeSuppressed: z.boolean().optional().describe("Also list findings suppressed by comments or configuration"),
      })
      .strict(),
    async run(args, project) {
      const { findings, errors, base, filesScanned } = await analyzeTarget(args, project);
      const shown = findings
        .filter((f) => args.includeSuppressed || !f.suppressed)
        .filter((f) => !args.minimumSeverity || severityRank(f.severity) >= severityRank(args.minimumSeverity))
        .filter((f) => !args.minimumTrust || meetsTrust(f, args.minimumTrust));
      const list = shown.slice(0, MAX_FINDINGS).map((f) => agentFinding(f, base));
      const structured = {
        target: args.path ?? args.filename ?? "snippet.py",
        filesScanned,
        total: shown.length,
        truncated: shown.length > MAX_FINDINGS,
        findings: list,
        errors: errors.map((e) => ({ ...e, file: join(base, e.file) })),
      };
      const lines = list.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.ruleId}${f.trust ? ` [${f.trust}]` : ""} ${f.message}${f.fix ? " [fix available]" : ""}`);
      const text = shown.length
        ? `${shown.length} finding${shown.length === 1 ? "" : "s"}${structured.truncated ? ` (first ${MAX_FINDINGS} listed)` : ""}:\n${lines.join("\n")}`
        : `No findings in ${structured.target}.`;
      return { text, structured };
    },
  }),
  tool({
    name: "explain_rule",
    title: "Explain a rule",
    description: "The documentation of one Pathfinder rule: what it finds, why it matters, how to fix it, examples and references.",
    input: z.object({ ruleId: z.string().min(1).max(100).describe("A rule ID such as PYTHON-LANG-SEC-040 or PICKLE-ARTIFACT-001") }).strict(),
    async run(args) {
      const rule = findRule(args.ruleId.replace(/^(python|artifact)\//i, ""), ARTIFACT_RULES);
      if (!rule) return unknownRule(args.ruleId);
      const docs = ruleHelpMarkdown(rule);
      return {
        text: `# ${rule.id}: ${rule.name}\n\nSeverity ${rule.severity}, ${rule.cwe.join(", ")}. ${rule.docs.summary}\n\n${docs}`,
        structured: { ...ruleSummary(rule), confidence: rule.confidence, owasp: rule.owasp, tags: rule.tags, howToFix: fixMarkdown(rule.docs), references: rule.docs.references, url: ruleUrl(rule.id), documentation: docs },
      };
    },
  }),
  tool({
    name: "inspect_file",
    title: "Inspect a model or data file",
    description:
      "Opens a pickle-based model or data file of the served project (.pkl, .pt, .pth, .bin, .ckpt, .joblib, .npy, .npz, compressed pickles) " +
      "without loading it, and returns a verdict (dangerous, unverified or clean) with its reasons, every global it imports and calls, and a " +
      "pseudo-Python rendering of what unpickling would do.",
    input: z
      .object({
        path: projectPath.describe("The file, relative to the project root"),
        picklePolicy: z.enum(["denylist", "allowlist"]).optional().describe("allowlist reports every global not known to be safe"),
        pickleAllow: z.array(z.string().regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*(\.\*)?$/)).max(200).optional().describe("Globals trusted in allowlist mode"),
      })
      .strict(),
    async run(args, project) {
      const target = project.resolve(args.path);
      if (target.isDirectory) return toolError(`"${args.path}" is a directory; inspect_file takes one file (use scan for directories)`);
      const source = await openFileByteSource(target.abs);
      try {
        const result = await scanArtifact(source, target.rel, withNodeInflate({ policy: args.picklePolicy ?? "denylist", allowGlobals: args.pickleAllow ?? [] }));
        const verdict = inspectionVerdict(result);
        const json = inspectionJson(target.rel, source.size, result, verdict);
        const pickles = json.pickles.map((p) => {
          const lines = p.pseudoPython.split("\n");
          return { ...p, pseudoPython: lines.slice(0, MAX_PSEUDO_LINES).join("\n"), pseudoPythonTruncated: lines.length > MAX_PSEUDO_LINES };
        });
        const text = [
          `${target.rel}: ${verdict.label.toUpperCase()} (${result.kind}, ${source.size} bytes)`,
          ...verdict.reasons.map((r) => `- ${r}`),
          ...pickles.map((p) => `\nPseudo-Python${p.member !== undefined ? ` of ${p.member}` : ""} (not run):\n${p.pseudoPython}`),
        ].join("\n");
        return { text, structured: { ...json, pickles, findings: result.findings.map((f) => agentFinding(f, ".")) } };
      } finally {
        await source.close();
      }
    },
  }),
  tool({
    name: "list_rules",
    title: "List rules",
    description: "Lists Pathfinder's rules (ID, name, severity, bundles, one-line summary), optionally only one language or Python bundle.",
    input: z
      .object({
        language: z.enum(["python", "artifact"]).optional(),
        bundle: z.string().min(1).max(50).optional().describe(`A Python bundle: ${Object.keys(BUNDLE_DESCRIPTIONS).join(", ")}`),
      })
      .strict(),
    async run(args) {
      let rules: RuleMeta[] = [...PYTHON_RULES, ...ARTIFACT_RULES];
      if (args.language) rules = rules.filter((r) => r.language === args.language);
      if (args.bundle && args.bundle.toLowerCase() !== "all") rules = rules.filter((r) => r.bundles.includes(args.bundle!.toLowerCase()));
      const list = rules.map(ruleSummary);
      return { text: list.map((r) => `${r.id}  ${r.severity}  ${r.name}`).join("\n") || "No rules match.", structured: { total: list.length, rules: list } };
    },
  }),
  tool({
    name: "suggest_fix",
    title: "Suggest fixes",
    description:
      "For a Python file of the served project, or a code snippet: the automatic fixes Pathfinder can make (as edits and a unified diff, " +
      "nothing is written) and, for findings without one, how to fix them by hand. Optionally only one rule or one line.",
    input: z
      .object({
        path: projectPath.optional().describe("A Python file inside the served project"),
        code: z.string().max(MAX_SNIPPET_CHARS).optional().describe("Python source instead of a path"),
        filename: z.string().min(1).max(255).optional(),
        ruleId: z.string().min(1).max(100).optional(),
        line: z.number().int().min(1).optional().describe("Only findings on this line (1-based)"),
      })
      .strict(),
    async run(args, project) {
      const analysed = await analyzeTarget({ ...args, rulesets: undefined }, project);
      if (analysed.isDirectory) return toolError(`"${args.path}" is a directory; suggest_fix takes one file`);
      const wanted = analysed.findings.filter(
        (f) =>
          !f.suppressed &&
          (!args.ruleId || f.ruleId.toUpperCase() === args.ruleId.replace(/^python\//i, "").toUpperCase()) &&
          (!args.line || (f.location.line <= args.line && args.line <= f.location.endLine)),
      );
      const fixable = wanted.filter(isFixable);
      let diff = "";
      let skipped: { ruleId: string; line: number; reason: string }[] = [];
      if (fixable.length && analysed.file) {
        const result = await applyFixes(fixable, { target: analysed.file, dryRun: true });
        diff = result.diff;
        skipped = result.skipped.map((s) => ({ ruleId: s.finding.ruleId, line: s.finding.location.line, reason: s.reason }));
      } else if (fixable.length && args.code !== undefined) {
        const name = args.filename ?? "snippet.py";
        const plan = planFileFixes(new TextEncoder().encode(args.code), fixable);
        if (plan.output) diff = unifiedDiff(args.code, new TextDecoder().decode(plan.output), { from: `a/${name}`, to: `b/${name}` });
        skipped = plan.skipped.map((s) => ({ ruleId: s.finding.ruleId, line: s.finding.location.line, reason: s.reason }));
      }
      const fixes = fixable.map((f) => ({ ruleId: f.ruleId, line: f.location.line, description: f.fix!.description, edits: f.fix!.edits }));
      const manual = wanted
        .filter((f) => !isFixable(f))
        .map((f) => {
          const rule = findRule(f.ruleId, ARTIFACT_RULES);
          return { ruleId: f.ruleId, line: f.location.line, message: f.message, howToFix: rule?.docs.fixHint ?? "", documentation: ruleUrl(f.ruleId) };
        });
      const text = wanted.length
        ? [
            fixes.length ? `Automatic fixes (apply with \`pathfinder scan --fix\` or the diff below):\n${diff}` : "No automatic fix applies.",
            ...manual.map((m) => `Line ${m.line} ${m.ruleId}: ${m.howToFix || m.message}`),
            ...skipped.map((s) => `Not fixed: line ${s.line} ${s.ruleId}: ${s.reason}`),
          ].join("\n")
        : "No findings to fix.";
      return { text, structured: { findings: wanted.length, fixes, diff, manual, skipped } };
    },
  }),
];

interface AnalysisTarget {
  findings: Finding[];
  errors: ScanError[];
  /** Directory (project-relative) that finding paths are relative to. */
  base: string;
  filesScanned: number;
  /** The absolute path of a scanned single file. */
  file?: string;
  isDirectory?: boolean;
}

/** Runs the scan behind `scan` and `suggest_fix`: a project path through scanProject, a snippet through analyzeSource. */
async function analyzeTarget(
  args: { path?: string; code?: string; filename?: string; rulesets?: string[] },
  project: ServedProject,
): Promise<AnalysisTarget> {
  if ((args.path === undefined) === (args.code === undefined)) throw new InvalidArguments("give exactly one of `path` or `code`");
  if (args.code !== undefined) {
    const path = args.filename ?? "snippet.py";
    const { findings, errors } = await analyzeSource(args.code, { path, rulesets: args.rulesets });
    return { findings, errors, base: ".", filesScanned: 1 };
  }
  const target = project.resolve(args.path!);
  if (!target.isDirectory && (await stat(target.abs)).size > MAX_FILE_SIZE) throw new Error(`"${args.path}" is over ${MAX_FILE_SIZE / 1024 / 1024} MB`);
  const config = loadConfig({ project: target.abs, cwd: project.root });
  const report = await scanProject({
    target: target.abs,
    rulesets: args.rulesets ?? [],
    maxFileSize: MAX_FILE_SIZE,
    include: [],
    exclude: [],
    skipTests: false,
    gitignore: true,
    confineTo: project.root,
    tool: toolInfo(),
    config,
  });
  const base = target.isDirectory ? target.rel : posix.dirname(target.rel);
  return {
    findings: report.findings,
    errors: report.errors,
    base,
    filesScanned: report.scan.filesScanned,
    ...(target.isDirectory ? { isDirectory: true } : { file: target.abs }),
  };
}

/** A finding as agents get it: project-relative path, flat location, fix edits and trace. */
function agentFinding(f: Finding, base: string) {
  const l = f.location;
  return {
    ruleId: f.ruleId,
    ruleName: f.ruleName,
    severity: f.severity,
    confidence: f.confidence,
    message: f.message,
    file: join(base, l.file),
    line: l.line,
    column: l.column,
    endLine: l.endLine,
    endColumn: l.endColumn,
    snippet: l.snippet,
    ...(l.member !== undefined ? { member: l.member } : {}),
    ...(l.offset !== undefined ? { offset: l.offset } : {}),
    cwe: f.cwe,
    fingerprint: f.fingerprint,
    ...(f.trace ? { trace: f.trace.map((s) => ({ file: join(base, s.location.file), line: s.location.line, column: s.location.column, message: s.message })) } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.suppressed ? { suppressed: f.suppressed } : {}),
    ...(f.trust ? { trust: f.trust } : {}),
    ...(f.trustReason ? { trustReason: f.trustReason } : {}),
    documentation: ruleUrl(f.ruleId),
  };
}

function ruleSummary(rule: RuleMeta) {
  return { id: rule.id, name: rule.name, language: rule.language, severity: rule.severity, bundles: rule.bundles, cwe: rule.cwe, summary: rule.docs.summary };
}

function ruleUrl(id: string): string | undefined {
  const home = toolInfo().informationUri.replace(/\/+$/, "");
  return home ? `${home}/rules/${encodeURIComponent(id)}` : undefined;
}

function unknownRule(id: string): ToolResult {
  const suggestion = closest(id, [...PYTHON_RULES, ...ARTIFACT_RULES].map((r) => r.id));
  return toolError(`unknown rule ID "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ""} (see the list_rules tool)`);
}

function toolError(message: string): ToolResult {
  return { text: message, structured: { error: message }, isError: true };
}

function join(base: string, file: string): string {
  return base === "." || base === "" ? file : posix.join(base, file);
}

/** Arguments that pass the schema but do not make sense together: an invalid-params protocol error. */
export class InvalidArguments extends Error {}
