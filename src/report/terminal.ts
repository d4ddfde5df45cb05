// Helpers for text meant for a terminal: ANSI styling, and neutralising scanned content that could
// otherwise drive the terminal (escape sequences) or reorder what the reader sees (bidi controls).

import type { Severity } from "../core/types.js";

const ESC = "\u001b[";

export type Style = "bold" | "dim" | "red" | "green" | "yellow" | "blue" | "magenta" | "cyan";

const STYLE_CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
};

export interface Painter {
  paint(text: string, ...styles: Style[]): string;
}

/** A painter that emits ANSI SGR sequences, or one that returns text unchanged. */
export function painter(color: boolean): Painter {
  if (!color) return { paint: (text) => text };
  return {
    paint(text, ...styles) {
      if (text === "" || styles.length === 0) return text;
      const open = styles.map((s) => `${ESC}${STYLE_CODES[s][0]}m`).join("");
      const close = styles
        .map((s) => `${ESC}${STYLE_CODES[s][1]}m`)
        .reverse()
        .join("");
      return open + text + close;
    },
  };
}

export const SEVERITY_STYLES: Record<Severity, Style[]> = {
  critical: ["bold", "magenta"],
  high: ["bold", "red"],
  medium: ["yellow"],
  low: ["blue"],
};

// C0 controls except TAB, DEL, C1 controls, and the Unicode bidirectional overrides/isolates
// ("Trojan Source") plus line/paragraph separators.
const UNSAFE_CHAR = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Replaces characters that could alter the terminal or the visual order of text by visible escapes. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(UNSAFE_CHAR, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`;
  });
}
