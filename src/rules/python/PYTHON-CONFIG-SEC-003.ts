import type { SyntaxNode } from "../../languages/python/syntax.js";
import { code, defineRule, type AssignmentMatch, type AssignmentOutcome, type SinkMatch, type SinkOutcome, type SinkSpec } from "../rule.js";
import { CONFIG_COMPLIANCE, CONFIG_REFERENCES, firstSettingFinding, pickleMentions, positionalDictEntries, settingKey, type ValueContext } from "./config-helpers.js";
import { spelled } from "./sink-helpers.js";

/** Celery settings (new lower-case names, their old upper-case names) and which side of the broker they govern. */
const SETTINGS: Record<string, "produce" | "accept"> = {
  task_serializer: "produce",
  result_serializer: "produce",
  event_serializer: "produce",
  accept_content: "accept",
  result_accept_content: "accept",
  event_accept_content: "accept",
  CELERY_TASK_SERIALIZER: "produce",
  CELERY_RESULT_SERIALIZER: "produce",
  CELERY_EVENT_SERIALIZER: "produce",
  CELERY_ACCEPT_CONTENT: "accept",
  CELERY_RESULT_ACCEPT_CONTENT: "accept",
  CELERY_EVENT_ACCEPT_CONTENT: "accept",
};

const SAFE = "Use `json` (Celery's default since 4.0) for `task_serializer`/`result_serializer` and `accept_content = [\"json\"]`; for binary payloads use `msgpack`, or sign messages with Celery's `auth` serializer.";

function settingMessage(name: string, where: string): string {
  const side = SETTINGS[name] ?? SETTINGS[settingKey(name)];
  const what = /result/i.test(name) ? "task results read back from the result backend" : /event/i.test(name) ? "monitoring events" : "task messages taken from the broker";
  return side === "accept"
    ? `${where} lets Celery unpickle ${what}: anyone who can publish to the broker or write the backend (a shared Redis or RabbitMQ vhost, ` +
        `another service with the same credentials, an SSRF to Redis) runs code in every worker. ${SAFE}`
    : `${where} makes Celery pickle ${what.replace(/ (?:taken from|read back from) the .*$/, "")}, so the workers and clients that read them ` +
        `must accept and unpickle pickles: anyone who can publish to the broker or write the result backend runs code in them. ${SAFE}`;
}

/** Findings for each pickle mention in a settings value. */
function mentions(ctx: ValueContext, name: string, value: SyntaxNode, where: string): AssignmentOutcome[] {
  return pickleMentions(ctx, value).map((at) => ({ at, message: settingMessage(name, where) }));
}

function checkAssignment(m: AssignmentMatch): AssignmentOutcome[] {
  // Lower-case names count in modules (celeryconfig.py) and config classes; elsewhere only as `app.conf.<name>`.
  return mentions(m, settingKey(m.target), m.value, `${code(m.targetText)} containing pickle`);
}

/** `app.conf.update(task_serializer="pickle")`, `app.conf.update({...})`, `Celery(..., accept_content=[...])`. */
function checkSettingsCall(m: SinkMatch): SinkOutcome | null {
  const found: AssignmentOutcome[] = [];
  for (const [key, value] of m.args.keywords) if (key in SETTINGS) found.push(...mentions(m, key, value, `${spelled(m)} with ${code(key)} containing pickle`));
  for (const e of positionalDictEntries(m)) if (e.key in SETTINGS) found.push(...mentions(m, e.key, e.value, `${spelled(m)} with ${code(e.key)} containing pickle`));
  return firstSettingFinding(found);
}

/** `@app.task(serializer="pickle")`, `Producer(ch, serializer="pickle")`, `Consumer(ch, accept=["pickle"])`. */
function keywordCheck(keyword: string, position: number | undefined, side: "produce" | "accept") {
  return (m: SinkMatch): SinkOutcome | null => {
    const value = m.args.find(keyword, position);
    if (!value || !pickleMentions(m, value).length) return null;
    return {
      message:
        side === "accept"
          ? `${spelled(m)} with ${code(keyword)} containing pickle unpickles messages from the broker: anyone who can publish to the queue runs code in this consumer. Accept only \`json\` (or \`msgpack\`).`
          : `${spelled(m)} with \`${keyword}="pickle"\` sends pickled messages, which every consumer must unpickle: anyone who can publish to the same queue runs code in those consumers. Use \`json\` or \`msgpack\`.`,
    };
  };
}

const SETTING_NAMES = Object.keys(SETTINGS);

const sinks: SinkSpec[] = [
  { call: ["celery.Celery().conf.update", "celery.Celery", "celery.Celery().config_from_object", "celery.Celery().conf.setdefault"], check: checkSettingsCall, message: () => "" },
  {
    call: ["celery.Celery().task", "celery.shared_task", "celery.task", "celery.Celery().send_task", "celery.Celery().Task().apply_async"],
    check: keywordCheck("serializer", undefined, "produce"),
    message: () => "",
  },
  { call: ["kombu.Producer", "kombu.messaging.Producer"], check: keywordCheck("serializer", 3, "produce"), message: () => "" },
  { call: ["kombu.Connection().Producer", "kombu.simple.SimpleQueue", "kombu.simple.SimpleBuffer", "kombu.Connection().SimpleQueue", "kombu.Connection().SimpleBuffer"], check: keywordCheck("serializer", undefined, "produce"), message: () => "" },
  {
    call: ["kombu.Consumer", "kombu.messaging.Consumer", "kombu.Connection().Consumer", "kombu.simple.SimpleQueue", "kombu.simple.SimpleBuffer", "kombu.Connection().SimpleQueue", "kombu.Connection().SimpleBuffer"],
    check: keywordCheck("accept", undefined, "accept"),
    message: () => "",
  },
  {
    call: ["kombu.serialization.enable_insecure_serializers"],
    message: (m) =>
      `${spelled(m)} adds pickle to the content types kombu consumers accept by default: any message on the broker can then run code in the consumer. Keep the default (json only).`,
  },
  {
    call: ["kombu.serialization.registry.enable"],
    check: (m) => (m.args.positional.some((a) => pickleMentions(m, a).length) ? {} : null),
    message: (m) => `${spelled(m)} enables the pickle decoder: messages from the broker are unpickled. Keep pickle disabled.`,
  },
];

export default defineRule({
  id: "PYTHON-CONFIG-SEC-003",
  name: "Celery or Kombu Configured to Unpickle Messages",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "very-high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "celery", "kombu", "message-queue", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-004", "PYTHON-LANG-SEC-040"],
  prefilter: ["celery", "Celery", "kombu", "_serializer", "SERIALIZER", "accept_content", "ACCEPT_CONTENT"],
  sinks,
  assignments: [
    {
      names: [...SETTING_NAMES, ...SETTING_NAMES.map((n) => `celery.Celery().conf.${n}`)],
      classLevel: true,
      check: checkAssignment,
    },
  ],
  docs: {
    summary: "Detects Celery and kombu settings that make workers unpickle messages (`task_serializer`, `result_serializer`, `accept_content` with pickle; `serializer=\"pickle\"`; `accept=[\"pickle\"]`).",
    description:
      "Celery moves tasks and results through a broker and a result backend; the serializer decides how those bytes become " +
      "Python objects. With `pickle` (Celery's default before 4.0, still set explicitly in many projects), every message is " +
      "unpickled by the worker. The rule reads settings wherever Celery takes them: settings modules and config classes " +
      "(`task_serializer`, `accept_content`, and the old `CELERY_TASK_SERIALIZER`/`CELERY_ACCEPT_CONTENT` names, which " +
      "Django projects also use through `namespace=\"CELERY\"`), `app.conf.update(...)` with keywords or a dict, attribute " +
      "assignment (`app.conf.task_serializer = ...`), `Celery(...)` keyword arguments, `config_from_object` with a dict, " +
      "task decorators and `send_task` with `serializer=\"pickle\"`, and kombu `Producer`/`Consumer`/`SimpleQueue` with " +
      "`serializer=\"pickle\"` or `accept=[... \"pickle\" ...]`, `enable_insecure_serializers()` and `registry.enable(\"pickle\")`. " +
      "Values are strings or lists/tuples/sets of strings, also through names bound to them; `application/x-python-serialize` counts as pickle.",
    securityImplications:
      "The broker is shared: every producer with its credentials, every service on the same Redis database or RabbitMQ vhost, " +
      "and every SSRF that reaches Redis can enqueue a message. With pickle accepted, one message runs code on every worker " +
      "(CVE-2021-23727 and public Celery/Redis exploitation write-ups show the pattern).",
    howToFix: "Use `json` (default) or `msgpack` for task and result serialization and `accept_content = [\"json\"]`. If tasks need rich types, pass ids and load objects in the task, or use Celery's signed `auth` serializer.",
    fixHint: "Use the json (or msgpack) serializer and accept_content = ['json'].",
    vulnerableExample: [
      "from celery import Celery",
      "",
      'app = Celery("tasks", broker="redis://redis:6379/0")',
      'app.conf.update(task_serializer="pickle", accept_content=["pickle", "json"])',
    ].join("\n"),
    safeExample: [
      "from celery import Celery",
      "",
      'app = Celery("tasks", broker="redis://redis:6379/0")',
      'app.conf.update(task_serializer="json", accept_content=["json"])',
    ].join("\n"),
    detectionScope:
      "Names are resolved through imports and aliases (`from celery import Celery as C`, `from kombu import Producer`). " +
      "Settings passed through `**kwargs`, read from environment variables or loaded from non-Python files are not seen; " +
      "`config_from_object(\"module\")` is covered when that module is scanned (its assignments are reported).",
    references: [
      { title: "Celery: serializers and security", url: "https://docs.celeryq.dev/en/stable/userguide/security.html#serializers" },
      { title: "Celery configuration: accept_content", url: "https://docs.celeryq.dev/en/stable/userguide/configuration.html#accept-content" },
      { title: "Kombu: serialization", url: "https://docs.celeryq.dev/projects/kombu/en/stable/userguide/serialization.html" },
      ...CONFIG_REFERENCES,
    ],
    faq: [
      {
        question: "Our broker requires a password. Is pickle acceptable then?",
        answer:
          "Only if every holder of that password (every producer service, every CI job, every container with the URL in its environment) is as trusted as the worker's own code. JSON removes the question.",
      },
    ],
  },
});
