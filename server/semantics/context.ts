/**
 * The state shared by the statement and expression checkers while one file
 * is analysed: the catalog and type tables, the options, the fact tables
 * being filled, and the checks several places need: resolving a written
 * type, reporting an unknown name once, and checking a catalog item against
 * the target version and platform.
 */
import type { Identifier, LineIndex, TextRange, TypeReference } from "../../grammar/index.js";
import type { Provenance } from "../catalog/types.js";
import type { DeclarationIndex } from "./declaration-index.js";
import type { SemanticFacts } from "./facts.js";
import type { MemberTable } from "./members.js";
import type { Scope } from "./scope.js";
import { bestNames, didYouMean } from "./suggest.js";
import type { StructSymbol } from "./symbols.js";
import { arrayOfDimensions, unknownType, type Type, type TypeTable } from "./types.js";
import { isNewerThan } from "./versions.js";

export type Platform = "online" | "onsite";

export interface SemanticOptions {
  /** The SuperOffice version scripts must run on (`10.2`); API from later versions is reported. */
  readonly targetVersion?: string | undefined;
  /** With `online`, API that exists only on on-site installations is an error. */
  readonly platform?: Platform | undefined;
}

/** The NetServer agents CRMScript cannot use (spec §8, D9), whether or not the catalog lists them. */
export const UNAVAILABLE_NETSERVER_CLASSES: ReadonlySet<string> = new Set([
  "NSAudienceAgent",
  "NSBulkUpdateAgent",
  "NSCRMScriptAgent",
  "NSDashboardAgent",
  "NSDatabaseAgent",
  "NSDatabaseTableAgent",
  "NSErpSyncAgent",
  "NSTrayAppAgent",
  "NSEmailAgent",
  "NSFileManagerAgent",
]);

/** Reserved words the scanner reads as names (spec §1.4): the built-in type and legacy class names. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  "Bool",
  "Date",
  "Float",
  "Generic",
  "Integer",
  "String",
  "Time",
  "Void",
  "Category",
  "Company",
  "Customer",
  "Diary",
  "Email",
  "Inbox",
  "Invoice",
  "License",
  "Message",
  "Priority",
  "Ticket",
  "User",
]);

/** Where code stands: its scope and, inside a function or method, that function's facts. */
export interface Place {
  readonly scope: Scope;
  readonly function: FunctionContext | undefined;
}

export interface FunctionContext {
  readonly name: string;
  readonly returnType: Type;
  /** The struct whose method this is (the type of `this`). */
  readonly owner: StructSymbol | undefined;
}

/** A question to the declaration index and its answer, kept so that a resumed analysis can tell whether the answer still holds. */
export interface ForwardQuery {
  readonly name: string;
  readonly offset: number;
  readonly declaredAt: number | undefined;
}

export class CheckContext {
  /** Names already reported as unknown, in the order reported: one diagnostic per name, later uses are silent. */
  private readonly reportedNames = new Set<string>();
  /** Every question to `declarations`, in order (a use of a name before its declaration depends on code further down). */
  readonly forwardQueries: ForwardQuery[] = [];

  constructor(
    readonly facts: SemanticFacts,
    readonly types: TypeTable,
    readonly members: MemberTable,
    readonly options: SemanticOptions,
    /** Where the file declares each name (for "used before its declaration"). */
    readonly declarations: DeclarationIndex,
    /** The file's lines, or how to get them: only messages that name a line need them, so most files never do. */
    private readonly lines: LineIndex | (() => LineIndex),
  ) {}

  get catalog() {
    return this.types.catalog;
  }

  /** The names reported as unknown so far, in order. */
  get reportedNamesInOrder(): IterableIterator<string> {
    return this.reportedNames.values();
  }

  get reportedNameCount(): number {
    return this.reportedNames.size;
  }

  /** Carries over what an earlier analysis of the same code had reported and asked (a resumed analysis). */
  carryOver(reportedNames: Iterable<string>, forwardQueries: readonly ForwardQuery[]): void {
    for (const name of reportedNames) this.reportedNames.add(name);
    this.forwardQueries.push(...forwardQueries);
  }

  /** Where `name` is declared after `offset` in a block containing it (`DeclarationIndex.laterDeclaration`), recorded. */
  laterDeclaration(name: string, offset: number): number | undefined {
    const declaredAt = this.declarations.laterDeclaration(name, offset);
    this.forwardQueries.push({ name, offset, declaredAt });
    return declaredAt;
  }

  /** True the first time a name is reported as unknown. */
  firstReport(name: string): boolean {
    if (this.reportedNames.has(name)) return false;
    this.reportedNames.add(name);
    return true;
  }

  /** The 1-based line of an offset in this file, for messages. */
  lineOf(offset: number): number {
    const lines = typeof this.lines === "function" ? this.lines() : this.lines;
    return lines.position(offset).line + 1;
  }

  /** Whether `checkAvailability` reports something for this item: asked first where describing the item costs. */
  isRestricted(item: Provenance): boolean {
    return (item.onsiteOnly && this.options.platform === "online") || isNewerThan(item.since, this.options.targetVersion);
  }

  /** Reports a catalog item newer than the target version or missing on the configured platform. */
  checkAvailability(item: Provenance, what: string, range: TextRange): void {
    if (item.onsiteOnly && this.options.platform === "online") {
      this.facts.report(
        "onsite-only-api",
        range,
        `${what} exists only on on-site installations; it is not available on SuperOffice Online (the configured platform)`,
      );
    }
    if (isNewerThan(item.since, this.options.targetVersion)) {
      this.facts.report(
        "api-newer-than-target",
        range,
        `${what} appeared in SuperOffice ${item.since as string}; the target version is ${this.options.targetVersion as string}, where it does not exist`,
      );
    }
  }

  /** The type a written type reference names, reporting what is wrong with it (once per unknown name). */
  resolveTypeReference(reference: TypeReference, scope: Scope): Type {
    const element = this.resolveTypeName(reference.name, scope);
    return element.kind === "unknown" ? unknownType : arrayOfDimensions(element, reference.dimensions.length);
  }

  private resolveTypeName(name: Identifier, scope: Scope): Type {
    const text = name.name;
    const struct = scope.lookupStruct(text);
    if (struct !== undefined) {
      this.facts.refer(name, struct, false);
      return struct.type;
    }
    if (UNAVAILABLE_NETSERVER_CLASSES.has(text)) {
      this.facts.report(
        "unavailable-netserver-class",
        name,
        `${text} is not available in CRMScript (spec §8): CRMScript scripts cannot use this NetServer agent`,
      );
      return unknownType;
    }
    const classType = this.types.classType(text);
    if (classType !== undefined) {
      this.facts.resolve(name, this.members.classResolution(classType.info));
      this.checkAvailability(classType.info, text, name);
      return classType;
    }
    const enumType = this.types.enumOfTypeName(text);
    if (enumType !== undefined) {
      this.facts.resolve(name, { kind: "catalog-enum", info: enumType.info, alias: enumType.alias });
      const spelled = enumType.alias === undefined ? "" : ` (written ${text})`;
      this.facts.report(
        "enum-as-type",
        name,
        `${enumType.info.name}${spelled} is a NetServer enum, so as a type it means Integer (spec A15-2); write Integer to say so`,
      );
      return this.types.builtin("Integer");
    }
    if (!this.firstReport(text)) return unknownType;
    if (this.laterDeclaration(text, name.start) !== undefined) {
      this.facts.report("used-before-declaration", name, `struct '${text}' is used before its declaration further down; move the struct above its first use`);
    } else {
      const candidates = [...this.structNames(scope), ...this.catalog.classNames];
      const suggestions = bestNames(text, candidates);
      this.facts.report("unknown-type", name, `unknown type '${text}'${didYouMean(suggestions)}`, { suggestions });
    }
    return unknownType;
  }

  private *structNames(scope: Scope): Iterable<string> {
    for (let current: Scope | undefined = scope; current !== undefined; current = current.parent) {
      for (const entry of current.entries) if (entry.symbol.kind === "struct") yield entry.symbol.name;
    }
  }
}
