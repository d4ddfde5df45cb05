// A module of its own (no imports): the reference matcher a re-scan runs without loading the analysis needs it.

/** The project's module name of a file's module name: `pkg.__init__` is the package `pkg`. */
export function packageModuleName(moduleName: string): string {
  return moduleName.endsWith(".__init__") ? moduleName.slice(0, -".__init__".length) : moduleName === "__init__" ? "" : moduleName;
}
