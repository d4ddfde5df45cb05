import type { Confidence, Severity } from "../../core/types.js";
import { CallArguments } from "../../languages/python/calls.js";
import { childByField, type SyntaxNode } from "../../languages/python/syntax.js";
import { defineRule, type SinkMatch, type SinkOutcome } from "../rule.js";
import { constant, elements, literalOf } from "./config-helpers.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { spelled } from "./sink-helpers.js";

const CLIENT_RECV = "multiprocessing.connection.Client().recv";
const LISTENER_RECV = "multiprocessing.connection.Listener().accept().recv";
const LISTENER = "multiprocessing.connection.Listener()";
const LISTENER_CLASS = "multiprocessing.connection.Listener";
/** Managers: `BaseManager(address=None, authkey=None, serializer="pickle", ...)` and the stdlib subclasses. */
const MANAGERS = ["multiprocessing.managers.BaseManager", "multiprocessing.managers.SyncManager", "multiprocessing.managers.SharedMemoryManager"];

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

/**
 * Who can reach an address a listener or manager binds or connects to: `None`/absent is an arbitrary private
 * address chosen by multiprocessing (an internal channel), a string is a Unix socket or named pipe, a
 * `(host, port)` tuple is TCP on every interface (`""`, `0.0.0.0`, `::`), loopback, or another host.
 */
type Reach = "internal" | "socket" | "loopback" | "all" | "remote" | "unknown";

function reachOf(m: SinkMatch, address: SyntaxNode | undefined): { reach: Reach; host?: string } {
  if (!address) return { reach: "internal" };
  const value = literalOf(m, address);
  if (value.type === "none") return { reach: "internal" };
  const path = constant(m, value);
  if (path !== undefined) return { reach: "socket", host: path };
  const parts = elements(m, value);
  if (!parts || value.type === "binary_operator" || parts.length < 2) return { reach: "unknown" };
  const host = constant(m, parts[0]);
  if (host === undefined) return { reach: "unknown" };
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  if (h === "" || h === "0.0.0.0" || h === "::" || h === "0:0:0:0:0:0:0:0") return { reach: "all", host };
  if (h === "localhost" || h === "::1" || /^127\.\d+\.\d+\.\d+$/.test(h)) return { reach: "loopback", host };
  return { reach: "remote", host };
}

const REACH_SEVERITY: Record<Exclude<Reach, "internal">, Severity> = { all: "high", remote: "high", unknown: "medium", loopback: "medium", socket: "low" };

function reachText(r: { reach: Reach; host?: string }): string {
  switch (r.reach) {
    case "all":
      return `it listens on every network interface (${JSON.stringify(r.host)}), so any host that can route to the port can connect`;
    case "remote":
      return `its address is the network host ${JSON.stringify(r.host)}, reachable from other machines`;
    case "loopback":
      return `its address is loopback (${JSON.stringify(r.host)}), reachable by every local user, process and container sharing the network namespace`;
    case "socket":
      return `its address is the Unix socket or pipe ${JSON.stringify(r.host)}, reachable by every local user allowed to open that path`;
    default:
      return "its address is computed at run time, so it may be a network interface";
  }
}

/** How the authkey protects the channel, and how much that lowers our confidence that outsiders can send pickles. */
function authOf(m: SinkMatch, authkey: SyntaxNode | undefined, hidden: boolean, manager: boolean): { confidence: Confidence; text: string } {
  const value = authkey ? literalOf(m, authkey) : undefined;
  if (value && value.type !== "none") {
    if (value.type === "string" || value.type === "concatenated_string") {
      return { confidence: "high", text: "The authkey is a literal in the source, so anyone who can read the code can authenticate; pickle runs after the handshake." };
    }
    return { confidence: "medium", text: "An authkey is set, which limits peers to key holders, but the data is still unpickled after authentication: a leaked key means code execution." };
  }
  if (hidden) return { confidence: "medium", text: "An authkey may be passed in `**kwargs`; even with one, the data is unpickled after authentication." };
  if (manager) {
    return {
      confidence: "medium",
      text: "No authkey is given, so the process's own `authkey` is used; pickle still runs for every peer that obtains or inherits that key.",
    };
  }
  return { confidence: "high", text: "No authkey is set, so there is no handshake at all: any peer that connects is trusted." };
}

/** `Listener(address, family, backlog, authkey)` bound to an address others can reach, or without an authkey. */
function checkListener(m: SinkMatch): SinkOutcome | null {
  const where = reachOf(m, m.args.find("address", 0));
  const authkey = m.args.find("authkey", AUTHKEY_POSITION.listener);
  const hidden = m.args.mayBeHidden("authkey", AUTHKEY_POSITION.listener);
  const keyed = (authkey !== undefined && literalOf(m, authkey).type !== "none") || hidden;
  const exposed = where.reach === "all" || where.reach === "remote";
  const unauthenticatedLocal = !keyed && (where.reach === "loopback" || where.reach === "socket");
  if (!exposed && !unauthenticatedLocal) return null;
  const auth = authOf(m, authkey, hidden, false);
  return {
    severity: keyed && !exposed ? "low" : REACH_SEVERITY[where.reach as Exclude<Reach, "internal">],
    confidence: auth.confidence,
    message:
      `${spelled(m)} accepts connections whose \`recv()\` unpickles what the peer sends, and ${reachText(where)}. ${auth.text} ` +
      `Bind to a private address with a strong secret authkey, and exchange data with \`send_bytes\`/\`recv_bytes\` as JSON.`,
  };
}

const MANAGER_SERVER_METHODS = new Set(["start", "get_server", "serve_forever"]);

/** Whether the manager built by `ctor` is served here (`start`, `get_server`), connected to (`connect`), or neither. */
function managerRole(m: SinkMatch, ctor: SyntaxNode): "server" | "client" | "unknown" {
  let role: "server" | "client" | "unknown" = "unknown";
  // `with SyncManager(...) as manager:` starts the server in `__enter__`.
  for (let p = ctor.parent; p && p.type !== "block" && p.type !== "module"; p = p.parent) if (p.type === "with_item") return "server";
  for (const { node, scope } of m.model.calls) {
    if (node.start < ctor.end) continue;
    const callee = childByField(node, "function");
    if (callee?.type !== "attribute") continue;
    const method = childByField(callee, "attribute");
    const name = method ? m.model.text(method) : "";
    if (name !== "connect" && !MANAGER_SERVER_METHODS.has(name)) continue;
    for (const r of m.model.resolve(callee, scope)) {
      if (r.constructedBy?.call !== ctor) continue;
      if (MANAGER_SERVER_METHODS.has(name)) return "server";
      role = "client";
    }
  }
  return role;
}

/** A manager created with an address: its server unpickles requests, its clients unpickle the server's replies. */
function checkManager(m: SinkMatch): SinkOutcome | null {
  const serializer = constant(m, m.args.find("serializer", 2));
  if (serializer !== undefined && serializer !== "pickle") return null;
  const where = reachOf(m, m.args.find("address", 0));
  if (where.reach === "internal") return null;
  const auth = authOf(m, m.args.find("authkey", 1), m.args.mayBeHidden("authkey", 1), true);
  const role = managerRole(m, m.node);
  const flow =
    role === "server"
      ? "is served here (`start()`, `get_server()`, `serve_forever()` or `with`): its server unpickles every request a connecting client sends"
      : role === "client"
        ? "is connected to here: `connect()` makes this process unpickle every reply the server at that address sends"
        : "pickles in both directions: its server unpickles client requests and its clients unpickle the server's replies";
  return {
    severity: REACH_SEVERITY[where.reach as Exclude<Reach, "internal">],
    confidence: auth.confidence,
    message:
      `${spelled(m)} creates a multiprocessing manager that ${flow}, and ${reachText(where)}. ${auth.text} ` +
      `Keep managers on a private address with a strong secret authkey, use \`serializer="xmlrpclib"\` for plain data, or expose a JSON API instead.`,
  };
}

export default defineRule({
  id: "PYTHON-LANG-SEC-073",
  name: "Multiprocessing Connection, Listener or Manager Unpickles Network Data",
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
  sinks: [
    { call: [CLIENT_RECV, LISTENER_RECV], check, message },
    { call: [LISTENER_CLASS], check: checkListener, message: () => "" },
    { call: MANAGERS, subclasses: true, check: checkManager, message: () => "" },
  ],
  docs: {
    summary:
      "Detects `Connection.recv()` on `multiprocessing.connection` sockets (from `Client(...)` or `Listener(...).accept()`), which unpickles whatever the peer sends, and listeners and managers (`BaseManager`, `SyncManager` and subclasses) that expose that pickle channel on an address others can reach.",
    description:
      "`multiprocessing.connection.Listener` and `Client` open TCP or Unix sockets (or Windows named pipes). Their " +
      "`Connection.send`/`recv` pair pickles objects: `recv()` is `pickle.loads(self.recv_bytes())`. Without an " +
      "`authkey`, no handshake happens, so any process that can reach the address can send a pickle that runs code in " +
      "the receiver. This rule reports `recv()` on connections obtained from `Client(...)` or from `Listener(...).accept()`, " +
      "followed through variables and `with` statements; it is high severity without an authkey and medium with one " +
      "(the HMAC handshake limits the peer to key holders, but the data is still unpickled). `recv_bytes()` is not reported.\n\n" +
      "It also reports the channels themselves where they cross a trust boundary: a `Listener(...)` bound to every interface " +
      "(`\"\"`, `0.0.0.0`, `::`) or another host, or bound to loopback or a Unix socket without an authkey; and a " +
      "`multiprocessing.managers` manager (`BaseManager`, `SyncManager`, `SharedMemoryManager` and classes derived from them, " +
      "the documentation's `QueueManager` recipe) created with an `address`. A manager's server unpickles every request " +
      "(`start()`, `get_server()`/`serve_forever()`, `with manager:`), and `connect()` unpickles every reply of the server. " +
      "Severity follows reachability: every interface or a remote host is high, an address computed at run time medium, " +
      "loopback medium, a Unix socket low. An authkey only lowers the confidence (pickle still runs after the handshake), " +
      "except a literal authkey in the source, which anyone reading the code can use. `Pipe()`, `Queue()`, `Manager()` and " +
      "managers without an address stay inside one process tree and are not reported, nor are managers with `serializer=\"xmlrpclib\"`.",
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
      "bindings in the same file; listener and manager constructors with literal addresses (also through names bound to " +
      "a tuple); the manager's role from `start`/`get_server`/`serve_forever`/`connect` calls on the object it built and from `with`. The `authkey` argument (keyword, or position 2 for Client / 3 for Listener) lowers the " +
      "severity when present and not None; one possibly hidden in `**kwargs` lowers the confidence. Not covered: " +
      "connections passed in from other modules or created with `multiprocessing.Pipe()` between a parent and its own " +
      "children, and `multiprocessing.dummy`, which passes objects through queues without pickling. Managers whose class is " +
      "defined in another module and that override `__init__` are followed only as far as the project index resolves them.",
    references: [
      { title: "Python documentation: multiprocessing.connection (Listeners and Clients, authentication keys)", url: "https://docs.python.org/3/library/multiprocessing.html#module-multiprocessing.connection" },
      { title: "Python documentation: multiprocessing managers (using a remote manager)", url: "https://docs.python.org/3/library/multiprocessing.html#using-a-remote-manager" },
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
          "They connect a process to the children it started, which already run its own code; they are not reported, and neither " +
          "are `Manager()` or managers created without an address. Managers and listeners with an address others can reach are " +
          "reported at the constructor: that is where untrusted peers appear.",
      },
      {
        question: "Our manager listens on 0.0.0.0 but has an authkey. Why is it high severity?",
        answer:
          "Severity follows who can reach the port; the authkey lowers the confidence instead. After the HMAC handshake every " +
          "request is unpickled, so anyone holding the key (a leaked environment variable, a key committed in the source) runs " +
          "code in the server. A literal authkey keeps high confidence because reading the repository is enough.",
      },
    ],
  },
});
