import { CliUsageError, type CliIo } from "./command.js";

export const COLOR_MODES = ["auto", "always", "never"] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/** `--color WHEN`: auto (the default), always or never. */
export function parseColorMode(value: string | undefined): ColorMode {
  const mode = (value ?? "auto").trim().toLowerCase();
  if (!(COLOR_MODES as readonly string[]).includes(mode)) {
    throw new CliUsageError(`--color: expected auto, always or never, got "${value}"`);
  }
  return mode as ColorMode;
}

/**
 * `--color always|never` decides; in auto mode colours only on a terminal, never with NO_COLOR or FORCE_COLOR=0,
 * and FORCE_COLOR=1 (2, 3, true) forces them (as most CLIs do).
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, mode: ColorMode = "auto"): boolean {
  if (mode !== "auto") return mode === "always";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "") return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

/** Progress and diagnostics go to stderr so stdout stays machine-readable. */
export class Progress {
  private lastWidth = 0;
  constructor(
    private readonly io: CliIo,
    private readonly enabled: boolean,
  ) {}

  update(text: string): void {
    if (!this.enabled || !this.io.stderr.isTTY) return;
    const line = text.slice(0, 100);
    this.io.stderr.write(`\r${line}${" ".repeat(Math.max(0, this.lastWidth - line.length))}`);
    this.lastWidth = line.length;
  }

  done(): void {
    if (this.enabled && this.io.stderr.isTTY && this.lastWidth) this.io.stderr.write(`\r${" ".repeat(this.lastWidth)}\r`);
    this.lastWidth = 0;
  }
}
