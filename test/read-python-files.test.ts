// The Python files of a project are read one after another into one buffer: each file's findings, source and
// errors must be its own, whatever size the files before it had.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { scanForTest } from "./helpers/scan.js";

describe("reading a project's Python files", () => {
  it("gives every file its own bytes, after larger and smaller ones", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pathfinder-read-"));
    try {
      const filler = "x = 1  # padding line of a large module\n";
      // Sorted by name: a large file whose last line is a sink, then a small file without one, a file larger
      // than any before (the buffer grows), an empty file and a small file with the sink on line 2.
      writeFileSync(join(dir, "a_large.py"), `import pickle\n${filler.repeat(3000)}pickle.loads(data)\n`);
      writeFileSync(join(dir, "b_small.py"), "y = 2\n");
      writeFileSync(join(dir, "c_larger.py"), `${filler.repeat(9000)}import pickle\npickle.loads(data)\n`);
      writeFileSync(join(dir, "d_empty.py"), "");
      writeFileSync(join(dir, "e_small.py"), "import pickle\npickle.loads(data)\n");
      const read: Record<string, number> = {};
      const report = await scanForTest(dir, {
        rulesets: ["python/PYTHON-LANG-SEC-040"],
        onSourceRead: (file, bytes) => void (read[file.relPath] = bytes.length),
      });
      const lines = report.findings.map((f) => `${f.location.file}:${f.location.line}`).sort();
      assert.deepEqual(lines, ["a_large.py:3002", "c_larger.py:9002", "e_small.py:2"]);
      assert.deepEqual(report.errors, []);
      // The bytes handed on are the file's own, copied out of the shared buffer.
      assert.equal(read["a_large.py"], 14 + filler.length * 3000 + 19);
      assert.equal(read["e_small.py"], 33);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("decodes each file of a batch as its own encoding, in batches of any number of files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pathfinder-read-"));
    try {
      // Forty files (more than one batch), the sink in every fifth; one of them UTF-8 with non-ASCII text before the
      // sink on its line, one Latin-1 with a coding cookie: columns count characters, snippets show the text decoded.
      for (let i = 0; i < 40; i++) {
        const name = `m${String(i).padStart(2, "0")}.py`;
        writeFileSync(join(dir, name), i % 5 === 0 ? `import pickle\nx = ${i}\npickle.loads(x)\n` : `y = ${i}\n`);
      }
      writeFileSync(join(dir, "m33_utf8.py"), 'import pickle\ns = "héllo wörld"; pickle.loads(s)\n');
      writeFileSync(join(dir, "m34_latin1.py"), Buffer.from('# -*- coding: latin-1 -*-\nimport pickle\ns = "\xe9t\xe9"; pickle.loads(s)\n', "latin1"));
      const report = await scanForTest(dir, { rulesets: ["python/PYTHON-LANG-SEC-040"] });
      const found = report.findings.map((f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.location.snippet}`).sort();
      assert.deepEqual(found, [
        ...[0, 5, 10, 15, 20, 25, 30].map((i) => `m${String(i).padStart(2, "0")}.py:3:1 pickle.loads(x)`),
        'm33_utf8.py:2:20 s = "héllo wörld"; pickle.loads(s)',
        'm34_latin1.py:3:12 s = "été"; pickle.loads(s)',
        "m35.py:3:1 pickle.loads(x)",
      ]);
      assert.deepEqual(report.errors, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
