// `**name` arguments read through the dict literal the name holds, so that a sink's options passed as a constant
// dict (`OPTS = {"mmap_mode": "r"}` or `OPTS = dict(mmap_mode="r")`, then `np.load(path, **OPTS)`) are judged like
// keywords written in the call.
import { CallArguments } from "./calls.js";
import type { SemanticModel } from "./semantic/model.js";
import type { Scope } from "./semantic/scopes.js";
import type { SyntaxNode } from "./syntax.js";

/** The arguments of `call` in `scope`, `**name` arguments read through the dict literal each name holds. */
export function callArgumentsIn(call: SyntaxNode, model: SemanticModel, scope: Scope): CallArguments {
  const args = new CallArguments(call, model.tree.source);
  args.expandNamedSplats((name) => dictLiteralOf(model, scope, name), model.tree.source);
  return args;
}

/**
 * The dict literal `name` holds at its use: one assignment of a literal reaches it, and the file neither assigns the
 * name again nor writes through it (`OPTS[k] = v`, `OPTS.update(...)`, `OPTS |= ...`; any attribute or subscript
 * counts, reads included). Undefined otherwise.
 */
function dictLiteralOf(model: SemanticModel, scope: Scope, name: SyntaxNode): SyntaxNode | undefined {
  const text = model.text(name);
  const bindings = model.lookup(text, scope, name);
  if (bindings?.length !== 1) return undefined;
  const [b] = bindings;
  if (b.kind !== "assignment" || !b.value || b.valueScope || (b.value.type !== "dictionary" && b.value.type !== "call")) return undefined;
  return writtenOnce(model, text) ? b.value : undefined;
}

const MAX_NAMES_PER_FILE = 32;

/** Per file, per name: whether the file assigns the name once and never writes through it (one look at the text each). */
const writtenOnceByFile = new WeakMap<SemanticModel, Map<string, boolean>>();

function writtenOnce(model: SemanticModel, name: string): boolean {
  let byName = writtenOnceByFile.get(model);
  if (!byName) writtenOnceByFile.set(model, (byName = new Map()));
  let once = byName.get(name);
  if (once === undefined) {
    // Each name costs a look at the whole text: a file spreading more names than this keeps them hidden.
    if (byName.size >= MAX_NAMES_PER_FILE) return false;
    const source = model.tree.source;
    const word = `(?<![\\w.])${name}\\s*`;
    const assigned = source.match(new RegExp(`${word}=(?!=)`, "g"))?.length ?? 0;
    once = assigned === 1 && !new RegExp(`${word}(?:[.[]|\\|=)|\\bglobal\\b[^\\n]*\\b${name}\\b`).test(source);
    byName.set(name, once);
  }
  return once;
}
