import { spelled } from "./helpers.js";
import { csharpRule } from "./meta.js";

const ADVICE = "Never load XAML from outside the application; bind data with a serializer over your own types, or load only XAML compiled into the assembly.";

export default csharpRule({
  id: "CSHARP-LANG-SEC-008",
  name: "XAML Loaded From Data (XamlReader, XamlServices)",
  tags: ["xaml", "xamlreader", "wpf", "ysoserial.net", "rce"],
  similar: ["CSHARP-LANG-SEC-001", "CSHARP-LANG-SEC-007"],
  prefilter: ["XamlReader", "XamlServices"],
  sinks: [
    {
      targets: [
        "System.Windows.Markup.XamlReader.Load",
        "System.Windows.Markup.XamlReader.Parse",
        "System.Windows.Markup.XamlReader.LoadAsync",
        "System.Xaml.XamlServices.Load",
        "System.Xaml.XamlServices.Parse",
      ],
      kinds: ["call"],
      dataArgs: [0],
      dataReceiver: false,
      message: (m) => `${spelled(m)} builds whatever object graph the XAML describes: \`<ObjectDataProvider MethodName="Start">\` over \`System.Diagnostics.Process\` runs a command. ${ADVICE}`,
    },
  ],
  docs: {
    summary: "Detects `XamlReader.Load`/`Parse`/`LoadAsync` (WPF) and `XamlServices.Load`/`Parse` (System.Xaml), which instantiate any type the XAML names and call its methods.",
    description:
      "XAML is a language for object graphs: elements name .NET types, attributes set their properties, and " +
      "`ObjectDataProvider` calls any method. Loading XAML from a request, a file users can write or a message runs " +
      "what its author chose (ysoserial.net's `Xaml` formatter and the ObjectDataProvider gadget). Content that the " +
      "program itself wrote or ships is reported with internal trust.",
    securityImplications: "Whoever controls the XAML runs code in the process.",
    howToFix: ADVICE,
    fixHint: "Do not load XAML from data; use compiled XAML or a serializer bound to your own types.",
    vulnerableExample: ["var view = XamlReader.Parse(request.Form[\"layout\"]);"].join("\n"),
    safeExample: ["var layout = JsonSerializer.Deserialize<LayoutSettings>(request.Form[\"layout\"]);"].join("\n"),
    detectionScope: "Static calls resolved to `System.Windows.Markup.XamlReader` and `System.Xaml.XamlServices` (`using` directives, aliases, qualified names). Critical with a trace when request data reaches the call in the same method.",
    references: [
      { title: "Microsoft: XamlReader.Load security remarks", url: "https://learn.microsoft.com/en-us/dotnet/api/system.windows.markup.xamlreader.load" },
      { title: "ysoserial.net: ObjectDataProvider gadget (Xaml formatter)", url: "https://github.com/pwntester/ysoserial.net" },
    ],
    faq: [{ question: "Is loading our own embedded XAML reported?", answer: "Yes, with internal trust when the analysis sees a constant or the program's own resource: filter with `--min-trust unknown` to hide it." }],
  },
});
