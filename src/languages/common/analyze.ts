import { appendAll } from "../../core/arrays.js";
import { stableHash } from "../../core/hash.js";
import { parseIdiomSuppression, parseSuppression, suppresses } from "../../core/suppression.js";
import type { Finding, ScanError, TraceStep } from "../../core/types.js";
import type { LanguageMatch, LanguageOutcome, LanguageRule, LanguageSinkSpec } from "../../rules/language-rule.js";
import type { Site, SourceModel } from "./model.js";
import type { GrammarParser, Node, ParsedTree } from "./syntax.js";
import { OwnDataJudge } from "./own-data.js";
import { locationOf, TaintTracker } from "./taint.js";
import { relocateError, relocateFinding, type PositionMap } from "../../core/relocate.js";

export interface SourceFile {
  /** Path relative to the scan root, forward slashes; used in findings. */
  path: string;
  source: string;
}

export interface LanguageAnalysis {
  findings: Finding[];
  errors: ScanError[];
  /** False when no rule token occurs in the file and it was never parsed. */
  parsed: boolean;
}

interface IndexedSink {
  rule: LanguageRule;
  spec: LanguageSinkSpec;
}

/** Target name -> sinks, and the prefilter of a set of rules of one language. */
export class LanguageSinkIndex {
  readonly byTarget = new Map<string, IndexedSink[]>();
  /** Types named by the sinks (`java.io.ObjectInputStream`): what star imports and `using` directives can bring in. */
  readonly knownTypes = new Set<string>();
  private readonly tokens: string[];

  constructor(readonly rules: readonly LanguageRule[]) {
    for (const rule of rules) {
      for (const spec of rule.sinks) {
        for (const target of spec.targets) {
          let list = this.byTarget.get(target);
          if (!list) this.byTarget.set(target, (list = []));
          list.push({ rule, spec });
          const type = target.replace(/^new /, "").replace(/(::|\.)[^.:\\]+$/, "");
          if (type && !type.startsWith("*")) {
            this.knownTypes.add(target.startsWith("new ") ? target.slice(4) : type);
            // Nested types (`JsonTypeInfo.Id`) are reachable through their outer type's import.
            for (let t = type; t.includes("."); t = t.slice(0, t.lastIndexOf("."))) this.knownTypes.add(t);
          }
        }
      }
    }
    for (const rule of rules) for (const t of rule.types ?? []) this.knownTypes.add(t);
    this.tokens = [...new Set(rules.flatMap((r) => r.prefilter))];
  }

  /** Whether some rule can match in `source` (a byte-level test: no parse). */
  mayMatch(source: string): boolean {
    return this.tokens.some((t) => source.includes(t));
  }
}

/** Builds a language's semantic model of a parsed file. */
export type ModelFactory = (tree: ParsedTree, index: LanguageSinkIndex, file: SourceFile) => SourceModel;

/** A file's text as its language reads it, when that differs from its characters (Java's Unicode escapes). */
export interface DecodedSource {
  text: string;
  /** The file position (1-based) of a 1-based line and column of `text`. */
  position: PositionMap;
}

/** `decoded`: the file as its language reads it (`LanguageSupport.readAs`), when that differs from `file.source`. */
export function analyzeLanguageFile(parser: GrammarParser, createModel: ModelFactory, file: SourceFile, index: LanguageSinkIndex, decoded?: DecodedSource): LanguageAnalysis {
  if (decoded) {
    const inner = analyzeLanguageFile(parser, createModel, { ...file, source: decoded.text }, index);
    return {
      ...inner,
      findings: inner.findings.map((f) => relocateFinding(f, file.path, decoded.position)),
      errors: inner.errors.map((e) => relocateError(e, file.path, decoded.position)),
    };
  }
  if (!index.mayMatch(file.source)) return { findings: [], errors: [], parsed: false };
  const tree = parser.parse(file.source);
  const errors: ScanError[] = [];
  if (tree.timedOut) {
    errors.push({ file: file.path, kind: "too-deep", level: "warning", message: "parsing took longer than its time budget; file skipped" });
    return { findings: [], errors, parsed: false };
  }
  if (tree.problems.length) {
    const first = tree.problems[0];
    errors.push({
      file: file.path,
      kind: "syntax",
      level: "warning",
      line: first.row + 1,
      column: first.col + 1,
      message: `syntax error${tree.problems.length > 1 ? `s (${tree.problems.length})` : ""}, first at line ${first.row + 1}; scanned what parsed`,
    });
  }
  const model = createModel(tree, index, file);
  const taint = new TaintTracker(tree, model.flow, file.path);
  const ownData = new OwnDataJudge(model.flow);
  const matches: { match: LanguageMatch; spec: LanguageSinkSpec; rule: LanguageRule; outcome: LanguageOutcome }[] = [];
  const reported = new Set<string>();
  for (const site of model.sites) {
    for (const target of site.targets) {
      for (const { rule, spec } of index.byTarget.get(target) ?? []) {
        if (spec.kinds && !spec.kinds.includes(site.kind)) continue;
        const key = `${rule.id}@${site.node.start}:${site.node.end}`;
        if (reported.has(key)) continue;
        const trace = traceOf(site, spec, taint);
        if (spec.requiresUntrusted && !trace) continue;
        const match: LanguageMatch = { site, target, model, ...(trace ? { trace } : {}) };
        const outcome = spec.check ? spec.check(match) : {};
        if (outcome === null) continue;
        reported.add(key);
        matches.push({ match, spec, rule, outcome });
      }
    }
  }
  const findings = matches.map(({ match, spec, rule, outcome }) => toFinding(match, spec, rule, outcome, file, tree, taint, ownData));
  applySuppressions(findings, matches.map((m) => m.match.site.node), tree, model);
  assignFingerprints(findings, matches.map((m) => m.match.site.node), model);
  return { findings, errors, parsed: true };
}

/** The expressions whose data the sink reads: its receiver and arguments, as the spec names them. */
function dataParts(site: Site, spec: LanguageSinkSpec): Node[] {
  const parts: Node[] = [];
  if (spec.dataReceiver !== false && site.receiver) parts.push(site.receiver);
  if (spec.dataArgs) for (const i of spec.dataArgs) site.args[i] && parts.push(site.args[i]);
  else {
    appendAll(parts, site.args);
    appendAll(parts, site.namedArgs.values());
  }
  return parts;
}

function traceOf(site: Site, spec: LanguageSinkSpec, taint: TaintTracker): TraceStep[] | undefined {
  const parts = dataParts(site, spec);
  if (!parts.length) return undefined;
  if (!spec.dataStart) return taint.traceInto(site.fn, parts);
  return taint.traceIntoStart(site.fn, parts, spec.dataStart === true ? undefined : spec.dataStart.openPrefix);
}

function toFinding(
  m: LanguageMatch,
  spec: LanguageSinkSpec,
  rule: LanguageRule,
  outcome: LanguageOutcome,
  file: SourceFile,
  tree: ParsedTree,
  taint: TaintTracker,
  ownData: OwnDataJudge,
): Finding {
  let message = outcome.message ?? spec.message(m);
  const finding: Finding = {
    ruleId: rule.id,
    ruleName: rule.name,
    message,
    severity: outcome.severity ?? rule.severity,
    confidence: outcome.confidence ?? rule.confidence,
    location: locationOf(tree, m.site.node, file.path),
    cwe: rule.cwe,
    owasp: rule.owasp,
    fingerprint: "",
  };
  if (m.trace) {
    const source = m.trace[0];
    message += ` Request data reaches it: ${source.message} (line ${source.location.line}).`;
    finding.message = message;
    finding.severity = "critical";
    finding.trace = [...m.trace, taint.step(m.site.node, `deserialized by \`${m.site.calleeText}\``)];
    finding.trust = "untrusted";
    return finding;
  }
  // Sinks that read data carry a trust judgement, as the Python pattern rules do; settings (`TypeNameHandling.All`) do not.
  const parts = dataParts(m.site, spec);
  if (!parts.length || m.site.kind === "reference") return finding;
  const own = ownData.reasonFor(m.site.fn, parts);
  finding.trust = own ? "internal" : "unknown";
  if (own) finding.trustReason = own;
  return finding;
}

function applySuppressions(findings: Finding[], nodes: Node[], tree: ParsedTree, model: SourceModel): void {
  const byRow = new Map<number, ReturnType<typeof parseSuppression>>();
  for (const c of tree.comments) {
    const d = parseSuppression(model.text(c));
    if (d?.kind === "pathfinder") byRow.set(c.startRow + 1, d);
  }
  findings.forEach((f, i) => {
    for (let line = f.location.line; line <= f.location.endLine && !f.suppressed; line++) {
      const d = byRow.get(line);
      if (d) f.suppressed = suppresses(d, f.ruleId, []);
    }
    for (const idiom of f.suppressed ? [] : model.idiomSuppressions(nodes[i])) {
      const d = parseIdiomSuppression(idiom);
      const hit = d && suppresses(d, f.ruleId, []);
      if (hit) {
        f.suppressed = hit;
        break;
      }
    }
  });
}

/** Stable across line shifts: rule, file, enclosing declarations, the site's code, an occurrence counter. */
function assignFingerprints(findings: Finding[], nodes: Node[], model: SourceModel): void {
  const seen = new Map<string, number>();
  findings.forEach((f, i) => {
    const code = model.text(nodes[i]).replace(/\s+/g, "");
    const key = `${f.ruleId}|${f.location.file}|${model.enclosingPath(nodes[i])}|${code}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    f.fingerprint = stableHash(`${key}|${n}`);
  });
}
