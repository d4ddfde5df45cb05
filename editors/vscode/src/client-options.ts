// What the desktop and web extensions share: the documents the language server watches and the settings it reads.
import type { LanguageClientOptions } from "vscode-languageclient";
import * as vscode from "vscode";

export const MODEL_FILE_GLOB = "**/*.{pkl,pickle,pt,pth,bin,ckpt,joblib,npy,npz}";

/** Settings under `pathfinder.*`, as the server's `parseSettings` reads them. */
export function currentSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration("pathfinder");
  const keys = ["rulesets", "minimumSeverity", "picklePolicy", "pickleAllow", "configFile", "noConfig", "scanWorkspace", "cache", "debounceMs"];
  return Object.fromEntries(keys.map((k) => [k, config.get(k)]));
}

export function clientOptions(extra: Record<string, unknown> = {}): LanguageClientOptions {
  return {
    documentSelector: [
      { scheme: "file", language: "python" },
      { scheme: "untitled", language: "python" },
      // Each code cell of an open Jupyter notebook, as its own document.
      { scheme: "vscode-notebook-cell", language: "python" },
      { scheme: "vscode-vfs", language: "python" },
      { scheme: "vscode-test-web", language: "python" },
    ],
    synchronize: {
      configurationSection: "pathfinder",
      fileEvents: [
        vscode.workspace.createFileSystemWatcher(MODEL_FILE_GLOB),
        vscode.workspace.createFileSystemWatcher("**/{pathfinder.toml,.pathfinder.toml,pyproject.toml,.gitignore}"),
      ],
    },
    initializationOptions: { ...currentSettings(), ...extra },
    outputChannelName: "Pathfinder",
  };
}
