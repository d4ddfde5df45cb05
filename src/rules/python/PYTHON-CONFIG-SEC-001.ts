import type { SyntaxNode } from "../../languages/python/syntax.js";
import { code, defineRule, type AssignmentMatch, type AssignmentOutcome, type SinkMatch, type SinkOutcome } from "../rule.js";
import { CONFIG_COMPLIANCE, CONFIG_REFERENCES, constant, resolvedNames, type ValueContext } from "./config-helpers.js";
import { fix, replaceNode, spelled } from "./sink-helpers.js";

const DJANGO_PICKLE = "django.contrib.sessions.serializers.PickleSerializer";
const JSON_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer";

const MESSAGE =
  "makes Django unpickle session data. With the signed-cookie backend (`SESSION_ENGINE = \"django.contrib.sessions.backends.signed_cookies\"`) " +
  "that data is the cookie the browser sends, so anyone who learns `SECRET_KEY` (a leaked settings file, a default or reused key) forges a cookie " +
  "that runs code on the server; with the cache, database or file backends, whoever can write the session store does. Use the default " +
  "`django.contrib.sessions.serializers.JSONSerializer`.";

/** The node names a pickle session serializer: a dotted path string ending in `PickleSerializer`, or the class. */
function picklesSessions(ctx: ValueContext, value: SyntaxNode): boolean {
  const text = constant(ctx, value);
  if (text !== undefined) return /(?:^|\.)PickleSerializer$/.test(text.trim());
  return resolvedNames(ctx, value).some((n) => n === DJANGO_PICKLE || /\.PickleSerializer$/.test(n));
}

/** A literal spelling exactly Django's PickleSerializer path becomes the JSONSerializer path, same quotes. */
function toJson(ctx: ValueContext, value: SyntaxNode) {
  if (value.type !== "string" || constant(ctx, value) !== DJANGO_PICKLE) return undefined;
  const text = ctx.model.text(value);
  return fix("Use Django's JSONSerializer", [replaceNode(value, text.replace(DJANGO_PICKLE, JSON_SERIALIZER))]);
}

function checkAssignment(m: AssignmentMatch): AssignmentOutcome[] {
  if (!picklesSessions(m, m.value)) return [];
  const fixed = toJson(m, m.value);
  return [{ at: m.value, message: `${code(m.targetText)} set to PickleSerializer ${MESSAGE}`, ...(fixed ? { fix: fixed } : {}) }];
}

function checkConfigure(m: SinkMatch): SinkOutcome | null {
  const value = m.args.find("SESSION_SERIALIZER");
  if (!value || !picklesSessions(m, value)) return null;
  const fixed = toJson(m, value);
  return { message: `${spelled(m)} with \`SESSION_SERIALIZER=PickleSerializer\` ${MESSAGE}`, ...(fixed ? { fix: fixed } : {}) };
}

export default defineRule({
  id: "PYTHON-CONFIG-SEC-001",
  name: "Django Sessions Serialized With Pickle",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "very-high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "django", "session", "configuration", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-002", "PYTHON-CONFIG-SEC-006"],
  prefilter: ["SESSION_SERIALIZER"],
  sinks: [{ call: ["django.conf.settings.configure", "django.test.override_settings", "django.test.utils.override_settings"], check: checkConfigure, message: () => "" }],
  assignments: [{ names: ["SESSION_SERIALIZER"], classLevel: true, check: checkAssignment }],
  docs: {
    summary: "Detects Django settings that serialize sessions with pickle (`SESSION_SERIALIZER = \"...PickleSerializer\"`).",
    description:
      "Django stores session data through `SESSION_SERIALIZER`. The default, `JSONSerializer`, produces plain data; " +
      "`PickleSerializer` (removed in Django 5.0, still present in 4.x and copied into many projects) unpickles whatever the " +
      "session store returns. The rule reads settings modules (module-level and settings-class assignments, split settings " +
      "packages such as `settings/production.py`, and `settings.configure(SESSION_SERIALIZER=...)`), accepting the dotted " +
      "path as a string, a name bound to one, or the class itself imported under any alias.",
    securityImplications:
      "With `signed_cookies` sessions the pickled data travels in the cookie: the signature is the only barrier, so a leaked " +
      "or weak `SECRET_KEY` is remote code execution, not just session forgery (the pattern behind several public Django " +
      "RCE write-ups). With cache or database sessions, anything that can write to the store (a shared Redis, SQL injection " +
      "elsewhere) runs code in every web worker that reads the session.",
    howToFix:
      "Remove the setting (JSON is the default) or set `SESSION_SERIALIZER = \"django.contrib.sessions.serializers.JSONSerializer\"`. " +
      "Store only JSON-compatible values in `request.session` (ids, strings, numbers). Existing pickled sessions become invalid: users log in again.",
    fixHint: "Use django.contrib.sessions.serializers.JSONSerializer (the default).",
    vulnerableExample: [
      "# settings.py",
      'SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"',
      'SESSION_SERIALIZER = "django.contrib.sessions.serializers.PickleSerializer"',
    ].join("\n"),
    safeExample: ["# settings.py", 'SESSION_SERIALIZER = "django.contrib.sessions.serializers.JSONSerializer"'].join("\n"),
    detectionScope:
      "Assignments to `SESSION_SERIALIZER` at module level (also inside `if`/`try` blocks) and in class bodies, with a value " +
      "that is a string (or a name bound to a constant string) ending in `PickleSerializer`, or a reference resolving to " +
      "`django.contrib.sessions.serializers.PickleSerializer` or any class named `PickleSerializer`; calls of " +
      "`django.conf.settings.configure` and `django.test.override_settings` with that keyword. Fix: Django's dotted path in a plain string becomes the " +
      "JSONSerializer path (same quotes); other spellings get no automatic fix.",
    references: [
      { title: "Django: session serialization", url: "https://docs.djangoproject.com/en/4.2/topics/http/sessions/#session-serialization" },
      { title: "Django 5.0 release notes: PickleSerializer removed", url: "https://docs.djangoproject.com/en/5.0/releases/5.0/" },
      ...CONFIG_REFERENCES,
    ],
    faq: [
      {
        question: "Our SECRET_KEY is secret. Is this still a problem?",
        answer:
          "It turns a key leak (logs, backups, a debug page, a reused default) into code execution on every server, and a store compromise into the same. JSON sessions remove the consequence.",
      },
    ],
  },
});
