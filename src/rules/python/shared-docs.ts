import type { ComplianceMapping, Reference } from "../../core/types.js";

/** Compliance mappings shared by the deserialization rules (CWE-502). */
export const DESERIALIZATION_COMPLIANCE: ComplianceMapping[] = [
  { framework: "CWE Top 25", control: "CWE-502 Deserialization of Untrusted Data" },
  { framework: "OWASP Top 10", control: "A08:2021 Software and Data Integrity Failures" },
  { framework: "NIST SP 800-53", control: "SI-10 Information Input Validation" },
  { framework: "PCI DSS v4.0", control: "6.2.4 Software engineering techniques prevent common attacks" },
];

export const DESERIALIZATION_REFERENCES: Reference[] = [
  { title: "CWE-502: Deserialization of Untrusted Data", url: "https://cwe.mitre.org/data/definitions/502.html" },
  { title: "OWASP Top 10 A08:2021 Software and Data Integrity Failures", url: "https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/" },
  { title: "OWASP Deserialization Cheat Sheet", url: "https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html" },
  { title: "Python documentation: pickle (security warning)", url: "https://docs.python.org/3/library/pickle.html" },
  { title: "Bandit B301: pickle", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" },
];
