// A CodeMirror 6 Python editor wired to the engine: findings become diagnostics (underline, gutter marker,
// hover with message and fix), re-computed a moment after each edit.

import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { forceLinting, linter, lintGutter, lintKeymap, type Diagnostic } from "@codemirror/lint";
import { Compartment, EditorState, StateEffect, type Extension, type Text } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";
import type { Finding, Region, Severity } from "../../src/core/types.js";
import { escapeHtml } from "../../src/report/html/escape.js";
import { codeSpans } from "../../src/report/html/markdown.js";
import type { AnalysisResult, Engine } from "./engine.js";
import type { PlaygroundLanguage } from "./playground-languages.js";

/** Quiet time after the last keystroke before the code is analysed again. */
const LINT_DELAY_MS = 250;

/** Asks the linter to run although the document did not change (rule choice changed, engine became ready). */
const reanalyse = StateEffect.define<null>();

export type AnalysisOutcome = { ok: true; result: AnalysisResult; source: string } | { ok: false; error: string };

export interface EditorOptions {
  parent: HTMLElement;
  doc: string;
  /** Accessible name of the editing area. */
  label: string;
  engine: Promise<Engine>;
  ruleset: string;
  /** What the code is analysed as; Python when absent. */
  language?: PlaygroundLanguage;
  /** URL of the rules index relative to the page (`rules/`, `../../rules/`), for links in hovers. */
  rulesUrl: string;
  onAnalysis(outcome: AnalysisOutcome): void;
  onDocChange?(doc: string): void;
  onCursor?(line: number, column: number): void;
}

export class PythonEditor {
  readonly view: EditorView;
  private ruleset: string;
  private language: PlaygroundLanguage;
  private readonly highlighting = new Compartment();
  private readonly labelling = new Compartment();
  /** Counts language switches, so a slow highlighting load never overrides a later choice. */
  private languageSwitches = 0;
  /** Analyses started, and the newest one's diagnostics: an older run that ends later answers with those. */
  private runs = 0;
  private latest: Promise<Diagnostic[]> = Promise.resolve([]);

  constructor(private readonly options: EditorOptions) {
    this.ruleset = options.ruleset;
    this.language = options.language ?? "python";
    this.view = new EditorView({
      parent: options.parent,
      state: EditorState.create({ doc: options.doc, extensions: this.extensions() }),
    });
    // First results as soon as the engine is ready, without waiting for the typing delay.
    options.engine.then(
      () => this.refresh(),
      () => undefined,
    );
  }

  get doc(): string {
    return this.view.state.doc.toString();
  }

  setDoc(text: string): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text }, selection: { anchor: 0 } });
  }

  setRuleset(ruleset: string): void {
    this.ruleset = ruleset;
    this.refresh();
  }

  /** Analyses the code as another language (with that language's rules) and highlights it as such. */
  async setLanguage(language: PlaygroundLanguage, ruleset: string, label: string): Promise<void> {
    const turn = ++this.languageSwitches;
    this.language = language;
    this.ruleset = ruleset;
    this.view.dispatch({ effects: this.labelling.reconfigure(EditorView.contentAttributes.of({ "aria-label": label })) });
    this.refresh();
    const highlighting = await syntaxFor(language);
    if (turn === this.languageSwitches) this.view.dispatch({ effects: this.highlighting.reconfigure(highlighting) });
  }

  /** Re-analyses now instead of after the typing delay. */
  refresh(): void {
    // forceLinting only hurries a pending run; the effect makes one pending even when the text is unchanged.
    this.view.dispatch({ effects: reanalyse.of(null) });
    forceLinting(this.view);
  }

  /** Applies a finding's suggested fix (its text edits, in finding coordinates) as one undoable change. */
  applyFix(finding: Finding): void {
    if (!finding.fix) return;
    const doc = this.view.state.doc;
    const changes = finding.fix.edits.map((e) => {
      const { from, to } = rangeOf(doc, e);
      return { from, to, insert: e.newText };
    });
    this.view.dispatch({ changes, userEvent: "input.fix" });
    this.view.focus();
  }

  /** Selects a finding's region with the cursor at its start, scrolls to it and focuses the editor. */
  reveal(finding: Finding): void {
    const { from, to } = rangeOf(this.view.state.doc, finding.location);
    this.view.dispatch({ selection: { anchor: to, head: from }, scrollIntoView: true });
    this.view.focus();
  }

  private extensions() {
    return [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      this.highlighting.of(this.language === "python" ? python() : []),
      syntaxHighlighting(classHighlighter),
      EditorState.tabSize.of(4),
      // Tab indents; Escape then Tab moves focus out of the editor (CodeMirror's tab-focus escape hatch).
      keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap, indentWithTab]),
      lintGutter(),
      linter((view) => this.lintLatest(view), {
        delay: LINT_DELAY_MS,
        needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(reanalyse))),
      }),
      this.labelling.of(EditorView.contentAttributes.of({ "aria-label": this.options.label })),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) this.options.onDocChange?.(update.state.doc.toString());
        if (update.selectionSet || update.docChanged) {
          const head = update.state.selection.main.head;
          const line = update.state.doc.lineAt(head);
          this.options.onCursor?.(line.number, head - line.from + 1);
        }
      }),
    ];
  }

  /** Analyses now; a run overtaken by a newer one (an edit, another language) never reports its stale results. */
  private lintLatest(view: EditorView): Promise<Diagnostic[]> {
    const run = ++this.runs;
    this.latest = this.lint(view, run);
    return this.latest;
  }

  private async lint(view: EditorView, run: number): Promise<Diagnostic[]> {
    let engine: Engine;
    try {
      engine = await this.options.engine;
    } catch (e) {
      this.options.onAnalysis({ ok: false, error: `the analysis engine did not load: ${(e as Error).message}` });
      return [];
    }
    const source = view.state.doc.toString();
    let result: AnalysisResult;
    try {
      result = await engine.analyzeAs(this.language, source, this.ruleset);
    } catch (e) {
      if (run !== this.runs) return this.latest;
      this.options.onAnalysis({ ok: false, error: (e as Error).message });
      return [];
    }
    if (run !== this.runs) return this.latest;
    this.options.onAnalysis({ ok: true, result, source });
    const hints = new Map(result.rules.map((r) => [r.id, r.docs.fixHint]));
    return result.findings.filter((f) => !f.suppressed).map((f) => this.diagnostic(view.state.doc, f, hints.get(f.ruleId)));
  }

  private diagnostic(doc: Text, finding: Finding, fixHint: string | undefined): Diagnostic {
    const { from, to } = rangeOf(doc, finding.location);
    const rulesUrl = this.options.rulesUrl;
    return {
      from,
      to,
      severity: DIAGNOSTIC_SEVERITY[finding.severity],
      ...(finding.fix ? { actions: [{ name: finding.fix.description, apply: () => this.applyFix(finding) }] } : {}),
      message: finding.message,
      renderMessage: () => {
        const box = document.createElement("div");
        box.innerHTML =
          `<div class="diag-rule">${escapeHtml(finding.severity.toUpperCase())} · ${escapeHtml(finding.ruleId)}</div>` +
          `<div>${codeSpans(finding.message)}</div>` +
          (fixHint ? `<div class="diag-fix">How to fix: ${escapeHtml(fixHint)}</div>` : "") +
          `<div><a href="${escapeHtml(rulesUrl + encodeURIComponent(finding.ruleId) + "/")}">About ${escapeHtml(finding.ruleId)}</a></div>`;
        return box;
      },
    };
  }
}

/** Highlighting of each language; all but Python's are loaded the first time they are picked. */
async function syntaxFor(language: PlaygroundLanguage): Promise<Extension> {
  switch (language) {
    case "python":
      return python();
    case "java":
      return (await import("@codemirror/lang-java")).java();
    case "php":
      return (await import("@codemirror/lang-php")).php();
    case "csharp": {
      const [{ StreamLanguage }, { csharp }] = await Promise.all([import("@codemirror/language"), import("@codemirror/legacy-modes/mode/clike")]);
      return StreamLanguage.define(csharp);
    }
    case "pyproject": {
      const [{ StreamLanguage }, { toml }] = await Promise.all([import("@codemirror/language"), import("@codemirror/legacy-modes/mode/toml")]);
      return StreamLanguage.define(toml);
    }
    case "requirements":
      return [];
  }
}

const DIAGNOSTIC_SEVERITY: Record<Severity, Diagnostic["severity"]> = { critical: "error", high: "error", medium: "warning", low: "info" };

/** Region columns are 1-based UTF-16 code units with an exclusive end: CodeMirror offsets are UTF-16 too. */
export function rangeOf(doc: Text, region: Region): { from: number; to: number } {
  const pos = (line: number, column: number) => {
    const l = doc.line(Math.min(Math.max(1, line), doc.lines));
    return l.from + Math.min(Math.max(0, column - 1), l.length);
  };
  const from = pos(region.line, region.column);
  const to = Math.max(from, pos(region.endLine, region.endColumn));
  return { from, to };
}
