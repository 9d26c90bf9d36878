/**
 * The loaded API catalog: lookups by name (classes, global functions, enums,
 * triggers, type aliases) and the documentation-link rule.
 *
 * Entries are built from the raw data the first time they are asked for and
 * then kept: a script touches a few dozen of the 451 classes, so building
 * all 8,489 overloads up front would make every start-up pay for the whole
 * API. `validateAll()` builds everything and returns what was malformed.
 */
import { EntryBuilder } from "./entries.js";
import type { RawEntries } from "./raw-entries.js";
import type { ClassInfo, EnumInfo, MethodInfo, OverloadInfo, TriggerInfo } from "./types.js";

/** The raw sections of catalog data, each already known to be an object. */
export interface CatalogSections {
  readonly types: RawEntries;
  readonly enums: RawEntries;
  readonly functions: RawEntries;
  readonly triggers: RawEntries;
  /** `Array` and `Struct`: the built-in members of every array and every struct. */
  readonly dataStructures: RawEntries;
  readonly aliases: ReadonlyMap<string, string>;
  /** The page URL template, with `{page}` where the page name goes. */
  readonly pageUrl: string;
  /** The page (and uid) global functions are documented on. */
  readonly functionsPage: string;
}

/** Entries of one section, built on first request; a malformed entry is remembered as missing. */
class LazySection<T> {
  private readonly built = new Map<string, T | null>();
  readonly names: readonly string[];

  constructor(
    private readonly raw: RawEntries,
    private readonly build: (name: string, raw: unknown) => T | undefined,
  ) {
    this.names = raw.names;
  }

  get(name: string): T | undefined {
    const cached = this.built.get(name);
    if (cached !== undefined) return cached ?? undefined;
    if (!this.raw.has(name)) return undefined;
    const entry = this.build(name, this.raw.get(name)) ?? null;
    this.built.set(name, entry);
    return entry ?? undefined;
  }

  *all(): IterableIterator<T> {
    for (const name of this.names) {
      const entry = this.get(name);
      if (entry !== undefined) yield entry;
    }
  }
}

export class Catalog {
  private readonly problems: string[] = [];
  private readonly classSection: LazySection<ClassInfo>;
  private readonly functionSection: LazySection<MethodInfo>;
  private readonly enumSection: LazySection<EnumInfo>;
  private readonly triggerSection: LazySection<TriggerInfo>;
  private readonly dataStructureSection: LazySection<ClassInfo>;

  constructor(private readonly sections: CatalogSections) {
    const builder = new EntryBuilder(this.problems);
    this.classSection = new LazySection(sections.types, (name, raw) => builder.classInfo(name, raw));
    this.functionSection = new LazySection(sections.functions, (name, raw) => builder.functionInfo(name, raw));
    this.enumSection = new LazySection(sections.enums, (name, raw) => builder.enumInfo(name, raw));
    this.triggerSection = new LazySection(sections.triggers, (name, raw) => builder.triggerInfo(name, raw));
    this.dataStructureSection = new LazySection(sections.dataStructures, (name, raw) => builder.classInfo(name, raw, "dataStructures"));
  }

  classNamed(name: string): ClassInfo | undefined {
    return this.classSection.get(name);
  }

  enumNamed(name: string): EnumInfo | undefined {
    return this.enumSection.get(name);
  }

  /** The overloads of a global function (`printLine`, `GenericToInteger`, …). */
  globalFunction(name: string): MethodInfo | undefined {
    return this.functionSection.get(name);
  }

  /**
   * The members every array (`Array`) or every struct (`Struct`) has. Their
   * signatures may name `TYPE_PLACEHOLDER`: the element type, or the struct.
   */
  dataStructure(name: "Array" | "Struct"): ClassInfo | undefined {
    return this.dataStructureSection.get(name);
  }

  trigger(name: string): TriggerInfo | undefined {
    return this.triggerSection.get(name);
  }

  /** The declared name an undeclared signature type stands for (`NSExecuteOnEvent` → `ExecuteOnEvent`), from the catalog's `aliases`. */
  aliasOf(name: string): string | undefined {
    return this.sections.aliases.get(name);
  }

  /** Every class name, without building the classes (for completion of type names). */
  get classNames(): readonly string[] {
    return this.classSection.names;
  }

  get functionNames(): readonly string[] {
    return this.functionSection.names;
  }

  classes(): IterableIterator<ClassInfo> {
    return this.classSection.all();
  }

  globalFunctions(): IterableIterator<MethodInfo> {
    return this.functionSection.all();
  }

  enums(): IterableIterator<EnumInfo> {
    return this.enumSection.all();
  }

  triggers(): IterableIterator<TriggerInfo> {
    return this.triggerSection.all();
  }

  /** Builds every entry and returns one line per malformed one (empty for good data). */
  validateAll(): readonly string[] {
    const sections = [this.classSection, this.functionSection, this.enumSection, this.triggerSection, this.dataStructureSection];
    for (const section of sections) for (const _ of section.all());
    return [...this.problems];
  }

  /** The documentation page of a class or enum. */
  pageUrl(item: ClassInfo | EnumInfo): string {
    return this.sections.pageUrl.replace("{page}", item.page);
  }

  /** The documentation link of an overload: its class's page (or the global functions' page) and the member anchor. */
  overloadUrl(overload: OverloadInfo): string {
    const ownerUid = overload.owner?.uid ?? this.sections.functionsPage;
    const page = overload.owner?.page ?? this.sections.functionsPage;
    const member = `${ownerUid}.${overload.docId ?? canonicalMemberId(overload)}`;
    return `${this.sections.pageUrl.replace("{page}", page)}#${anchorOf(member)}`;
  }

  /** The documentation link of an enum member. */
  enumMemberUrl(item: EnumInfo, member: string): string {
    return `${this.pageUrl(item)}#${anchorOf(`${item.uid}.${member}`)}`;
  }
}

/** DocFX's anchor rule: every non-word character becomes `_`. */
function anchorOf(member: string): string {
  return member.replace(/\W/g, "_");
}

/** `name(T1,T2)`, or `#ctor` / `#ctor(T1,…)` for constructors: the member part of a documentation anchor. */
export function canonicalMemberId(overload: OverloadInfo): string {
  const types = overload.parameters.map((parameter) => parameter.type).join(",");
  if (overload.name === "#ctor" && types === "") return "#ctor";
  return `${overload.name}(${types})`;
}
