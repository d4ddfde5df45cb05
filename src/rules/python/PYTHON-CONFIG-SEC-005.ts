import { CallArguments } from "../../languages/python/calls.js";
import { childByField, type SyntaxNode } from "../../languages/python/syntax.js";
import { code, defineRule, type AssignmentMatch, type AssignmentOutcome, type SinkMatch, type SinkOutcome } from "../rule.js";
import { CONFIG_COMPLIANCE, CONFIG_REFERENCES, constant, dictEntries, firstSettingFinding, isPickleLoader, isPickleModule, literalOf, positionalDictEntries, resolvedNames, serializerChoice, settingKey, type ValueContext } from "./config-helpers.js";
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
  return settingKey(m.target) === "SESSION_TYPE" ? sessionTypeFinding(m, m.value, code(m.targetText)) : cacheTypeFinding(m, m.value, code(m.targetText));
}

/** `Cache(app, config={"CACHE_TYPE": "RedisCache"})`, `app.config.update(CACHE_TYPE=..., SESSION_TYPE=...)`. */
function checkConfigCall(m: SinkMatch): SinkOutcome | null {
  const found: AssignmentOutcome[] = [];
  const config = m.args.find("config");
  const entries = [...(config ? (dictEntries(m, config) ?? []) : []), ...positionalDictEntries(m)];
  for (const e of entries) {
    if (e.key === "CACHE_TYPE") found.push(...cacheTypeFinding(m, e.value, code("CACHE_TYPE")));
    if (e.key === "SESSION_TYPE") found.push(...sessionTypeFinding(m, e.value, code("SESSION_TYPE")));
  }
  const cacheType = m.args.find("CACHE_TYPE");
  if (cacheType) found.push(...cacheTypeFinding(m, cacheType, code("CACHE_TYPE")));
  const sessionType = m.args.find("SESSION_TYPE");
  if (sessionType) found.push(...sessionTypeFinding(m, sessionType, code("SESSION_TYPE")));
  return firstSettingFinding(found);
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

/** dogpile.cache backends that keep values outside the process, pickled unless the region names another deserializer. */
const DOGPILE_SHARED_BACKENDS = /^dogpile\.cache\.(?:redis|redis_sentinel|redis_cluster|valkey|valkey_sentinel|valkey_cluster|memcached|pylibmc|bmemcached|pymemcache|dbm)$/;
const DOGPILE_CONFIGURE = ["dogpile.cache.make_region().configure", "dogpile.cache.region.make_region().configure", "dogpile.cache.CacheRegion().configure", "dogpile.cache.region.CacheRegion().configure"];

/** `make_region().configure("dogpile.cache.redis", ...)` on a region without its own `deserializer=`. */
function checkDogpile(m: SinkMatch): SinkOutcome | null {
  const backend = constant(m, m.args.find("backend", 0))?.trim();
  if (backend === undefined || !DOGPILE_SHARED_BACKENDS.test(backend)) return null;
  const region = m.receiver?.args;
  if (region && (region.find("deserializer") || region.hasKwArgs)) {
    const given = region.find("deserializer");
    if (!given || !isPickleLoader({ model: m.model, scope: m.receiver!.scope }, given)) return null;
  }
  const store = backend.endsWith("dbm") ? "its DBM file" : "that server";
  return {
    message:
      `${spelled(m)} with ${code(backend)} pickles every cached value into ${store} and unpickles what it reads back (dogpile.cache's default ` +
      `serializer): whoever can write ${backend.endsWith("dbm") ? "the file" : "to the cache server (often reachable without authentication)"} runs code in the application. ` +
      `Pass \`serializer=\`/\`deserializer=\` that encode JSON or msgpack to \`make_region\`, and restrict who can write the store.`,
  };
}

/** persist-queue's file and SQLite queues and `PDict`: `serializer` defaults to pickle. */
const PERSIST_QUEUE = [
  "Queue", "queue.Queue", "SQLiteQueue", "FIFOSQLiteQueue", "FILOSQLiteQueue", "UniqueQ", "sqlqueue.SQLiteQueue", "sqlqueue.FIFOSQLiteQueue",
  "sqlqueue.FILOSQLiteQueue", "sqlqueue.UniqueQ", "SQLiteAckQueue", "FIFOSQLiteAckQueue", "FILOSQLiteAckQueue", "UniqueAckQ",
  "sqlackqueue.SQLiteAckQueue", "sqlackqueue.FIFOSQLiteAckQueue", "sqlackqueue.FILOSQLiteAckQueue", "sqlackqueue.UniqueAckQ", "PDict",
  "pdict.PDict", "MySQLQueue", "mysqlqueue.MySQLQueue",
].map((n) => `persistqueue.${n}`);

function checkPersistQueue(m: SinkMatch): SinkOutcome | null {
  const choice = serializerChoice(m, m.args.find("serializer"), (g) => resolvedNames(m, g).some((n) => n === "persistqueue.serializers.pickle") || isPickleModule(m, g));
  if (!choice) return null;
  const store = m.target.includes("MySQL") ? "its MySQL table" : m.target.includes("SQLite") || m.target.includes("Unique") || m.target.includes("PDict") ? "its SQLite file" : "its queue directory";
  return {
    message:
      `${spelled(m)} ${choice === "pickle" ? "with a pickle serializer" : "without `serializer=`"} pickles every item into ${store} and unpickles it on \`get()\`: ` +
      `anyone who can write ${store} runs code in the consumer. Pass \`serializer=persistqueue.serializers.json\` (or msgpack) for plain data.`,
  };
}

const AIOCACHE_PICKLE = ["aiocache.serializers.PickleSerializer", "aiocache.PickleSerializer", "aiocache.serializers.serializers.PickleSerializer"];

const aiocacheMessage = (m: SinkMatch) =>
  `${spelled(m)} makes an aiocache cache pickle values and unpickle what it reads back: whoever can write the cache store (Redis or memcached ` +
  `reachable without authentication) runs code in the application. Use \`JsonSerializer\` or \`MsgPackSerializer\`.`;

/** Memcached clients that unpickle every value stored with their pickle flag (python-memcached, pylibmc, python-binary-memcached). */
const PICKLING_MEMCACHED_CLIENTS = ["memcache.Client", "pylibmc.Client", "pylibmc.client.Client", "bmemcached.Client", "bmemcached.client.Client", "bmemcached.client.replicating.ReplicatingClient", "bmemcached.client.distributed.DistributedClient", "bmemcached.ReplicatingClient", "bmemcached.DistributedClient"];

/** pymemcache clients: plain bytes unless given a pickling serde (or the old `deserializer=`). */
const PYMEMCACHE_CLIENTS = ["Client", "client.base.Client", "client.base.PooledClient", "client.hash.HashClient", "client.retrying.RetryingClient", "PooledClient", "HashClient", "RetryingClient"].map((c) => `pymemcache.${c}`);
const PYMEMCACHE_PICKLING = new Set([
  "pymemcache.serde.pickle_serde", "pymemcache.serde.PickleSerde()", "pymemcache.serde.PickleSerde", "pymemcache.serde.python_memcache_deserializer",
]);

function memcachedMessage(m: SinkMatch): string {
  return (
    `${spelled(m)} unpickles every value stored with its pickle flag, whoever stored it: anyone who can write to that memcached (it has no ` +
    `authentication by default, and SSRF reaches it) runs code in the application at the next \`get\`. Store only bytes or strings you encode ` +
    `yourself (JSON), and keep memcached on a private network.`
  );
}

function checkPymemcache(m: SinkMatch): SinkOutcome | null {
  const given = m.args.find("serde") ?? m.args.find("deserializer");
  if (!given || !resolvedNames(m, given).some((n) => PYMEMCACHE_PICKLING.has(n))) return null;
  return {
    message:
      `${spelled(m)} with ${code(m.model.text(given))} unpickles values read back from memcached: anyone who can write to that memcached runs code in ` +
      `the application. Use the default (bytes) or a JSON serde.`,
  };
}

const PATH_HELPERS = ["pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath"];

/**
 * Where a joblib cache lives, when it is (or starts with) a literal: `"/mnt/cache"`, `Path("/mnt") / "cache"`.
 */
function pathPrefix(ctx: ValueContext, node: SyntaxNode, depth = 0): string | undefined {
  const text = constant(ctx, node);
  if (text !== undefined || depth > 4) return text;
  const n = literalOf(ctx, node);
  if (n.type === "binary_operator") {
    const left = childByField(n, "left");
    return left ? pathPrefix(ctx, left, depth + 1) : undefined;
  }
  if (n.type !== "call") return undefined;
  const callee = childByField(n, "function");
  const first = new CallArguments(n, ctx.model.tree.source).positional[0];
  if (!callee || !first) return undefined;
  const names = resolvedNames(ctx, callee);
  return names.some((x) => PATH_HELPERS.includes(x))
    ? pathPrefix(ctx, first, depth + 1)
    : undefined;
}

/** Object-store and network-filesystem URLs, UNC shares, and mount points of shared or network file systems. */
const REMOTE_STORE_URL = /^(?!file:)[a-z][a-z0-9+.-]*:\/\//i;
const SHARED_PATH =
  /^(?:\\\\|\/\/[^/]|dbfs:|\/(?:mnt|nfs|net|efs|gpfs|lustre|scratch|dbfs|cifs|smb|shared?|gluster|ceph|cephfs|beegfs)(?:\/|$)|\/content\/drive(?:\/|$))|\/(?:shared?|nfs|efs|smb|cifs|network)(?:\/|$)/i;

/** What makes a joblib cache location writable by others, or undefined for a private local directory. */
function sharedLocation(location: string): string | undefined {
  const text = location.trim();
  if (REMOTE_STORE_URL.test(text)) return `the object store or network file system ${JSON.stringify(text)}, writable by every principal with write access to it`;
  if (SHARED_PATH.test(text)) return `the shared or network path ${JSON.stringify(text)}, writable by the other users, jobs and hosts that mount it`;
  return undefined;
}

/** `joblib.Memory(location, backend, ...)` (and the old `cachedir=`) on a shared path or a non-local store backend. */
function checkJoblibMemory(m: SinkMatch): SinkOutcome | null {
  const backend = constant(m, m.args.find("backend", 1));
  const location = m.args.find("location", 0) ?? m.args.find("cachedir");
  const prefix = location ? pathPrefix(m, location) : undefined;
  const where = prefix !== undefined ? sharedLocation(prefix) : undefined;
  const remoteBackend = backend !== undefined && backend.trim().toLowerCase() !== "local";
  if (!where && !remoteBackend) return null;
  const store = where ?? `the store backend ${JSON.stringify(backend)} (registered with \`register_store_backend\`), a store shared beyond this process`;
  return joblibFinding(m, store);
}

/** scikit-learn estimators whose `memory=` (a path or a `Memory`) becomes a joblib cache of fitted transformers. */
function checkSklearnMemory(m: SinkMatch): SinkOutcome | null {
  const memory = m.args.find("memory");
  const prefix = memory ? pathPrefix(m, memory) : undefined;
  const where = prefix !== undefined ? sharedLocation(prefix) : undefined;
  return where ? joblibFinding(m, where) : null;
}

function joblibFinding(m: SinkMatch, store: string): SinkOutcome {
  return {
    message:
      `${spelled(m)} caches results as joblib pickles in ${store}, and unpickles a cached result on every cache hit: whoever can write there ` +
      `plants a pickle that runs code in every process that calls the cached function. Keep the cache in a directory private to the application ` +
      `user on local disk (or a per-run temporary directory), restrict write access to the store to this application, or cache plain data (JSON, Parquet) yourself.`,
  };
}

export default defineRule({
  id: "PYTHON-CONFIG-SEC-005",
  name: "Cache or Persistent Store That Unpickles (cachelib, Flask-Caching, Flask-Session, diskcache, sqlitedict, joblib Memory, dogpile.cache, aiocache, persist-queue, memcached clients)",
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
  prefilter: ["cachelib", "werkzeug", "CACHE_TYPE", "SESSION_TYPE", "diskcache", "sqlitedict", "SqliteDict", "joblib", "sklearn", "dogpile", "aiocache", "PickleSerializer", "persistqueue", "memcache", "pylibmc", "bmemcached"],
  sinks: [
    { call: CACHELIB, message: cachelibMessage },
    { call: ["flask_caching.Cache", "flask_caching.Cache().init_app", "flask.Flask().config.update", "flask.Flask().config.from_mapping"], check: checkConfigCall, message: () => "" },
    { call: ["diskcache.Cache", "diskcache.FanoutCache", "diskcache.Deque", "diskcache.Index", "diskcache.core.Cache", "diskcache.fanout.FanoutCache"], check: checkDiskcache, message: () => "" },
    { call: ["sqlitedict.SqliteDict", "sqlitedict.open"], check: checkSqliteDict, message: () => "" },
    { call: ["joblib.Memory", "joblib.memory.Memory"], subclasses: true, check: checkJoblibMemory, message: () => "" },
    { call: DOGPILE_CONFIGURE, check: checkDogpile, message: () => "" },
    { call: PERSIST_QUEUE, check: checkPersistQueue, message: () => "" },
    { call: AIOCACHE_PICKLE, references: true, message: aiocacheMessage },
    { call: PICKLING_MEMCACHED_CLIENTS, subclasses: true, check: (m) => (m.args.find("unpickler") ? null : {}), message: memcachedMessage },
    { call: PYMEMCACHE_CLIENTS, check: checkPymemcache, message: () => "" },
    {
      call: ["sklearn.pipeline.Pipeline", "sklearn.pipeline.make_pipeline", "sklearn.cluster.AgglomerativeClustering", "sklearn.cluster.FeatureAgglomeration"],
      check: checkSklearnMemory,
      message: () => "",
    },
  ],
  assignments: [{ names: ["CACHE_TYPE", "SESSION_TYPE", "flask.Flask().config.CACHE_TYPE", "flask.Flask().config.SESSION_TYPE"], classLevel: true, check: checkAssignment }],
  docs: {
    summary: "Detects caches and persistent dictionaries that pickle values into a store others can write: cachelib/Flask-Caching backends, Flask-Session server-side stores, `diskcache.Cache`, `sqlitedict.SqliteDict`, joblib `Memory` caches on shared file systems or object stores, dogpile.cache regions on Redis, memcached or DBM, aiocache's `PickleSerializer`, persist-queue queues with their pickle default, and memcached clients that unpickle values (python-memcached, pylibmc, python-binary-memcached, pymemcache with a pickle serde).",
    description:
      "These libraries make pickling invisible: `cache.get(key)` and `d[key]` unpickle whatever the store holds. The rule " +
      "reports cachelib (and `werkzeug.contrib.cache`) Redis, file-system, memcached, uWSGI, DynamoDB and MongoDB caches; " +
      "Flask-Caching `CACHE_TYPE` values selecting those backends (in config modules and classes, `Cache(config={...})`, " +
      "`app.config.update(...)`); Flask-Session `SESSION_TYPE` server-side stores (pickled before Flask-Session 0.6, " +
      "medium confidence); `diskcache` caches without `disk=JSONDisk`; `SqliteDict` without `encode`/`decode`; and " +
      "`joblib.Memory` (and the old `cachedir=`, subclasses, and scikit-learn's `Pipeline`/`make_pipeline`/" +
      "`AgglomerativeClustering`/`FeatureAgglomeration` `memory=` paths, which build one) whose location is a shared or " +
      "network path (`/mnt`, `/shared`, `/nfs`, `/efs`, `/gpfs`, `/lustre`, `/scratch`, `/dbfs`, a `shared`/`share`/`nfs` " +
      "directory, UNC shares, `dbfs:`) or an object-store URL (`s3://`, `gs://`, `hdfs://`, `abfs://`, ...), or whose " +
      "`backend` is a registered store backend other than `\"local\"`. joblib stores every cached result as a pickle and " +
      "unpickles it on a cache hit. A private local directory, a temporary directory, or no location (no caching) is not reported. " +
      "dogpile.cache regions configured with a Redis, Valkey, memcached or DBM backend pickle values (the default serializer) unless " +
      "`make_region(deserializer=...)` names another; aiocache caches pickle when given `PickleSerializer`; persist-queue's file, " +
      "SQLite and MySQL queues and `PDict` pickle items unless `serializer=` names another (a serializer passed through `**kwargs` " +
      "is assumed to be set). The memcached clients of python-memcached (`memcache.Client`), pylibmc and python-binary-memcached " +
      "unpickle every value stored with their pickle flag, so whoever can write to the server decides; pymemcache is reported " +
      "only with `serde=pickle_serde` (or `PickleSerde()`, or the old `deserializer=python_memcache_deserializer`).",
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
      "caches (`SimpleCache`, `NullCache`) are not reported. A `disk`, `decode` or configuration passed through `**kwargs` is trusted. " +
      "joblib locations are read when they are literals or start with one (`Path(\"/mnt\") / \"cache\"`); " +
      "a location from the environment or a parameter is not reported.",
    references: [
      { title: "Flask-Caching: built-in cache backends", url: "https://flask-caching.readthedocs.io/en/latest/#built-in-cache-backends" },
      { title: "cachelib documentation", url: "https://cachelib.readthedocs.io/" },
      { title: "diskcache: Disk and JSONDisk", url: "https://grantjenks.com/docs/diskcache/tutorial.html#disk" },
      { title: "sqlitedict: encode and decode", url: "https://github.com/piskvorky/sqlitedict" },
      { title: "joblib.Memory (location, backend, register_store_backend)", url: "https://joblib.readthedocs.io/en/stable/generated/joblib.Memory.html" },
      { title: "joblib: persistence security warning (never load untrusted pickles)", url: "https://joblib.readthedocs.io/en/stable/persistence.html" },
      ...CONFIG_REFERENCES,
    ],
    faq: [
      {
        question: "The cache directory is on the local disk. Is that a risk?",
        answer: "It is when another user, process or an upload feature can write there (`/tmp` is the usual case). The finding is medium severity; keep the directory private to the application user.",
      },
      {
        question: "Why is a joblib `Memory` on /mnt or s3:// reported but not one in a temporary directory?",
        answer:
          "joblib has no data-only serializer: every cached result is a pickle that is unpickled on the next cache hit. A cache " +
          "on a shared file system or bucket is written by other users, jobs and CI runners, so any of them can plant a pickle " +
          "that runs in every process using the cache. A private local or per-run temporary directory is written only by the " +
          "application itself, and `Memory()`/`Memory(None)` does not cache at all.",
      },
    ],
  },
});
