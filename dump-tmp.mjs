import { Language, Parser } from "web-tree-sitter";
import { readFileSync } from "node:fs";
await Parser.init();
const [,, wasm, file] = process.argv;
const lang = await Language.load(readFileSync(wasm));
const p = new Parser(); p.setLanguage(lang);
const src = readFileSync(file, "utf8");
const t = p.parse(src);
function show(n, d, field) { if (!n.isNamed) return; const txt = n.childCount === 0 ? " " + JSON.stringify(n.text) : ""; console.log("  ".repeat(d) + (field ? field + ": " : "") + n.type + txt); for (let i = 0; i < n.childCount; i++) show(n.child(i), d + 1, n.fieldNameForChild(i)); }
show(t.rootNode, 0);
