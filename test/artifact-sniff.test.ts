// A tar archive is read as tar whatever its first member is called: the name fills the first bytes of the file,
// so a name that starts like another format's signature must not hide the members behind it.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scanArtifact } from "../src/index.js";
import { memorySource } from "../src/artifacts/index.js";
import { tarOf } from "./helpers/fuzz-inputs.js";

const evil = Uint8Array.from([0x80, 0x02, ...Array.from("cos\nsystem\n", (c) => c.charCodeAt(0)), 0x8c, 0x02, 0x69, 0x64, 0x85, 0x52, 0x2e]);

describe("tar archives whose first member name looks like another format", () => {
  const spoofs: [string, string][] = [
    ["LZMA properties byte", "]  "],
    ["zlib header", "x^data"],
    ["zip local header", "PK\u0003\u0004.bin"],
    ["bzip2 header", "BZh9x"],
    ["joblib zfile", "ZF" + "0".repeat(19) + "x"],
  ];
  for (const [what, name] of spoofs) {
    it(`${what} (${JSON.stringify(name)}): the malicious member behind it is still found`, async () => {
      const bytes = tarOf([{ name, data: new Uint8Array(0) }, { name: "evil.pkl", data: evil }]);
      const result = await scanArtifact(memorySource(bytes), "model.tar");
      assert.equal(result.kind, "tar");
      assert.ok(
        result.findings.some((f) => f.ruleId === "PICKLE-ARTIFACT-001" && f.location.member === "evil.pkl"),
        JSON.stringify(result.findings.map((f) => [f.ruleId, f.location.member])),
      );
    });
  }
});
