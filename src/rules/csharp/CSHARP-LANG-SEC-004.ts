import { assignedTarget } from "../../languages/common/own-data.js";
import { ancestor, childByField, contains, descendants, type Node } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import { looksUpAnyName, spelled, type CSharpMatch } from "./helpers.js";
import { csharpRule } from "./meta.js";

const ADVICE = "Keep `TypeNameHandling.None`, or set a `SerializationBinder` that resolves only an explicit list of your types.";
const BINDER = /^(SerializationBinder|Binder)$/;

/** Where the setting is made: the binder in the same initializer, or set on the same object in the same method or class. */
function binderSet(m: CSharpMatch, assignment: Node): Node | undefined {
  const scope = ancestor(assignment, "initializer_expression") ?? ancestor(assignment, "method_declaration", "constructor_declaration") ?? ancestor(assignment, "class_declaration");
  if (!scope) return undefined;
  for (const n of descendants(scope)) {
    if (n.type !== "assignment_expression") continue;
    const left = childByField(n, "left");
    const name = left?.type === "member_access_expression" ? childByField(left, "name") : left;
    const right = childByField(n, "right");
    if (!name || !right || !BINDER.test(m.model.text(name))) continue;
    if (!/^(null|new\s+DefaultSerializationBinder\s*\(\s*\))$/.test(m.model.text(right).trim())) return right;
  }
  return undefined;
}

/** Serializing calls: `$type` names are only written, and writing them is harmless. */
const SERIALIZING = /^Serialize/;

/** Whether `expr` (settings or a serializer) is used only to serialize: passed to or called as `Serialize*`. */
function usedOnlyToSerialize(m: CSharpMatch, expr: Node): boolean {
  const parent = expr.parent;
  if (parent?.type === "argument") {
    const call = ancestor(parent, "invocation_expression");
    return call !== undefined && parent.parent?.parent === call && SERIALIZING.test(m.model.calleeOf(call).name);
  }
  // A local variable: every read of it serializes (member assignments such as `s.Formatting = ...` set it up).
  const name = assignedTarget(expr);
  const fn = ancestor(expr, "method_declaration", "constructor_declaration", "local_function_statement");
  if (!name || name.type !== "identifier" || !fn) return false;
  return onlySerializes(m, m.model.text(name), fn, name);
}

function onlySerializes(m: CSharpMatch, variable: string, fn: Node, declaration: Node): boolean {
  let uses = 0;
  for (const n of descendants(fn)) {
    if (n === declaration || n.type !== "identifier" || m.model.text(n) !== variable || n.field === "name") continue;
    const parent = n.parent;
    if (parent?.type === "member_access_expression" && n.field === "expression") {
      const outer = parent.parent;
      if (outer?.type === "assignment_expression" && childByField(outer, "left") === parent) continue;
      if (outer?.type === "invocation_expression" && SERIALIZING.test(m.model.calleeOf(outer).name)) {
        uses++;
        continue;
      }
      return false;
    }
    if (parent?.type === "argument") {
      const call = parent.parent?.parent;
      if (call?.type === "invocation_expression" && SERIALIZING.test(m.model.calleeOf(call).name)) {
        uses++;
        continue;
      }
    }
    return false;
  }
  return uses > 0;
}

/** The settings or serializer object the setting is made on, when the file shows it. */
function configuredObject(m: CSharpMatch, assignment: Node): { creation?: Node; variable?: Node } {
  if (assignment.type !== "assignment_expression") return {};
  const init = assignment.parent?.type === "initializer_expression" ? assignment.parent : undefined;
  if (init?.parent?.type === "object_creation_expression" || init?.parent?.type === "implicit_object_creation_expression") return { creation: init.parent };
  const left = childByField(assignment, "left");
  const object = left?.type === "member_access_expression" ? childByField(left, "expression") : undefined;
  return object?.type === "identifier" ? { variable: object } : {};
}

/** The setting only ever reaches serializing calls in this method: JSON it writes names types, none is read. */
function onlyWritesTypes(m: CSharpMatch, assignment: Node): boolean {
  const { creation, variable } = configuredObject(m, assignment);
  if (creation) return usedOnlyToSerialize(m, creation);
  if (!variable) return false;
  const decl = m.model.declarationOf(m.model.text(variable), variable);
  const fn = ancestor(assignment, "method_declaration", "constructor_declaration", "local_function_statement");
  return decl?.kind === "local" && fn !== undefined && onlySerializes(m, m.model.text(variable), fn, decl.node);
}

function check(m: CSharpMatch): LanguageOutcome | null {
  // The value may be one branch of a choice: `TypeNameHandling = settings.EncodeTypeNames ? TypeNameHandling.All : TypeNameHandling.None` (Akka.NET).
  let chosen = m.site.node;
  while (chosen.parent && (chosen.parent.type === "parenthesized_expression" || (chosen.parent.type === "conditional_expression" && childByField(chosen.parent, "condition") !== chosen))) chosen = chosen.parent;
  const parent = chosen.parent;
  // The setting is made by assignment (property, object initializer, attribute argument `TypeNameHandling = ...`).
  const assignment =
    parent?.type === "assignment_expression" && childByField(parent, "right") === chosen ? parent : parent?.type === "attribute_argument" ? parent : undefined;
  if (!assignment) return null;
  if (onlyWritesTypes(m, assignment)) return null;
  const value = m.target.slice(m.target.lastIndexOf(".") + 1);
  const binder = binderSet(m, assignment);
  const permissive = binder && looksUpAnyName(m, binder, "BindToType");
  if (permissive) {
    return { message: `\`TypeNameHandling.${value}\` with \`${permissive}\`, a binder whose \`BindToType\` looks up whatever type name the JSON gives: it allows every type, so gadget types (ObjectDataProvider, WindowsIdentity, ...) run code when the JSON comes from outside. ${ADVICE}` };
  }
  if (binder) {
    return { severity: "medium", confidence: "low", message: `\`TypeNameHandling.${value}\` with a custom \`SerializationBinder\`: safe only if the binder resolves an explicit allowlist of types (not \`Type.GetType\` on the name). Review the binder.` };
  }
  const where = assignment.type === "attribute_argument" ? "on this member" : "in these settings";
  return { message: `\`TypeNameHandling.${value}\` ${where} makes Json.NET create the type named in \`$type\`: gadget types (ObjectDataProvider, WindowsIdentity, ...) run code when the JSON comes from outside. ${ADVICE}` };
}

const TYPED = ["Objects", "Arrays", "All", "Auto"].map((v) => `Newtonsoft.Json.TypeNameHandling.${v}`);

/** Where the settings an argument names are built: a field's or property's initializer, or the body of the class's method that returns them. */
function settingsSource(m: CSharpMatch, arg: Node): Node | undefined {
  if (arg.type === "identifier" || arg.type === "member_access_expression") {
    const name = arg.type === "identifier" ? arg : childByField(arg, "name");
    const object = arg.type === "member_access_expression" ? childByField(arg, "expression") : undefined;
    if (!name || (object && object.type !== "this_expression" && object.type !== "identifier")) return undefined;
    const decl = arg.type === "identifier" ? m.model.declarationOf(m.model.text(name), arg) : m.model.memberDeclaration(m.model.text(name), arg);
    // A local is the first sink's business: its setting is in this method, reported where it is made.
    return decl?.kind === "field" ? decl.node : undefined;
  }
  if (arg.type !== "invocation_expression") return undefined;
  const { name, receiver } = m.model.calleeOf(arg);
  if (receiver && receiver.type !== "this_expression") return undefined;
  const cls = ancestor(arg, "class_declaration", "struct_declaration", "record_declaration");
  const methods = (childByField(cls ?? arg, "body")?.children ?? []).filter((c) => c.type === "method_declaration" && m.model.text(childByField(c, "name") ?? c) === name);
  return methods.length === 1 ? methods[0] : undefined;
}

/**
 * `JsonConvert.DeserializeObject(requestData, Settings)` with settings held in a field or built by a helper of the
 * class that set `TypeNameHandling` other than `None` without a binder: the setting is reported where it is made;
 * this reports the read of request data it opens, with its trace.
 */
function readsWithTypedSettings(m: CSharpMatch): LanguageOutcome | null {
  for (const arg of m.site.args.slice(1)) {
    const source = settingsSource(m, arg);
    if (!source) continue;
    const setting = m.model.sites.find((s) => s.kind === "reference" && contains(source, s.node) && s.targets.some((t) => TYPED.includes(t)));
    if (!setting) continue;
    const assignment = setting.node.parent;
    if (assignment?.type === "assignment_expression" && binderSet(m, assignment)) continue;
    const value = m.model.text(setting.node).replace(/^.*\./, "");
    return { message: `${spelled(m)} reads request data with settings that set \`TypeNameHandling.${value}\` (line ${setting.node.startRow + 1}): the JSON names the .NET type to create, and gadget types (ObjectDataProvider, WindowsIdentity, ...) run code. ${ADVICE}` };
  }
  return null;
}

export default csharpRule({
  id: "CSHARP-LANG-SEC-004",
  name: "Json.NET TypeNameHandling Other Than None",
  tags: ["json.net", "newtonsoft", "typenamehandling", "rce"],
  similar: ["CSHARP-LANG-SEC-003", "CSHARP-LANG-SEC-001"],
  prefilter: ["TypeNameHandling"],
  sinks: [
    {
      targets: ["Newtonsoft.Json.TypeNameHandling.Objects", "Newtonsoft.Json.TypeNameHandling.Arrays", "Newtonsoft.Json.TypeNameHandling.All", "Newtonsoft.Json.TypeNameHandling.Auto"],
      kinds: ["reference"],
      check,
      message: (m) => `${spelled(m)} lets JSON name the .NET type to create. ${ADVICE}`,
    },
    {
      targets: ["Newtonsoft.Json.JsonConvert.DeserializeObject"],
      kinds: ["call"],
      dataArgs: [0],
      requiresUntrusted: true,
      check: readsWithTypedSettings,
      message: (m) => `${spelled(m)} reads request data with settings that name types. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects Json.NET `TypeNameHandling` set to `Objects`, `Arrays`, `All` or `Auto` (settings, object initializers, serializer properties, `[JsonProperty]` attributes).",
    description:
      "With `TypeNameHandling` other than `None`, Json.NET reads the `$type` property and instantiates that type. " +
      "Gadget types in the .NET Framework and common libraries (`ObjectDataProvider`, `WindowsIdentity`, " +
      "`TempFileCollection`, ...) run code or touch files from their setters and constructors; ysoserial.net emits " +
      "ready payloads. `Auto` is just as exploitable wherever a property's declared type is `object`, an interface " +
      "or a base class. The rule reports the place the setting is made: a `JsonSerializerSettings` or `JsonSerializer` " +
      "property assignment, an object initializer, or an attribute argument; a custom `SerializationBinder` set " +
      "alongside lowers it to medium.",
    securityImplications: "Whoever controls JSON read with these settings runs code in the process.",
    howToFix: "Use `TypeNameHandling.None` (the default). If polymorphism is needed, add a `SerializationBinder` (`ISerializationBinder`) that maps type names to an explicit list of your own types.",
    fixHint: "Use TypeNameHandling.None, or restrict types with an allowlisting ISerializationBinder.",
    vulnerableExample: [
      "var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All };",
      "var command = JsonConvert.DeserializeObject<object>(body, settings);",
    ].join("\n"),
    safeExample: [
      "var settings = new JsonSerializerSettings",
      "{",
      "    TypeNameHandling = TypeNameHandling.Auto,",
      "    SerializationBinder = new KnownTypesBinder(typeof(CreateOrder), typeof(CancelOrder)),",
      "};  // reported at medium: review that the binder allowlists",
    ].join("\n"),
    detectionScope:
      "`Newtonsoft.Json.TypeNameHandling.Objects|Arrays|All|Auto` (resolved through `using` directives and aliases) " +
      "as the value of an assignment or attribute argument (also as a branch of `?:`). Comparisons and other reads are not reported. A " +
      "`SerializationBinder`/`Binder` set to something other than `null` or `DefaultSerializationBinder` in the same " +
      "initializer, method or class lowers the finding to medium, low confidence, unless it is a class of the file " +
      "whose `BindToType` looks up any name it is given (`Type.GetType(name)`, `base.BindToType(...)`) without testing " +
      "it: that binder allows every type and the finding stays high. Settings or a serializer that " +
      "the method only passes to or calls as `Serialize*` (`JsonConvert.SerializeObject(o, new JsonSerializerSettings " +
      "{ TypeNameHandling = ... })`) are not reported: writing `$type` names is harmless, reading them is not. " +
      "Critical with a trace: `JsonConvert.DeserializeObject` of request data with settings held in a field or " +
      "property of the class, or returned by its own helper method, that set such a `TypeNameHandling` without a binder.",
    references: [
      { title: "Json.NET: TypeNameHandling setting", url: "https://www.newtonsoft.com/json/help/html/SerializeTypeNameHandling.htm" },
      { title: "Microsoft: CA2326 Do not use TypeNameHandling values other than None", url: "https://learn.microsoft.com/en-us/dotnet/fundamentals/code-analysis/quality-rules/ca2326" },
      { title: "Friday the 13th JSON Attacks (Muñoz, Mirosh)", url: "https://www.blackhat.com/docs/us-17/thursday/us-17-Munoz-Friday-The-13th-JSON-Attacks-wp.pdf" },
    ],
    faq: [{ question: "We only deserialize JSON our own service wrote.", answer: "Then the risk is whoever can modify that JSON in storage or transit. If that is truly nobody, suppress the finding with that justification." }],
  },
});
