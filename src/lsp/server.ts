// The Pathfinder language server, independent of where it runs: `pathfinder lsp` wires it to stdio with a Node
// backend (files, configuration, workspace scans); the web extension wires it to a worker with a browser backend.
// Analysis lives in the backend's library calls; this module only keeps documents, timers and LSP bookkeeping.
import { TextDocuments, type CodeAction, type Connection, type Diagnostic, type InitializeResult } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CodeActionKind } from "vscode-languageserver-types";
import { atLeast, isSeverity } from "../core/severity.js";
import type { Finding, RuleMeta, Severity } from "../core/types.js";
import { contains, findingHover, fixAction, overlaps, suppressAction, toDiagnostic } from "./convert.js";

export interface ServerSettings {
  /** `--ruleset` values; empty = every rule. */
  rulesets: string[];
  /** Findings below this severity are not shown. */
  minimumSeverity: Severity;
  picklePolicy: "denylist" | "allowlist";
  /** Globals trusted in allowlist mode (`module.Name` or `module.*`). */
  pickleAllow: string[];
  /** A configuration file to use instead of the one found from the workspace (Node only). */
  configFile?: string;
  /** Ignore `pathfinder.toml` / `[tool.pathfinder]`. */
  noConfig: boolean;
  /** Scan the whole workspace when the server starts (Node only). */
  scanWorkspace: boolean;
  /** Workspace scans keep and reuse the analysis cache in the workspace, as the CLI does (Node only). */
  cache: boolean;
  /** Quiet time after a keystroke before a document is analysed again. */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  rulesets: [],
  minimumSeverity: "low",
  picklePolicy: "denylist",
  pickleAllow: [],
  noConfig: false,
  scanWorkspace: true,
  cache: true,
  debounceMs: 250,
};

/** Findings of one file, with the mapping from the project-relative paths they hold to URIs. */
export interface Outcome {
  findings: Finding[];
  uriOf(file: string): string;
}

export interface LspBackend {
  /** Receives the client's initializationOptions before anything else. */
  initialize?(initializationOptions: unknown): void;
  /** Takes new settings and workspace folders (URIs); returns problems the user should see (bad configuration). */
  configure(settings: ServerSettings, roots: string[]): Promise<string[]>;
  /** Analyses an open source document; undefined when it is excluded or not a language we analyse. */
  analyzeText(uri: string, languageId: string, text: string): Promise<Outcome | undefined>;
  /** Inspects a model/data file on disk; undefined when the file is not one. */
  inspectFile?(uri: string): Promise<Outcome | undefined>;
  /** Scans every workspace folder; keys are file URIs. */
  scanWorkspace?(onProgress: (done: number, total: number) => void): Promise<Map<string, Outcome>>;
  /** Whether a file change should re-read the configuration and rescan. */
  isConfigFile?(uri: string): boolean;
  rule(id: string): RuleMeta | undefined;
  ruleUrl(id: string): string | undefined;
}

/** Registers every handler on `connection` and starts listening. */
export function startLanguageServer(connection: Connection, backend: LspBackend, version: string): void {
  new PathfinderServer(connection, backend, version).listen();
}

class PathfinderServer {
  private readonly documents = new TextDocuments(TextDocument);
  /** Latest outcome per URI: open documents, model files and workspace scan results. */
  private readonly outcomes = new Map<string, Outcome>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private settings: ServerSettings = DEFAULT_SETTINGS;
  private roots: string[] = [];
  private pullConfiguration = false;
  private supportsProgress = false;
  private initOptions: unknown;
  private folderEvents = false;
  private scanRun = 0;

  constructor(
    private readonly connection: Connection,
    private readonly backend: LspBackend,
    private readonly version: string,
  ) {}

  listen(): void {
    const c = this.connection;
    c.onInitialize((params): InitializeResult => {
      this.pullConfiguration = params.capabilities.workspace?.configuration === true;
      this.supportsProgress = params.capabilities.window?.workDoneProgress === true;
      this.initOptions = params.initializationOptions;
      this.backend.initialize?.(params.initializationOptions);
      this.folderEvents = params.capabilities.workspace?.workspaceFolders === true;
      const folders = params.workspaceFolders?.map((f) => f.uri) ?? [];
      this.roots = folders.length ? folders : params.rootUri ? [params.rootUri] : [];
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: 2 /* incremental */, save: { includeText: false } },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
          hoverProvider: true,
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: "pathfinder", version: this.version },
      };
    });
    c.onInitialized(() => {
      // The client only accepts this registration after the handshake, and only when it supports folders.
      if (this.folderEvents) this.watchFolders();
      return this.guard("initialized", () => this.reconfigure(true));
    });
    c.onDidChangeConfiguration((params) => this.guard("configuration", () => {
      if (!this.pullConfiguration) this.initOptions = params.settings;
      return this.reconfigure(true);
    }));
    c.onDidChangeWatchedFiles((params) => this.guard("watched files", async () => {
      if (params.changes.some((change) => this.backend.isConfigFile?.(change.uri))) return this.reconfigure(true);
      for (const change of params.changes) {
        if (change.type === 3 /* deleted */) {
          if (!this.documents.get(change.uri)) this.publish(change.uri, undefined);
        } else if (!this.documents.get(change.uri)) {
          await this.inspectModel(change.uri);
        }
      }
    }));

    this.documents.onDidOpen((e) => this.guard("open", () => this.analyzeNow(e.document)));
    this.documents.onDidChangeContent((e) => this.schedule(e.document));
    this.documents.onDidSave((e) => this.guard("save", () => this.inspectModel(e.document.uri)));
    this.documents.onDidClose((e) => {
      const timer = this.timers.get(e.document.uri);
      if (timer) clearTimeout(timer);
      this.timers.delete(e.document.uri);
      // A file on disk keeps what the workspace scan or the last analysis found; buffers without a file, and every
      // file when there is no workspace scan, are cleared.
      const onDisk = e.document.uri.startsWith("file:");
      if (!onDisk || !this.settings.scanWorkspace || !this.backend.scanWorkspace) this.publish(e.document.uri, undefined);
    });

    c.onCodeAction((params) => {
      try {
        return this.codeActions(params.textDocument.uri, params.range, params.context.only);
      } catch (e) {
        this.logError("code actions", e);
        return [];
      }
    });
    c.onHover((params) => {
      try {
        const findings = this.visible(this.outcomes.get(params.textDocument.uri)?.findings ?? []).filter(
          (f) => f.location.offset === undefined && contains(f, params.position.line, params.position.character),
        );
        return findingHover(findings, (id) => this.backend.rule(id), (id) => this.backend.ruleUrl(id)) ?? null;
      } catch (e) {
        this.logError("hover", e);
        return null;
      }
    });
    c.onShutdown(() => {
      for (const timer of this.timers.values()) clearTimeout(timer);
      this.timers.clear();
    });

    this.documents.listen(c);
    c.listen();
  }

  private watchFolders(): void {
    this.connection.workspace.onDidChangeWorkspaceFolders((event) =>
      this.guard("workspace folders", () => {
        const removed = new Set(event.removed.map((f) => f.uri));
        this.roots = [...this.roots.filter((r) => !removed.has(r)), ...event.added.map((f) => f.uri)];
        return this.reconfigure(true);
      }),
    );
  }

  private async reconfigure(rescan: boolean): Promise<void> {
    this.settings = await this.readSettings();
    const problems = await this.backend.configure(this.settings, this.roots);
    for (const problem of problems) {
      this.connection.console.error(problem);
      // A notification, not a request: nothing waits for (or fails on) the user's answer.
      void this.connection.sendNotification("window/showMessage", { type: 1 /* error */, message: `Pathfinder: ${problem}` }).catch(() => {});
    }
    if (rescan && this.settings.scanWorkspace) await this.scanWorkspace();
    for (const document of this.documents.all()) await this.analyzeNow(document);
  }

  private async readSettings(): Promise<ServerSettings> {
    let raw: unknown = this.initOptions;
    if (this.pullConfiguration) {
      try {
        raw = (await this.connection.workspace.getConfiguration("pathfinder")) ?? raw;
      } catch (e) {
        this.logError("reading settings", e);
      }
    }
    return parseSettings(raw, (message) => this.connection.console.warn(message));
  }

  private async scanWorkspace(): Promise<void> {
    if (!this.backend.scanWorkspace || !this.roots.length) return;
    const run = ++this.scanRun;
    const progress = this.supportsProgress ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin("Pathfinder: scanning the workspace", 0, "finding files", false);
    let last = -1;
    try {
      const results = await this.backend.scanWorkspace((done, total) => {
        const percent = total ? Math.floor((done / total) * 100) : 100;
        if (percent !== last) progress?.report(percent, `${done}/${total} Python files`);
        last = percent;
      });
      if (run !== this.scanRun) return;
      const previous = [...this.outcomes.keys()];
      for (const uri of previous) if (!results.has(uri) && !this.documents.get(uri)) this.publish(uri, undefined);
      for (const [uri, outcome] of results) if (!this.documents.get(uri)) this.publish(uri, outcome);
    } catch (e) {
      this.logError("workspace scan", e);
    } finally {
      progress?.done();
    }
  }

  private schedule(document: TextDocument): void {
    const uri = document.uri;
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const current = this.documents.get(uri);
        if (current) void this.guard("analysis", () => this.analyzeNow(current));
      }, this.settings.debounceMs),
    );
  }

  private async analyzeNow(document: TextDocument): Promise<void> {
    const { uri, version } = document;
    let outcome: Outcome | undefined;
    try {
      outcome = await this.backend.analyzeText(uri, document.languageId, document.getText());
      outcome ??= await this.backend.inspectFile?.(uri);
    } catch (e) {
      this.logError(`analysis of ${uri}`, e);
      outcome = undefined;
    }
    // A newer version is on its way (or the document closed meanwhile): its own analysis publishes.
    if (this.documents.get(uri)?.version !== version) return;
    this.publish(uri, outcome);
  }

  private async inspectModel(uri: string): Promise<void> {
    let outcome: Outcome | undefined;
    try {
      outcome = await this.backend.inspectFile?.(uri);
    } catch (e) {
      this.logError(`inspection of ${uri}`, e);
    }
    if (outcome || this.outcomes.has(uri)) this.publish(uri, outcome);
  }

  private publish(uri: string, outcome: Outcome | undefined): void {
    if (outcome) this.outcomes.set(uri, outcome);
    else this.outcomes.delete(uri);
    const diagnostics = outcome ? this.visible(outcome.findings).map((f) => this.diagnostic(f, outcome)) : [];
    void this.connection.sendDiagnostics({ uri, diagnostics, version: this.documents.get(uri)?.version }).catch((e) => this.logError("publishing diagnostics", e));
  }

  private visible(findings: readonly Finding[]): Finding[] {
    return findings.filter((f) => !f.suppressed && atLeast(f.severity, this.settings.minimumSeverity));
  }

  private diagnostic(f: Finding, outcome: Outcome): Diagnostic {
    return toDiagnostic(f, { uriOf: (file) => outcome.uriOf(file), ruleUrl: (id) => this.backend.ruleUrl(id) });
  }

  private codeActions(uri: string, range: Parameters<typeof overlaps>[1], only: string[] | undefined): CodeAction[] {
    if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind + "."))) return [];
    const outcome = this.outcomes.get(uri);
    const document = this.documents.get(uri);
    if (!outcome || !document) return [];
    const lines = document.getText().split(/\r\n|\r|\n/);
    const fixes: CodeAction[] = [];
    const suppressions: CodeAction[] = [];
    for (const f of this.visible(outcome.findings)) {
      if (f.location.offset !== undefined || !overlaps(f, range)) continue;
      const diagnostic = this.diagnostic(f, outcome);
      const fix = fixAction(f, uri, diagnostic);
      if (fix) fixes.push(fix);
      const suppress = suppressAction(f, uri, lines, diagnostic);
      if (suppress) suppressions.push(suppress);
    }
    return [...fixes, ...suppressions];
  }

  /** Runs a handler so that a failure is a logged error, never a dead server. */
  private async guard(what: string, work: () => Promise<void> | void): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.logError(what, e);
    }
  }

  private logError(what: string, e: unknown): void {
    const err = e as Error;
    this.connection.console.error(`pathfinder: ${what} failed: ${err?.stack ?? String(e)}`);
  }
}

/** Settings from the client (`pathfinder.*` in VS Code, `settings`/`init_options` elsewhere), validated. */
export function parseSettings(raw: unknown, warn: (message: string) => void): ServerSettings {
  const s = { ...DEFAULT_SETTINGS };
  if (!raw || typeof raw !== "object") return s;
  // Some clients send the whole settings tree ({ pathfinder: {...} }) where others send our section.
  const nested = (raw as Record<string, unknown>).pathfinder;
  const r = (nested && typeof nested === "object" ? nested : raw) as Record<string, unknown>;
  const strings = (key: string): string[] | undefined => {
    const v = r[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v.split(",").map((x) => x.trim()).filter(Boolean);
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.map((x) => x.trim()).filter(Boolean);
    warn(`pathfinder: setting "${key}" must be a list of strings; ignored`);
    return undefined;
  };
  s.rulesets = strings("rulesets") ?? s.rulesets;
  s.pickleAllow = strings("pickleAllow") ?? s.pickleAllow;
  const severity = typeof r.minimumSeverity === "string" ? r.minimumSeverity.toLowerCase() : undefined;
  if (severity !== undefined) {
    if (isSeverity(severity)) s.minimumSeverity = severity;
    else warn(`pathfinder: setting "minimumSeverity" must be critical, high, medium or low; ignored`);
  }
  const policy = typeof r.picklePolicy === "string" ? r.picklePolicy.toLowerCase() : undefined;
  if (policy === "denylist" || policy === "allowlist") s.picklePolicy = policy;
  else if (policy !== undefined) warn(`pathfinder: setting "picklePolicy" must be denylist or allowlist; ignored`);
  if (typeof r.configFile === "string" && r.configFile.trim()) s.configFile = r.configFile.trim();
  if (typeof r.noConfig === "boolean") s.noConfig = r.noConfig;
  if (typeof r.scanWorkspace === "boolean") s.scanWorkspace = r.scanWorkspace;
  if (typeof r.cache === "boolean") s.cache = r.cache;
  if (typeof r.debounceMs === "number" && Number.isFinite(r.debounceMs) && r.debounceMs >= 0) s.debounceMs = Math.min(r.debounceMs, 10_000);
  return s;
}
