import { code, defineRule, type AssignmentMatch, type AssignmentOutcome, type SinkMatch, type SinkOutcome } from "../rule.js";
import { CONFIG_COMPLIANCE, CONFIG_REFERENCES, constant, dictEntries, entry, isPickleModule, resolvedNames } from "./config-helpers.js";
import { spelled } from "./sink-helpers.js";

/** RQ classes whose `serializer` defaults to pickle (`rq.serializers.DefaultSerializer`). */
const RQ = ["rq.Queue", "rq.queue.Queue", "rq.Worker", "rq.worker.Worker", "rq.SimpleWorker", "rq.worker.SimpleWorker", "rq.job.Job.create", "rq.job.Job.fetch", "rq.Job.create", "rq.Job.fetch"];
/** huey classes that store tasks outside the process, with the pickling `huey.serializer.Serializer` by default. */
const HUEY = ["huey.RedisHuey", "huey.PriorityRedisHuey", "huey.RedisExpireHuey", "huey.SqliteHuey", "huey.FileHuey", "huey.api.RedisHuey", "huey.api.PriorityRedisHuey", "huey.api.RedisExpireHuey", "huey.api.SqliteHuey", "huey.api.FileHuey"];
/** Where `serializer` sits when passed by position, in the signatures that have kept it there across RQ releases. */
const SERIALIZER_POSITION: Record<string, number> = { "rq.Queue": 5, "rq.queue.Queue": 5, "rq.job.Job.fetch": 2, "rq.Job.fetch": 2 };
const PICKLING = new Set(["rq.serializers.DefaultSerializer", "rq.serializers.Serializer", "huey.serializer.Serializer", "huey.serializer.Serializer()"]);

function checkSerializer(queue: "RQ" | "huey") {
  return (m: SinkMatch): SinkOutcome | null => {
    const given = m.args.find("serializer", SERIALIZER_POSITION[m.target]);
    if (!given && m.args.hasKwArgs) return null;
    const store = queue === "RQ" ? "Redis" : m.target.includes("Sqlite") ? "the SQLite file" : m.target.includes("File") ? "the task directory" : "Redis";
    if (!given || given.type === "none") {
      return {
        message:
          `${spelled(m)} without \`serializer=\` uses ${queue}'s default, pickle: every job read back from ${store} is unpickled by the worker, ` +
          `so anyone who can write to ${store === "Redis" ? "that Redis (no auth by default, reachable through SSRF)" : store} runs code in it. ` +
          (queue === "RQ" ? "Pass `serializer=rq.serializers.JSONSerializer`." : "Pass a `serializer=` that encodes JSON (a `huey.serializer.Serializer` subclass overriding `_serialize`/`_deserialize`)."),
      };
    }
    const names = resolvedNames(m, given);
    if (names.some((n) => PICKLING.has(n)) || isPickleModule(m, given)) {
      return { message: `${spelled(m)} with ${code(m.model.text(given))} pickles jobs: anyone who can write to ${store} runs code in the worker. Use a JSON serializer.` };
    }
    return null;
  };
}

/** Django `HUEY = {"huey_class": "huey.RedisHuey", ...}` without a `serializer`. */
function checkHueySettings(m: AssignmentMatch): AssignmentOutcome[] {
  const entries = dictEntries(m, m.value);
  if (!entries || entry(entries, "serializer")) return [];
  const cls = constant(m, entry(entries, "huey_class")?.value) ?? "huey.RedisHuey";
  if (/Memory/i.test(cls)) return [];
  return [{ message: `${code(m.targetText)} configures ${code(cls)} without a \`serializer\`: tasks are pickled into the store and unpickled by the consumer, so anyone who can write to it runs code. Set a JSON serializer.` }];
}

export default defineRule({
  id: "PYTHON-CONFIG-SEC-004",
  name: "Task Queue Uses Its Pickle Default (RQ, huey)",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "rq", "huey", "task-queue", "redis", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-003"],
  prefilter: ["rq", "huey", "HUEY"],
  sinks: [
    { call: RQ, check: checkSerializer("RQ"), message: () => "" },
    { call: HUEY, check: checkSerializer("huey"), message: () => "" },
  ],
  assignments: [{ names: ["HUEY"], classLevel: true, check: checkHueySettings }],
  docs: {
    summary: "Detects RQ queues, workers and jobs and huey instances created without a non-pickle `serializer=`: both pickle jobs by default.",
    description:
      "RQ (`rq.Queue`, `Worker`, `Job.create/fetch`) serializes jobs with `DefaultSerializer`, which is pickle, unless " +
      "`serializer=` says otherwise; huey's `RedisHuey`, `SqliteHuey` and `FileHuey` pickle tasks with " +
      "`huey.serializer.Serializer`. The worker unpickles whatever it takes from the store. The rule reports constructors " +
      "without `serializer=` (or with a pickling one) and Django `HUEY = {...}` settings without `serializer`. `MemoryHuey` " +
      "(in-process) is not reported; a `serializer` passed through `**kwargs` is assumed to be set.",
    securityImplications:
      "Redis holds the queue and usually accepts any client on the network without authentication; an SSRF to Redis or any " +
      "service sharing the database can push a job whose pickled payload runs code in the worker.",
    howToFix: "RQ: `Queue(connection=redis, serializer=JSONSerializer)` and the same for `Worker` (`from rq.serializers import JSONSerializer`). huey: pass a serializer that encodes JSON.",
    fixHint: "Pass serializer=JSONSerializer (rq.serializers) / a JSON serializer to huey.",
    vulnerableExample: ["from redis import Redis", "from rq import Queue", "", "q = Queue(connection=Redis())  # pickles jobs"].join("\n"),
    safeExample: ["from redis import Redis", "from rq import Queue", "from rq.serializers import JSONSerializer", "", "q = Queue(connection=Redis(), serializer=JSONSerializer)"].join("\n"),
    detectionScope:
      "Constructor calls resolved through imports and aliases; `serializer` read as a keyword (or by position: `Queue`'s sixth, `Job.fetch`'s third parameter). A serializer that resolves to " +
      "`rq.serializers.DefaultSerializer`, `huey.serializer.Serializer` or the pickle module is reported; any other value is " +
      "trusted. RQ's `serializer` is reported on every queue and worker object that lacks it: producer and worker must agree.",
    references: [
      { title: "RQ: job serialization", url: "https://python-rq.org/docs/#job-serialization" },
      { title: "huey: serialization", url: "https://huey.readthedocs.io/en/latest/api.html#Serializer" },
      ...CONFIG_REFERENCES,
    ],
    faq: [
      {
        question: "All our jobs come from our own code. Why is this reported?",
        answer: "The worker does not know who wrote a job into Redis; it unpickles whatever is there. The producer is not the trust boundary, the store is.",
      },
    ],
  },
});
