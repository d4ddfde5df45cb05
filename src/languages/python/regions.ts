import { PYTHON_BUILTINS } from "./semantic/builtins.js";
import type { WordFinder } from "./token-set.js";
import { DuePasses, sweepToFixedPoint, WatchedKeys, type Readers } from "./sweeps.js";
import { hashRange, identifierKey, RARE_FORMS, splitClassBody, splitTopLevel, type Segment, type SinkAttributes } from "./top-level.js";

/** A span of the source to parse (UTF-16 offsets). */
export interface SourceRange {
  start: number;
  end: number;
}

/** What the sinks' names are made of, as far as choosing the parts of a file to parse needs it. */
export interface SinkNames {
  /** See `SinkAttributes`: the attributes that can lead to a sink. */
  readonly attributeKeys: SinkAttributes;
  /**
   * Whether names from a module can resolve to a sink: the module is a sink's module or a package above one
   * (`pickle`, `six`, `torch.hub`). A star import of any other module brings no name that matters.
   */
  leadsToSink(module: string): boolean;
  /** Keep the functions that kept code names, not only the classes (data-flow rules read their bodies). */
  readonly keepCalledFunctions?: boolean;
  /**
   * With `keepCalledFunctions`: where untrusted data can start (see `PythonRule.flowSourceWords`), so that only the
   * called functions that can return it are kept, besides those a function holding a sink calls (their parameters
   * may reach it). Undefined: every called function is kept.
   */
  readonly flowSources?: WordFinder;
  /**
   * With `flowSources`: code that imports or uses an imported name may produce untrusted data too (what a function
   * of another module returns, through the project index, whatever words it holds).
   */
  readonly importsMaySource?: boolean;
}

/** `self.name = ...` (not `==`). */
const ASSIGNS_ATTRIBUTE = /\b[A-Za-z_]\w*\.[A-Za-z_]\w*\s*=(?!=)/;

/** Every name may lead to a sink. */
const ANY_SINK: SinkNames = { attributeKeys: undefined, leadsToSink: () => true };

/** Below this share of skippable text, parsing the whole file costs less than parsing it in pieces. */
const MIN_SKIPPED_SHARE = 0.1;

/**
 * The parts of a module the analysis must see, so that the rest is never parsed: the top-level statements, `def`s
 * and `class`es (and methods of classes) that can matter to a finding. `allAnchors` are the offsets where a rule
 * token (`pickle`) or a computed dynamic import occurs; those in code (not in comments or prose strings, see
 * `Segment.prose`) make their segment relevant.
 *
 * A finding comes from a call whose callee resolves to a sink, which takes a rule token in the code or a name
 * bound from one: `p` after `import pickle as p`, `loader` after `loader = p.loads`, a class deriving from
 * `pickle.Unpickler`. So a statement or definition is relevant when it mentions a token or such a name (other than
 * as the base of an attribute no sink has, see `SinkNames.attributeKeys`), and the names that relevant module-level
 * statements bind become such names, to a fixed point. A function's own name never resolves to a sink, so it adds
 * nothing; a class's name does when its header (decorators, bases) is relevant, and such a class is kept whole. A
 * class relevant only through its body keeps its header, its class-level statements and its relevant methods.
 *
 * Leaving code out removes its bindings, which must not change what the kept code's names resolve to. So a
 * module-level statement that binds a name the kept code mentions stays (`MODE = "r"` for `shelve.open(p, MODE)`),
 * and so does every star import; what the statements kept that way mention counts as mentioned too. A class that
 * the kept code names is relevant itself: rules judge arguments by a local class's bases (`Loader=StrictLoader`,
 * `class StrictLoader(yaml.SafeLoader)`), so its header and what that names stay. A function so named resolves to
 * nothing a rule tells apart from an unknown name, so it is kept only when something else binds its name too (an
 * import, an assignment, a builtin, a star import of a sink's module, another `def`), which leaving it out would let
 * through. A definition that declares `global` names is always kept. Methods are only visible to their class body,
 * so a method is also kept when the class-level statements name it.
 *
 * Data-flow rules may also want the flow summaries of some functions (`wanted`, as `PythonRule.flowSummary` names
 * them: `f`, `Class`, `Class.method`, `*.method`): those definitions are relevant and read with their parameters as
 * sources, like code holding a sink, so that what they call, read and mention is kept with them (see
 * `WantedDefinitions`). Unlike a sink's holder, their callers are not.
 *
 * Returns an empty list when no anchor is in code and nothing is wanted (nothing can be a finding), and undefined
 * when the whole file must be parsed: a `from m import *` of a module with a token (any name may then be a sink),
 * or too little to skip.
 */
export function relevantRanges(
  source: string,
  segments: readonly Segment[],
  allAnchors: readonly number[],
  sinks: SinkNames = ANY_SINK,
  wanted?: readonly string[],
): SourceRange[] | undefined {
  const anchors = anchorsInCode(segments, allAnchors);
  // Tokens only in comments and prose: nothing here can be a finding, so nothing needs parsing.
  if (anchors.length === 0 && !wanted?.length) return [];
  const count = segments.length;
  const anchored = anchoredSegments(segments, anchors);
  for (let k = 0; k < count; k++) {
    if (anchored[k] && segments[k].definition === undefined && hasStarImportOfAnchor(source, segments[k], anchors)) return undefined;
  }
  const relevant = new Array<boolean>(count).fill(false);
  const expanded = new Array<boolean>(count).fill(false);
  const headerRelevant = new Array<boolean>(count).fill(false);
  const holdsSink = new Array<boolean | undefined>(count);
  const boundNames = new WatchedKeys();
  const holder = new Array<boolean>(count).fill(false);
  const holderNames = new WatchedKeys();
  // Statements and definitions kept though not relevant, and the names that all kept code mentions.
  const kept = new Array<boolean>(count).fill(false);
  const mentioned = new WatchedKeys();
  // Whether a definition's name may mean something else where the definition is left out: a name bound elsewhere
  // (see `namesBoundElsewhere`), or anything a star import may bring. Worked out when first asked: most files never
  // ask (no definition left out is mentioned).
  let anyStarImport: boolean | undefined;
  let boundElsewhere: Set<number> | undefined;
  const meansOtherwise = (name: number) =>
    (anyStarImport ??= segments.some((s) => s.definitionKey === undefined && starImportsSink(source, s, sinks))) || (boundElsewhere ??= namesBoundElsewhere(segments)).has(name);

  // Data flow: the attribute names kept code mentions (`self.m()`, `self.conn`), and the methods that hold a sink
  // or call one that does; a class relevant only through its body keeps the members they reach (see `ClassMembers`).
  // Code that holds a sink, or calls a function holding one, is also read with its own parameters as sources
  // (wrapper summaries): every function it calls may then matter, whatever it reads (`summary` names). Other kept
  // code only needs the functions that can produce untrusted data (see `SourceCapability`).
  const flow = sinks.keepCalledFunctions === true;
  const names: KeptNames = { boundNames, holderNames, mentioned, mentionedAttributes: new WatchedKeys(), holderMethods: new WatchedKeys(), summaryIdentifiers: new WatchedKeys(), summaryAttributes: new WatchedKeys() };
  const classMembers = new Map<number, ClassMembers>();
  const membersOf = memoized((k: number) => (segments[k].isClass ? splitClassBody(source, segments[k], sinks.attributeKeys) : undefined));
  // A star import may bind any name, which may lead to any module's functions.
  const sourcesEverywhere = sinks.importsMaySource === true && segments.some((s) => s.definition === undefined && isStarImport(source, s));
  // Worked out when first asked (about one file in six never asks: no kept code names a function).
  const flowSources = flow && !sourcesEverywhere ? sinks.flowSources : undefined;
  let found: SourceCapability | undefined;
  // What a member assigns is read both to judge what can produce untrusted data and to choose members: once.
  const assigned = new Map<Segment, Set<number>>();
  const stores = (m: Segment) => {
    let set = assigned.get(m);
    if (!set) assigned.set(m, (set = assignedAttributes(source, m)));
    return set;
  };
  const sourcing = () => (found ??= flowSources && new SourceCapability(source, segments, membersOf, stores, flowSources, sinks.importsMaySource === true));
  const canSource = (k: number) => sourcing()?.segment(k) ?? true;
  const wants = flow && wanted?.length ? new WantedDefinitions(source, segments, wanted, membersOf) : undefined;
  const isWanted = (k: number) => wants?.segment(k) ?? false;
  const summarized = new Array<boolean>(count).fill(false);
  const mention = (code: CodeNames) => {
    addAll(mentioned, code.identifiers);
    addAll(names.mentionedAttributes, code.attributes);
  };
  const summarize = (code: CodeNames) => {
    addAll(names.summaryIdentifiers, code.identifiers);
    addAll(names.summaryAttributes, code.attributes);
  };

  // Per logical line of a module-level statement: whether it passed on its bindings (see `Segment.lines`).
  const lineRelevant = segments.map((s) => s.lines?.map(() => false));
  const visit = (k: number): boolean => {
    let changed = false;
    const s = segments[k];
    const lines = s.lines;
    if (lines) {
      lines.forEach((line, i) => {
        if (lineRelevant[k]![i] || !(hasAnchorIn(anchors, line.start, line.end) || intersects(line.identifiers, boundNames))) return;
        lineRelevant[k]![i] = true;
        relevant[k] = true;
        changed = true;
        addAll(boundNames, (lines.length === 1 && importedFromAnchors(source, s, anchors)) || line.bound);
      });
    } else if (!relevant[k]) {
      const key = s.definitionKey;
      relevant[k] =
        anchored[k] ||
        isWanted(k) ||
        intersects(s.identifiers, boundNames) ||
        // A method holding a sink, called on an object of a class of this file (`Base().decode(b)`, `codec.decode(b)`).
        (flow && s.definition !== undefined && intersects(s.attributes, names.holderMethods)) ||
        (key !== undefined && (s.isClass === true ? mentioned.has(key) : flow && (mentioned.has(key) || names.summaryIdentifiers.has(key)) && (canSource(k) || (names.summaryIdentifiers.has(key) && takesParameters(source, s)))));
    }
    if (relevant[k] && s.isClass && !headerRelevant[k] && (classHeaderIsRelevant(s, anchors, boundNames) || (holdsSink[k] ??= holdsSinkInAttribute(source, membersOf(k), anchors)))) {
      headerRelevant[k] = true;
      boundNames.add(s.definitionKey!);
      changed = true;
      // Kept whole from now on: all of it is mentioned.
      if (classMembers.delete(k)) {
        mention(s);
        if (anchored[k] || isWanted(k)) summarize(s);
      }
    }
    // Data flow: the callers of a function that holds a sink (or calls one that does) may pass it untrusted data.
    if (relevant[k] && sinks.keepCalledFunctions && !holder[k] && s.definition !== undefined && !s.isClass && s.definitionKey !== undefined && (anchored[k] || intersects(s.identifiers, holderNames) || intersects(s.attributes, names.holderMethods))) {
      holder[k] = true;
      holderNames.add(s.definitionKey);
      boundNames.add(s.definitionKey);
      changed = true;
    }
    if (relevant[k] && !expanded[k]) {
      expanded[k] = true;
      changed = true;
      const members = flow && s.isClass && !headerRelevant[k] ? membersOf(k) : undefined;
      if (members) {
        classMembers.set(k, new ClassMembers(source, members, anchors, (i) => sourcing()?.member(k, i) ?? true, stores, names, wants?.members(k)));
        addAll(mentioned, s.headerIdentifiers ?? s.identifiers);
      } else mention(s);
      if (!lines) addAll(boundNames, s.definition === undefined ? (importedFromAnchors(source, s, anchors) ?? s.bound) : s.globals);
    } else if (!relevant[k] && !kept[k] && (keptForBindings(source, s, mentioned) || (wants !== undefined && isImport(s)))) {
      // Wanted summaries read what calls resolve to through the project index: every import stays (they are
      // short; without them the closure keeps more of the code on CPython's standard library, 54% against 51%).
      kept[k] = true;
      changed = true;
      mention(s);
    }
    const members = classMembers.get(k);
    if (members?.grow(mention, summarize)) changed = true;
    if (flow && relevant[k] && !summarized[k] && !members && (holder[k] || anchored[k] || isWanted(k) || (s.definitionKey !== undefined && !s.isClass && names.summaryIdentifiers.has(s.definitionKey)))) {
      summarized[k] = true;
      changed = true;
      summarize(s);
    }
    return changed;
  };
  sweepToFixedPoint(count, visit, () => segmentReaders(segments, names), (k) => classMembers.has(k));

  const ranges: SourceRange[] = [];
  const keep = (start: number, end: number) => {
    const last = ranges[ranges.length - 1];
    if (last && last.end === start) last.end = end;
    else ranges.push({ start, end });
  };
  segments.forEach((s, k) => {
    const name = s.definitionKey;
    if (!relevant[k]) {
      const shadowing = name !== undefined && mentioned.has(name) && meansOtherwise(name);
      if (kept[k] || shadowing) keep(s.start, s.end);
      return;
    }
    if (name === undefined) return keep(s.start, s.end);
    const chosen = classMembers.get(k);
    if (chosen) {
      const needed = chosen.neededRanges();
      if (!needed) return keep(s.start, s.end);
      keep(s.start, s.bodyStart!);
      for (const r of needed) keep(r.start, r.end);
      return;
    }
    const members = s.isClass && !headerRelevant[k] && !flow ? membersOf(k) : undefined;
    if (!members) return keep(s.start, s.end);
    keep(s.start, s.bodyStart!);
    const memberAnchored = anchoredSegments(members, anchors);
    const namedInClassBody = new Set<number>();
    for (const m of members) if (m.definition === undefined) addAll(namedInClassBody, m.identifiers);
    members.forEach((m, i) => {
      const needed =
        m.definitionKey === undefined ||
        memberAnchored[i] ||
        intersects(m.identifiers, boundNames) ||
        namedInClassBody.has(m.definitionKey) ||
        m.globals.size > 0;
      if (needed) keep(m.start, m.end);
    });
  });
  const parsed = ranges.reduce((n, r) => n + r.end - r.start, 0);
  if (source.length - parsed < MIN_SKIPPED_SHARE * source.length) return undefined;
  return ranges;
}

/** Names bound by a statement, declared `global`, defined twice, or builtins: what a definition's name may mean where it is left out. */
function namesBoundElsewhere(segments: readonly Segment[]): Set<number> {
  const out = new Set<number>(BUILTIN_KEYS);
  const definedOnce = new Set<number>();
  for (const s of segments) {
    addAll(out, s.globals);
    if (s.definitionKey === undefined) {
      addAll(out, s.bound);
      addAll(out, s.shadows);
    } else if (definedOnce.has(s.definitionKey)) out.add(s.definitionKey);
    else definedOnce.add(s.definitionKey);
  }
  return out;
}

/** The names a piece of code mentions. */
type CodeNames = Pick<Segment, "identifiers" | "attributes">;

/** What the members of data-flow classes are judged by: the names kept code mentions, binds and calls. */
interface KeptNames {
  boundNames: WatchedKeys;
  holderNames: WatchedKeys;
  mentioned: WatchedKeys;
  mentionedAttributes: WatchedKeys;
  /** Methods that hold a sink or call one that does, through an attribute (`self.unpickle(b)`). */
  holderMethods: WatchedKeys;
  /** What code read with its parameters as sources mentions (see `relevantRanges`). */
  summaryIdentifiers: WatchedKeys;
  summaryAttributes: WatchedKeys;
}

/**
 * Which segments read which key of the kept names (see `sweepToFixedPoint`): the names they mention for names bound
 * from sinks and holders, their attributes for holder methods, their own name for what kept code mentions or
 * summarises, and what a statement binds or shadows for what kept code mentions (see `keptForBindings`).
 */
function segmentReaders(segments: readonly Segment[], names: KeptNames): Readers[] {
  const { byIdentifier, byAttribute, byName } = partIndexes(segments);
  const byNameOrBinding = new KeyIndex();
  segments.forEach((s, k) => {
    if (s.definitionKey !== undefined) byNameOrBinding.add(s.definitionKey, k);
    else {
      byNameOrBinding.addAll(s.bound, k);
      byNameOrBinding.addAll(s.shadows, k);
    }
  });
  return [
    byIdentifier.readers(names.boundNames),
    byIdentifier.readers(names.holderNames),
    byAttribute.readers(names.holderMethods),
    byNameOrBinding.readers(names.mentioned),
    byName.readers(names.summaryIdentifiers),
    // Read only by classes whose members are chosen one by one, which read every key.
    new KeyIndex().readers(names.mentionedAttributes),
    new KeyIndex().readers(names.summaryAttributes),
  ];
}

/** Parts (statements, definitions or members) by the names they mention, the attributes they mention, and their own name. */
function partIndexes(parts: readonly Segment[]): { byIdentifier: KeyIndex; byAttribute: KeyIndex; byName: KeyIndex } {
  const byIdentifier = new KeyIndex();
  const byAttribute = new KeyIndex();
  const byName = new KeyIndex();
  parts.forEach((s, k) => {
    byIdentifier.addAll(s.identifiers, k);
    for (const line of s.lines ?? []) byIdentifier.addAll(line.identifiers, k);
    if (s.headerIdentifiers) byIdentifier.addAll(s.headerIdentifiers, k);
    byAttribute.addAll(s.attributes, k);
    if (s.definitionKey !== undefined) byName.add(s.definitionKey, k);
  });
  return { byIdentifier, byAttribute, byName };
}

/**
 * Which members of a class read which key of the kept names (see `ClassMembers`): the names they mention, their
 * attributes, their own name, and the attributes they assign, as `reached` works them out (`byStore`, filled as it
 * asks: a member whose stores it never asked for does not read them).
 */
function memberReaders(members: readonly Segment[], names: KeptNames, byStore: KeyIndex): Readers[] {
  const { byIdentifier, byAttribute, byName } = partIndexes(members);
  return [
    byIdentifier.readers(names.boundNames),
    byIdentifier.readers(names.holderNames),
    byAttribute.readers(names.holderMethods),
    byName.readers(names.summaryIdentifiers),
    byName.readers(names.summaryAttributes),
    byName.readers(names.mentioned),
    byName.readers(names.mentionedAttributes),
    byStore.readers(names.mentionedAttributes),
  ];
}

/** Items by the keys they read. */
class KeyIndex {
  private readonly byKey = new Map<number, number[]>();

  add(key: number, item: number): void {
    const items = this.byKey.get(key);
    if (!items) this.byKey.set(key, [item]);
    else if (items[items.length - 1] !== item) items.push(item);
  }

  addAll(keys: Iterable<number>, item: number): void {
    for (const key of keys) this.add(key, item);
  }

  readers(keys: WatchedKeys): Readers {
    return { keys, readersOf: (key) => this.byKey.get(key) };
  }
}

/**
 * For data-flow rules, the members of a class that is relevant only through its body, chosen as the kept code
 * reaches them: class-level statements, members that hold an anchor or a name bound from a sink, methods that
 * kept code calls or names (`self.m()`, `Cls.m`) when they can produce untrusted data (or when code holding a sink
 * calls them), methods that assign an attribute kept code reads (`self.conn = socket...` in `__init__` for
 * `self.conn.recv()`), and methods that call, through an attribute, a method holding a sink (or calling one that
 * does): they may pass it untrusted data. The rest of the class is never parsed.
 */
class ClassMembers {
  private readonly needed: boolean[];
  private readonly summarized: boolean[];
  private readonly holder: boolean[];
  private readonly anchored: boolean[];
  private readonly namedInClassBody = new Set<number>();
  /** Members are visited again only when a name they read was added (see `DuePasses`). */
  private readonly due: DuePasses;
  /** Members by the attributes they may assign, as far as `reached` has asked (see `memberReaders`). */
  private readonly byStore = new KeyIndex();

  constructor(
    private readonly source: string,
    private readonly members: readonly Segment[],
    anchors: readonly number[],
    private readonly canSource: (member: number) => boolean,
    /** What a member may assign (`assignedAttributes`, worked out once per member). */
    private readonly stores: (member: Segment) => Set<number>,
    private readonly names: KeptNames,
    /** The members whose flow summaries are wanted (see `WantedDefinitions`). */
    private readonly wanted?: readonly boolean[],
  ) {
    this.needed = members.map(() => false);
    this.summarized = members.map(() => false);
    this.holder = members.map(() => false);
    this.anchored = anchoredSegments(members, anchors);
    for (const m of members) if (m.definition === undefined) addAll(this.namedInClassBody, m.identifiers);
    this.due = new DuePasses(members.length, memberReaders(members, names, this.byStore));
  }

  /** Marks the members the kept code now reaches; true when something changed. */
  grow(mention: (code: CodeNames) => void, summarize: (code: CodeNames) => void): boolean {
    const names = this.names;
    return this.due.pass((i) => {
      const m = this.members[i];
      const key = m.definitionKey;
      let changed = false;
      if (!this.needed[i] && this.reached(m, i, names)) {
        this.needed[i] = true;
        changed = true;
        mention(m);
      }
      if (!this.needed[i]) return changed;
      const method = key !== undefined && !m.isClass;
      if (method && !this.holder[i] && (this.anchored[i] || intersects(m.identifiers, names.holderNames) || intersects(m.attributes, names.holderMethods))) {
        this.holder[i] = true;
        names.holderMethods.add(key);
        changed = true;
      }
      if (!this.summarized[i] && (this.holder[i] || this.anchored[i] || this.wanted?.[i] === true || (method && (names.summaryIdentifiers.has(key) || names.summaryAttributes.has(key))))) {
        this.summarized[i] = true;
        changed = true;
        summarize(m);
      }
      return changed;
    });
  }

  private reached(m: Segment, i: number, names: KeptNames): boolean {
    const key = m.definitionKey;
    if (key === undefined || this.anchored[i] || this.wanted?.[i] === true || m.globals.size > 0 || this.namedInClassBody.has(key)) return true;
    if (intersects(m.identifiers, names.boundNames) || intersects(m.attributes, names.holderMethods)) return true;
    const canSource = this.canSource(i);
    if ((names.summaryIdentifiers.has(key) || names.summaryAttributes.has(key)) && (canSource || takesParameters(this.source, m))) return true;
    if (!canSource) return false;
    if (names.mentioned.has(key) || names.mentionedAttributes.has(key)) return true;
    const assigned = this.stores(m);
    this.byStore.addAll(assigned, i);
    return assigned.size > 0 && intersects(assigned, names.mentionedAttributes);
  }

  /** The needed members' ranges; undefined when none is (the class body would be empty): keep the class whole. */
  neededRanges(): SourceRange[] | undefined {
    const out = this.members.filter((_, i) => this.needed[i]);
    return out.length ? out : undefined;
  }
}

/** What a class's summary needs when the class itself is wanted: its constructor. */
const CONSTRUCTORS = ["__init__", "__new__"];

/**
 * The definitions whose flow summaries are wanted, from keys as `PythonRule.flowSummary` takes them: `f` is every
 * module-level `def f` (or `class f`: its header, class-level statements and constructor), `C.m` the method `m` of
 * every module-level class `C`, `*.m` the method `m` of any module-level class. Only definitions on lines of their
 * own count: the summaries are only made of those.
 */
class WantedDefinitions {
  private readonly segments: boolean[];
  private readonly byClass = new Map<number, boolean[]>();

  constructor(source: string, segments: readonly Segment[], keys: readonly string[], membersOf: (k: number) => Segment[] | undefined) {
    const names = new Set<string>();
    const methods = new Map<string, Set<string>>();
    const addMethod = (cls: string, method: string) => {
      let set = methods.get(cls);
      if (!set) methods.set(cls, (set = new Set()));
      set.add(method);
    };
    for (const key of keys) {
      const dot = key.indexOf(".");
      if (dot < 0) {
        names.add(key);
        for (const c of CONSTRUCTORS) addMethod(key, c);
      } else addMethod(key.slice(0, dot), key.slice(dot + 1));
    }
    const anyClass = methods.get("*");
    this.segments = segments.map((s, k) => {
      if (s.definition === undefined) return false;
      let wanted = names.has(s.definition);
      if (!s.isClass) return wanted;
      const own = methods.get(s.definition);
      const wantedMethods = [...(own ?? []), ...(anyClass ?? [])];
      // Only classes whose text holds a wanted method's name are split into members.
      const text = wantedMethods.length ? source.slice(s.start, s.end) : "";
      const members = wantedMethods.some((m) => text.includes(m)) ? membersOf(k) : undefined;
      if (members) {
        const flags = members.map((m) => m.definition !== undefined && !m.isClass && (own?.has(m.definition) || anyClass?.has(m.definition)) === true);
        if (flags.some(Boolean)) {
          this.byClass.set(k, flags);
          wanted = true;
        }
      }
      return wanted;
    });
  }

  segment(k: number): boolean {
    return this.segments[k];
  }

  members(k: number): readonly boolean[] | undefined {
    return this.byClass.get(k);
  }
}

/**
 * For data-flow rules, which functions, classes and methods can produce untrusted data: those whose code contains a
 * source word (see `SinkNames.flowSources`) outside comments and prose, uses a module-level name that a statement
 * holding one binds, reads an attribute that such a method assigns or a class statement binds, or calls such a
 * function or method, to a fixed point. Any other function returns nothing untrusted when called.
 */
class SourceCapability {
  private readonly segments: boolean[];
  private readonly members = new Map<number, boolean[]>();

  constructor(
    source: string,
    segments: readonly Segment[],
    membersOf: (k: number) => Segment[] | undefined,
    stores: (member: Segment) => Set<number>,
    words: WordFinder,
    importsMaySource: boolean,
  ) {
    const offsets = anchorsInCode(segments, words.offsetsIn(source));
    const direct = anchoredSegments(segments, offsets);
    const keys = new WatchedKeys();
    if (importsMaySource) {
      // An import anywhere, and any name a module-level import mentions (`from . import a` binds `a`).
      keys.add(IMPORT).add(FROM);
      for (const s of segments) if (isImport(s)) addAll(keys, s.identifiers);
    }
    const attributes = new WatchedKeys();
    // Fields that methods able to produce untrusted data read: the methods that store them (a constructor keeping
    // a connection) matter too, for the object's field flows.
    const readFields = new WatchedKeys();
    const lineDone = segments.map((s) => s.lines?.map(() => false));
    const memberDirect = new Map<number, boolean[]>();
    this.segments = segments.map(() => false);
    const reaches = (code: Segment) => intersects(code.identifiers, keys) || intersects(code.attributes, attributes);
    const visit = (k: number): boolean => {
      const s = segments[k];
      let changed = false;
      if (s.lines) {
        s.lines.forEach((line, i) => {
          if (lineDone[k]![i] || !(hasAnchorIn(offsets, line.start, line.end) || intersects(line.identifiers, keys))) return;
          lineDone[k]![i] = true;
          this.segments[k] = true;
          addAll(keys, line.bound);
          changed = true;
        });
        return changed;
      }
      // A class is split into its members only once something in it can produce untrusted data.
      const members = s.isClass && (direct[k] || reaches(s)) ? membersOf(k) : undefined;
      if (!members) {
        if (this.segments[k] || !(direct[k] || reaches(s))) return false;
        this.segments[k] = true;
        if (s.definitionKey !== undefined) keys.add(s.definitionKey);
        addAll(keys, s.globals);
        if (s.isClass) addAll(attributes, s.attributes);
        return true;
      }
      let can = this.members.get(k);
      if (!can) this.members.set(k, (can = members.map(() => false)));
      let near = memberDirect.get(k);
      if (!near) memberDirect.set(k, (near = anchoredSegments(members, offsets)));
      members.forEach((m, i) => {
        if (can![i] || !(near![i] || reaches(m) || (m.definitionKey !== undefined && readFields.size > 0 && intersects(stores(m), readFields)))) return;
        can![i] = true;
        if (m.definitionKey !== undefined) attributes.add(m.definitionKey);
        else addAll(attributes, m.bound);
        addAll(attributes, stores(m));
        addAll(readFields, m.attributes);
        addAll(keys, m.globals);
        if (!this.segments[k] && s.definitionKey !== undefined) keys.add(s.definitionKey);
        this.segments[k] = true;
        changed = true;
      });
      return changed;
    };
    // A class split into members reads every key (its members' stored fields are not indexed).
    sweepToFixedPoint(segments.length, visit, () => capabilityReaders(segments, keys, attributes, readFields), (k) => this.members.has(k));
  }

  segment(k: number): boolean {
    return this.segments[k];
  }

  member(k: number, i: number): boolean {
    return this.members.get(k)?.[i] ?? this.segments[k];
  }
}

/** Which segments read which key of `SourceCapability`'s names: the names they mention, and their attributes. */
function capabilityReaders(segments: readonly Segment[], keys: WatchedKeys, attributes: WatchedKeys, readFields: WatchedKeys): Readers[] {
  const { byIdentifier, byAttribute } = partIndexes(segments);
  return [byIdentifier.readers(keys), byAttribute.readers(attributes), new KeyIndex().readers(readFields)];
}

/**
 * Whether a function may take arguments (code read with parameters as sources may pass data through it): true
 * unless its `def` plainly declares none, or only `self`/`cls`.
 */
function takesParameters(source: string, s: Segment): boolean {
  if (s.isClass || s.definition === undefined) return true;
  const end = Math.min(s.end, s.start + 4096);
  const open = defParametersStart(source, s.start, end, s.definition);
  if (open < 0) return true;
  // `()`, `(self)`, `(cls, )`: nothing to pass.
  let i = skipBlanks(source, open, end);
  if (source.startsWith("self", i) || source.startsWith("cls", i)) {
    i = skipBlanks(source, i + (source.startsWith("self", i) ? 4 : 3), end);
    if (source.charCodeAt(i) === 44 /* , */) i = skipBlanks(source, i + 1, end);
  }
  return !(i < end && source.charCodeAt(i) === 41); /* ) */
}

/**
 * Where the parameters of `def name(` (or `async def name(`) start, on the first line in `[from, end)` that opens
 * with it; -1 when no line does. Compared in place: a regular expression per function name costs more to compile.
 */
function defParametersStart(source: string, from: number, end: number, name: string): number {
  for (let line = from; line < end; ) {
    let i = skipBlanks(source, line, end);
    if (source.startsWith("async", i)) {
      const k = skipBlanks(source, i + 5, end);
      if (k > i + 5) i = k;
    }
    if (source.startsWith("def", i)) {
      let k = skipBlanks(source, i + 3, end);
      if (k > i + 3 && k + name.length <= end && source.startsWith(name, k)) {
        k = skipBlanks(source, k + name.length, end);
        if (k < end && source.charCodeAt(k) === 40 /* ( */) return k + 1;
      }
    }
    // The next line, after any line terminator (as `^` in a multiline regular expression sees them).
    while (line < end && !isLineTerminator(source.charCodeAt(line))) line++;
    line++;
  }
  return -1;
}

function skipBlanks(source: string, at: number, end: number): number {
  let i = at;
  while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  return i;
}

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function memoized<T>(compute: (k: number) => T): (k: number) => T {
  const done = new Map<number, T>();
  return (k) => {
    if (!done.has(k)) done.set(k, compute(k));
    return done.get(k)!;
  };
}

/**
 * The attributes the code of `m` may assign (an over-approximation): `x.a = ...`, `x.n += 1`, and through
 * `self`/`cls` also `self.a, self.b = ...`, `(self.a, self.b) = ...`, `with ... as self.f:`, `for self.x in ...`.
 * Read from dot to dot, in place, as this regular expression would find its matches one after another in the
 * segment's text (names are ASCII words; the text ends where the segment does):
 * `\.[ \t]*([A-Za-z_]\w*)[ \t]*(?=(?:\*\*|\/\/|>>|<<|[-+*\/%&|^@])?=(?!=))|\b(?:self|cls)[ \t]*\.[ \t]*([A-Za-z_]\w*)[ \t]*(?=[,:)\]]|in\b)`.
 */
export function assignedAttributes(source: string, m: Segment): Set<number> {
  const out = new Set<number>();
  const end = m.end;
  // Where the last match ended: the next may not start before it.
  let from = m.start;
  for (let dot = source.indexOf(".", from); dot >= 0 && dot < end; dot = source.indexOf(".", Math.max(dot + 1, from))) {
    const nameStart = skipBlanks(source, dot + 1, end);
    if (nameStart >= end || !isWordStart(source.charCodeAt(nameStart))) continue;
    let nameEnd = nameStart + 1;
    while (nameEnd < end && isWordChar(source.charCodeAt(nameEnd))) nameEnd++;
    const after = skipBlanks(source, nameEnd, end);
    // `self.x` / `cls.x`, when the word stands before this dot and after no word character, and the match may start there.
    const base = selfOrClsBefore(source, dot, m.start);
    if (base >= from) {
      const c = after < end ? source.charCodeAt(after) : -1;
      if (c === 44 || c === 58 || c === 41 || c === 93 || isWordIn(source, after, end)) {
        out.add(hashRange(source, nameStart, nameEnd));
        from = after;
        continue;
      }
      // `self.xin + 1`: the name gives back `in` to what follows it, a whole word again.
      if (nameEnd - nameStart >= 3 && source.startsWith("in", nameEnd - 2)) {
        out.add(hashRange(source, nameStart, nameEnd - 2));
        from = nameEnd - 2;
        continue;
      }
    }
    if (dot < from) continue;
    if (assignsAt(source, after, end)) {
      out.add(hashRange(source, nameStart, nameEnd));
      from = after;
    }
  }
  return out;
}

/** `=` (not `==`) at `at`, or an augmented assignment's operator (`+=`, `**=`, `>>=`, ...), before `end`. */
function assignsAt(source: string, at: number, end: number): boolean {
  const c = at < end ? source.charCodeAt(at) : -1;
  let eq = at;
  if (c !== 61) {
    const d = at + 1 < end ? source.charCodeAt(at + 1) : -1;
    // ** // >> <<
    if ((c === 42 || c === 47 || c === 62 || c === 60) && d === c && at + 2 < end && source.charCodeAt(at + 2) === 61) eq = at + 2;
    else if (c >= 0 && c < 128 && AUGMENTING[c] === 1 && d === 61) eq = at + 1;
    else return false;
  }
  return !(eq + 1 < end && source.charCodeAt(eq + 1) === 61);
}

/** `-+*\/%&|^@`: the one-character operators of augmented assignments. */
const AUGMENTING = new Uint8Array(128);
for (const ch of "-+*/%&|^@") AUGMENTING[ch.charCodeAt(0)] = 1;

/** `in` at `at` as a whole word (`\bin\b` with the text ending at `end`). */
function isWordIn(source: string, at: number, end: number): boolean {
  return at + 2 <= end && source.startsWith("in", at) && !(at + 2 < end && isWordChar(source.charCodeAt(at + 2)));
}

/** Where `self` or `cls` starts when it stands before the dot at `dot` (blanks between), after no word character; -1 otherwise. */
function selfOrClsBefore(source: string, dot: number, start: number): number {
  let i = dot;
  while (i > start && (source.charCodeAt(i - 1) === 32 || source.charCodeAt(i - 1) === 9)) i--;
  const at = i >= start + 4 && source.startsWith("self", i - 4) ? i - 4 : i >= start + 3 && source.startsWith("cls", i - 3) ? i - 3 : -1;
  return at >= 0 && (at === start || !isWordChar(source.charCodeAt(at - 1))) ? at : -1;
}

/** `[A-Za-z_]` */
function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

/** `\w`: ASCII letters, digits and `_`. */
function isWordChar(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57);
}

/**
 * Whether a statement that cannot lead to a sink must stay for what it binds: a name that kept code mentions
 * (`MODE = "r"` for `shelve.open(path, MODE)`, a constant, a local class's base), or any name (a star import).
 * A definition stays when it declares `global` names, which it may rebind.
 */
function keptForBindings(source: string, s: Segment, mentioned: Set<number>): boolean {
  if (s.definition !== undefined) return s.globals.size > 0;
  return intersects(s.bound, mentioned) || intersects(s.shadows, mentioned) || isStarImport(source, s);
}

/** Whether a module-level statement may hold an import (`from . import a` reads as `from` and an attribute `.import`). */
function isImport(s: Segment): boolean {
  return s.definition === undefined && (s.identifiers.has(IMPORT) || s.identifiers.has(FROM));
}

function isStarImport(source: string, s: Segment): boolean {
  return s.identifiers.has(IMPORT) && /\bimport\s*\(?\s*\*/.test(source.slice(s.start, s.end));
}

/** The anchors (sorted ascending) that fall in a segment, outside its comments and prose strings. */
function anchorsInCode(segments: readonly Segment[], anchors: readonly number[]): number[] {
  const out: number[] = [];
  let k = 0;
  let p = 0;
  for (let a = 0; a < anchors.length; a++) {
    const at = anchors[a];
    while (k < segments.length && segments[k].end <= at) {
      k++;
      p = 0;
    }
    if (k === segments.length) break;
    const s = segments[k];
    if (at < s.start) continue;
    while (p < s.prose.length && s.prose[p + 1] <= at) p += 2;
    if (p < s.prose.length && s.prose[p] <= at) continue;
    out.push(at);
  }
  return out;
}

/** For each segment, whether an anchor (sorted ascending) falls inside it. */
function anchoredSegments(segments: readonly Segment[], anchors: readonly number[]): boolean[] {
  const marked = new Array<boolean>(segments.length).fill(false);
  let k = 0;
  for (let a = 0; a < anchors.length; a++) {
    const at = anchors[a];
    while (k < segments.length && segments[k].end <= at) k++;
    if (k === segments.length) break;
    if (segments[k].start <= at) marked[k] = true;
  }
  return marked;
}

/** Whether an anchor (sorted ascending) falls in `[start, end)`. */
function hasAnchorIn(anchors: readonly number[], start: number, end: number): boolean {
  const first = lowerBound(anchors, start);
  return first < anchors.length && anchors[first] < end;
}

/**
 * A sink held in a class attribute or an instance attribute (`loads = staticmethod(pickle.loads)`,
 * `self._load = pickle.load`) is called through the class, `self` or an instance from anywhere: such a class is
 * kept whole and its name counts like a name bound from a sink.
 */
function holdsSinkInAttribute(source: string, members: readonly Segment[] | undefined, anchors: readonly number[]): boolean {
  if (!members) return false;
  const anchored = anchoredSegments(members, anchors);
  return members.some((m, i) => anchored[i] && (m.definition === undefined || ASSIGNS_ATTRIBUTE.test(source.slice(m.start, m.end))));
}

function classHeaderIsRelevant(s: Segment, anchors: readonly number[], boundNames: Set<number>): boolean {
  if (s.bodyStart === undefined) return true;
  if (s.headerIdentifiers && intersects(s.headerIdentifiers, boundNames)) return true;
  return hasAnchorIn(anchors, s.start, s.bodyStart);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const IMPORT = identifierKey("import");
const FROM = identifierKey("from");
const STAR_IMPORT = /\bfrom\s+[\w.\s\\]*?\bimport\s*\(?\s*\*/g;

const BUILTIN_KEYS = [...PYTHON_BUILTINS].map(identifierKey);

const FROM_MODULE_IMPORT_STAR = /\bfrom\s+([\w.]+)\s+import\s*\(?\s*\*/g;

/** Whether the statement holds a star import of a module that leads to a sink, or one whose module is unclear. */
function starImportsSink(source: string, s: Segment, sinks: SinkNames): boolean {
  if (!isStarImport(source, s)) return false;
  let clear = 0;
  for (const m of source.slice(s.start, s.end).matchAll(FROM_MODULE_IMPORT_STAR)) {
    const module = m[1];
    if (module.startsWith(".") || sinks.leadsToSink(module)) return true;
    clear++;
  }
  return clear === 0;
}

/** Whether the statement holds a `from m import *` whose module name has an anchor (`from pickle import *`). */
function hasStarImportOfAnchor(source: string, s: Segment, anchors: readonly number[]): boolean {
  if (!s.identifiers.has(IMPORT)) return false;
  STAR_IMPORT.lastIndex = 0;
  const text = source.slice(s.start, s.end);
  for (let m = STAR_IMPORT.exec(text); m; m = STAR_IMPORT.exec(text)) {
    if (hasAnchorIn(anchors, s.start + m.index, s.start + m.index + m[0].length)) return true;
  }
  return false;
}

const PLAIN_IMPORT = /^[ \t]*import[ \t]+([\w. \t,]+?)[ \t]*(?:#[^\n]*)?(?:\n|$)/y;
const BLANK_OR_COMMENT_LINES = /^(?:[ \t]*(?:#[^\n]*)?(?:\n|$))*$/;

/**
 * For a plain `import a, b.c as d` statement, the names bound by the clauses that hold an anchor: in
 * `import io, os, pickle` only `pickle` can lead to a sink. Undefined for any other statement.
 */
function importedFromAnchors(source: string, s: Segment, anchors: readonly number[]): Set<number> | undefined {
  if (!s.identifiers.has(IMPORT)) return undefined;
  const text = source.slice(s.start, s.end);
  PLAIN_IMPORT.lastIndex = 0;
  const m = PLAIN_IMPORT.exec(text);
  if (!m || !BLANK_OR_COMMENT_LINES.test(text.slice(m[0].length))) return undefined;
  const names = new Set<number>();
  let at = s.start + m.index + m[0].indexOf(m[1]);
  for (const clause of m[1].split(",")) {
    if (hasAnchorIn(anchors, at, at + clause.length)) {
      const words = clause.trim().split(/\s+/);
      names.add(identifierKey(words.length === 3 && words[1] === "as" ? words[2] : words[0].split(".")[0]));
    }
    at += clause.length + 1;
  }
  return names;
}

function intersects(a: Set<number>, b: Set<number>): boolean {
  return a.size > b.size ? someIn(b, a) : someIn(a, b);
}

/** Whether some element of `a` (the smaller set) is in `b`; no array is made to swap them, as a destructuring swap does until optimised. */
function someIn(a: Set<number>, b: Set<number>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function addAll(into: Set<number>, from: Set<number>): void {
  for (const x of from) into.add(x);
}

// What code reads attributes from meets its rarer paths when the module loads (see `RARE_FORMS`): twice, as V8
// records what a function meets only once it has run a while.
for (let round = 0; round < 2; round++) {
  for (const s of splitTopLevel(RARE_FORMS) ?? []) {
    assignedAttributes(RARE_FORMS, s);
    for (const m of (s.isClass && splitClassBody(RARE_FORMS, s)) || []) assignedAttributes(RARE_FORMS, m);
  }
}
