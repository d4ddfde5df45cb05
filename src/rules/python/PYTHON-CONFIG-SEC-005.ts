import type { SyntaxNode } from "../../languages/python/syntax.js";
import { code, defineRule, type AssignmentMatch, type AssignmentOutcome, type SinkMatch, type SinkOutcome } from "../rule.js";
import { CONFIG_COMPLIANCE, CONFIG_REFERENCES, constant, dictEntries, entry, resolvedNames, type ValueContext } from "./config-helpers.js";
import { spelled } from "./sink-helpers.js";

/** cachelib (and its predecessor werkzeug.contrib.cache) backends: every value is pickled into the store. */
const CACHELIB = ["RedisCache", "FileSystemCache", "MemcachedCache", "UWSGICache", "DynamoDbCache", "MongoDbCache"].flatMap((c) => [
  `cachelib.${c}`,
  `cachelib.${c.replace(/Cache$/, "").toLowerCase()}.${c}`,
  `werkzeug.contrib.cache.${c}`,
]);

/** Flask-Caching `CACHE_TYPE` values (new class names and old aliases) whose backend pickles into a shared store. */
const FLASK_CACHE_TYPES = /^(?:flask_caching\.backends\.\w+\.)?(?:redis|rediscache|redissentinel|redissentinelcache|rediscluster|redisclustercache|filesystem|filesystemcache|memcached|memcachedcache|gaememcached|saslmemcached|saslmemcachedcache|spreadsaslmemcached|spreadsaslmemcachedcache|uwsgi|uwsgicache)$/i;

/** Flask-Session storage types that (before Flask-Session 0.6) pickle the session into a server-side store. */
const FLASK_SESSION_TYPES = /^(?:redis|memcached|filesystem|mongodb|sqlalchemy|cachelib|dynamodb)$/i;

function cacheTypeFinding(ctx: ValueContext, value: SyntaxNode, where: string): AssignmentOutcome[] {
  const type = constant(ctx, value);
  if (type === undefined || !FLASK_CACHE_TYPES.test(type.trim())) return [];
  return [{
    at: value,
    message:
      `${where} = ${JSON.stringify(type)} selects a Flask-Caching backend that pickles cached values and unpickles what it reads back: whoever can write ` +
      `the cache store (an unauthenticated Redis/memcached, a shared cache directory) runs code in the application. Cache plain data only and restrict ` +
      `who can write the store; prefer a JSON-serializing cache layer.`,
  }];
}

function sessionTypeFinding(ctx: ValueContext, value: SyntaxNode, where: string): AssignmentOutcome[] {
  const type = constant(ctx, value);
  if (type === undefined || !FLASK_SESSION_TYPES.test(type.trim())) return [];
  return [{
    at: value,
    severity: "medium",
    confidence: "medium",
    message:
      `${where} = ${JSON.stringify(type)} keeps Flask-Session data in a server-side store that Flask-Session before 0.6 pickles: whoever can write that ` +
      `store runs code in the application when a session is read. Use Flask-Session >= 0.6 (msgspec serialization) and restrict access to the store.`,
  }];
}

function checkAssignment(m: AssignmentMatch): AssignmentOutcome[] {
  const key = m.target.slice(m.target.lastIndexOf(".") + 1);
  return key === "SESSION_TYPE" ? sessionTypeFinding(m, m.value, code(m.targetText)) : cacheTypeFinding(m, m.value, code(m.targetText));
}

/** `Cache(app, config={"CACHE_TYPE": "RedisCache"})`, `app.config.update(CACHE_TYPE=..., SESSION_TYPE=...)`. */
function checkConfigCall(m: SinkMatch): SinkOutcome | null {
  const found: AssignmentOutcome[] = [];
  const config = m.args.find("config");
  const entries = [...(config ? (dictEntries(m, config) ?? []) : []), ...m.args.positional.flatMap((a) => dictEntries(m, a) ?? [])];
  for (const e of entries) {
    if (e.key === "CACHE_TYPE") found.push(...cacheTypeFinding(m, e.value, code("CACHE_TYPE")));
    if (e.key === "SESSION_TYPE") found.push(...sessionTypeFinding(m, e.value, code("SESSION_TYPE")));
  }
  const cacheType = m.args.find("CACHE_TYPE");
  if (cacheType) found.push(...cacheTypeFinding(m, cacheType, code("CACHE_TYPE")));
  const sessionType = m.args.find("SESSION_TYPE");
  if (sessionType) found.push(...sessionTypeFinding(m, sessionType, code("SESSION_TYPE")));
  return found.length ? { message: found[0].message, ...(found[0].severity ? { severity: found[0].severity } : {}) } : null;
}

const cachelibMessage = (m: SinkMatch) =>
  `${spelled(m)} pickles every cached value and unpickles what it reads back: whoever can write the cache store (Redis or memcached reachable without ` +
  `authentication, a shared cache directory) runs code in the application. Cache plain data only and restrict who can write the store.`;

/** diskcache stores non-primitive values with pickle unless `disk=JSONDisk`. */
function checkDiskcache(m: SinkMatch): SinkOutcome | null {
  const disk = m.args.find("disk");
  if (disk && resolvedNames(m, disk).some((n) => n === "diskcache.JSONDisk" || n === "diskcache.core.JSONDisk")) return null;
  if (disk || m.args.hasKwArgs) return null;
  return {
    message:
      `${spelled(m)} stores values other than numbers, strings and bytes with pickle in its directory and unpickles them on read: anyone who can ` +
      `write that directory or its SQLite file runs code in the application. Pass \`disk=diskcache.JSONDisk\` for plain data.`,
  };
}

/** SqliteDict pickles values unless both `encode` and `decode` are given. */
function checkSqliteDict(m: SinkMatch): SinkOutcome | null {
  if (m.args.find("decode") || m.args.hasKwArgs || m.args.positional.length >= 7) return null;
  return {
    message:
      `${spelled(m)} pickles values into the SQLite file by default and unpickles them on read: anyone who can write the database file runs code. ` +
      `Pass \`encode=json.dumps, decode=json.loads\`.`,
  };
}

export default defineRule({
  id: "PYTHON-CONFIG-SEC-005",
  name: "Cache or Persistent Store That Unpickles (cachelib, Flask-Caching, Flask-Session, diskcache, sqlitedict)",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "cache", "flask", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-002", "PYTHON-LANG-SEC-040"],
  prefilter: ["cachelib", "werkzeug", "CACHE_TYPE", "SESSION_TYPE", "diskcache", "sqlitedict", "SqliteDict"],
  sinks: [
    { call: CACHELIB, message: cachelibMessage },
    { call: ["flask_caching.Cache", "flask_caching.Cache().init_app", "flask.Flask().config.update", "flask.Flask().config.from_mapping"], check: checkConfigCall, message: () => "" },
    { call: ["diskcache.Cache", "diskcache.FanoutCache", "diskcache.Deque", "diskcache.Index", "diskcache.core.Cache", "diskcache.fanout.FanoutCache"], check: checkDiskcache, message: () => "" },
    { call: ["sqlitedict.SqliteDict", "sqlitedict.open"], check: checkSqliteDict, message: () => "" },
  ],
  assignments: [{ names: ["CACHE_TYPE", "SESSION_TYPE", "flask.Flask().config.CACHE_TYPE", "flask.Flask().config.SESSION_TYPE"], classLevel: true, check: checkAssignment }],
  docs: {
    summary: "Detects caches and persistent dictionaries that pickle values into a store others can write: cachelib/Flask-Caching backends, Flask-Session server-side stores, `diskcache.Cache`, `sqlitedict.SqliteDict`.",
    description:
      "These libraries make pickling invisible: `cache.get(key)` and `d[key]` unpickle whatever the store holds. The rule " +
      "reports cachelib (and `werkzeug.contrib.cache`) Redis, file-system, memcached, uWSGI, DynamoDB and MongoDB caches; " +
      "Flask-Caching `CACHE_TYPE` values selecting those backends (in config modules and classes, `Cache(config={...})`, " +
      "`app.config.update(...)`); Flask-Session `SESSION_TYPE` server-side stores (pickled before Flask-Session 0.6, " +
      "medium confidence); `diskcache` caches without `disk=JSONDisk`; and `SqliteDict` without `encode`/`decode`.",
    securityImplications:
      "A cache is written by many and read by the application: an unauthenticated Redis or memcached, a cache directory on " +
      "a shared volume, or a SQLite file an upload can overwrite turn a write primitive into code execution at the next read.",
    howToFix:
      "Cache plain data serialized as JSON yourself, or configure the library's non-pickle serializer (`disk=JSONDisk`, " +
      "`encode=json.dumps, decode=json.loads`, Flask-Session >= 0.6); require authentication on cache servers and keep cache " +
      "directories private to the application user.",
    fixHint: "Use a JSON serializer for the store, or make the store writable only by the application.",
    vulnerableExample: ["from cachelib import FileSystemCache", "", 'cache = FileSystemCache("/tmp/app-cache")  # pickles values', 'user = cache.get("user:1")'].join("\n"),
    safeExample: ["import diskcache", "", 'cache = diskcache.Cache("/var/lib/app/cache", disk=diskcache.JSONDisk)'].join("\n"),
    detectionScope:
      "Constructors resolved through imports and aliases; `CACHE_TYPE`/`SESSION_TYPE` read as constant strings. In-process " +
      "caches (`SimpleCache`, `NullCache`) are not reported. A `disk`, `decode` or configuration passed through `**kwargs` is trusted.",
    references: [
      { title: "Flask-Caching: built-in cache backends", url: "https://flask-caching.readthedocs.io/en/latest/#built-in-cache-backends" },
      { title: "cachelib documentation", url: "https://cachelib.readthedocs.io/" },
      { title: "diskcache: Disk and JSONDisk", url: "https://grantjenks.com/docs/diskcache/tutorial.html#disk" },
      { title: "sqlitedict: encode and decode", url: "https://github.com/piskvorky/sqlitedict" },
      ...CONFIG_REFERENCES,
    ],
    faq: [
      {
        question: "The cache directory is on the local disk. Is that a risk?",
        answer: "It is when another user, process or an upload feature can write there (`/tmp` is the usual case). The finding is medium severity; keep the directory private to the application user.",
      },
    ],
  },
});
