import { childByField, type SyntaxNode } from "../../languages/python/syntax.js";
import { code, defineRule, type AssignmentMatch, type AssignmentOutcome, type SinkMatch, type SinkOutcome } from "../rule.js";
import { CONFIG_COMPLIANCE, CONFIG_REFERENCES, constant, dictEntries, entry, isPickleLoader, isPickleModule, resolvedNames, serializerChoice } from "./config-helpers.js";
import { spelled } from "./sink-helpers.js";

/** RQ classes whose `serializer` defaults to pickle (`rq.serializers.DefaultSerializer`). */
const RQ = ["rq.Queue", "rq.queue.Queue", "rq.Worker", "rq.worker.Worker", "rq.SimpleWorker", "rq.worker.SimpleWorker", "rq.job.Job.create", "rq.job.Job.fetch", "rq.Job.create", "rq.Job.fetch"];
/** huey classes that store tasks outside the process, with the pickling `huey.serializer.Serializer` by default. */
const HUEY = ["huey.RedisHuey", "huey.PriorityRedisHuey", "huey.RedisExpireHuey", "huey.SqliteHuey", "huey.FileHuey", "huey.api.RedisHuey", "huey.api.PriorityRedisHuey", "huey.api.RedisExpireHuey", "huey.api.SqliteHuey", "huey.api.FileHuey"];
/** Where `serializer` sits when passed by position, in the signatures that have kept it there across RQ releases. */
const SERIALIZER_POSITION: Record<string, number> = { "rq.Queue": 5, "rq.queue.Queue": 5, "rq.job.Job.fetch": 2, "rq.Job.fetch": 2 };
const PICKLING = new Set(["rq.serializers.DefaultSerializer", "rq.serializers.Serializer", "huey.serializer.Serializer", "huey.serializer.Serializer()"]);
/**
 * arq's Redis pool and worker: `job_deserializer` (and `job_serializer`) default to `pickle.loads`/`pickle.dumps`; the
 * worker unpickles every job it takes, the pool every result it reads back.
 */
const ARQ = ["arq.create_pool", "arq.connections.create_pool", "arq.ArqRedis", "arq.connections.ArqRedis", "arq.Worker", "arq.worker.Worker"];

function checkSerializer(queue: "RQ" | "huey") {
  return (m: SinkMatch): SinkOutcome | null => {
    const given = m.args.find("serializer", SERIALIZER_POSITION[m.target]);
    const choice = serializerChoice(m, given, (g) => resolvedNames(m, g).some((n) => PICKLING.has(n)) || isPickleModule(m, g));
    if (!choice) return null;
    const store = queue === "RQ" ? "Redis" : m.target.includes("Sqlite") ? "the SQLite file" : m.target.includes("File") ? "the task directory" : "Redis";
    if (choice === "default") {
      return {
        message:
          `${spelled(m)} without \`serializer=\` uses ${queue}'s default, pickle: every job read back from ${store} is unpickled by the worker, ` +
          `so anyone who can write to ${store === "Redis" ? "that Redis (no auth by default, reachable through SSRF)" : store} runs code in it. ` +
          (queue === "RQ" ? "Pass `serializer=rq.serializers.JSONSerializer`." : "Pass a `serializer=` that encodes JSON (a `huey.serializer.Serializer` subclass overriding `_serialize`/`_deserialize`)."),
      };
    }
    return { message: `${spelled(m)} with ${code(m.model.text(given!))} pickles jobs: anyone who can write to ${store} runs code in the worker. Use a JSON serializer.` };
  };
}

/** `create_pool(settings)` or `Worker(functions=...)` without `job_deserializer=`, or with pickle's. */
function checkArq(m: SinkMatch): SinkOutcome | null {
  const given = m.args.find("job_deserializer");
  const choice = serializerChoice(m, given, (g) => isPickleLoader(m, g));
  if (!choice) return null;
  const role = m.target.endsWith("Worker") ? "the worker unpickles every job it takes from Redis" : "the pool unpickles every job result it reads back from Redis";
  if (choice === "default") {
    return {
      message:
        `${spelled(m)} without \`job_deserializer=\` uses arq's default, \`pickle.loads\`: ${role}, so anyone who can write to that Redis ` +
        `(no auth by default, reachable through SSRF) runs code in the process. Pass \`job_serializer=\`/\`job_deserializer=\` that encode JSON or msgpack, on the pool and the worker alike.`,
    };
  }
  return { message: `${spelled(m)} with \`job_deserializer=${m.model.text(given!)}\` unpickles jobs: anyone who can write to Redis runs code in the process. Use a JSON or msgpack deserializer.` };
}

/**
 * The class name arq's documentation gives worker settings (`arq app.WorkerSettings` runs it). Only that name: a list
 * named `functions` alone says nothing, and the name is a token no other code has (the standard library has none).
 */
const ARQ_SETTINGS_CLASS = "WorkerSettings";

/** arq's worker settings: a module-level `class WorkerSettings` listing `functions` and no `job_deserializer`, in a module that imports arq. */
function checkArqWorkerSettings(m: AssignmentMatch): AssignmentOutcome[] {
  if (m.level !== "class" || m.target !== "functions") return [];
  const classDef = enclosingClass(m.node);
  const name = classDef && childByField(classDef, "name");
  if (!classDef || !name || m.model.text(name) !== ARQ_SETTINGS_CLASS || !importsArq(m)) return [];
  const body = childByField(classDef, "body");
  if (!body || body.children.some((s) => bindsName(m, s, "job_deserializer"))) return [];
  return [{
    message:
      `${code(ARQ_SETTINGS_CLASS)} lists worker \`functions\` without \`job_deserializer\`: arq's worker then unpickles every job ` +
      `it takes from Redis (\`pickle.loads\` is the default), so anyone who can write to that Redis runs code in the worker. Set ` +
      `\`job_serializer\`/\`job_deserializer\` to JSON or msgpack functions here and on the pools that enqueue.`,
  }];
}

function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  for (let n: SyntaxNode | null | undefined = node.parent; n; n = n.parent) if (n.type === "class_definition") return n;
  return undefined;
}

/** `name = ...` or `def name(...)` as one statement of a class body. */
function bindsName(m: AssignmentMatch, statement: SyntaxNode, name: string): boolean {
  const definition = statement.type === "decorated_definition" ? childByField(statement, "definition") : statement;
  if (definition?.type === "function_definition") return m.model.text(childByField(definition, "name") ?? definition) === name;
  const assignment = statement.type === "expression_statement" ? statement.children[0] : undefined;
  const left = assignment?.type === "assignment" ? childByField(assignment, "left") : undefined;
  return left?.type === "identifier" && m.model.text(left) === name;
}

function importsArq(m: AssignmentMatch): boolean {
  for (const bindings of m.model.module.bindings.values()) {
    if (bindings.some((b) => b.kind === "import" && /^arq(?:\.|$)/.test(b.qualifiedName ?? ""))) return true;
  }
  return false;
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
  name: "Task Queue Uses Its Pickle Default (RQ, huey, arq)",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "rq", "huey", "arq", "task-queue", "redis", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-003"],
  prefilter: ["rq", "huey", "HUEY", "arq", ARQ_SETTINGS_CLASS],
  sinks: [
    { call: RQ, check: checkSerializer("RQ"), message: () => "" },
    { call: HUEY, check: checkSerializer("huey"), message: () => "" },
    { call: ARQ, check: checkArq, message: () => "" },
  ],
  assignments: [
    { names: ["HUEY"], classLevel: true, check: checkHueySettings },
    // The class's name too, so that partial parsing keeps the class whole (its name is an anchor then, as a token).
    { names: ["functions", ARQ_SETTINGS_CLASS], classLevel: true, check: checkArqWorkerSettings },
  ],
  docs: {
    summary: "Detects RQ queues, workers and jobs, huey instances and arq pools and workers created without a non-pickle serializer: all three pickle jobs by default.",
    description:
      "RQ (`rq.Queue`, `Worker`, `Job.create/fetch`) serializes jobs with `DefaultSerializer`, which is pickle, unless " +
      "`serializer=` says otherwise; huey's `RedisHuey`, `SqliteHuey` and `FileHuey` pickle tasks with " +
      "`huey.serializer.Serializer`. The worker unpickles whatever it takes from the store. The rule reports constructors " +
      "without `serializer=` (or with a pickling one) and Django `HUEY = {...}` settings without `serializer`. `MemoryHuey` " +
      "(in-process) is not reported; a `serializer` passed through `**kwargs` is assumed to be set. arq's `create_pool`, " +
      "`ArqRedis` and `Worker` use `pickle.loads` unless `job_deserializer=` is given (the worker unpickles jobs, the pool " +
      "results), and so does the worker settings class arq's documentation names (`class WorkerSettings: functions = [...]`, run by " +
      "the `arq` command) without a `job_deserializer` attribute, in a module that imports arq.",
    securityImplications:
      "Redis holds the queue and usually accepts any client on the network without authentication; an SSRF to Redis or any " +
      "service sharing the database can push a job whose pickled payload runs code in the worker.",
    howToFix: "RQ: `Queue(connection=redis, serializer=JSONSerializer)` and the same for `Worker` (`from rq.serializers import JSONSerializer`). huey: pass a serializer that encodes JSON. arq: `create_pool(settings, job_serializer=msgpack.packb, job_deserializer=msgpack.unpackb)` and the same two attributes on the worker settings class.",
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
      { title: "arq: custom serializers", url: "https://arq-docs.helpmanual.io/#custom-serializers" },
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
