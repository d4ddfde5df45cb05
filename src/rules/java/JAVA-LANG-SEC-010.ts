import { spelled } from "./helpers.js";
import { javaRule } from "./meta.js";

export default javaRule({
  id: "JAVA-LANG-SEC-010",
  name: "JNDI or RMI Lookup of a Request-Controlled Name",
  severity: "critical",
  tags: ["jndi", "rmi", "log4shell", "rce"],
  similar: ["JAVA-LANG-SEC-001"],
  prefilter: ["lookup"],
  sinks: [
    {
      targets: [
        "javax.naming.Context.lookup",
        "javax.naming.InitialContext.lookup",
        "javax.naming.directory.DirContext.lookup",
        "javax.naming.directory.InitialDirContext.lookup",
        "javax.naming.ldap.InitialLdapContext.lookup",
        "java.rmi.Naming.lookup",
        "java.rmi.registry.Registry.lookup",
        "org.springframework.jndi.JndiTemplate.lookup",
      ],
      kinds: ["call"],
      dataArgs: [0],
      dataReceiver: false,
      // `"java:comp/env/" + name` stays a local name; `"ldap://" + host` lets the request choose the server.
      dataStart: { openPrefix: /^"[a-z]+:(\/\/[^/"]*)?"$/i },
      requiresUntrusted: true,
      message: (m) => `${spelled(m)} looks up a name that comes from the request: \`ldap://\` or \`rmi://\` names make the JVM fetch and deserialize (or load) objects from an attacker's server (JNDI injection, Log4Shell's mechanism). Look up only fixed names.`,
    },
  ],
  docs: {
    summary: "Detects JNDI (`Context.lookup`) and RMI (`Naming.lookup`, `Registry.lookup`) lookups of names that come from request data.",
    description:
      "A JNDI lookup of `ldap://attacker/x` or `rmi://attacker/x` returns a serialized object or a reference the JVM " +
      "resolves by deserializing or loading remote classes; this is the mechanism behind Log4Shell and many " +
      "\"JNDI injection\" CVEs. Constant names are harmless, so the rule reports only lookups whose name the analysis " +
      "traces back to request data in the same method.",
    securityImplications: "Whoever controls the name makes the server connect out and deserialize or load attacker-supplied objects: code execution.",
    howToFix: "Look up only names from configuration, never from the request; map request values to a fixed set of names. Keep `com.sun.jndi.*.object.trustURLCodebase` off.",
    fixHint: "Never pass request data to a JNDI or RMI lookup; map it to fixed names.",
    vulnerableExample: ["@GetMapping(\"/ds\")", "public Object dataSource(@RequestParam String name) throws NamingException {", "    return new InitialContext().lookup(name);", "}"].join("\n"),
    safeExample: ["Map<String, String> known = Map.of(\"orders\", \"java:comp/env/jdbc/orders\");", "return new InitialContext().lookup(known.getOrDefault(name, \"java:comp/env/jdbc/default\"));"].join("\n"),
    detectionScope: "Lookups on receivers resolved to the JNDI context classes, `java.rmi.Naming` and `Registry`, and Spring's `JndiTemplate`, when the start of the name argument is traced to request data (handler parameters, servlet request getters) within the method. A name under a fixed prefix (`\"java:comp/env/\" + name`, `\"ldap://directory.internal/\" + dn`) is not reported; a fixed scheme before a request-chosen server (`\"ldap://\" + host`) is.",
    references: [
      { title: "Black Hat 2016: A Journey From JNDI/LDAP Manipulation to RCE", url: "https://www.blackhat.com/docs/us-16/materials/us-16-Munoz-A-Journey-From-JNDI-LDAP-Manipulation-To-RCE.pdf" },
      { title: "NVD: CVE-2021-44228 (Log4Shell)", url: "https://nvd.nist.gov/vuln/detail/CVE-2021-44228" },
    ],
    faq: [{ question: "Why are most lookups not reported?", answer: "A lookup of a constant or configured name is how JNDI is meant to be used; only names that come from requests are reported." }],
  },
});
