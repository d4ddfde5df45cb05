// A static reader of Java serialization streams (java.io.ObjectOutputStream format, magic AC ED 00 05) that
// collects the class descriptors a stream names, without loading or instantiating anything. It scans for
// TC_CLASSDESC and TC_PROXYCLASSDESC records and validates each one structurally (name syntax, flags, field
// table), so it also finds descriptors inside object data it does not interpret (custom writeObject data,
// externalizable blocks) and survives truncated or corrupted streams. Bounded by the input size.

export const STREAM_MAGIC = [0xac, 0xed, 0x00, 0x05] as const;

const TC_CLASSDESC = 0x72;
const TC_PROXYCLASSDESC = 0x7d;
const SC_WRITE_METHOD = 0x01;
const SC_SERIALIZABLE = 0x02;
const SC_EXTERNALIZABLE = 0x04;
const SC_BLOCK_DATA = 0x08;
const SC_ENUM = 0x10;
const PRIMITIVE_CODES = new Set("BCDFIJSZ".split("").map((c) => c.charCodeAt(0)));
const OBJECT_CODES = new Set("L[".split("").map((c) => c.charCodeAt(0)));
/** Descriptors listed before the rest are only counted. */
const MAX_DESCRIPTORS = 10_000;

export interface JavaField {
  /** Type code: B C D F I J S Z (primitives), L (object), [ (array). */
  type: string;
  name: string;
}

export interface JavaClassDescriptor {
  /** Class name as written (`org.apache.commons.collections.functors.InvokerTransformer`, `[Ljava.lang.Object;`). */
  name: string;
  /** Byte offset of the TC_CLASSDESC marker. */
  offset: number;
  serialVersionUID: string;
  flags: string[];
  fields: JavaField[];
}

export interface JavaProxyDescriptor {
  interfaces: string[];
  offset: number;
}

export interface JavaStreamAnalysis {
  /** Offsets of stream headers (a file can hold several streams). */
  streams: number[];
  classes: JavaClassDescriptor[];
  proxies: JavaProxyDescriptor[];
  /** More descriptors than were listed. */
  truncated: boolean;
}

export function isJavaStream(head: Uint8Array): boolean {
  return STREAM_MAGIC.every((b, i) => head[i] === b);
}

export function readJavaStream(bytes: Uint8Array): JavaStreamAnalysis {
  const out: JavaStreamAnalysis = { streams: [], classes: [], proxies: [], truncated: false };
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] === 0xac && bytes[i + 1] === 0xed && bytes[i + 2] === 0x00 && bytes[i + 3] === 0x05) out.streams.push(i);
    if (bytes[i] !== TC_CLASSDESC && bytes[i] !== TC_PROXYCLASSDESC) continue;
    if (out.classes.length + out.proxies.length >= MAX_DESCRIPTORS) {
      out.truncated = true;
      break;
    }
    if (bytes[i] === TC_CLASSDESC) {
      const desc = classDescriptorAt(bytes, i);
      if (desc) out.classes.push(desc);
    } else {
      const proxy = proxyDescriptorAt(bytes, i);
      if (proxy) out.proxies.push(proxy);
    }
  }
  return out;
}

/** A TC_CLASSDESC record at `at`, or undefined when the bytes there are not a plausible one. */
function classDescriptorAt(bytes: Uint8Array, at: number): JavaClassDescriptor | undefined {
  const name = utfAt(bytes, at + 1);
  if (!name || !isClassName(name.value)) return undefined;
  let p = name.end;
  if (p + 8 + 1 + 2 > bytes.length) return undefined;
  const suid = [...bytes.subarray(p, p + 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
  p += 8;
  const flagByte = bytes[p++];
  if (flagByte & 0xe0) return undefined;
  if (!(flagByte & (SC_SERIALIZABLE | SC_EXTERNALIZABLE))) return undefined;
  if (flagByte & SC_SERIALIZABLE && flagByte & SC_EXTERNALIZABLE) return undefined;
  const count = (bytes[p] << 8) | bytes[p + 1];
  p += 2;
  if (count > 4096) return undefined;
  const fields: JavaField[] = [];
  for (let f = 0; f < count; f++) {
    if (p >= bytes.length) return fields.length ? finish() : undefined;
    const code = bytes[p++];
    if (!PRIMITIVE_CODES.has(code) && !OBJECT_CODES.has(code)) return undefined;
    const fieldName = utfAt(bytes, p);
    if (!fieldName || !/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(fieldName.value)) return undefined;
    p = fieldName.end;
    fields.push({ type: String.fromCharCode(code), name: fieldName.value });
    if (OBJECT_CODES.has(code)) {
      // className1: a TC_STRING (0x74) or a back reference TC_REFERENCE (0x71) to an earlier string.
      if (bytes[p] === 0x74) {
        const type = utfAt(bytes, p + 1);
        if (!type) return undefined;
        p = type.end;
      } else if (bytes[p] === 0x71) p += 5;
      else return undefined;
    }
  }
  return finish();

  function finish(): JavaClassDescriptor {
    const flags: string[] = [];
    if (flagByte & SC_WRITE_METHOD) flags.push("SC_WRITE_METHOD");
    if (flagByte & SC_SERIALIZABLE) flags.push("SC_SERIALIZABLE");
    if (flagByte & SC_EXTERNALIZABLE) flags.push("SC_EXTERNALIZABLE");
    if (flagByte & SC_BLOCK_DATA) flags.push("SC_BLOCK_DATA");
    if (flagByte & SC_ENUM) flags.push("SC_ENUM");
    return { name: name!.value, offset: at, serialVersionUID: suid, flags, fields };
  }
}

function proxyDescriptorAt(bytes: Uint8Array, at: number): JavaProxyDescriptor | undefined {
  if (at + 5 > bytes.length) return undefined;
  const count = ((bytes[at + 1] << 24) | (bytes[at + 2] << 16) | (bytes[at + 3] << 8) | bytes[at + 4]) >>> 0;
  if (count === 0 || count > 64) return undefined;
  const interfaces: string[] = [];
  let p = at + 5;
  for (let k = 0; k < count; k++) {
    const name = utfAt(bytes, p);
    if (!name || !isClassName(name.value) || !name.value.includes(".")) return undefined;
    interfaces.push(name.value);
    p = name.end;
  }
  return { interfaces, offset: at };
}

/** A modified-UTF-8 string with a 2-byte length at `at`. */
function utfAt(bytes: Uint8Array, at: number): { value: string; end: number } | undefined {
  if (at + 2 > bytes.length) return undefined;
  const length = (bytes[at] << 8) | bytes[at + 1];
  const end = at + 2 + length;
  if (length === 0 || end > bytes.length) return undefined;
  const slice = bytes.subarray(at + 2, end);
  try {
    return { value: new TextDecoder("utf-8", { fatal: true }).decode(slice), end };
  } catch {
    return undefined;
  }
}

/** A binary class name (`a.b.C`, `a.b.C$Inner`, `[Lx.Y;`, `[I`). */
function isClassName(name: string): boolean {
  return name.length <= 1024 && /^(\[+([BCDFIJSZ]|L[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*;)|[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*)$/u.test(name);
}
