// A real LSP client over stdio for tests: vscode-jsonrpc's message connection on a spawned server process,
// answering the requests a server sends (configuration, progress tokens, registrations) like an editor does.
import { spawn, type ChildProcess } from "node:child_process";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import type { Diagnostic } from "vscode-languageserver-types";

interface PublishDiagnosticsParams {
  uri: string;
  diagnostics: Diagnostic[];
}

export interface ProgressEvent {
  token: string | number;
  value: { kind: "begin" | "report" | "end"; title?: string; percentage?: number; message?: string };
}

export class LspTestClient {
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly progress: ProgressEvent[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  stderr = "";
  settings: Record<string, unknown> = {};
  private waiters: { check: () => boolean; resolve: () => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on("data", (d) => (this.stderr += d));
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
    this.connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.poke();
    });
    this.connection.onNotification("$/progress", (p: ProgressEvent) => {
      this.progress.push(p);
      this.poke();
    });
    this.connection.onNotification("window/showMessage", (p: { type: number; message: string }) => {
      this.messages.push(p);
      this.poke();
    });
    this.connection.onNotification("window/logMessage", (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    this.connection.listen();
  }

  /** Starts `node <args>` as a language server in `cwd`. */
  static spawn(args: string[], cwd: string): LspTestClient {
    return new LspTestClient(spawn(process.execPath, args, { cwd, stdio: ["pipe", "pipe", "pipe"] }));
  }

  /** Resolves when `check` holds (re-checked on every notification); rejects after `ms`. */
  until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.check !== check);
        reject(new Error(`timed out waiting for ${what}\nserver stderr:\n${this.stderr}\nlogs:\n${this.logs.join("\n")}`));
      }, ms);
      this.waiters.push({ check, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private poke(): void {
    for (const w of [...this.waiters]) {
      if (w.check()) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve();
      }
    }
  }

  async initialize(rootUri: string, initializationOptions?: unknown): Promise<unknown> {
    const result = await this.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: "project" }],
      initializationOptions,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: false } },
        textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true }, hover: { contentFormat: ["markdown"] } },
      },
    });
    await this.connection.sendNotification("initialized", {});
    return result;
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}
