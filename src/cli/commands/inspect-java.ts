// `pathfinder inspect` for Java serialization streams: the class descriptors, the gadget chains they belong to,
// and a verdict, as text or JSON.
import { readFile } from "node:fs/promises";
import { scanJavaStream, type JavaStreamScan } from "../../artifacts/java/index.js";
import { painter, sanitizeForTerminal, SEVERITY_STYLES } from "../../report/terminal.js";
import type { CliIo } from "../command.js";
import { useColor } from "../terminal.js";

/** Classes listed before the rest are only counted. */
const MAX_LISTED = 200;

/** Inspects `path` when it holds a Java serialization stream; undefined when it does not (the caller goes on). */
export async function inspectJavaStream(path: string, shown: string, json: boolean, io: CliIo): Promise<number | undefined> {
  const bytes = await readFile(path);
  const scan = scanJavaStream(bytes, shown);
  if (!scan) return undefined;
  const dangerous = scan.findings.length > 0;
  if (json) {
    io.stdout.write(JSON.stringify(toJson(shown, bytes.length, scan), null, 2) + "\n");
    return dangerous ? 1 : 0;
  }
  const p = painter(useColor(io.stdout, io.env));
  const out: string[] = [p.paint(`${sanitizeForTerminal(shown)}: Java serialization stream${scan.encoding === "base64" ? " (base64 text)" : ""}, ${bytes.length} bytes`, "bold"), ""];
  const gadgets = new Map(scan.gadgets.map((g) => [g.className, g]));
  out.push(p.paint(`Classes (${scan.analysis.classes.length} descriptors${scan.analysis.proxies.length ? `, ${scan.analysis.proxies.length} proxies` : ""})`, "bold", "cyan"));
  for (const c of scan.analysis.classes.slice(0, MAX_LISTED)) {
    const g = gadgets.get(c.name);
    const mark = g ? p.paint(g.executes ? " [executes]" : " [chain link]", ...SEVERITY_STYLES[g.executes ? "critical" : "high"]) : "";
    const fields = c.fields.length ? `  fields: ${c.fields.map((f) => `${f.name}:${f.type}`).join(", ")}` : "";
    out.push(`  @${c.offset}  ${sanitizeForTerminal(c.name)}${mark}  suid ${c.serialVersionUID}${sanitizeForTerminal(fields)}`);
  }
  if (scan.analysis.classes.length > MAX_LISTED) out.push(`  ... ${scan.analysis.classes.length - MAX_LISTED} more`);
  for (const proxy of scan.analysis.proxies) out.push(`  @${proxy.offset}  proxy implementing ${proxy.interfaces.map(sanitizeForTerminal).join(", ")}`);
  if (scan.gadgets.length) {
    out.push("", p.paint("Gadget chains", "bold", "cyan"));
    const byChain = new Map<string, string[]>();
    for (const g of scan.gadgets) for (const chain of g.chains) byChain.set(chain, [...(byChain.get(chain) ?? []), g.className]);
    for (const [chain, classes] of byChain) out.push(`  ${chain}: ${classes.join(" -> ")}`);
  }
  out.push("", p.paint("Verdict", "bold", "cyan"));
  if (dangerous) for (const f of scan.findings) out.push(`  ${p.paint(f.severity.toUpperCase(), ...SEVERITY_STYLES[f.severity])} ${f.ruleId}: ${f.message}`);
  else out.push("  clean: no class of a known gadget chain in the stream");
  io.stdout.write(out.join("\n") + "\n");
  return dangerous ? 1 : 0;
}

function toJson(file: string, size: number, scan: JavaStreamScan) {
  return {
    file,
    size,
    kind: "java-serialization",
    encoding: scan.encoding,
    verdict: { dangerous: scan.findings.length > 0, label: scan.findings.length ? "dangerous" : "clean", reasons: scan.findings.map((f) => `${f.severity}: ${f.message}`) },
    streams: scan.analysis.streams,
    classes: scan.analysis.classes,
    proxies: scan.analysis.proxies,
    gadgets: scan.gadgets,
    findings: scan.findings,
  };
}
