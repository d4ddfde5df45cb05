import { stat } from "node:fs/promises";
import { parseFlags } from "../parse.js";
import { basename, resolve } from "node:path";
import { scanArtifact, type ArtifactScanResult } from "../../artifacts/index.js";
import { describePolicy, inspectionJson, inspectionVerdict, type InspectionVerdict } from "../../artifacts/inspection.js";
import { renderPseudoPython, type PickleAnalysis } from "../../artifacts/pickle/index.js";
import type { PickleScanOptions } from "../../artifacts/types.js";
import { SEVERITIES, type Finding } from "../../core/types.js";
import { openFileByteSource } from "../../project/byte-source.js";
import { withNodeInflate } from "../../project/native-inflate.js";
import { painter, sanitizeForTerminal, SEVERITY_STYLES, type Painter } from "../../report/terminal.js";
import { CliUsageError, type CliIo, type Command } from "../command.js";
import { pickleOptionsFrom } from "../scan-flags.js";
import { useColor } from "../terminal.js";
import { appendAll } from "../../core/arrays.js";
import { inspectJavaStream } from "./inspect-java.js";
import { SUMMARIES } from "./summaries.js";

/** Java serialization streams are read whole; larger files are only inspected as pickles. */
const JAVA_STREAM_INSPECT_LIMIT = 256 * 1024 * 1024;

const INSPECT_FLAGS = {
  json: { type: "boolean" },
  "pickle-policy": { type: "string" },
  "pickle-allow": { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

/** Imports, calls and pseudo-Python lines listed per pickle before the rest are only counted. */
const MAX_LISTED = 200;

export const inspectCommand: Command = {
  name: "inspect",
  summary: SUMMARIES.inspect,
  usage: `Usage: pathfinder inspect [options] FILE

Opens a pickle-based model or data file (.pkl, .pt, .pth, .bin, .ckpt, .joblib, .npy, .npz, compressed
pickles, ...) or a Java serialization stream (raw or base64, e.g. .ser) without loading it, and shows its container layout, every global it imports and every call it
makes (with byte offsets), a pseudo-Python rendering of each pickle, and a verdict with its reasons.
Exit codes: 0 clean (or not a pickle at all: the verdict says so), 1 dangerous or not fully inspectable (any finding), 2 usage or runtime error.

Options:
      --json                Print the result as JSON
      --pickle-policy MODE  allowlist (default: every call of a global not known to be safe is an error) or
                            denylist (only denylisted globals are reported)
      --pickle-allow GLOBAL Trust a global (module.Name, or module.* for a whole module); repeatable
  -h, --help                Show this help

Examples:
  pathfinder inspect model.pt
  pathfinder inspect --pickle-allow mypkg.models.* checkpoint.ckpt`,
  async run(argv, io) {
    const { values, positionals } = parseFlags("inspect", argv, INSPECT_FLAGS);
    if (values.help) {
      io.stdout.write(this.usage + "\n");
      return 0;
    }
    if (positionals.length !== 1) throw new CliUsageError("expected exactly one FILE to inspect");
    const path = resolve(io.cwd, positionals[0]!);
    const options = pickleOptionsFrom(values);
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new CliUsageError(`"${positionals[0]}" is not a regular file`);
      size = info.size;
    } catch (e) {
      if (e instanceof CliUsageError) throw e;
      io.stderr.write(`pathfinder inspect: error: cannot read "${positionals[0]}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
    const java = size <= JAVA_STREAM_INSPECT_LIMIT ? await inspectJavaStream(path, positionals[0]!, values.json === true, io) : undefined;
    if (java !== undefined) return java;
    const source = await openFileByteSource(path);
    let result: ArtifactScanResult;
    try {
      result = await scanArtifact(source, basename(path), withNodeInflate(options));
    } finally {
      await source.close();
    }
    const verdict = inspectionVerdict(result);
    if (values.json) {
      io.stdout.write(JSON.stringify(inspectionJson(positionals[0]!, size, result, verdict, options), null, 2) + "\n");
    } else {
      io.stdout.write(renderInspection(positionals[0]!, size, result, verdict, painter(useColor(io.stdout, io.env)), options));
    }
    return verdict.dangerous ? 1 : 0;
  },
};

function renderInspection(file: string, size: number, result: ArtifactScanResult, verdict: InspectionVerdict, p: Painter, options: Partial<PickleScanOptions>): string {
  const clean = sanitizeForTerminal;
  const out: string[] = [];
  out.push(`${p.paint("File:", "bold")} ${clean(file)} (${size} bytes)`);
  out.push(`${p.paint("Kind:", "bold")} ${result.kind}`);
  out.push(`${p.paint("Policy:", "bold")} ${clean(describePolicy(options))}`);

  if (result.layout.length > 0) {
    out.push("", p.paint("Layout:", "bold"));
    const rows = result.layout.map((l) => [String(l.offset), String(l.size), String(l.compressedSize), l.method, l.role, clean(l.name)]);
    appendAll(out, table(["OFFSET", "SIZE", "COMPRESSED", "METHOD", "ROLE", "NAME"], rows).map((l) => "  " + l));
  }

  for (const entry of result.analyses) {
    out.push("", p.paint(`Pickle ${entry.member !== undefined ? clean(entry.member) + " " : ""}@${entry.baseOffset}:`, "bold") + " " + describe(entry.analysis));
    const a = entry.analysis;
    if (a.imports.length > 0) {
      out.push("  Imports:");
      for (const i of a.imports.slice(0, MAX_LISTED)) {
        out.push(`    @${entry.baseOffset + i.offset}  ${i.opcode}  ${clean(i.normalized)}${i.dynamic ? "  (dynamic)" : ""}`);
      }
      more(out, a.imports.length, "imports");
    }
    if (a.calls.length > 0) {
      out.push("  Calls:");
      for (const c of a.calls.slice(0, MAX_LISTED)) out.push(`    @${entry.baseOffset + c.offset}  ${c.opcode}  ${clean(c.callee)}(${clean(clip(c.args))})`);
      more(out, a.calls.length, "calls");
    }
    const verdicts = a.verdicts ?? [];
    if (verdicts.length > 0) {
      out.push("  Judged:");
      for (const v of verdicts.slice(0, MAX_LISTED)) {
        const style = v.verdict === "denylisted" ? "red" : v.verdict === "unknown" || v.verdict === "call-result" ? "yellow" : "green";
        out.push(`    @${entry.baseOffset + v.offset}  ${v.use.padEnd(6)}  ${clean(v.subject)}  ${p.paint(v.verdict, style)}: ${clean(clip(v.reason))}`);
      }
      more(out, verdicts.length, "judgements");
    }
    if (a.persistentIds.length > 0) {
      out.push(`  Persistent ids: ${a.persistentIds.length} (first: ${clean(clip(a.persistentIds[0]!.value))})`);
    }
    if (a.isPickle) {
      const lines = renderPseudoPython(a).split("\n");
      out.push("  Pseudo-Python:");
      for (const line of lines.slice(0, MAX_LISTED)) out.push(`    ${p.paint("|", "dim")} ${clean(clip(line))}`);
      more(out, lines.length, "lines");
    }
    if (a.error) out.push(`  ${p.paint("Stopped:", "yellow")} ${clean(a.error.message)} at offset ${entry.baseOffset + a.error.offset}`);
  }

  if (result.findings.length > 0) {
    out.push("", p.paint("Findings:", "bold"));
    for (const f of result.findings) out.push("  " + findingLine(f, p));
  }
  if (result.errors.length > 0) {
    out.push("", p.paint("Warnings:", "bold"));
    for (const e of result.errors) out.push(`  ${p.paint(e.level, "yellow")}  ${clean(e.message)}`);
  }

  const style =
    verdict.label === "clean" ? (["bold", "green"] as const)
    : verdict.label === "dangerous" ? (["bold", "red"] as const)
    : verdict.label === "not a pickle" ? (["bold"] as const)
    : (["bold", "yellow"] as const);
  out.push("", `${p.paint("Verdict:", "bold")} ${p.paint(verdict.label.toUpperCase(), ...style)}${verdict.dangerous ? ` (${countBySeverity(result.findings)})` : ""}`);
  for (const reason of verdict.reasons) out.push(`  - ${clean(reason)}`);
  return out.join("\n") + "\n";
}

function describe(a: PickleAnalysis): string {
  if (!a.isPickle) return "not a pickle";
  const streams = a.streams === 1 ? "1 stream" : `${a.streams} streams`;
  return `protocol ${a.protocol ?? "0/1"}, ${streams}, ${a.opcodeCount} opcodes, ${a.bytesConsumed} bytes`;
}

function findingLine(f: Finding, p: Painter): string {
  const where = [f.location.member !== undefined ? `member ${sanitizeForTerminal(f.location.member)}` : undefined, f.location.offset !== undefined ? `offset ${f.location.offset}` : undefined]
    .filter(Boolean)
    .join(", ");
  return `${p.paint(f.severity.toUpperCase(), ...SEVERITY_STYLES[f.severity])}  ${p.paint(f.ruleId, "cyan")}  ${sanitizeForTerminal(f.message)}${where ? `  [${where}]` : ""}`;
}

function countBySeverity(findings: Finding[]): string {
  return SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s} ${n}`)
    .join(", ");
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : i < 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function more(out: string[], total: number, noun: string): void {
  if (total > MAX_LISTED) out.push(`    ... ${total - MAX_LISTED} more ${noun}`);
}

function clip(text: string, max = 160): string {
  return text.length > max ? text.slice(0, max) + "..." : text;
}
