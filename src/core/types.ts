// Shared vocabulary of the scanner. Browser-safe: no node:* imports anywhere under src/core.

export const SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Confidence = "high" | "medium" | "low";

/** SARIF `precision` property, as used by GitHub code scanning. */
export type Precision = "very-high" | "high" | "medium" | "low";

/** 1-based line and column; `endColumn` is exclusive (SARIF convention). Columns count UTF-16 code units. */
export interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Location extends Region {
  /** Path relative to the scan target, with forward slashes. */
  file: string;
  /** The source line(s) of the region, trimmed of trailing newline. */
  snippet: string;
  /** For artifacts: member inside a container, e.g. `archive/data.pkl`. */
  member?: string;
  /** For artifacts: byte offset of the opcode inside the member. */
  offset?: number;
}

/**
 * What is known about the data a deserializer call reads: `untrusted` (a source reaches it; the finding carries
 * the trace), `internal` (provably constants or the program's own files), `unknown` (anything else).
 */
export const TRUST_LEVELS = ["untrusted", "unknown", "internal"] as const;
export type Trust = (typeof TRUST_LEVELS)[number];

export interface TraceStep {
  location: Location;
  message: string;
}

/** One source of untrusted data that reaches a finding's sink, and the path it takes. */
export interface FindingSource {
  location: Location;
  message: string;
  trace: TraceStep[];
}

/** A text replacement in the scanned file (same coordinates as Region). */
export interface TextEdit extends Region {
  newText: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
}

export type SuppressionKind = "pathfinder" | "nosec" | "noqa" | "baseline" | "config";

export interface Suppression {
  kind: SuppressionKind;
  /** The comment or reason that suppressed it. */
  justification: string;
}

export interface Finding {
  ruleId: string;
  ruleName: string;
  message: string;
  severity: Severity;
  confidence: Confidence;
  location: Location;
  cwe: string[];
  owasp: string[];
  /** Stable across line shifts: derived from rule, file, enclosing scope, normalised snippet and occurrence index. */
  fingerprint: string;
  trace?: TraceStep[];
  /**
   * Data-flow findings reached from more than one source: every source with its own trace, the first being the
   * one `trace` shows.
   */
  sources?: FindingSource[];
  /** How the sink's name was resolved across modules and assignments (re-exports, aliases, class attributes). */
  relatedLocations?: TraceStep[];
  fix?: Fix;
  suppressed?: Suppression;
  /** Deserializer pattern rules: what is known about the data the call reads (see `Trust`). */
  trust?: Trust;
  /** Why the data is `internal` (or why it stays `unknown` when that is worth saying), one short sentence. */
  trustReason?: string;
}

export type ScanErrorKind =
  | "syntax"
  | "encoding"
  | "binary"
  | "too-large"
  | "too-deep"
  | "unreadable"
  | "symlink-loop"
  | "symlink-outside"
  | "timeout"
  | "configuration"
  | "artifact"
  | "internal";

/** A problem with one input: reported, never fatal. */
export interface ScanError {
  file: string;
  kind: ScanErrorKind;
  message: string;
  line?: number;
  column?: number;
  level: "warning" | "error";
  /** How many occurrences of this warning in this file were folded into this one entry (absent: one). */
  count?: number;
}

export interface Reference {
  title: string;
  url: string;
}

export interface FaqEntry {
  question: string;
  answer: string;
}

export interface ComplianceMapping {
  framework: string;
  control: string;
}

/** One way an attacker reaches the sink: a short title ("A shared cache written by an attacker") and markdown text. */
export interface AttackScenario {
  title: string;
  text: string;
}

export interface SecurityImplications {
  /** Markdown: what an attacker gains. */
  summary: string;
  scenarios: AttackScenario[];
}

export interface FixSteps {
  /** Markdown shown before the steps. */
  summary?: string;
  /** Markdown, one per numbered step, in the order to apply them. */
  steps: string[];
}

/** Everything a human reads about a rule. One source for the CLI, SARIF and the web pages. */
export interface RuleDocs {
  /** One sentence: what the rule finds. */
  summary: string;
  /** What the rule detects and why it matters (markdown). */
  description: string;
  /** Markdown prose, or an introduction followed by titled attack scenarios (see `src/core/rule-docs.ts`). */
  securityImplications: string | SecurityImplications;
  /** Markdown prose, or an optional introduction followed by numbered steps. */
  howToFix: string | FixSteps;
  /** One-line remediation hint shown under each finding in text output. */
  fixHint: string;
  vulnerableExample: string;
  safeExample: string;
  detectionScope: string;
  references: Reference[];
  faq: FaqEntry[];
}

export interface RuleMeta {
  id: string;
  name: string;
  language: "python" | "artifact" | "java" | "csharp" | "php";
  severity: Severity;
  confidence: Confidence;
  precision: Precision;
  cwe: string[];
  owasp: string[];
  compliance: ComplianceMapping[];
  tags: string[];
  /** Bundle names without language prefix, e.g. `lang`, `deserialization`, `ml`. */
  bundles: string[];
  /** Bandit test IDs whose `# nosec BXXX` also suppresses this rule. */
  banditIds: string[];
  /** IDs of related rules. */
  similar: string[];
  docs: RuleDocs;
}

export interface ScanSummary {
  total: number;
  bySeverity: Record<Severity, number>;
  suppressed: number;
  /** Unsuppressed findings that carry a trust property, by trust. */
  byTrust?: Record<Trust, number>;
  /** Findings left out of the report by `--min-trust` (not counted anywhere else). */
  hiddenByTrust?: number;
}

/** What a scan produced: the single input of every reporter. */
export interface ScanReport {
  tool: { name: string; version: string; informationUri: string };
  scan: {
    /** The scanned project directory as given by the user (absolute). */
    target: string;
    /** ISO-8601 start time. */
    timestamp: string;
    durationMs: number;
    /** IDs of the rules that ran. */
    rulesExecuted: string[];
    filesScanned: number;
  };
  /** Metadata of the rules that ran (SARIF rule descriptors, docs links). */
  rules: RuleMeta[];
  /** Every finding, suppressed ones included (they carry `suppressed`), in deterministic order. */
  findings: Finding[];
  errors: ScanError[];
  /** The Python dependencies declared in the project's manifests (for `--output cyclonedx`). */
  dependencies?: DependencyRecord[];
  /** Set when `--min-trust` left findings out: the threshold and how many findings it hid. */
  trustFilter?: { minTrust: Trust; hidden: number };
}

/** One declared or locked Python dependency, as the SBOM reporter needs it. */
export interface DependencyRecord {
  /** PEP 503 normalised name. */
  name: string;
  /** Exact version when pinned or locked. */
  version?: string;
  /** PEP 440 specifier set as declared ("" = any). */
  specifier: string;
  locked: boolean;
  /** Manifest file (relative) and line. */
  file: string;
  line: number;
  /** Why the package deserializes with pickle, when it does. */
  pickle?: string;
  /** Advisories that affect the pinned version (or that the range admits). */
  advisories: { id: string; aliases: string[]; severity: Severity; summary: string; url: string; affected: string; fixed: string; kind: "pinned" | "range" }[];
}

export interface ReportOptions {
  /** List suppressed findings too (they are always counted in the summary). */
  showSuppressed: boolean;
  /** Emit ANSI colours (text reporter only). */
  color: boolean;
}
