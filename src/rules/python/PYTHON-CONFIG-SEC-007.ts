import { code, defineRule, type AssignmentMatch, type AssignmentOutcome, type SinkMatch, type SinkOutcome } from "../rule.js";
import { CONFIG_COMPLIANCE, CONFIG_REFERENCES, constant, literalTruth, pickleMentions } from "./config-helpers.js";
import { spelled } from "./sink-helpers.js";

const PYRO_MESSAGE =
  "makes Pyro unpickle the requests and replies that cross the network: any client that can reach the daemon (or a " +
  "man in the middle on an unencrypted link) runs code in the server, and a malicious server in the client. Use the " +
  "default `serpent` serializer (or `json`/`msgpack`).";

function checkPyro(m: AssignmentMatch): AssignmentOutcome[] {
  return pickleMentions(m, m.value).map((at) => ({ at, message: `${code(m.targetText)} containing pickle ${PYRO_MESSAGE}` }));
}

function checkPyroAdd(m: SinkMatch): SinkOutcome | null {
  return m.args.positional.some((a) => pickleMentions(m, a).length) ? { message: `${spelled(m)} with pickle ${PYRO_MESSAGE}` } : null;
}

/** Scrapy settings: the disk queues and the HTTP cache pickle what they write to the job and cache directories. */
function checkScrapy(m: AssignmentMatch): AssignmentOutcome[] {
  const name = m.target;
  if (name === "SCHEDULER_DISK_QUEUE") {
    const queue = constant(m, m.value);
    if (queue === undefined || !/Pickle/.test(queue)) return [];
    return [{
      at: m.value,
      message:
        `${code(m.targetText)} = ${JSON.stringify(queue)} pickles every pending request into the job directory and unpickles it on resume: ` +
        `whoever can write that directory (a shared volume, a synced or restored job state) runs code in the crawler. Use ` +
        `\`scrapy.squeues.MarshalLifoDiskQueue\`/\`MarshalFifoDiskQueue\` and keep JOBDIR private.`,
    }];
  }
  if (name === "HTTPCACHE_ENABLED" && literalTruth(m, m.value) === true) {
    return [{
      at: m.value,
      severity: "low",
      confidence: "medium",
      message:
        `${code(m.targetText)} = True stores responses with Scrapy's default \`FilesystemCacheStorage\`, which pickles response metadata into ` +
        `HTTPCACHE_DIR and unpickles it on the next run: whoever can write the cache directory runs code in the crawler. Keep the cache directory ` +
        `private (or use \`DbmCacheStorage\` only on trusted storage).`,
    }];
  }
  return [];
}

export default defineRule({
  id: "PYTHON-CONFIG-SEC-007",
  name: "RPC or Crawler State Serialized With Pickle (Pyro, Scrapy)",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "pyro", "rpc", "scrapy", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-003", "PYTHON-LANG-SEC-073"],
  prefilter: ["Pyro4", "SCHEDULER_DISK_QUEUE", "HTTPCACHE_ENABLED"],
  sinks: [{ call: ["Pyro4.config.SERIALIZERS_ACCEPTED.add", "Pyro4.config.SERIALIZERS_ACCEPTED.update"], check: checkPyroAdd, message: () => "" }],
  assignments: [
    { names: ["Pyro4.config.SERIALIZER", "Pyro4.config.SERIALIZERS_ACCEPTED"], check: (m) => checkPyro(m).map((o) => ({ ...o, severity: "high" })) },
    { names: ["SCHEDULER_DISK_QUEUE", "HTTPCACHE_ENABLED"], classLevel: true, check: checkScrapy },
  ],
  docs: {
    summary: "Detects Pyro4 configured to (de)serialize with pickle and Scrapy settings that pickle crawler state to disk (pickle disk queues, the filesystem HTTP cache).",
    description:
      "Pyro4 picks its wire format from `Pyro4.config.SERIALIZER` and accepts the formats in " +
      "`Pyro4.config.SERIALIZERS_ACCEPTED`; with `pickle` in either, every remote call is an unpickle on the other side " +
      "(high severity). Scrapy persists pending requests with pickle disk queues (`SCHEDULER_DISK_QUEUE` = " +
      "`scrapy.squeues.PickleLifoDiskQueue`, Scrapy's default when `JOBDIR` is set) and its default filesystem HTTP " +
      "cache pickles response metadata; both are unpickled when the crawler resumes (medium and low severity).",
    securityImplications:
      "The Pyro daemon listens on the network: any client that reaches it runs code. Scrapy job and cache directories " +
      "are often on shared volumes or restored from CI caches; a planted file runs code on the next crawl.",
    howToFix:
      "Pyro: keep the default `serpent` serializer and remove pickle from `SERIALIZERS_ACCEPTED`. Scrapy: use the " +
      "Marshal disk queues and keep `JOBDIR`/`HTTPCACHE_DIR` private to the crawler user.",
    fixHint: "Use serpent/json for Pyro; Marshal disk queues and private job/cache directories for Scrapy.",
    vulnerableExample: ["import Pyro4", "", 'Pyro4.config.SERIALIZER = "pickle"', 'Pyro4.config.SERIALIZERS_ACCEPTED.add("pickle")'].join("\n"),
    safeExample: ["import Pyro4", "", 'Pyro4.config.SERIALIZER = "serpent"'].join("\n"),
    detectionScope:
      "Attribute assignments resolved to `Pyro4.config.*` through imports and aliases, `SERIALIZERS_ACCEPTED.add/update` " +
      "calls; Scrapy setting names assigned in settings modules and classes. `PYRO_SERIALIZER` environment variables " +
      "and Scrapy settings passed on the command line are not seen. Pyro5 has no pickle serializer and is not reported.",
    references: [
      { title: "Pyro4: security and serializers", url: "https://pyro4.readthedocs.io/en/stable/security.html" },
      { title: "Scrapy: jobs, pausing and resuming crawls", url: "https://docs.scrapy.org/en/latest/topics/jobs.html" },
      { title: "Scrapy: HttpCacheMiddleware storage", url: "https://docs.scrapy.org/en/latest/topics/downloader-middleware.html#httpcache-storage-fs" },
      ...CONFIG_REFERENCES,
    ],
    faq: [
      {
        question: "Our Pyro daemon only listens on localhost. Is pickle acceptable?",
        answer: "Every local user and every local process with an SSRF or a port-forward can still connect. The serpent serializer costs nothing.",
      },
    ],
  },
});
