// Judges what the machine recorded. Default (allowlist) policy: every call loading performs of a global that
// is not on the exact-name allowlist is an error, graded by the denylist (denylisted call critical, unknown
// call high, unknown import never called medium); globals defined in the scanned project are judged by their
// source. The denylist policy reports denylisted globals only.
import type { PickleIssue, PickleScanOptions, ProjectGlobal } from "../types.js";
import type { PickleImport, PickleVerdict } from "./analysis.js";
import { ALLOWLIST, ALLOWLIST_PROVENANCE, INVOKED_ARGUMENTS, NESTED_LOADERS, RESOLVERS } from "./allowlist.js";
import { GlobalSet, matchDenylist, type DenyMatch } from "./names.js";
import type { Trace } from "./vm.js";

type Severity = PickleIssue["severity"];

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 4, high: 3, medium: 2, low: 1 };
/** A hostile file could hold millions of identical calls; one issue per site up to this many is enough. */
const MAX_ISSUES = 1_000;
const MAX_VERDICTS = 2_000;

export { INVOKED_ARGUMENTS, RESOLVERS };

const BUILT_IN = new Set(ALLOWLIST);
const userCache = new WeakMap<readonly string[], GlobalSet>();

function userSet(extra: readonly string[]): GlobalSet {
  let set = userCache.get(extra);
  if (set === undefined) {
    set = new GlobalSet(extra);
    userCache.set(extra, set);
  }
  return set;
}

export function maxSeverity(issues: readonly PickleIssue[]): Severity | undefined {
  let best: Severity | undefined;
  for (const i of issues) if (best === undefined || SEVERITY_RANK[i.severity] > SEVERITY_RANK[best]) best = i.severity;
  return best;
}

/**
 * Built-in entries that the denylist names exactly are trusted only through an argument judge; entries inside a
 * denylisted module (`torch.serialization._get_layout`) were seen in real files and are trusted as the exact name.
 */
function trustedDespiteDenylist(name: string, match: DenyMatch): boolean {
  return match.entry !== name || INVOKED_ARGUMENTS.has(name) || RESOLVERS.has(name) || NESTED_LOADERS.has(name);
}

type Standing =
  | { verdict: "allowlisted" | "user-allowed"; reason: string }
  | { verdict: "project"; reason: string; definition: ProjectGlobal }
  | { verdict: "denylisted"; reason: string; match: DenyMatch }
  | { verdict: "unknown"; reason: string };

function standingOf(qualified: string, raw: DenyMatch | undefined, options: PickleScanOptions): Standing {
  const user = options.allowGlobals.length > 0 ? userSet(options.allowGlobals) : undefined;
  // An exact user entry trusts anything; a wildcard does not reach denylisted names.
  if (user !== undefined && options.allowGlobals.includes(qualified)) return { verdict: "user-allowed", reason: "allowed by --pickle-allow or configuration" };
  if (options.loaderGlobals !== undefined && userSet(options.loaderGlobals.names).has(qualified)) return { verdict: "allowlisted", reason: options.loaderGlobals.reason };
  if (options.policy === "allowlist" && BUILT_IN.has(qualified) && (raw === undefined || trustedDespiteDenylist(qualified, raw))) {
    return { verdict: "allowlisted", reason: ALLOWLIST_PROVENANCE.get(qualified) ?? "built-in allowlist" };
  }
  if (raw !== undefined) return { verdict: "denylisted", reason: raw.reason, match: raw };
  if (user?.has(qualified)) return { verdict: "user-allowed", reason: "allowed by a --pickle-allow or configuration wildcard" };
  const definition = options.projectGlobals?.lookup(qualified);
  if (definition !== undefined) {
    return { verdict: "project", reason: `defined in the project at ${definition.file}:${definition.line}`, definition };
  }
  return { verdict: "unknown", reason: "not on the allowlist and not defined in the project" };
}

export function judge(trace: Trace, options: PickleScanOptions): PickleIssue[] {
  const a = trace.analysis;
  const issues: PickleIssue[] = [];
  const verdicts: PickleVerdict[] = [];
  const add = (issue: PickleIssue): void => {
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  const explain = (v: PickleVerdict): void => {
    if (verdicts.length < MAX_VERDICTS) verdicts.push(v);
  };
  const strict = options.policy === "allowlist";
  const standings: (Standing | undefined)[] = [];
  /** Unknown globals are reported once per name (the first call, else the first import). */
  const reportedUnknown = new Set<string>();
  const firstCallOf = new Map<string, number>();
  for (let i = 0; i < a.imports.length; i++) {
    const at = trace.importCalledAt[i]!;
    const name = a.imports[i]!.normalized;
    if (at >= 0 && (firstCallOf.get(name) ?? Infinity) > at) firstCallOf.set(name, at);
  }

  const simulated = trace.sweptFrom >= 0 ? trace.sweptFrom : a.imports.length;
  for (let i = 0; i < a.imports.length; i++) {
    const imp = a.imports[i]!;
    standings.push(undefined);
    if (i >= simulated && !imp.opcode.startsWith("EXT")) {
      judgeSwept(imp, trace.importNormalized[i]!, options, add, explain, reportedUnknown);
      continue;
    }
    if (imp.dynamic) {
      add({
        kind: "dynamic-global",
        severity: "critical",
        message: `${imp.opcode} with non-constant operands (${imp.module}, ${imp.name}): the imported name is computed at load time`,
        offset: imp.offset,
      });
      explain({ offset: imp.offset, subject: imp.normalized, use: "import", verdict: "unknown", reason: "name computed at load time" });
      continue;
    }
    if (imp.opcode.startsWith("EXT")) {
      add({
        kind: "extension-code",
        severity: "critical",
        message: `${imp.opcode} ${imp.name} imports whatever the copyreg extension registry maps that code to`,
        offset: imp.offset,
      });
      explain({ offset: imp.offset, subject: imp.normalized, use: "import", verdict: "unknown", reason: "copyreg extension code" });
      continue;
    }
    const [module, name] = trace.importNormalized[i]!;
    const raw = matchDenylist(imp.module, imp.name) ?? matchDenylist(module, name);
    const standing = standingOf(imp.normalized, raw, options);
    standings[i] = standing;
    const calledAt = trace.importCalledAt[i]!;
    const usedAt = trace.importUsedAt[i]!;
    const called = calledAt >= 0;
    const used = usedAt >= 0 || trace.argScanExhausted;
    explain({ offset: called ? calledAt : imp.offset, subject: imp.normalized, use: called ? "call" : "import", verdict: standing.verdict, reason: standing.reason });
    switch (standing.verdict) {
      case "allowlisted":
      case "user-allowed":
        break;
      case "denylisted":
        if (!used) {
          add({
            kind: "dangerous-import",
            severity: "high",
            message: `Imports ${imp.normalized} (${standing.reason}) via ${imp.opcode}`,
            global: imp.normalized,
            offset: imp.offset,
          });
        } else if (!called) {
          add({
            kind: "dangerous-call",
            severity: "critical",
            message: `Passes ${imp.normalized} (${standing.reason}) into a call that may invoke it`,
            global: imp.normalized,
            offset: usedAt >= 0 ? usedAt : imp.offset,
          });
        } else if (calledOnlyThroughHelpers(trace, i)) {
          add({
            kind: "dangerous-call",
            severity: "critical",
            message: `Loading calls ${imp.normalized}: ${standing.reason}`,
            global: imp.normalized,
            offset: calledAt,
          });
        }
        break;
      case "project": {
        const danger = standing.definition.danger;
        if (strict && danger !== undefined && (called || used)) {
          add({
            kind: "unknown-call",
            severity: "high",
            message: `Loading ${called ? "calls" : "uses"} ${imp.normalized}, defined in the project (${standing.definition.file}:${standing.definition.line}), whose load-time code ${danger}`,
            global: imp.normalized,
            offset: called ? calledAt : imp.offset,
          });
        }
        break;
      }
      case "unknown":
        if (!strict || reportedUnknown.has(imp.normalized)) break;
        reportedUnknown.add(imp.normalized);
        if (firstCallOf.has(imp.normalized)) {
          add({
            kind: "unknown-call",
            severity: "high",
            message: `Loading calls ${imp.normalized}, which is not known to be safe`,
            global: imp.normalized,
            offset: firstCallOf.get(imp.normalized)!,
          });
        } else {
          add({
            kind: "unknown-global",
            severity: "medium",
            message: `Imports ${imp.normalized}, which is not on the allowlist, ${used ? "and passes it to a call that does not invoke it" : "without calling it"}`,
            global: imp.normalized,
            offset: imp.offset,
          });
        }
    }
  }

  // The call records are built only when a message shows a call's arguments (trace.call* hold the rest).
  for (let c = 0; c < trace.callNames.length; c++) {
    const opcode = trace.callOpcodes[c]!;
    if (opcode === "BUILD") continue;
    const callee = trace.callNames[c]!;
    const offset = trace.callOffsets[c]!;
    const imp = trace.callCallee[c]!;
    const standing = imp >= 0 ? standings[imp] : undefined;
    if (standing?.verdict === "denylisted") {
      add({
        kind: "dangerous-call",
        severity: "critical",
        message: `Calls ${callee}(${a.calls[c]!.args}) via ${opcode}: ${standing.reason}`,
        global: callee,
        offset,
      });
    } else if (imp < 0) {
      explain({ offset, subject: "<result of a call>", use: "call", verdict: "call-result", reason: "the callee is computed at load time" });
      if (strict) {
        add({
          kind: "unknown-call",
          severity: "high",
          message: `${opcode} calls a value computed at load time (${callee === "<unknown>" ? "the result of another call" : callee}), which is not known to be safe`,
          offset,
        });
      }
    } else if (strict && standing?.verdict === "allowlisted" && NESTED_LOADERS.has(callee) && !a.nested.some((n) => n.offset === offset)) {
      add({
        kind: "unknown-call",
        severity: "high",
        message: `${callee} loads bytes that are not a constant pickle Pathfinder could inspect`,
        global: callee,
        offset,
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

  if (strict) {
    for (const u of trace.unsafeClassArgs) {
      add({
        kind: "unknown-call",
        severity: "high",
        message: `${u.callee} invokes its argument ${u.position + 1}, which is a value computed at load time rather than a known global`,
        global: u.callee,
        offset: u.offset,
      });
    }
    for (const f of trace.stateFilenames) {
      if (!/^[^/\\]+$/.test(f.filename) || f.filename === ".." || f.filename.startsWith(".")) {
        add({
          kind: "unknown-call",
          severity: "high",
          message: `${f.callee} reads the file "${f.filename}" on load, outside the folder it was saved to`,
          global: f.callee,
          offset: f.offset,
        });
      }
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

  if (trace.stoppedBy === "limit" && simulated === 0) {
    add({
      kind: "uninspectable",
      severity: "medium",
      message: `Analysis stopped at a limit (${a.error?.message ?? "limit reached"}); the rest of the pickle was not inspected`,
      offset: a.error?.offset,
    });
  }
  if (a.error !== undefined && (simulated > 0 || trace.callNames.length > 0)) {
    add({
      kind: "malformed",
      severity: "high",
      message: `The pickle is malformed after referencing globals (${a.error.message}); loaders may still run what comes before the error`,
      offset: a.error.offset,
    });
  }
  a.verdicts = verdicts;
  return issues;
}

/**
 * A global the machine did not reach: it stopped at a limit, and the sweep of the rest (tail-sweep.ts) found it. Its
 * calls were not simulated, so it is judged as if called: a loader that does not stop at our limit would run them.
 */
function judgeSwept(
  imp: PickleImport,
  [module, name]: [string, string],
  options: PickleScanOptions,
  add: (issue: PickleIssue) => void,
  explain: (v: PickleVerdict) => void,
  reportedUnknown: Set<string>,
): void {
  const after = "after the point where the analysis stopped at a limit, so its calls were not simulated";
  if (imp.dynamic) {
    explain({ offset: imp.offset, subject: imp.normalized, use: "import", verdict: "unknown", reason: "operands not resolved after the limit" });
    add({
      kind: "unknown-call",
      severity: "high",
      message: `${imp.opcode} with operands that could not be resolved (${imp.module}, ${imp.name}), ${after}`,
      offset: imp.offset,
    });
    return;
  }
  const raw = matchDenylist(imp.module, imp.name) ?? matchDenylist(module, name);
  const standing = standingOf(imp.normalized, raw, options);
  explain({ offset: imp.offset, subject: imp.normalized, use: "import", verdict: standing.verdict, reason: standing.reason });
  if (standing.verdict === "denylisted") {
    add({
      kind: "dangerous-call",
      severity: "critical",
      message: `Imports ${imp.normalized} (${standing.reason}) via ${imp.opcode} ${after}`,
      global: imp.normalized,
      offset: imp.offset,
    });
  } else if (standing.verdict === "unknown" && options.policy === "allowlist" && !reportedUnknown.has(imp.normalized)) {
    reportedUnknown.add(imp.normalized);
    add({
      kind: "unknown-call",
      severity: "high",
      message: `Imports ${imp.normalized}, which is not known to be safe, via ${imp.opcode} ${after}`,
      global: imp.normalized,
      offset: imp.offset,
    });
  } else if (standing.verdict === "project" && options.policy === "allowlist" && standing.definition.danger !== undefined) {
    add({
      kind: "unknown-call",
      severity: "high",
      message: `Imports ${imp.normalized}, defined in the project (${standing.definition.file}:${standing.definition.line}), whose load-time code ${standing.definition.danger}, ${after}`,
      global: imp.normalized,
      offset: imp.offset,
    });
  }
}

/**
 * A denylisted global that is called only through an argument-invoking helper (`copyreg._reconstructor(os.system,
 * ...)`) has no call record of its own; direct calls are reported by the call loop with their arguments.
 */
function calledOnlyThroughHelpers(trace: Trace, imp: number): boolean {
  const calls = trace.callCallee;
  for (let c = 0; c < calls.length; c++) if (calls[c] === imp) return false;
  return true;
}
