import { defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { CONFIG_COMPLIANCE, CONFIG_REFERENCES, isPickleModule, resolvedNames } from "./config-helpers.js";
import { spelled } from "./sink-helpers.js";

const SECURE_COOKIE = "werkzeug.contrib.securecookie.SecureCookie";

const ITSDANGEROUS = ["Serializer", "URLSafeSerializer", "TimedSerializer", "URLSafeTimedSerializer", "JSONWebSignatureSerializer", "TimedJSONWebSignatureSerializer"].flatMap((c) => [
  `itsdangerous.${c}`,
  `itsdangerous.serializer.${c}`,
  `itsdangerous.url_safe.${c}`,
  `itsdangerous.timed.${c}`,
  `itsdangerous.jws.${c}`,
]);

const FORGERY =
  "the signature is then the only thing between a request and code execution: anyone who learns the secret key (leaked configuration, a default " +
  "or reused key, a weak key) forges a token that runs code on the server.";

function checkSecureCookie(m: SinkMatch): SinkOutcome | null {
  return {
    message: `${spelled(m)} pickles cookie data by default (\`serialization_method = pickle\`) and unpickles the cookie the browser sends; ${FORGERY} Use Flask's JSON-based session cookie or itsdangerous with its default JSON serializer.`,
  };
}

/** itsdangerous `Serializer(secret, salt, serializer=pickle)`: the third parameter. */
function checkItsdangerous(m: SinkMatch): SinkOutcome | null {
  const serializer = m.args.find("serializer", 2);
  if (!serializer || !isPickleModule(m, serializer)) return null;
  return { message: `${spelled(m)} with a pickle serializer unpickles every token it verifies; ${FORGERY} Keep the default JSON serializer.` };
}

/** `django.core.signing.loads(s, serializer=PickleSerializer)` and `Signer().unsign_object(..., serializer=...)`. */
function checkDjangoSigning(m: SinkMatch): SinkOutcome | null {
  const serializer = m.args.find("serializer", m.target.endsWith(".loads") ? 3 : 1);
  if (!serializer) return null;
  if (!resolvedNames(m, serializer).some((n) => /(?:^|\.)PickleSerializer$/.test(n)) && !isPickleModule(m, serializer)) return null;
  return { message: `${spelled(m)} with a pickle serializer unpickles the signed value; ${FORGERY} Use the default \`django.core.signing.JSONSerializer\`.` };
}

export default defineRule({
  id: "PYTHON-CONFIG-SEC-006",
  name: "Signed Cookie or Token Serialized With Pickle",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: CONFIG_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "cookie", "session", "token", "werkzeug", "itsdangerous", "django", "cwe-502"],
  bundles: ["config", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-CONFIG-SEC-001", "PYTHON-LANG-SEC-040"],
  prefilter: ["securecookie", "SecureCookie", "itsdangerous", "signing"],
  sinks: [
    { call: [SECURE_COOKIE, `${SECURE_COOKIE}.unserialize`, `${SECURE_COOKIE}.load_cookie`], subclasses: true, check: checkSecureCookie, message: () => "" },
    { call: ITSDANGEROUS, check: checkItsdangerous, message: () => "" },
    {
      call: ["django.core.signing.loads", "django.core.signing.Signer().unsign_object", "django.core.signing.TimestampSigner().unsign_object"],
      check: checkDjangoSigning,
      message: () => "",
    },
  ],
  docs: {
    summary: "Detects signed cookies and tokens whose payload is pickled: `werkzeug.contrib.securecookie.SecureCookie`, itsdangerous serializers with `serializer=pickle`, `django.core.signing` with `PickleSerializer`.",
    description:
      "Signing proves who wrote a value, not that it is safe to unpickle. Werkzeug's legacy `SecureCookie` (removed in " +
      "Werkzeug 1.0, still vendored in old Flask applications) pickles its data by default; itsdangerous serializers accept " +
      "any `serializer=` module, and `pickle` makes every verified token an unpickle; Django's `signing.loads` and " +
      "`Signer.unsign_object` take a `serializer`, and `PickleSerializer` does the same. Cookies whose decoded value reaches " +
      "`pickle.loads` in application code are data-flow findings of the deserialization rules.",
    securityImplications:
      "The secret key becomes the only barrier against code execution. Keys leak (repositories, logs, error pages), are " +
      "reused across environments, or are weak enough to brute-force offline from one captured cookie (flask-unsign " +
      "style); each turns into remote code execution instead of a forged session.",
    howToFix: "Use JSON payloads: Flask's default session, itsdangerous' default serializer, Django's `JSONSerializer`. Put only ids and plain values in cookies.",
    fixHint: "Use the library's default JSON serializer for signed data.",
    vulnerableExample: ["import pickle", "from itsdangerous import URLSafeSerializer", "", "tokens = URLSafeSerializer(SECRET_KEY, serializer=pickle)"].join("\n"),
    safeExample: ["from itsdangerous import URLSafeSerializer", "", "tokens = URLSafeSerializer(SECRET_KEY)  # JSON"].join("\n"),
    detectionScope:
      "Calls resolved through imports and aliases, including local subclasses of `SecureCookie`. The serializer argument " +
      "must resolve to the pickle module (or `_pickle`, `cPickle`, `dill`, `cloudpickle`) or a class named `PickleSerializer`.",
    references: [
      { title: "itsdangerous: serialization interface", url: "https://itsdangerous.palletsprojects.com/en/stable/serializer/" },
      { title: "Django: cryptographic signing", url: "https://docs.djangoproject.com/en/stable/topics/signing/" },
      { title: "Werkzeug 0.16 changelog: contrib.securecookie deprecated", url: "https://werkzeug.palletsprojects.com/en/stable/changes/#version-0-15" },
      ...CONFIG_REFERENCES,
    ],
    faq: [
      {
        question: "Is a signed pickle safe if the key is strong?",
        answer: "Only while the key never leaks and nobody who holds it is hostile. JSON costs nothing and removes code execution from the failure modes.",
      },
    ],
  },
});
