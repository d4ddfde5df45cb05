// The fixes the deserialization rules attach: applied to real source, the result must be the safe call,
// and calls whose safe form cannot be written mechanically must carry no fix.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeSource, type Finding, type TextEdit } from "../src/index.js";

/** Applies non-overlapping edits (1-based line/column, exclusive end) to `source`. */
function applyEdits(source: string, edits: TextEdit[]): string {
  const lines = source.split("\n");
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  const sorted = [...edits].sort((a, b) => offset(b.line, b.column) - offset(a.line, a.column));
  let out = source;
  for (const e of sorted) out = out.slice(0, offset(e.line, e.column)) + e.newText + out.slice(offset(e.endLine, e.endColumn));
  return out;
}

async function findingsOf(ruleId: string, source: string): Promise<Finding[]> {
  const { findings } = await analyzeSource(source, { rulesets: [ruleId] });
  return findings.filter((f) => f.ruleId === ruleId);
}

async function fixed(ruleId: string, source: string): Promise<string> {
  const findings = await findingsOf(ruleId, source);
  assert.equal(findings.length, 1, `expected one ${ruleId} finding in:\n${source}`);
  const fix = findings[0].fix;
  assert.ok(fix, `expected a fix for:\n${source}`);
  return applyEdits(source, fix.edits);
}

async function assertNoFix(ruleId: string, source: string): Promise<void> {
  const findings = await findingsOf(ruleId, source);
  assert.equal(findings.length, 1, `expected one ${ruleId} finding in:\n${source}`);
  assert.equal(findings[0].fix, undefined, `expected no fix for:\n${source}`);
}

describe("PYTHON-LANG-SEC-041 fixes", () => {
  const id = "PYTHON-LANG-SEC-041";
  it("turns yaml.load without a Loader into yaml.safe_load", async () => {
    assert.equal(await fixed(id, "import yaml\nyaml.load(text)\n"), "import yaml\nyaml.safe_load(text)\n");
    assert.equal(await fixed(id, "import yaml as y\ny.load_all(text)\n"), "import yaml as y\ny.safe_load_all(text)\n");
  });
  it("turns full_load and FullLoader into their safe counterparts", async () => {
    assert.equal(await fixed(id, "import yaml\nyaml.full_load(t)\n"), "import yaml\nyaml.safe_load(t)\n");
    assert.equal(await fixed(id, "import yaml\nyaml.load(t, Loader=yaml.FullLoader)\n"), "import yaml\nyaml.load(t, Loader=yaml.SafeLoader)\n");
    assert.equal(await fixed(id, "import yaml\nyaml.load(t, yaml.CFullLoader)\n"), "import yaml\nyaml.load(t, yaml.CSafeLoader)\n");
  });
  it("leaves explicit unsafe loaders and bare imported names alone", async () => {
    await assertNoFix(id, "import yaml\nyaml.load(t, Loader=yaml.Loader)\n");
    await assertNoFix(id, "import yaml\nyaml.unsafe_load(t)\n");
    await assertNoFix(id, "from yaml import load\nload(t)\n");
    await assertNoFix(id, "import yaml\nyaml.load(t, **opts)\n");
  });
  it("keeps the reported severity in line with the loader", async () => {
    const [full] = await findingsOf(id, "import yaml\nyaml.full_load(t)\n");
    assert.equal(full.severity, "medium");
    const [unsafe] = await findingsOf(id, "import yaml\nyaml.load(t, yaml.UnsafeLoader)\n");
    assert.equal(unsafe.severity, "high");
    const [hidden] = await findingsOf(id, "import yaml\nyaml.load(t, **opts)\n");
    assert.equal(hidden.confidence, "medium");
  });
});

describe("PYTHON-ML-SEC-001 fixes and severities", () => {
  const id = "PYTHON-ML-SEC-001";
  it("adds weights_only=True after the last argument", async () => {
    assert.equal(await fixed(id, "import torch\ntorch.load(p)\n"), "import torch\ntorch.load(p, weights_only=True)\n");
    assert.equal(
      await fixed(id, "import torch\ntorch.load(\n    p,\n    map_location='cpu',  # note\n)\n"),
      "import torch\ntorch.load(\n    p,\n    map_location='cpu', weights_only=True,  # note\n)\n",
    );
    assert.equal(
      await fixed(id, "from torch.hub import load_state_dict_from_url as get\nget(u)\n"),
      "from torch.hub import load_state_dict_from_url as get\nget(u, weights_only=True)\n",
    );
  });
  it("does not rewrite explicit weights_only=False, a custom pickle_module or hidden options", async () => {
    await assertNoFix(id, "import torch\ntorch.load(p, weights_only=False)\n");
    await assertNoFix(id, "import torch, dill\ntorch.load(p, pickle_module=dill)\n");
    await assertNoFix(id, "import torch\ntorch.load(p, **opts)\n");
  });
  it("grades by what the call does on current torch", async () => {
    const grade = async (src: string) => {
      const [f] = await findingsOf(id, "import torch, dill\n" + src + "\n");
      return `${f.severity}/${f.confidence}`;
    };
    assert.equal(await grade("torch.load(p, weights_only=False)"), "high/high");
    assert.equal(await grade("torch.load(p)"), "medium/high");
    assert.equal(await grade("torch.load(p, pickle_module=dill)"), "high/high");
    assert.equal(await grade("torch.load(p, **opts)"), "medium/medium");
    assert.equal(await grade("torch.load(p, weights_only=flag)"), "medium/medium");
    assert.equal(await grade("torch.hub.load_state_dict_from_url(u)"), "high/high");
  });
  it("grades a call through functools.partial by the arguments the partial binds", async () => {
    const grade = async (src: string) => {
      const findings = await findingsOf(id, "import functools, torch\n" + src + "\n");
      return findings.map((f) => `${f.location.line}:${f.severity}/${f.confidence}`).join(" ");
    };
    assert.equal(await grade("load = functools.partial(torch.load, weights_only=False)\nload(p)"), "3:high/high");
    assert.equal(await grade("load = functools.partial(torch.load, weights_only=True)\nload(p)"), "");
    assert.equal(await grade("load = functools.partial(torch.load, map_location='cpu')\nload(p, weights_only=True)"), "");
    assert.equal(await grade("load = functools.partial(torch.load, weights_only=True)\nload(p, weights_only=False)"), "3:high/high");
  });
});

describe("PYTHON-ML-SEC-002 fixes", () => {
  const id = "PYTHON-ML-SEC-002";
  it("turns a literal allow_pickle=True into False, by keyword or position", async () => {
    assert.equal(await fixed(id, "import numpy as np\nnp.load(p, allow_pickle=True)\n"), "import numpy as np\nnp.load(p, allow_pickle=False)\n");
    assert.equal(await fixed(id, "import numpy as np\nnp.load(p, None, True)\n"), "import numpy as np\nnp.load(p, None, False)\n");
  });
  it("leaves values it cannot rewrite exactly alone", async () => {
    await assertNoFix(id, "import numpy as np\nnp.load(p, allow_pickle=flag)\n");
    await assertNoFix(id, "import numpy as np\nnp.load(p, allow_pickle=1)\n");
  });
});

describe("graded findings", () => {
  const grade = async (id: string, src: string) => {
    const found = await findingsOf(id, src);
    assert.equal(found.length, 1, `expected one ${id} finding in:\n${src}`);
    return `${found[0].severity}/${found[0].confidence}`;
  };
  it("PYTHON-LANG-SEC-073: an authkey lowers the severity, hidden options the confidence", async () => {
    const head = "from multiprocessing.connection import Client, Listener\n";
    assert.equal(await grade("PYTHON-LANG-SEC-073", head + "Listener(a).accept().recv()\n"), "high/high");
    assert.equal(await grade("PYTHON-LANG-SEC-073", head + "Listener(a, None, 1, key).accept().recv()\n"), "medium/high");
    assert.equal(await grade("PYTHON-LANG-SEC-073", head + "Client(a, authkey=key).recv()\n"), "medium/high");
    assert.equal(await grade("PYTHON-LANG-SEC-073", head + "Client(a, **opts).recv()\n"), "high/medium");
  });
  it("PYTHON-LANG-SEC-045: a shelf opened with flag 'n' is low severity", async () => {
    assert.equal(await grade("PYTHON-LANG-SEC-045", "import shelve\nshelve.open(p, 'n')\n"), "low/low");
    assert.equal(await grade("PYTHON-LANG-SEC-045", "import shelve\nshelve.open(p, flag='r')\n"), "medium/high");
  });
  it("PYTHON-LANG-SEC-043: unknown typ values are reported with less confidence", async () => {
    const head = "from ruamel.yaml import YAML\n";
    assert.equal(await grade("PYTHON-LANG-SEC-043", head + "YAML(typ='unsafe').load(t)\n"), "high/high");
    assert.equal(await grade("PYTHON-LANG-SEC-043", head + "YAML(typ=kind).load(t)\n"), "high/medium");
    assert.equal(await grade("PYTHON-LANG-SEC-043", head + "YAML(**opts).load(t)\n"), "medium/low");
  });
  it("PYTHON-ML-SEC-002: non-literal allow_pickle is medium confidence, hidden options low", async () => {
    assert.equal(await grade("PYTHON-ML-SEC-002", "import numpy as np\nnp.load(p, allow_pickle=True)\n"), "high/high");
    assert.equal(await grade("PYTHON-ML-SEC-002", "import numpy as np\nnp.load(p, allow_pickle=flag)\n"), "high/medium");
    assert.equal(await grade("PYTHON-ML-SEC-002", "import numpy as np\nnp.load(p, **opts)\n"), "medium/low");
  });
});

describe("PYTHON-CONFIG-SEC-001 fixes", () => {
  const id = "PYTHON-CONFIG-SEC-001";
  it("replaces Django's PickleSerializer path by the JSONSerializer path, keeping the quotes", async () => {
    assert.equal(
      await fixed(id, "SESSION_SERIALIZER = 'django.contrib.sessions.serializers.PickleSerializer'\n"),
      "SESSION_SERIALIZER = 'django.contrib.sessions.serializers.JSONSerializer'\n",
    );
    assert.equal(
      await fixed(id, 'from django.conf import settings\nsettings.configure(SESSION_SERIALIZER="django.contrib.sessions.serializers.PickleSerializer")\n'),
      'from django.conf import settings\nsettings.configure(SESSION_SERIALIZER="django.contrib.sessions.serializers.JSONSerializer")\n',
    );
  });
  it("leaves custom serializers and class references alone", async () => {
    await assertNoFix(id, 'SESSION_SERIALIZER = "myapp.sessions.PickleSerializer"\n');
    await assertNoFix(id, "from django.contrib.sessions.serializers import PickleSerializer\nSESSION_SERIALIZER = PickleSerializer\n");
  });
});

describe("PYTHON-CONFIG-SEC-002 grading by store reachability", () => {
  const id = "PYTHON-CONFIG-SEC-002";
  const caches = (backend: string, location: string) => `CACHES = {"default": {"BACKEND": "${backend}", "LOCATION": "${location}"}}\n`;
  it("grades remote Redis/memcached high, local medium, files medium, database low", async () => {
    const severity = async (src: string) => (await findingsOf(id, src))[0]?.severity;
    assert.equal(await severity(caches("django_redis.cache.RedisCache", "redis://cache.internal:6379/0")), "high");
    assert.equal(await severity(caches("django_redis.cache.RedisCache", "redis://127.0.0.1:6379/0")), "medium");
    assert.equal(await severity(caches("django_redis.cache.RedisCache", "unix:///run/redis.sock")), "medium");
    assert.equal(await severity(caches("django.core.cache.backends.memcached.PyMemcacheCache", "10.1.2.3:11211")), "high");
    assert.equal(await severity(caches("django.core.cache.backends.filebased.FileBasedCache", "/var/tmp/c")), "medium");
    assert.equal(await severity(caches("django.core.cache.backends.db.DatabaseCache", "cache_table")), "low");
    assert.equal(await severity(caches("django.core.cache.backends.locmem.LocMemCache", "x")), undefined);
  });
  it("grades a list or a separated string of servers by all of them (django-redis' test settings)", async () => {
    const severity = async (location: string) =>
      (await findingsOf(id, `CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": ${location}}}\n`))[0]?.severity;
    assert.equal(await severity(`["redis://127.0.0.1:6379?db=1", "redis://localhost:6379?db=2"]`), "medium");
    assert.equal(await severity(`("unix:///run/a.sock", "redis://127.0.0.1:6379")`), "medium");
    assert.equal(await severity(`"redis://127.0.0.1:6379:1,redis://127.0.0.1:6379:1"`), "medium");
    assert.equal(await severity(`["redis://127.0.0.1:6379", "redis://cache.internal:6379"]`), "high");
    assert.equal(await severity(`"redis://127.0.0.1:6379,redis://cache.internal:6379"`), "high");
    assert.equal(await severity(`"127.0.0.1:11211;10.0.0.7:11211"`), "high");
    assert.equal(await severity(`["redis://127.0.0.1:6379", url]`), "high");
  });
});
