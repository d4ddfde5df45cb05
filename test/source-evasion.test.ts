// Deserializers hidden from a search of the file's text but not from CPython: identifiers CPython NFKC-normalises
// (`ｐｉｃｋｌｅ`, `𝐥𝐨𝐚𝐝𝐬`, `ſ`), and coding cookies naming codecs that decode escapes (`utf-7`, `unicode_escape`,
// `raw_unicode_escape`). Each case here was checked to run as `pickle.loads` under CPython 3.11; the near misses
// (strings and comments, which CPython does not normalise) must stay silent.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { analyzeSource } from "../src/index.js";
import { runCli, tempProject } from "./helpers/cli.js";

const fullwidth = (ascii: string) => [...ascii].map((c) => (/[a-z]/.test(c) ? String.fromCodePoint(0xff41 + c.charCodeAt(0) - 97) : c)).join("");
const mathBold = (ascii: string) => [...ascii].map((c) => (/[a-z]/.test(c) ? String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 97) : c)).join("");
/** UTF-7 that spells every character, newlines included, as base64 of UTF-16: nothing of the code is readable. */
const utf7 = (text: string) => {
  const units = Buffer.from(text, "utf16le").swap16();
  return "+" + units.toString("base64").replace(/=+$/, "") + "-";
};

interface Result {
  rule_id: string;
  location: { file: string; line: number; column: number; snippet: string };
}

async function scan(dir: string, ...args: string[]) {
  const r = await runCli(["scan", "-p", dir, "--no-cache", "-o", "json", ...args]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const doc = JSON.parse(r.stdout) as { results: Result[]; errors: { file: string; kind: string; message: string }[] };
  return { ...doc, lines: doc.results.filter((f) => f.rule_id === "PYTHON-LANG-SEC-040").map((f) => `${f.location.file}:${f.location.line}:${f.location.column}`) };
}

describe("deserializers hidden from the file's text", () => {
  it("finds identifiers CPython normalises (fullwidth, mathematical, long s), at their own columns, in files without the token's bytes", async () => {
    const dir = tempProject({
      "fullwidth.py": `import ${fullwidth("pickle")}\n\ndef f(b):\n    return ${fullwidth("pickle")}.${fullwidth("loads")}(b)\n`,
      "bold.py": `import pickle as p\n\ndef f(b):\n    return p.${mathBold("loads")}(b)\n`,
      "long_s.py": `import pickle\n\ndef f(b):\n    return pickle.load\u017f(b)\n`,
      "from_import.py": `from ${fullwidth("pickle")} import ${fullwidth("loads")} as ${mathBold("undo")}\n\n${mathBold("undo")}(data)\n`,
      // Near misses: CPython leaves strings and comments alone, and dumps is no sink.
      "strings.py": `import pickle\n\nname = "${fullwidth("loads")}"\nx = getattr(pickle, name)(b)  # ${fullwidth("pickle")}.${fullwidth("loads")}(b)\ny = pickle.${fullwidth("dumps")}(b)\n`,
    });
    const { lines, errors } = await scan(dir);
    assert.deepEqual(errors, []);
    assert.deepEqual(lines, ["bold.py:4:12", "from_import.py:3:1", "fullwidth.py:4:12", "long_s.py:4:12"]);
  });

  it("the library API reads the same identifiers", async () => {
    const { findings } = await analyzeSource(`import ${fullwidth("yaml")}\ncfg = ${fullwidth("yaml")}.${fullwidth("unsafe")}_${mathBold("load")}(text)\n`);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.location.line, f.location.column]), [["PYTHON-LANG-SEC-041", 2, 7]]);
  });

  it("decodes utf-7, unicode_escape and raw_unicode_escape sources as CPython does, and says why lines differ", async () => {
    const hidden = "\nimport pickle\ndef f(b):\n    return pickle.loads(b)\n";
    const dir = tempProject({
      "seven.py": `# -*- coding: utf-7 -*-\n# nothing to see here${utf7(hidden)}\n`,
      "escape.py": "# coding: unicode_escape\nimport \\x70ickle\ndef f(b):\n    return \\x70ickle.lo\\u0061ds(b)\n",
      "raw.py": "# vim: set fileencoding=raw_unicode_escape :\nimport \\u0070ickle\ndef f(b):\n    return \\u0070ickle.loads(b)\n",
      // An even run of backslashes is no escape under raw_unicode_escape: this file never names pickle.
      "raw_even.py": "# coding: raw_unicode_escape\nimport \\\\u0070ickle\n",
      "plain.py": "# coding: utf-7\nx = 1\n",
    });
    const { lines, errors, results } = await scan(dir);
    assert.deepEqual(lines, ["escape.py:4:12", "raw.py:4:12", "seven.py:5:12"]);
    assert.equal(results.find((f) => f.location.file === "seven.py")!.location.snippet, "    return pickle.loads(b)");
    assert.deepEqual(errors.filter((e) => e.kind === "encoding").map((e) => e.file), ["escape.py", "plain.py", "raw.py", "raw_even.py", "seven.py"]);
    assert.match(errors.find((e) => e.file === "seven.py")!.message, /declares the utf-7 source encoding.*analysed as decoded/);
  });

  it("--fix leaves a file in an escaping encoding alone, and says so", async () => {
    const dir = tempProject({ "conf.py": "# coding: unicode_escape\nimport yaml\ncfg = yaml.load(open('c.yml'))\n" });
    const before = readFileSync(join(dir, "conf.py"), "utf8");
    const r = await runCli(["scan", "-p", dir, "--no-cache", "--fix"]);
    assert.equal(readFileSync(join(dir, "conf.py"), "utf8"), before);
    assert.match(r.stdout + r.stderr, /fixes are not applied to files in the unicode_escape encoding/);
  });
});
