/**
 * The peer for `npm run bench:lsp`: TypeScript's language service, in
 * process, on the TypeScript rendering of the same realistic program, with
 * the CRMScript API declared to it from our catalog (classes, their methods
 * and the global functions, as `declare class` / `declare function`), so a
 * completion after `agent.` lists the same NetServer members ours does.
 * Measured as ours is: completion right after typing `agent.` on a new
 * line, and all diagnostics of the file after a one-character edit.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import ts from "typescript";
import { repositoryRoot } from "../test/support/paths.js";
import { latencySummary } from "./measure.js";
import { seededRandom } from "./realistic-script.js";

interface CatalogParam {
  readonly name: string;
  readonly type: string;
}
interface CatalogOverload {
  readonly params: readonly CatalogParam[];
  readonly returns?: string;
}
interface CatalogType {
  readonly ns: string;
  readonly ctors?: readonly CatalogOverload[];
  readonly methods: Readonly<Record<string, readonly CatalogOverload[]>>;
}
interface CatalogShape {
  readonly types: Readonly<Record<string, CatalogType>>;
  readonly functions: Readonly<Record<string, readonly CatalogOverload[]>>;
  readonly enums: Readonly<Record<string, unknown>>;
}

/** The built-in value types of CRMScript and the TypeScript types (or lib interfaces) they become. */
const valueTypes: Readonly<Record<string, { readonly type: string; readonly augments?: string }>> = {
  Integer: { type: "number", augments: "Number" },
  Long: { type: "number" },
  Float: { type: "number" },
  Byte: { type: "number" },
  String: { type: "string", augments: "String" },
  Bool: { type: "boolean", augments: "Boolean" },
  Void: { type: "void" },
  Generic: { type: "any" },
};

/** Words a TypeScript name cannot be. */
const reservedWords = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with".split(
    " ",
  ),
);

function identifier(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !reservedWords.has(name) ? name : `_${name.replace(/\W/g, "_")}`;
}

/** Declarations of the CRMScript API for TypeScript, generated from the catalog. */
export function catalogDeclarations(
  catalog: CatalogShape = JSON.parse(readFileSync(join(repositoryRoot, "server", "catalog", "data", "catalog.json"), "utf8")) as CatalogShape,
): string {
  const typeOf = (name: string | undefined): string => {
    if (name === undefined) return "void";
    const dimensions = /(\[\])*$/.exec(name)?.[0] ?? "";
    const base = name.slice(0, name.length - dimensions.length).replace(/\[\d*\]/g, "");
    const mapped = valueTypes[base]?.type ?? (catalog.types[base] !== undefined ? base : catalog.enums[base] !== undefined ? "number" : "any");
    return mapped + dimensions;
  };
  const signature = (overload: CatalogOverload): string =>
    overload.params.map((param, index) => `${identifier(param.name) || `arg${index}`}${index}: ${typeOf(param.type)}`).join(", ");
  const members = (type: CatalogType): string[] =>
    Object.entries(type.methods).flatMap(([name, overloads]) =>
      overloads.map((overload) => `  ${identifier(name)}(${signature(overload)}): ${typeOf(overload.returns)};`),
    );
  const out: string[] = [];
  for (const [name, type] of Object.entries(catalog.types)) {
    const value = valueTypes[name];
    if (value !== undefined) {
      if (value.augments !== undefined) out.push(`interface ${value.augments} {`, ...members(type), "}");
      continue;
    }
    out.push(`declare class ${name} {`, ...(type.ctors ?? [{ params: [] }]).map((ctor) => `  constructor(${signature(ctor)});`), ...members(type), "}");
  }
  for (const [name, overloads] of Object.entries(catalog.functions)) {
    for (const overload of overloads) out.push(`declare function ${identifier(name)}(${signature(overload)}): ${typeOf(overload.returns)};`);
  }
  return out.join("\n");
}

export interface PeerResult {
  readonly completion: { readonly p50: number; readonly p95: number; readonly items: number };
  readonly diagnosticsAfterEdit: { readonly p50: number; readonly p95: number };
}

/** A language service over files held in memory, with the ES5 library from the installed TypeScript. */
class MemoryHost implements ts.LanguageServiceHost {
  readonly files = new Map<string, { text: string; version: number }>();
  private readonly libFolder = dirname(ts.getDefaultLibFilePath({}));

  getCompilationSettings(): ts.CompilerOptions {
    return { target: ts.ScriptTarget.ES2015, lib: ["lib.es5.d.ts"], strict: true, noEmit: true, types: [] };
  }
  getScriptFileNames(): string[] {
    return [...this.files.keys()];
  }
  getScriptVersion(name: string): string {
    return String(this.files.get(name)?.version ?? 0);
  }
  getScriptSnapshot(name: string): ts.IScriptSnapshot | undefined {
    const file = this.files.get(name);
    if (file !== undefined) return ts.ScriptSnapshot.fromString(file.text);
    try {
      return ts.ScriptSnapshot.fromString(readFileSync(name.startsWith(this.libFolder) ? name : join(this.libFolder, name), "utf8"));
    } catch {
      return undefined;
    }
  }
  getCurrentDirectory(): string {
    return "/bench";
  }
  getDefaultLibFileName(options: ts.CompilerOptions): string {
    return ts.getDefaultLibFilePath(options);
  }
  fileExists(name: string): boolean {
    return this.files.has(name) || ts.sys.fileExists(name);
  }
  readFile(name: string): string | undefined {
    return this.files.get(name)?.text ?? ts.sys.readFile(name);
  }
  update(name: string, text: string): void {
    const file = this.files.get(name);
    this.files.set(name, { text, version: (file?.version ?? 0) + 1 });
  }
}

/** Runs the peer on `program` (the TypeScript rendering of the benchmark's script). */
export function runTypeScriptPeer(program: string): PeerResult {
  const host = new MemoryHost();
  const script = "/bench/script.ts";
  host.update("/bench/crmscript-api.d.ts", catalogDeclarations());
  host.update(script, program);
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const diagnosticsOf = (): number => service.getSyntacticDiagnostics(script).length + service.getSemanticDiagnostics(script).length;
  diagnosticsOf();

  // Completion right after typing `agent.` on a new line inside a function, at the lines ours uses.
  const lines = program.split("\n");
  const targets = lines.flatMap((line, index) => (line.startsWith("  entity = agent.Save") ? [index] : []));
  const completions: number[] = [];
  let items = 0;
  for (const lineNumber of targets.slice(0, 60)) {
    const insert = "  agent.";
    const edited = [...lines.slice(0, lineNumber), insert, ...lines.slice(lineNumber)].join("\n");
    host.update(script, edited);
    const offset = lines.slice(0, lineNumber).join("\n").length + 1 + insert.length;
    const start = performance.now();
    const result = service.getCompletionsAtPosition(script, offset, {});
    completions.push(performance.now() - start);
    items = result?.entries.length ?? 0;
    host.update(script, program);
    diagnosticsOf();
  }

  // All diagnostics of the file after one character is typed, then deleted.
  const afterEdit: number[] = [];
  const random = seededRandom(5);
  for (let round = 0; round < 30; round++) {
    const lineNumber = Math.floor(random() * (lines.length - 2));
    const offset = lines.slice(0, lineNumber).join("\n").length + (lineNumber > 0 ? 1 : 0);
    for (const text of [`${program.slice(0, offset)} ${program.slice(offset)}`, program]) {
      const start = performance.now();
      host.update(script, text);
      diagnosticsOf();
      afterEdit.push(performance.now() - start);
    }
  }
  service.dispose();
  return {
    completion: { ...latencySummary(completions), items },
    diagnosticsAfterEdit: latencySummary(afterEdit),
  };
}
