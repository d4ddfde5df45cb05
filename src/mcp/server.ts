// `pathfinder serve`: the Model Context Protocol server. The official SDK's low-level Server carries the protocol;
// tool arguments are checked against each tool's zod schema here, so bad arguments are JSON-RPC invalid-params
// errors (as the protocol intends for malformed requests) rather than tool results.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { toolInfo } from "../cli/version.js";
import { PathRefused, type ServedProject } from "./project-path.js";
import { InvalidArguments, TOOLS, type PathfinderTool } from "./tools.js";

const INSTRUCTIONS = `Pathfinder finds insecure deserialization (CWE-502): pickle and every library that unpickles under the hood in
Python code, and dangerous pickles inside model/data files. Use \`scan\` on a path of this project (or a code snippet) before
trusting code that loads data; \`inspect_file\` before loading any model file; \`explain_rule\` for a finding's rule; and
\`suggest_fix\` for the safe replacement. Paths are relative to the served project; paths outside it are refused.`;

/** A new protocol server for one client session, answering about `project`. */
export function createMcpServer(project: ServedProject, log: (message: string) => void = () => {}): Server {
  const server = new Server({ name: "pathfinder", title: "Pathfinder", version: toolInfo().version }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  const listed: Tool[] = TOOLS.map((t) => ({
    name: t.name,
    title: t.title,
    description: t.description,
    inputSchema: jsonSchema(t.input),
    annotations: { title: t.title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  }));
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: listed }));
  server.setRequestHandler(CallToolRequestSchema, async (request): Promise<CallToolResult> => {
    const t = TOOLS.find((candidate) => candidate.name === request.params.name) as PathfinderTool | undefined;
    if (!t) throw new McpError(ErrorCode.InvalidParams, `unknown tool "${request.params.name}" (tools: ${TOOLS.map((x) => x.name).join(", ")})`);
    const parsed = t.input.safeParse(request.params.arguments ?? {});
    if (!parsed.success) throw new McpError(ErrorCode.InvalidParams, `invalid arguments for ${t.name}: ${z.prettifyError(parsed.error)}`);
    try {
      const result = await t.run(parsed.data, project);
      return { content: [{ type: "text", text: result.text }], structuredContent: result.structured, ...(result.isError ? { isError: true } : {}) };
    } catch (e) {
      if (e instanceof PathRefused || e instanceof InvalidArguments) throw new McpError(ErrorCode.InvalidParams, `${t.name}: ${e.message}`);
      const message = (e as Error).message ?? String(e);
      log(`pathfinder serve: ${t.name} failed: ${(e as Error).stack ?? message}`);
      return { content: [{ type: "text", text: `${t.name} failed: ${message}` }], structuredContent: { error: message }, isError: true };
    }
  });
  return server;
}

function jsonSchema(schema: z.ZodObject): Tool["inputSchema"] {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  return rest as Tool["inputSchema"];
}
