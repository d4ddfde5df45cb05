import { defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { childByField, type SyntaxNode } from "../../languages/python/syntax.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { spelled } from "./sink-helpers.js";
import { judgeInputTrust } from "./trust.js";

function message(m: SinkMatch): string {
  if (m.via === "subclass") {
    return `\`${m.subclass!.name}\` subclasses ${m.target}: every value read from it is unpickled, which runs arbitrary code if someone else can write the underlying database. Use a data-only store (sqlite3 with JSON values, dbm with json.dumps).`;
  }
  return (
    `${spelled(m)} opens a shelf whose values are unpickled on every read: whoever can write the database file runs ` +
    `code in this process. Keep shelves in private locations or store JSON in dbm/sqlite3 instead.`
  );
}

/** `{}` or `dict()`: a new, empty mapping that lives in this process. */
function newEmptyDict(m: SinkMatch, node: SyntaxNode): boolean {
  const inside = (n: SyntaxNode) => n.children.filter((c) => !/^(comment|[{}()])$/.test(c.type));
  if (node.type === "dictionary") return inside(node).length === 0;
  if (node.type !== "call") return false;
  const callee = childByField(node, "function");
  const args = childByField(node, "arguments");
  const empty = !!args && inside(args).length === 0;
  return !!callee && empty && m.model.resolve(callee, m.scope).some((r) => r.name === "builtins.dict");
}

/**
 * `shelve.open(path, "n")` always starts from an empty database: only values this process writes are read back.
 * `shelve.Shelf({})` keeps its pickles in a new in-memory dict that nothing outside the process can write (dill
 * builds one to list picklable types): not reported.
 */
function check(m: SinkMatch): SinkOutcome | null {
  if (m.target === "shelve.Shelf" && m.via !== "subclass") {
    const mapping = m.args.find("dict", 0);
    return mapping && newEmptyDict(m, mapping) ? null : {};
  }
  if (m.target !== "shelve.open") return {};
  const flag = m.args.find("flag", 1);
  const value = flag && m.model.constantString(flag, m.scope);
  if (value !== "n") return {};
  return {
    severity: "low",
    confidence: "low",
    message: `${spelled(m)} with flag "n" creates a new empty shelf, so it reads back only what this process writes; values are still unpickled, so keep the file private.`,
  };
}

export default defineRule({
  id: "PYTHON-LANG-SEC-045",
  name: "Shelve Deserialization of Untrusted Data",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "shelve", "pickle", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-044"],
  prefilter: ["shelve", "Shelf"],
  judgeTrust: judgeInputTrust,
  sinks: [
    {
      call: ["shelve.open", "shelve.Shelf", "shelve.DbfilenameShelf", "shelve.BsdDbShelf"],
      subclasses: true,
      check,
      message,
    },
  ],
  docs: {
    summary: "Detects `shelve.open` and the `shelve.Shelf` classes, whose values are stored with pickle and unpickled on every read.",
    description:
      "A shelf is a persistent dictionary: keys are strings, values are pickled into a `dbm` database. Reading " +
      "`shelf[key]` calls `pickle.loads` on the stored bytes, so a shelf is exactly as trustworthy as its database file. " +
      "This rule reports opening a shelf with `shelve.open`, `shelve.DbfilenameShelf`, `shelve.Shelf` or " +
      "`shelve.BsdDbShelf`, and instantiating local subclasses of those classes. `shelve.open(path, \"n\")` always starts " +
      "from an empty database and is reported at low severity; `shelve.Shelf({})` (or `dict()`) keeps its pickles in a " +
      "new in-memory dict nothing else can write and is not reported.",
    securityImplications:
      "If the database file can be replaced or modified by anyone else (a shared or world-writable directory, a file " +
      "shipped with user content, a cache volume mounted into several services, a file downloaded or extracted from an " +
      "archive), the first read of a poisoned key runs arbitrary code with the privileges of the reading process.",
    howToFix: {
      steps: [
        "Keep shelves only in directories the application alone can write.",
        "Never open a shelf received from someone else.",
        "For data that crosses a trust boundary, store JSON: `dbm.open(path)` with `json.dumps`/`json.loads` values, or `sqlite3` with JSON columns.",
      ],
    },
    fixHint: "Store JSON values in dbm or sqlite3 instead of shelve for data others can write.",
    vulnerableExample: [
      "import shelve",
      "",
      "def read_profile(upload_path, user):",
      "    with shelve.open(upload_path) as db:  # an uploaded database: reading unpickles it",
      "        return db[user]",
    ].join("\n"),
    safeExample: [
      "import dbm",
      "import json",
      "",
      "def read_profile(path, user):",
      "    with dbm.open(path) as db:",
      "        return json.loads(db[user])  # data only",
    ].join("\n"),
    detectionScope:
      "Calls of `shelve.open`, `shelve.Shelf`, `shelve.DbfilenameShelf` and `shelve.BsdDbShelf` resolved through imports, " +
      "aliases, rebinding and constant dynamic imports, and instantiation of local subclasses of the shelf classes. The " +
      "`flag` argument (keyword or position 1) lowers the severity when it is the constant `\"n\"`. Reads through the " +
      "shelf object are not reported separately: the finding sits on the call that opens it. `dbm` itself stores bytes " +
      "and is not reported.",
    references: [
      { title: "Python documentation: shelve (security warning)", url: "https://docs.python.org/3/library/shelve.html" },
      { title: "Bandit B301: pickle (includes shelve)", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" },
      { title: "Ruff S301: suspicious-pickle-usage", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3),
    ],
    faq: [
      {
        question: "The shelf lives in our application's own directory. Is this a false positive?",
        answer:
          "If no other user, service or upload can write that file, the risk is low: suppress the finding with that " +
          "justification. The rule cannot see file permissions, so it reports every shelf it opens.",
      },
      {
        question: "Why is the finding on `shelve.open` and not on `db[key]`?",
        answer:
          "Every read of the shelf unpickles; reporting each subscript would flood the results. The call that opens the " +
          "shelf is the one decision to review.",
      },
      {
        question: "Why is `shelve.open(path, \"n\")` still reported?",
        answer:
          "It starts from an empty database, so it reads back only what the process itself writes unless another process " +
          "writes the same file concurrently. It is reported at low severity so that the use of pickle stays visible.",
      },
    ],
  },
});
