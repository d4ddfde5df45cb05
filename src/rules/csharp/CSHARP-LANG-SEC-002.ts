import { spelled } from "./helpers.js";
import { csharpRule } from "./meta.js";

export default csharpRule({
  id: "CSHARP-LANG-SEC-002",
  name: "LosFormatter or ObjectStateFormatter Deserialization",
  tags: ["losformatter", "objectstateformatter", "viewstate", "aspnet", "rce"],
  similar: ["CSHARP-LANG-SEC-001"],
  prefilter: ["LosFormatter", "ObjectStateFormatter"],
  sinks: [
    {
      targets: ["System.Web.UI.LosFormatter.Deserialize", "System.Web.UI.ObjectStateFormatter.Deserialize"],
      kinds: ["call"],
      message: (m) => `${spelled(m)} deserializes ViewState-format data, which falls back to \`BinaryFormatter\` for arbitrary types: without a MAC over data the client cannot forge, ysoserial.net payloads run code. Do not deserialize client-supplied state; keep it on the server.`,
    },
  ],
  docs: {
    summary: "Detects `LosFormatter.Deserialize` and `ObjectStateFormatter.Deserialize` (ASP.NET ViewState formats), which deserialize arbitrary types.",
    description:
      "The ViewState formatters serialize a few primitive types themselves and everything else with " +
      "`BinaryFormatter`. Called directly on data from the client (hidden fields, cookies, parameters) they are as " +
      "dangerous as `BinaryFormatter` (CVE-2020-0688 in Exchange, the SharePoint ViewState chains). The " +
      "`LosFormatter(true, key)` MAC only helps while the key is secret.",
    securityImplications: "Whoever can submit the serialized state runs code on the web server.",
    howToFix: "Keep state on the server (session, database) and send only an opaque identifier, or serialize plain data with `System.Text.Json` and protect it with ASP.NET Data Protection.",
    fixHint: "Keep state server-side or use System.Text.Json with Data Protection instead of LosFormatter/ObjectStateFormatter.",
    vulnerableExample: ["var state = new LosFormatter().Deserialize(Request.Form[\"state\"]);"].join("\n"),
    safeExample: ["var state = JsonSerializer.Deserialize<WizardState>(protector.Unprotect(Request.Form[\"state\"]));"].join("\n"),
    detectionScope: "`Deserialize` on receivers resolved to `System.Web.UI.LosFormatter` or `System.Web.UI.ObjectStateFormatter`; critical with a trace from request data.",
    references: [
      { title: "Microsoft: CA2305 Do not use insecure deserializer LosFormatter", url: "https://learn.microsoft.com/en-us/dotnet/fundamentals/code-analysis/quality-rules/ca2305" },
      { title: "Microsoft: CA2300 series (insecure deserializers)", url: "https://learn.microsoft.com/en-us/dotnet/fundamentals/code-analysis/quality-rules/ca2300" },
      { title: "ysoserial.net (ViewState plugin)", url: "https://github.com/pwntester/ysoserial.net" },
    ],
    faq: [{ question: "Our LosFormatter uses a MAC key.", answer: "Then forging requires the key (machineKey leaks were how the Exchange and SharePoint attacks started). Keep state on the server where possible; suppress with that justification otherwise." }],
  },
});
