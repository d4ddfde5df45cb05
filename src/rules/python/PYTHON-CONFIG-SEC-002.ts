import type { Severity } from "../../core/types.js";
import { code, defineRule, type AssignmentMatch, type AssignmentOutcome, type SinkMatch, type SinkOutcome } from "../rule.js";
import { CONFIG_COMPLIANCE, CONFIG_REFERENCES, constant, dictEntries, entry, locationsReach, type ValueContext } from "./config-helpers.js";
import type { SyntaxNode } from "../../languages/python/syntax.js";

type Store = "redis" | "memcached" | "file" | "database";

/** Django cache backends that pickle every value they store, by the kind of store. */
const BACKENDS: Record<string, Store> = {
  "django.core.cache.backends.redis.RedisCache": "redis",
  "django_redis.cache.RedisCache": "redis",
  "django_redis.cache.ShardClient": "redis",
  // django-redis-cache: its documented paths, the modules they live in, and `redis_cache.cache` of its 0.x releases.
  "redis_cache.RedisCache": "redis",
  "redis_cache.ShardedRedisCache": "redis",
  "redis_cache.backends.single.RedisCache": "redis",
  "redis_cache.backends.multiple.ShardedRedisCache": "redis",
  "redis_cache.cache.RedisCache": "redis",
  "django.core.cache.backends.memcached.PyMemcacheCache": "memcached",
  "django.core.cache.backends.memcached.PyLibMCCache": "memcached",
  "django.core.cache.backends.memcached.MemcachedCache": "memcached",
  "django_bmemcached.memcached.BMemcached": "memcached",
  "django.core.cache.backends.filebased.FileBasedCache": "file",
  "django.core.cache.backends.db.DatabaseCache": "database",
};

const STORE_TEXT: Record<Store, string> = {
  redis: "a Redis server",
  memcached: "a memcached server",
  file: "files in the cache directory",
  database: "the cache table",
};

const WHY: Record<Store, string> = {
  redis: "Redis is often reachable without authentication from other services, containers or an SSRF (`gopher://`/`dict://` to port 6379)",
  memcached: "memcached has no authentication by default and accepts writes from anything that can reach its port (SSRF included)",
  file: "any process or user that can write to the directory (a shared volume, an upload path, a temp directory) plants a pickle",
  database: "anything that can write to the table (SQL injection elsewhere, another application sharing the database) plants a pickle",
};

/** Serializers that do not pickle. */
const SAFE_SERIALIZER = /json|msgpack/i;

/**
 * The OPTIONS key that names the serializer: django-redis reads `SERIALIZER`, django-redis-cache `SERIALIZER_CLASS`,
 * Django's own RedisCache passes OPTIONS to its client as keyword arguments (`serializer`).
 */
const SERIALIZER_KEYS = ["SERIALIZER", "SERIALIZER_CLASS", "serializer"];

function grade(store: Store, location: SyntaxNode | undefined, ctx: ValueContext): Severity {
  if (store === "database") return "low";
  if (store === "file") return "medium";
  return location && locationsReach(ctx, location) === "local" ? "medium" : "high";
}

/** One finding per cache alias whose backend pickles, at its BACKEND entry. */
function checkCaches(ctx: ValueContext, value: SyntaxNode, spelledAs: string): AssignmentOutcome[] {
  const out: AssignmentOutcome[] = [];
  for (const alias of dictEntries(ctx, value) ?? []) {
    const config = dictEntries(ctx, alias.value);
    const backendEntry = entry(config, "BACKEND");
    const backend = backendEntry && constant(ctx, backendEntry.value);
    const store = backend !== undefined ? BACKENDS[backend] : undefined;
    if (!backendEntry || backend === undefined || !store) continue;
    const options = entry(config, "OPTIONS");
    const optionEntries = options ? dictEntries(ctx, options.value) : undefined;
    const serializerEntry = SERIALIZER_KEYS.map((key) => entry(optionEntries, key)).find((e) => e !== undefined);
    const serializer = serializerEntry && constant(ctx, serializerEntry.value);
    if (serializer !== undefined && SAFE_SERIALIZER.test(serializer)) continue;
    const explicit = serializer !== undefined && /pickle/i.test(serializer) ? ` (OPTIONS SERIALIZER is ${code(serializer)})` : "";
    const severity = grade(store, entry(config, "LOCATION")?.value, ctx);
    const safe = backend.startsWith("django_redis")
      ? 'Set `"OPTIONS": {"SERIALIZER": "django_redis.serializers.json.JSONSerializer"}` (or msgpack) and cache only plain data'
      : "Cache only plain data through a serializing layer you control (JSON), or use django-redis with its JSON or msgpack serializer";
    out.push({
      at: backendEntry.pair,
      severity,
      message:
        `${spelledAs}[${JSON.stringify(alias.key)}] uses ${code(backend)}${explicit}, which pickles every cached value and unpickles what it reads back from ` +
        `${STORE_TEXT[store]}: whoever can write that store runs code in every process reading the cache; ${WHY[store]}. ${safe}.`,
    });
  }
  return out;
}

function checkAssignment(m: AssignmentMatch): AssignmentOutcome[] {
  return checkCaches(m, m.value, code(m.targetText));
}

function checkConfigure(m: SinkMatch): SinkOutcome | null {
  const value = m.args.find("CACHES");
  if (!value) return null;
  const found = checkCaches(m, value, "`settings.configure(CACHES=...)`");
  return found.length ? { message: found.map((f) => f.message).join(" "), severity: found[0].severity } : null;
}

export default defineRule({
  id: "PYTHON-CONFIG-SEC-002",
  name: "Django Cache Backend Unpickles From a Shared Store",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "django", "cache", "redis", "memcached", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-001", "PYTHON-CONFIG-SEC-005"],
  prefilter: ["CACHES"],
  sinks: [{ call: ["django.conf.settings.configure", "django.test.override_settings", "django.test.utils.override_settings"], check: checkConfigure, message: () => "" }],
  assignments: [{ names: ["CACHES"], classLevel: true, check: checkAssignment }],
  docs: {
    summary: "Detects Django `CACHES` backends that pickle values into a store other processes can write (Redis, memcached, files, database), graded by how reachable the store is.",
    description:
      "Every Django cache backend except the in-process ones pickles values on `set` and unpickles them on `get`: the " +
      "built-in Redis and memcached backends, the file and database backends, and django-redis with its default " +
      "`PickleSerializer`. The cache then holds executable data, and the trust boundary is the store. The rule reads " +
      "`CACHES` in settings modules and settings classes (and `settings.configure(CACHES=...)`) and reports each alias " +
      "whose backend pickles, at its `BACKEND` entry: high for Redis/memcached on a remote or unknown host, medium for a " +
      "localhost or unix-socket server (every server of a list, or of a comma- or semicolon-separated string, must be one) " +
      "and for file caches, low for the database cache. A JSON or msgpack serializer (django-redis `SERIALIZER`, " +
      "django-redis-cache `SERIALIZER_CLASS`, Django's RedisCache `serializer`) is not reported, nor are `LocMemCache` " +
      "and `DummyCache`.",
    securityImplications:
      "Cache servers are shared infrastructure, frequently without authentication, and a classic SSRF target: writing one " +
      "key with a pickle payload runs code in every web worker that reads it. File caches in shared or world-writable " +
      "directories and database caches reachable through SQL injection give the same primitive.",
    howToFix:
      "Use django-redis with `\"SERIALIZER\": \"django_redis.serializers.json.JSONSerializer\"` (or msgpack) and cache only " +
      "plain data; otherwise require authentication and network isolation for the store (Redis ACLs/TLS, memcached SASL, " +
      "a private cache directory) and treat it as part of the trust boundary.",
    fixHint: "Use a JSON/msgpack cache serializer, or lock down who can write the cache store.",
    vulnerableExample: [
      "CACHES = {",
      '    "default": {',
      '        "BACKEND": "django_redis.cache.RedisCache",',
      '        "LOCATION": "redis://cache.internal:6379/1",',
      "    }",
      "}",
    ].join("\n"),
    safeExample: [
      "CACHES = {",
      '    "default": {',
      '        "BACKEND": "django_redis.cache.RedisCache",',
      '        "LOCATION": "redis://cache.internal:6379/1",',
      '        "OPTIONS": {"SERIALIZER": "django_redis.serializers.json.JSONSerializer"},',
      "    }",
      "}",
    ].join("\n"),
    detectionScope:
      "`CACHES` assignments (module level, inside `if`/`try`, settings classes) and `settings.configure(CACHES=...)`, with " +
      "dict literals or `dict(...)` calls (also through names bound to them); `BACKEND`, `LOCATION` and " +
      "`OPTIONS.SERIALIZER` (`SERIALIZER_CLASS`, `serializer`) read as constant strings. Backends: Django's redis, memcached (pymemcache, pylibmc, " +
      "python-memcached), file-based and database caches; django-redis; django-redis-cache (also its 0.x " +
      "`redis_cache.cache.RedisCache`); django-bmemcached. A backend " +
      "or serializer computed at run time (environment variables) is not judged.",
    references: [
      { title: "Django: cache framework", url: "https://docs.djangoproject.com/en/stable/topics/cache/" },
      { title: "django-redis: pluggable serializer", url: "https://github.com/jazzband/django-redis#pluggable-serializer" },
      ...CONFIG_REFERENCES,
    ],
    faq: [
      {
        question: "Our Redis is on a private network. Why is this reported?",
        answer:
          "Private networks contain other services, CI jobs and SSRF-able applications; Redis without ACLs trusts all of them. A localhost or unix-socket location is reported at medium severity.",
      },
    ],
  },
});
