// Judges what the machine recorded: which globals are dangerous, and how they are used.
import type { PickleIssue, PickleScanOptions } from "../types.js";
import { ALLOWLIST, ALLOWED_ONLY_WITH_SAFE_CLASS_ARGS } from "./allowlist.js";
import { GlobalSet, matchDenylist, type DenyMatch } from "./names.js";
import type { Trace } from "./vm.js";

type Severity = PickleIssue["severity"];

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1 };
/** A hostile file could hold millions of identical calls; one issue per site up to this many is enough. */
const MAX_ISSUES = 1_000;

export const CLASS_ARG_HELPERS = ALLOWED_ONLY_WITH_SAFE_CLASS_ARGS;

const allowCache = new WeakMap<readonly string[], GlobalSet>();

function allowSet(extra: readonly string[]): GlobalSet {
  let set = allowCache.get(extra);
  if (set === undefined) {
    set = new GlobalSet([...ALLOWLIST, ...extra]);
    allowCache.set(extra, set);
  }
  return set;
}

export function maxSeverity(issues: readonly PickleIssue[]): Severity | undefined {
  let best: Severity | undefined;
  for (const i of issues) if (best === undefined || SEVERITY_RANK[i.severity] > SEVERITY_RANK[best]) best = i.severity;
  return best;
}

export function judge(trace: Trace, options: PickleScanOptions): PickleIssue[] {
  const a = trace.analysis;
  const issues: PickleIssue[] = [];
  const add = (issue: PickleIssue): void => {
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  const allowlist = options.policy === "allowlist" ? allowSet(options.allowGlobals) : undefined;
  const deny: (DenyMatch | undefined)[] = [];
  const reportedUnknown = new Set<string>();

  for (let i = 0; i < a.imports.length; i++) {
    const imp = a.imports[i]!;
    deny.push(undefined);
    if (imp.dynamic) {
      add({
        kind: "dynamic-global",
        severity: "critical",
        message: `STACK_GLOBAL with non-constant operands (${imp.module}, ${imp.name}): the imported name is computed at load time`,
        offset: imp.offset,
      });
      continue;
    }
    if (imp.opcode.startsWith("EXT")) {
      add({
        kind: "extension-code",
        severity: "critical",
        message: `${imp.opcode} ${imp.name} imports whatever the copyreg extension registry maps that code to`,
        offset: imp.offset,
      });
      continue;
    }
    const [module, name] = trace.importNormalized[i]!;
    const match = matchDenylist(imp.module, imp.name) ?? matchDenylist(module, name);
    deny[i] = match;
    if (match !== undefined) {
      const used = trace.importUsedAt[i]! >= 0 || trace.argScanExhausted;
      if (!used) {
        add({
          kind: "dangerous-import",
          severity: "high",
          message: `Imports ${imp.normalized} (${match.reason}) via ${imp.opcode}`,
          global: imp.normalized,
          offset: imp.offset,
        });
      } else if (trace.importCalledAt[i]! < 0) {
        // Passed into another call, which may invoke it.
        add({
          kind: "dangerous-call",
          severity: "critical",
          message: `Passes ${imp.normalized} (${match.reason}) into a call that may invoke it`,
          global: imp.normalized,
          offset: trace.importUsedAt[i]! >= 0 ? trace.importUsedAt[i]! : imp.offset,
        });
      }
    } else if (allowlist !== undefined && !allowlist.has(imp.normalized) && !reportedUnknown.has(imp.normalized)) {
      reportedUnknown.add(imp.normalized);
      add({
        kind: "unknown-global",
        severity: "medium",
        message: `Imports ${imp.normalized}, which is not on the allowlist`,
        global: imp.normalized,
        offset: imp.offset,
      });
    }
  }

  for (let c = 0; c < a.calls.length; c++) {
    const call = a.calls[c]!;
    if (call.opcode === "BUILD") continue;
    const imp = trace.callCallee[c]!;
    const match = imp >= 0 ? deny[imp] : undefined;
    if (match !== undefined) {
      add({
        kind: "dangerous-call",
        severity: "critical",
        message: `Calls ${call.callee}(${call.args}) via ${call.opcode}: ${match.reason}`,
        global: call.callee,
        offset: call.offset,
      });
    } else if (allowlist !== undefined && imp < 0) {
      add({
        kind: "unknown-global",
        severity: "medium",
        message: `${call.opcode} calls a value that is not an allowlisted global`,
        offset: call.offset,
      });
    }
  }

  for (const m of trace.mutations) {
    const imp = a.imports[m.imp]!;
    add({
      kind: "module-mutation",
      severity: "critical",
      message: `BUILD sets attributes on the module/class/function ${imp.normalized} itself`,
      global: imp.normalized,
      offset: m.offset,
    });
  }

  if (allowlist !== undefined) {
    for (const u of trace.unsafeClassArgs) {
      add({
        kind: "unknown-global",
        severity: "medium",
        message: `${u.callee} is called with a class argument that is not a plain global`,
        global: u.callee,
        offset: u.offset,
      });
    }
  }

  for (const n of a.nested) {
    const severity = maxSeverity(n.analysis.issues);
    if (severity !== undefined) {
      add({
        kind: "nested-pickle",
        severity,
        message: `A pickle embedded in a loads-like call argument is dangerous: ${n.analysis.issues[0]!.message}`,
        global: n.analysis.issues[0]!.global,
        offset: n.offset,
      });
    }
  }

  if (trace.stoppedBy === "limit" && a.imports.length === 0) {
    add({
      kind: "uninspectable",
      severity: "medium",
      message: `Analysis stopped at a limit (${a.error?.message ?? "limit reached"}); the rest of the pickle was not inspected`,
      offset: a.error?.offset,
    });
  }
  if (a.error !== undefined && a.imports.length > 0) {
    add({
      kind: "malformed",
      severity: "high",
      message: `The pickle is malformed after referencing globals (${a.error.message}); loaders may still run what comes before the error`,
      offset: a.error.offset,
    });
  }
  return issues;
}
