/**
 * Builds the immutable view of single catalog entries (a class with its
 * methods and constructors, an enum, a global function, a trigger) from the
 * raw JSON, checking each field on the way. A malformed entry yields
 * `undefined` and a line in `problems`; nothing here throws.
 */
import type { ClassInfo, EnumInfo, MethodInfo, Namespace, OverloadInfo, ParameterInfo, Provenance, TriggerInfo } from "./types.js";

export type Json = Record<string, unknown>;

const NAMESPACES: ReadonlySet<string> = new Set<Namespace>(["Global", "Native", "NetServer", "DataStructure"]);

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function provenanceOf(raw: Json): Provenance {
  const deprecated = raw.deprecated === true ? true : optionalString(raw.deprecated) || undefined;
  return {
    since: optionalString(raw.since),
    onsiteOnly: raw.envir === "onsite",
    fromLanguageServer: raw.src === "lt",
    deprecated,
    undocumented: raw.undocumented === true,
  };
}

export class EntryBuilder {
  constructor(private readonly problems: string[]) {}

  private problem(where: string, what: string): undefined {
    this.problems.push(`${where}: ${what}`);
    return undefined;
  }

  private parameters(raw: unknown, where: string): ParameterInfo[] | undefined {
    if (!Array.isArray(raw)) return this.problem(where, "params is not a list");
    const parameters: ParameterInfo[] = [];
    for (const [index, parameter] of raw.entries()) {
      if (!isObject(parameter) || typeof parameter.name !== "string" || typeof parameter.type !== "string" || parameter.type === "") {
        return this.problem(where, `parameter ${index + 1} needs a name and a type`);
      }
      parameters.push(Object.freeze({ name: parameter.name, type: parameter.type }));
    }
    return parameters;
  }

  private overload(raw: unknown, name: string, owner: ClassInfo | undefined, where: string): OverloadInfo | undefined {
    if (!isObject(raw)) return this.problem(where, "an overload is not an object");
    const parameters = this.parameters(raw.params, where);
    if (parameters === undefined) return undefined;
    const isConstructor = name === "#ctor";
    const returns = isConstructor ? owner?.name : raw.returns;
    if (typeof returns !== "string" || returns === "") return this.problem(where, "an overload has no return type");
    return Object.freeze({ name, owner, parameters: Object.freeze(parameters), returns, docId: optionalString(raw.docId), ...provenanceOf(raw) });
  }

  private overloads(raw: unknown, name: string, owner: ClassInfo | undefined, where: string): OverloadInfo[] {
    if (!Array.isArray(raw)) {
      this.problem(where, "overloads are not a list");
      return [];
    }
    const overloads: OverloadInfo[] = [];
    for (const item of raw) {
      const overload = this.overload(item, name, owner, where);
      if (overload !== undefined) overloads.push(overload);
    }
    return overloads;
  }

  private method(name: string, raw: unknown, owner: ClassInfo | undefined, where: string): MethodInfo | undefined {
    const overloads = this.overloads(raw, name, owner, where);
    if (overloads.length === 0) return undefined;
    return Object.freeze({ name, owner, overloads: Object.freeze(overloads) });
  }

  /** A class of `types`, or (section `dataStructures`) the pseudo-class `Array` or `Struct`, whose namespace must be DataStructure. */
  classInfo(name: string, raw: unknown, section: "types" | "dataStructures" = "types"): ClassInfo | undefined {
    const where = `${section}.${name}`;
    if (!isObject(raw)) return this.problem(where, "not an object");
    if (typeof raw.ns !== "string" || !NAMESPACES.has(raw.ns)) return this.problem(where, `unknown namespace ${String(raw.ns)}`);
    if ((raw.ns === "DataStructure") !== (section === "dataStructures")) return this.problem(where, `namespace ${raw.ns} does not belong in ${section}`);
    if (typeof raw.uid !== "string") return this.problem(where, "no uid");
    if (!isObject(raw.methods)) return this.problem(where, "methods is not an object");
    const methods = new Map<string, MethodInfo>();
    // The class object exists before its members so that each overload can point back at it.
    const info = {
      name,
      namespace: raw.ns as Namespace,
      uid: raw.uid,
      page: optionalString(raw.page) ?? raw.uid,
      constructors: undefined as readonly OverloadInfo[] | undefined,
      methods: methods as ReadonlyMap<string, MethodInfo>,
      ...provenanceOf(raw),
    };
    if (raw.ctors !== undefined) info.constructors = Object.freeze(this.overloads(raw.ctors, "#ctor", info, `${where} constructors`));
    for (const [methodName, overloads] of Object.entries(raw.methods)) {
      const method = this.method(methodName, overloads, info, `${where}.${methodName}`);
      if (method !== undefined) methods.set(methodName, method);
    }
    return Object.freeze(info);
  }

  enumInfo(name: string, raw: unknown): EnumInfo | undefined {
    const where = `enums.${name}`;
    if (!isObject(raw) || typeof raw.uid !== "string" || !isObject(raw.members)) return this.problem(where, "needs a uid and members");
    const members = new Map<string, number | null>();
    for (const [member, value] of Object.entries(raw.members)) {
      if (value !== null && typeof value !== "number") return this.problem(`${where}.${member}`, "value is neither a number nor null");
      members.set(member, value);
    }
    return Object.freeze({ name, uid: raw.uid, page: optionalString(raw.page) ?? raw.uid, members, ...provenanceOf(raw) });
  }

  triggerInfo(name: string, raw: unknown): TriggerInfo | undefined {
    if (!isObject(raw)) return this.problem(`triggers.${name}`, "not an object");
    const names = (value: unknown): readonly string[] =>
      Array.isArray(value) ? Object.freeze(value.filter((item): item is string => typeof item === "string")) : [];
    return Object.freeze({
      name,
      event: typeof raw.event === "number" ? raw.event : undefined,
      since: optionalString(raw.since),
      inputs: names(raw.inputs),
      outputs: names(raw.outputs),
    });
  }

  functionInfo(name: string, raw: unknown): MethodInfo | undefined {
    return this.method(name, raw, undefined, `functions.${name}`);
  }
}
