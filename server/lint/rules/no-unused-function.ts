/**
 * Rule: no-unused-function
 *
 * What: a top-level function that this script never calls, in a script that
 * runs code of its own at the top level (a call, an `if`, a loop, `try`,
 * `return`, template text…). Scripts whose top level only declares
 * (functions, structs, variables, directives) are taken for libraries,
 * whose functions are there for the scripts that `#include` them, and are
 * never reported; neither are struct methods (an includer may call them,
 * and `sort()` calls `compare` without naming it). Overloads count as one
 * function: when any overload of a name is called, none is reported, since
 * with arguments of unknown type the chosen overload is a guess. Calls from
 * inside the function itself (recursion) do not count as uses; a call
 * above the declaration is left to `used-before-declaration`. A library
 * that also runs code at its top level gets its functions reported: turn
 * the rule off for it.
 * Why: a function nobody calls is dead code, usually left over from
 * editing, or a sign that a call was removed or misspelt.
 * Fix: remove the function, or call it.
 *
 * Severity: a warning: an unused function compiles and runs.
 *
 * Invalid:
 *   Void greet(String name) {
 *     printLine("Hello " + name);
 *   }
 *   printLine("Hello");
 * Valid:
 *   Void greet(String name) {
 *     printLine("Hello " + name);
 *   }
 *   greet("world");
 */
import type { Statement } from "../../../grammar/index.js";
import type { FunctionSymbol } from "../../semantics/index.js";
import { defineRule } from "../rule.js";

/** Top-level statements that only declare: a script made of these alone is a library. */
const declaringKinds: ReadonlySet<Statement["kind"]> = new Set<Statement["kind"]>([
  "FunctionDeclaration",
  "StructDeclaration",
  "VariableDeclaration",
  "IncludeDirective",
  "LanguageLevelDirective",
  "EmptyStatement",
]);

function onlyDeclares(statement: Statement): boolean {
  if (statement.kind === "UnsupportedStatement") return statement.construct === "enum" || statement.construct === "directive";
  return declaringKinds.has(statement.kind);
}

export default defineRule({
  id: "no-unused-function",
  group: "correctness",
  defaultSeverity: "warning",
  description: "Top-level functions a script with top-level code never calls.",
  create(context) {
    return {
      end() {
        const { model, sourceFile } = context;
        const statements = sourceFile.program.statements;
        if (statements.every(onlyDeclares)) return;
        // A function called above its declaration already has a used-before-declaration error.
        const calledTooEarly = new Set(
          model.diagnostics
            .filter((diagnostic) => diagnostic.code === "used-before-declaration")
            .map((diagnostic) => sourceFile.text.slice(diagnostic.range.start, diagnostic.range.end)),
        );
        const overloads = new Map<string, FunctionSymbol[]>();
        for (const statement of statements) {
          if (statement.kind !== "FunctionDeclaration") continue;
          const symbol = model.functionSymbolOf(statement);
          if (symbol === undefined) continue;
          overloads.set(symbol.name, [...(overloads.get(symbol.name) ?? []), symbol]);
        }
        const calledFromOutside = (symbol: FunctionSymbol): boolean =>
          model.referencesTo(symbol).some(({ name }) => name.start < symbol.node.start || name.start >= symbol.node.end);
        for (const [name, symbols] of overloads) {
          if (calledTooEarly.has(name) || symbols.some(calledFromOutside)) continue;
          for (const symbol of symbols) {
            context.report({ range: symbol.location, message: `function '${name}' is never called in this script: remove it, or call it` });
          }
        }
      },
    };
  },
});
