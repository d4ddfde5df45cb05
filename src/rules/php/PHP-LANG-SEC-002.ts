import type { Node } from "../../languages/common/syntax.js";
import type { LanguageOutcome } from "../language-rule.js";
import { phpRule, spelled, type PhpMatch } from "./meta.js";

/** Filesystem functions that stat or open a path and so parse a `phar://` archive's metadata (PHP < 8.0 unserializes it). */
export const PHAR_TRIGGERS = [
  "file_exists", "is_file", "is_dir", "is_link", "is_readable", "is_writable", "is_writeable", "is_executable",
  "file_get_contents", "file_put_contents", "file", "fopen", "readfile", "filesize", "filemtime", "fileatime",
  "filectime", "fileinode", "filegroup", "fileowner", "fileperms", "filetype", "stat", "lstat", "touch", "copy",
  "unlink", "rename", "rmdir", "mkdir", "opendir", "scandir", "glob", "md5_file", "sha1_file", "hash_file",
  "getimagesize", "exif_read_data", "exif_thumbnail", "mime_content_type", "finfo_file", "parse_ini_file",
  "simplexml_load_file", "highlight_file", "show_source", "php_strip_whitespace", "get_meta_tags", "fileno",
];

/** A path whose start is a constant (`__DIR__ . '/x/' . $name`, `"/srv/$name"`) cannot carry a `phar://` wrapper. */
function startsWithConstant(m: PhpMatch, arg: Node): boolean {
  let n: Node | undefined = arg;
  while (n?.type === "binary_expression" && /^\s*\./.test(m.model.text(n).slice(m.model.text(n.children[0]).length))) n = n.children[0];
  if (!n) return false;
  if (n.type === "string" || n.type === "encapsed_string") return /^["']\s*[^"'${\s]/.test(m.model.text(n));
  return /^(__DIR__|__FILE__|DIRECTORY_SEPARATOR|[A-Z_][A-Z0-9_]*)$/.test(m.model.text(n));
}

function check(m: PhpMatch): LanguageOutcome | null {
  let path = m.site.args[0];
  if (path?.type === "variable_name" && m.site.fn) {
    const name = m.model.text(path).slice(1);
    const assigned = m.model.assignmentsIn(m.site.fn).filter((a) => a.name === name && a.node.start < m.site.node.start).pop();
    if (assigned?.node.type === "assignment_expression") path = assigned.value;
  }
  if (!path || startsWithConstant(m, path)) return null;
  return {};
}

export default phpRule({
  id: "PHP-LANG-SEC-002",
  name: "Phar Deserialization Through a Request-Controlled Path",
  tags: ["phar", "filesystem", "pop-chain", "rce"],
  similar: ["PHP-LANG-SEC-001"],
  // Only request data makes a finding, so files without any request source are never parsed for this rule.
  prefilter: ["$_GET", "$_POST", "$_COOKIE", "$_REQUEST", "$_FILES", "$_SERVER", "php://input", "Request", "request(", "->request->", "->input->"],
  sinks: [
    {
      targets: PHAR_TRIGGERS,
      kinds: ["call"],
      dataArgs: [0],
      dataStart: true,
      requiresUntrusted: true,
      check,
      message: (m) => `${spelled(m)} on a path from the request: a \`phar://\` path makes PHP (before 8.0) unserialize the archive's metadata, so an uploaded file disguised as an image triggers POP chains. Never pass request data as a path; map it to known files and reject stream wrappers.`,
    },
  ],
  docs: {
    summary: "Detects filesystem functions (`file_exists`, `fopen`, `getimagesize`, ...) called on paths that come from the request, which `phar://` turns into deserialization.",
    description:
      "Any PHP filesystem function that stats or opens a `phar://` path parses the archive, and before PHP 8.0 " +
      "it unserializes the archive's metadata: a polyglot JPEG/PHAR uploaded as an avatar and then checked with " +
      "`file_exists('phar://uploads/avatar.jpg')` runs the same POP chains as `unserialize` (Sam Thomas, Black Hat " +
      "2018). Constant paths are harmless, so the rule reports only calls whose path the analysis traces to request " +
      "data, and not when the path starts with a constant (a directory prefix rules out a wrapper).",
    securityImplications: "Whoever controls the path (and can upload any file) runs code on the server; on PHP 8+ the same paths still allow reading arbitrary files.",
    howToFix: "Never use request data as a path. Look files up by ID, build paths from a fixed directory with `basename()`, and reject values containing `://`. Upgrade to PHP 8, which no longer unserializes metadata implicitly.",
    fixHint: "Build paths from a fixed directory and basename(); reject stream wrappers in request data.",
    vulnerableExample: ["<?php", "if (file_exists($_GET['file'])) {", "    echo 'found';", "}"].join("\n"),
    safeExample: ["<?php", "$path = __DIR__ . '/uploads/' . basename($_GET['file']);", "if (file_exists($path)) {", "    echo 'found';", "}"].join("\n"),
    detectionScope:
      "Global filesystem functions that open or stat their first argument, when that argument is traced to " +
      "superglobals, `php://input` or a framework request's getters (Laravel, Symfony, PSR-7, CodeIgniter, Joomla) in the same function or script, and its start " +
      "comes from the request: a path that starts with a constant or with a variable holding the program's own " +
      "directory (`$root = getcwd(); $root . $uri`) cannot name a wrapper.",
    references: [
      { title: "Sam Thomas: It's a PHP Unserialization Vulnerability Jim, but Not as We Know It (Black Hat 2018)", url: "https://i.blackhat.com/us-18/Thu-August-9/us-18-Thomas-Its-A-PHP-Unserialization-Vulnerability-Jim-But-Not-As-We-Know-It-wp.pdf" },
      { title: "PHP RFC: Don't automatically unserialize Phar metadata outside getMetadata()", url: "https://wiki.php.net/rfc/phar_stop_autoloading_metadata" },
      { title: "PHP manual: Phar", url: "https://www.php.net/manual/en/book.phar.php" },
    ],
    faq: [{ question: "We run PHP 8. Is this still relevant?", answer: "Metadata is no longer unserialized implicitly on PHP 8.0+, but request-controlled paths still allow stream wrappers and path traversal; fix the path handling and suppress if you only care about deserialization." }],
  },
});
