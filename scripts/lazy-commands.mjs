// The language server and the MCP server are separate files of a Node bundle, loaded by their commands with a
// dynamic import: every other command starts without parsing the protocol libraries (about 1.3 MB of code).
import { join } from "node:path";

/** Bundle entry name -> source; each becomes `<name>.js` beside the CLI bundle. */
export const LAZY_ENTRIES = { "lsp-server": "src/lsp/stdio.ts", "mcp-server": "src/mcp/serve.ts" };

/** Keeps the commands' dynamic imports of those modules as imports of the sibling files. */
export const lazyCommandsPlugin = {
  name: "pathfinder-lazy-commands",
  setup(build) {
    const byModule = new Map(Object.entries(LAZY_ENTRIES).map(([name, source]) => [source.replace(/^src\//, "").replace(/\.ts$/, ".js"), name]));
    build.onResolve({ filter: /^\.\.\/\.\.\/(lsp|mcp)\/[\w-]+\.js$/ }, (args) => {
      if (args.kind !== "dynamic-import" || !args.importer.includes(join("src", "cli", "commands"))) return undefined;
      const name = byModule.get(args.path.replace(/^\.\.\/\.\.\//, ""));
      return name ? { path: `./${name}.js`, external: true } : undefined;
    });
  },
};
