import type { CliIo } from "./command.js";

/** Colours only on a terminal, never with NO_COLOR; FORCE_COLOR forces them (as most CLIs do). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
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
