import { defineRule, type SinkMatch } from "../rule.js";
import { DESERIALIZATION_COMPLIANCE, DESERIALIZATION_REFERENCES } from "./shared-docs.js";
import { spelled } from "./sink-helpers.js";

const OBJECT_COLLECTIVES = [
  "torch.distributed.recv_object_list",
  "torch.distributed.broadcast_object_list",
  "torch.distributed.gather_object",
  "torch.distributed.scatter_object_list",
  "torch.distributed.all_gather_object",
];

const message = (m: SinkMatch) =>
  `${spelled(m)} unpickles the objects other ranks send: any participant of the process group (or anyone who can join ` +
  `its rendezvous) can run code here. Exchange tensors with the tensor collectives (broadcast, all_gather) and keep ` +
  `the rendezvous endpoint private.`;

export default defineRule({
  id: "PYTHON-ML-SEC-008",
  name: "torch.distributed Object Collectives Unpickle Peer Data",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pytorch", "torch", "distributed", "ml", "pickle", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-073", "PYTHON-ML-SEC-001"],
  prefilter: ["torch"],
  sinks: [{ call: OBJECT_COLLECTIVES, message }],
  docs: {
    summary:
      "Detects torch.distributed object collectives (`broadcast_object_list`, `all_gather_object`, `gather_object`, `scatter_object_list`, `recv_object_list`), which pickle and unpickle objects between ranks.",
    description:
      "Tensor collectives move raw tensor memory; the `*_object*` collectives instead pickle arbitrary Python objects on " +
      "the sending rank and unpickle them on the receiving ranks. The PyTorch documentation warns that they use pickle " +
      "implicitly and must only be called with data you trust. This rule reports every call of these functions (also via " +
      "`torch.distributed.distributed_c10d`, `import torch.distributed as dist`, aliases and rebinding). Severity is " +
      "medium: the peers are normally the job's own ranks, but any compromised rank, or anyone who can join an exposed " +
      "rendezvous (TCPStore, c10d) endpoint, can run code on all the others.",
    securityImplications:
      "Training jobs span many machines that share credentials and data. Code execution through a poisoned object " +
      "propagates from one rank to every rank that receives it, and an unauthenticated rendezvous port reachable from " +
      "other networks lets an outsider join the group.",
    howToFix:
      "Exchange tensors with `broadcast`, `all_gather`, `send`/`recv`, encoding metadata as integer or byte tensors or " +
      "as JSON in a byte tensor. Keep the rendezvous (`MASTER_ADDR`/`MASTER_PORT`, TCPStore) on a private network. Use " +
      "object collectives only for objects built by your own code on trusted ranks.",
    fixHint: "Exchange tensors (or JSON in byte tensors) instead of pickled objects; keep the rendezvous private.",
    vulnerableExample: [
      "import torch.distributed as dist",
      "",
      "def share_config(config):",
      "    objects = [config]",
      "    dist.broadcast_object_list(objects, src=0)  # receivers unpickle",
      "    return objects[0]",
    ].join("\n"),
    safeExample: [
      "import json",
      "import torch",
      "import torch.distributed as dist",
      "",
      "def share_config(config, size=4096):",
      "    buf = torch.zeros(size, dtype=torch.uint8)",
      "    if dist.get_rank() == 0:",
      "        raw = json.dumps(config).encode()",
      "        buf[: len(raw)] = torch.tensor(list(raw), dtype=torch.uint8)",
      "    dist.broadcast(buf, src=0)  # raw bytes, decoded as JSON",
      "    return json.loads(bytes(buf.tolist()).rstrip(b\"\\0\"))",
    ].join("\n"),
    detectionScope:
      "Calls of `torch.distributed.recv_object_list`, `broadcast_object_list`, `gather_object`, `scatter_object_list` and " +
      "`all_gather_object` resolved through imports, aliases, rebinding and constant dynamic imports. Tensor collectives " +
      "are not reported. `torch.distributed.rpc` (which also pickles) is not covered.",
    references: [
      { title: "PyTorch documentation: torch.distributed object collectives (pickle warning)", url: "https://pytorch.org/docs/stable/distributed.html#torch.distributed.broadcast_object_list" },
      ...DESERIALIZATION_REFERENCES,
    ],
    faq: [
      {
        question: "All ranks run our own code. Is this a false positive?",
        answer:
          "Usually the risk is low, hence medium severity. It matters when the rendezvous endpoint is reachable from " +
          "untrusted networks or when ranks process untrusted inputs that end up in the exchanged objects. Suppress " +
          "reviewed calls with a justification.",
      },
    ],
  },
});
