// A file's import statements are found in its decoded text (the files the prefilter passes) or in its raw bytes read
// as Latin-1 (the files it passes over, which never become strings): both must find the same statements.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { pythonFiles } from "./helpers/python-files.js";
import { importStatements, importStatementsOfBytes } from "../src/project/import-statements.js";

const ROOT = join(import.meta.dirname, "..", "..");

function offsetsOf(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push(at);
  return out;
}

function assertSame(bytes: Buffer, label: string): void {
  const text = bytes.toString("latin1");
  assert.deepEqual(importStatementsOfBytes(bytes, offsetsOf(text, "import")), importStatements(text), label);
}

describe("import statements", () => {
  it("are the same read from the bytes as from their Latin-1 text, on the fixture and example sources", () => {
    const files = [...pythonFiles(join(ROOT, "fixtures")), ...pythonFiles(join(ROOT, "examples"))];
    let statements = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      assertSame(bytes, file);
      statements += importStatements(bytes.toString("latin1")).statements.length;
    }
    assert.ok(statements > 100, `${statements} statements`);
  });

  it("are the same at the edges of a text, over several lines, with run-time names and bytes outside ASCII", () => {
    const texts = [
      "import os",
      "import os\n",
      "  from . import (a,\n  b)\nx = 1",
      "from x import (a,\n b",
      "\timport a.b as c  # é\r\nimport d",
      "__import__('os')",
      "_import_module = 1\nimport_module('x')",
      "y = importlib.import_module(name)\nfrom a import b; import c",
      "from a import b \\\n  , c\n",
      "x = 'import'\nimport",
      "",
      "no statements here",
      "import\nimport\n",
      // Far from the statement: the start of its line, its bracket.
      `${"x = 1; ".repeat(60)}import os\nfrom m import${" ".repeat(300)}(a,\n b)\nimport z${" ".repeat(300)}`,
      `import a\n${"y = 2\n".repeat(100)}f()`,
    ];
    for (const text of texts) assertSame(Buffer.from(text, "utf8"), JSON.stringify(text));
    assertSame(Buffer.from([0x69, 0x6d, 0x70, 0x6f, 0x72, 0x74, 0x20, 0xe9, 0xff, 0x0a, 0x66, 0x72, 0x6f, 0x6d, 0x20, 0x80, 0x20, 0x69, 0x6d, 0x70, 0x6f, 0x72, 0x74, 0x20, 0x78]), "Latin-1 bytes");
  });
});
