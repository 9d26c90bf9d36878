/**
 * The shapes of the CRMScript API catalog: the committed JSON data
 * (`Raw…`, as `npm run build:catalog` writes it) and the immutable, indexed
 * view the rest of the product reads (`ClassInfo`, `OverloadInfo`, …).
 *
 * Type names stay CRMScript spellings (`Integer`, `NSLink[]`); turning them
 * into semantic types is the semantics layer's job.
 */

/** `DataStructure` holds the pseudo-classes `Array` and `Struct`: the built-in members of every array and every struct. */
export type Namespace = "Global" | "Native" | "NetServer" | "DataStructure";

/** The documentation's placeholder in `DataStructure` signatures: an array's element type, or the struct itself. */
export const TYPE_PLACEHOLDER = "{type}";

export interface RawParameter {
  readonly name: string;
  readonly type: string;
}

export interface RawOverload {
  readonly params: readonly RawParameter[];
  readonly returns?: string;
  readonly since?: string;
  readonly envir?: string;
  readonly docId?: string;
  readonly src?: string;
  readonly deprecated?: string | true;
}

export interface RawClass {
  readonly kind: string;
  readonly ns: string;
  readonly uid: string;
  readonly page?: string;
  readonly since?: string;
  readonly envir?: string;
  readonly src?: string;
  readonly deprecated?: string | true;
  readonly undocumented?: true;
  readonly ctors?: readonly RawOverload[];
  readonly methods: Readonly<Record<string, readonly RawOverload[]>>;
}

export interface RawEnum {
  readonly ns: string;
  readonly uid: string;
  readonly page?: string;
  readonly since?: string;
  readonly src?: string;
  readonly deprecated?: string | true;
  readonly undocumented?: true;
  readonly members: Readonly<Record<string, number | null>>;
}

export interface RawTrigger {
  readonly event?: number;
  readonly since?: string;
  readonly inputs?: readonly string[];
  readonly outputs?: readonly string[];
}

export interface RawCatalog {
  readonly schema: string;
  readonly docs: { readonly pageUrl: string; readonly functionsPage: string };
  readonly types: Readonly<Record<string, RawClass>>;
  readonly enums: Readonly<Record<string, RawEnum>>;
  readonly functions: Readonly<Record<string, readonly RawOverload[]>>;
  readonly triggers: Readonly<Record<string, RawTrigger>>;
  readonly dataStructures: Readonly<Record<"Array" | "Struct", RawClass>>;
  readonly aliases: Readonly<Record<string, string>>;
}

/** Facts every catalog item may carry. */
export interface Provenance {
  /** The SuperOffice version the item appeared in, verbatim (`7.0`, `8.5R08`, `10.3.12`). */
  readonly since: string | undefined;
  /** True when the item exists only on on-site installations (`envir: onsite`). */
  readonly onsiteOnly: boolean;
  /** True when only the official language server knows the item (no `since` then). */
  readonly fromLanguageServer: boolean;
  /** Set when the catalog marks the item deprecated: the reason or replacement it gives, or true. No source does so today. */
  readonly deprecated: string | true | undefined;
  /**
   * True for a name the documentation uses in signatures but documents nowhere
   * (`NSBinary`): a known name whose members (or enum members) are unknown, so
   * nothing about them can be checked.
   */
  readonly undocumented: boolean;
}

export interface ParameterInfo {
  readonly name: string;
  /** A CRMScript type spelling. */
  readonly type: string;
}

/** One overload of a global function, a method or a constructor. */
export interface OverloadInfo extends Provenance {
  /** The function or method name; `#ctor` for constructors. */
  readonly name: string;
  /** The class it belongs to; undefined for global functions. */
  readonly owner: ClassInfo | undefined;
  readonly parameters: readonly ParameterInfo[];
  /** A CRMScript type spelling; the class name for constructors. */
  readonly returns: string;
  /** The member part of the documentation anchor when it differs from the canonical `name(T1,T2)`. */
  readonly docId: string | undefined;
}

/** A method name (or global function name) with its overloads, sorted by parameter count. */
export interface MethodInfo {
  readonly name: string;
  readonly owner: ClassInfo | undefined;
  readonly overloads: readonly OverloadInfo[];
}

export interface ClassInfo extends Provenance {
  readonly name: string;
  readonly namespace: Namespace;
  readonly uid: string;
  /** The documentation page name (the uid unless the catalog says otherwise). */
  readonly page: string;
  /** Constructor overloads; undefined when the catalog does not know them. */
  readonly constructors: readonly OverloadInfo[] | undefined;
  readonly methods: ReadonlyMap<string, MethodInfo>;
}

export interface EnumInfo extends Provenance {
  readonly name: string;
  readonly uid: string;
  readonly page: string;
  /** Member name → value; null where no source gives the value. */
  readonly members: ReadonlyMap<string, number | null>;
}

export interface TriggerInfo {
  readonly name: string;
  readonly event: number | undefined;
  readonly since: string | undefined;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}
