// The MCP server answers about one project: every path an agent passes is resolved (symlinks included) and must
// stay inside it.
import { realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { toPosix } from "../project/discover.js";

/** A path inside the served project: absolute real path and the project-relative form agents see. */
export interface ProjectPath {
  abs: string;
  /** Relative to the project root, forward slashes; "." for the root itself. */
  rel: string;
  isDirectory: boolean;
}

/** Why a path was refused (the caller reports it as invalid parameters). */
export class PathRefused extends Error {}

export class ServedProject {
  /** The project's real path. */
  readonly root: string;

  constructor(root: string) {
    this.root = realpathSync(resolve(root));
    if (!statSync(this.root).isDirectory()) throw new Error(`${root} is not a directory`);
  }

  /**
   * Resolves `input` (relative to the project, or absolute) through every symlink; refuses paths that do not
   * exist or whose real location is outside the project.
   */
  resolve(input: string): ProjectPath {
    if (input.includes("\0")) throw new PathRefused("the path contains a NUL character");
    const lexical = resolve(this.root, input);
    let real: string;
    try {
      real = realpathSync(lexical);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (!this.contains(lexical)) throw new PathRefused(`"${input}" is outside the served project (${this.root})`);
      throw new PathRefused(`"${input}" does not exist in the served project${code && code !== "ENOENT" ? ` (${code})` : ""}`);
    }
    if (!this.contains(real)) {
      const how = real === lexical ? "is" : "resolves (through a symbolic link) to a path";
      throw new PathRefused(`"${input}" ${how} outside the served project (${this.root})`);
    }
    return { abs: real, rel: toPosix(relative(this.root, real)) || ".", isDirectory: statSync(real).isDirectory() };
  }

  private contains(path: string): boolean {
    const rel = relative(this.root, path);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  }
}
