import { CallArguments } from "../../languages/python/calls.js";
import { childByField } from "../../languages/python/syntax.js";
import { defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { spelled } from "./sink-helpers.js";

const CLIENT_RECV = "multiprocessing.connection.Client().recv";
const LISTENER_RECV = "multiprocessing.connection.Listener().accept().recv";
const LISTENER = "multiprocessing.connection.Listener()";

/** Position of `authkey` in `Client(address, family, authkey)` and `Listener(address, family, backlog, authkey)`. */
const AUTHKEY_POSITION = { client: 2, listener: 3 };

/** The constructor call (`Client(...)` or `Listener(...)`) behind the connection that `recv` is called on. */
function endpoint(m: SinkMatch): { args: CallArguments; kind: "client" | "listener" } | undefined {
  if (!m.receiver) return undefined;
  if (m.target === CLIENT_RECV) return { args: m.receiver.args, kind: "client" };
  // receiver is the `listener.accept()` call: find the Listener(...) that `listener` was built from.
  const callee = childByField(m.receiver.call, "function");
  const object = callee?.type === "attribute" ? childByField(callee, "object") : undefined;
  if (!object) return undefined;
  const built = m.model.resolve(object, m.receiver.scope).find((r) => r.name === LISTENER && r.constructedBy);
  return built?.constructedBy ? { args: new CallArguments(built.constructedBy.call, m.model.tree.source), kind: "listener" } : undefined;
}

function check(m: SinkMatch): SinkOutcome {
  const end = endpoint(m);
  const peer = m.target === CLIENT_RECV ? "the server it connects to" : "any client that connects";
  if (!end) return {};
  const authkey = end.args.find("authkey", AUTHKEY_POSITION[end.kind]);
  if (authkey && authkey.type !== "none") {
    return {
      severity: "medium",
      message: `${spelled(m)} unpickles what ${peer} sends; the connection is authenticated with an authkey, so only key holders can run code here. Keep the key secret, or exchange bytes with \`recv_bytes\` and decode them as JSON.`,
    };
  }
  if (end.args.mayBeHidden("authkey", AUTHKEY_POSITION[end.kind])) {
    return { confidence: "medium", message: message(m) };
  }
  return {};
}

function message(m: SinkMatch): string {
  const peer = m.target === CLIENT_RECV ? "the server it connects to" : "any client that connects";
  return (
    `${spelled(m)} unpickles whatever ${peer} sends, without an authkey: anyone who can reach the address runs code in this process. ` +
    `Use \`recv_bytes\` with a data-only format (JSON), and pass an \`authkey\` to Listener/Client.`
  );
}

export default defineRule({
  id: "PYTHON-LANG-SEC-073",
  name: "Multiprocessing Connection recv Unpickles Network Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "multiprocessing", "network", "pickle", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-008"],
  prefilter: ["multiprocessing"],
  sinks: [{ call: [CLIENT_RECV, LISTENER_RECV], check, message }],
  docs: {
    summary:
      "Detects `Connection.recv()` on `multiprocessing.connection` sockets (from `Client(...)` or `Listener(...).accept()`), which unpickles whatever the peer sends.",
    description:
      "`multiprocessing.connection.Listener` and `Client` open TCP or Unix sockets (or Windows named pipes). Their " +
      "`Connection.send`/`recv` pair pickles objects: `recv()` is `pickle.loads(self.recv_bytes())`. Without an " +
      "`authkey`, no handshake happens, so any process that can reach the address can send a pickle that runs code in " +
      "the receiver. This rule reports `recv()` on connections obtained from `Client(...)` or from `Listener(...).accept()`, " +
      "followed through variables and `with` statements; it is high severity without an authkey and medium with one " +
      "(the HMAC handshake limits the peer to key holders, but the data is still unpickled). `recv_bytes()` is not reported.",
    securityImplications:
      "A listener bound to a network interface without an authkey is an unauthenticated remote-code-execution service. " +
      "Even on localhost or a Unix socket, every local user or container sharing the network namespace can connect. " +
      "A client that calls `recv()` trusts the server completely: connecting to a spoofed or compromised address hands " +
      "it code execution.",
    howToFix:
      "Exchange bytes with `send_bytes`/`recv_bytes` and encode them as JSON or msgpack. If objects must be pickled " +
      "between cooperating processes, always pass a strong random `authkey` to both `Listener` and `Client` (the " +
      "documentation's own recommendation), bind to a private address, and keep the key out of logs and repositories.",
    fixHint: "Use recv_bytes() with JSON; if pickling between trusted processes, always set a secret authkey.",
    vulnerableExample: [
      "from multiprocessing.connection import Listener",
      "",
      "with Listener((\"0.0.0.0\", 6000)) as listener:",
      "    with listener.accept() as conn:",
      "        job = conn.recv()  # any client's pickle runs here",
    ].join("\n"),
    safeExample: [
      "import json",
      "from multiprocessing.connection import Listener",
      "",
      "with Listener((\"127.0.0.1\", 6000), authkey=SECRET) as listener:",
      "    with listener.accept() as conn:",
      "        job = json.loads(conn.recv_bytes())  # data only, authenticated peer",
    ].join("\n"),
    detectionScope:
      "`recv()` calls whose receiver resolves to `multiprocessing.connection.Client(...)` or to " +
      "`multiprocessing.connection.Listener(...).accept()`, through imports, aliases, assignments and `with ... as` " +
      "bindings in the same file. The `authkey` argument (keyword, or position 2 for Client / 3 for Listener) lowers the " +
      "severity when present and not None; one possibly hidden in `**kwargs` lowers the confidence. Not covered: " +
      "connections passed in from other modules or created with `multiprocessing.Pipe()` between a parent and its own " +
      "children, and `multiprocessing.dummy`, which passes objects through queues without pickling.",
    references: [
      { title: "Python documentation: multiprocessing.connection (Listeners and Clients, authentication keys)", url: "https://docs.python.org/3/library/multiprocessing.html#module-multiprocessing.connection" },
      { title: "Python documentation: Connection.recv security warning", url: "https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Connection.recv" },
      ...DESERIALIZATION_REFERENCES,
    ],
    faq: [
      {
        question: "We set an authkey. Why is it still reported?",
        answer:
          "With an authkey only peers that know the key can send data, which is why the severity drops to medium. The data is " +
          "still unpickled, so anyone holding the key (or a leaked copy) can run code. Suppress with a justification if the key is managed as a secret.",
      },
      {
        question: "Is `recv_bytes` reported?",
        answer: "No. It returns raw bytes and never unpickles.",
      },
      {
        question: "What about `multiprocessing.Pipe()` and Queues?",
        answer:
          "They connect a process to the children it started, which already run its own code; they are not reported. " +
          "Managers and listeners that accept connections from outside are where untrusted peers appear.",
      },
    ],
  },
});
