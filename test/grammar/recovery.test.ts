/**
 * Error recovery: exact diagnostics (code and 1-based line:column) for small
 * scripts with deliberate mistakes, and the shape of the tree the parser
 * recovers (spec §14 D1/D2: where a missing ';', an unclosed '{' and an
 * unterminated string or comment are reported; the code after a mistake is
 * still parsed).
 */
import { describe, expect, it } from "vitest";
import { parseSource, type Diagnostic, type Node, type SourceFile, type Statement, type VariableDeclaration } from "../../grammar/index.js";
import { walk } from "../../grammar/walk.js";

/** "line:column", both 1-based. */
function at(file: SourceFile, offset: number): string {
  const position = file.lineIndex.position(offset);
  return `${position.line + 1}:${position.column + 1}`;
}

/** "code start-end" for every diagnostic of the file. */
function diagnosticsOf(file: SourceFile): string[] {
  return file.diagnostics.map((diagnostic) => `${diagnostic.code} ${at(file, diagnostic.range.start)}-${at(file, diagnostic.range.end)}`);
}

function onlyDiagnostic(file: SourceFile): Diagnostic {
  expect(file.diagnostics).toHaveLength(1);
  return file.diagnostics[0] as Diagnostic;
}

/** Every variable declaration with this name, anywhere in the tree. */
function declarations(root: Node, name: string): VariableDeclaration[] {
  const found: VariableDeclaration[] = [];
  walk(root, (node) => {
    if (node.kind === "VariableDeclaration" && node.name.name === name) found.push(node);
  });
  return found;
}

function kinds(statements: readonly Statement[]): string[] {
  return statements.map((statement) => statement.kind);
}

describe("two independent mistakes", () => {
  it("reports both, each at its own line, and parses the rest", () => {
    const text = ["Integer total = 0", "Integer count = countRows(5;", "Integer after = 3;"].join("\n");
    const file = parseSource(text);
    expect(diagnosticsOf(file)).toEqual(["syntax-missing-semicolon 1:18-1:18", "syntax-missing-token 2:28-2:28"]);
    expect(kinds(file.program.statements)).toEqual(["VariableDeclaration", "VariableDeclaration", "VariableDeclaration"]);
    expect(declarations(file.program, "after")).toHaveLength(1);
  });

  it("reports a mistake in a function and another after it", () => {
    const text = ["Integer twice(Integer x) {", "  Integer y = x * 2", "  return y;", "}", "Integer z = twice(2);", "printLine(z.toString();", "z++;"].join(
      "\n",
    );
    const file = parseSource(text);
    expect(diagnosticsOf(file)).toEqual(["syntax-missing-semicolon 2:20-2:20", "syntax-missing-token 6:23-6:23"]);
    const fn = file.program.statements[0];
    expect(fn?.kind).toBe("FunctionDeclaration");
    if (fn?.kind !== "FunctionDeclaration") return;
    expect(kinds(fn.body?.statements ?? [])).toEqual(["VariableDeclaration", "ReturnStatement"]);
    expect(kinds(file.program.statements)).toEqual(["FunctionDeclaration", "VariableDeclaration", "ExpressionStatement", "ExpressionStatement"]);
  });
});

describe("missing '}' at the end of the file (D2)", () => {
  it("is reported at the end of the file with related information at the '{'", () => {
    const text = "Void report(Integer n) {\n  if (n > 0) {\n    printLine(n.toString());\n  }\n";
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-unclosed-brace");
    expect(diagnostic.range).toEqual({ start: text.length, end: text.length });
    expect(at(file, diagnostic.range.start)).toBe("5:1");
    expect(diagnostic.related).toHaveLength(1);
    const related = diagnostic.related?.[0];
    expect(related?.range).toEqual({ start: text.indexOf("{"), end: text.indexOf("{") + 1 });
    expect(at(file, related?.range.start ?? -1)).toBe("1:24");
    expect(diagnostic.message).toContain("line 1");
  });

  it("points at the innermost '{' that stays open and keeps the statements inside it", () => {
    const text = 'Integer n = 0;\nwhile (n < 3) {\n  n++;\n  if (n == 2) {\n    printLine("two");\n  }\nprintLine("done");';
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-unclosed-brace");
    expect(at(file, diagnostic.range.start)).toBe("7:19");
    expect(diagnostic.range.end).toBe(text.length);
    expect(at(file, diagnostic.related?.[0]?.range.start ?? -1)).toBe("2:15");
    const loop = file.program.statements[1];
    expect(loop?.kind).toBe("WhileStatement");
    if (loop?.kind !== "WhileStatement" || loop.body?.kind !== "Block") throw new Error("expected a while loop with a block");
    expect(kinds(loop.body.statements)).toEqual(["ExpressionStatement", "IfStatement", "ExpressionStatement"]);
    expect(loop.end).toBe(text.length);
  });

  it("reports an unclosed struct body at the end of the file", () => {
    const text = "struct Point {\n  Integer x;\n  Integer y;\n";
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-unclosed-brace");
    expect(diagnostic.range.start).toBe(text.length);
    expect(diagnostic.related?.[0]?.range.start).toBe(text.indexOf("{"));
    const struct = file.program.statements[0];
    expect(struct?.kind === "StructDeclaration" ? struct.members.map((member) => member.name.name) : []).toEqual(["x", "y"]);
  });
});

describe("unterminated strings and comments (D2)", () => {
  it("reports a double-quoted string from the opening quote to the end of its line", () => {
    const text = 'String title = "VIP: + name;\nInteger y = 5;';
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-unterminated-string");
    expect(diagnostic.range.start).toBe(text.indexOf('"'));
    expect(diagnostic.range.end).toBe(text.indexOf("\n"));
    expect(at(file, diagnostic.range.start)).toBe("1:16");
    expect(declarations(file.program, "y")).toHaveLength(1);
    expect(declarations(file.program, "title")).toHaveLength(1);
  });

  it("reports a single-quoted string from its opening quote", () => {
    const text = "if (a == 'x) {\n  b = 1;\n}\nInteger y = 5;";
    const file = parseSource(text);
    const codes = file.diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes).toContain("syntax-unterminated-string");
    const diagnostic = file.diagnostics.find((candidate) => candidate.code === "syntax-unterminated-string");
    expect(diagnostic?.range.start).toBe(text.indexOf("'"));
    expect(at(file, diagnostic?.range.start ?? -1)).toBe("1:10");
    expect(declarations(file.program, "y")).toHaveLength(1);
  });

  it("does not treat an escaped quote as the end of the string", () => {
    const text = 'String s = "say \\"hi\\";\nInteger y = 5;';
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-unterminated-string");
    expect(diagnostic.range).toEqual({ start: text.indexOf('"'), end: text.indexOf("\n") });
  });

  it("reports an unterminated block comment at its '/*' and keeps the code before it", () => {
    const text = "Integer a = 1;\nprintLine(a.toString());\n  /* old code:\nInteger b = 2;\n";
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-unterminated-comment");
    expect(diagnostic.range.start).toBe(text.indexOf("/*"));
    expect(at(file, diagnostic.range.start)).toBe("3:3");
    expect(kinds(file.program.statements)).toEqual(["VariableDeclaration", "ExpressionStatement"]);
    expect(declarations(file.program, "b")).toEqual([]);
    expect(file.comments.map((comment) => comment.range.start)).toContain(text.indexOf("/*"));
  });
});

describe("missing ';' (D1)", () => {
  it("is reported zero-width at the end of the previous token, not on the next line", () => {
    const text = "Integer a = compute()\nInteger b = 2;";
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-missing-semicolon");
    expect(diagnostic.range).toEqual({ start: text.indexOf(")") + 1, end: text.indexOf(")") + 1 });
    expect(at(file, diagnostic.range.start)).toBe("1:22");
    expect(declarations(file.program, "a")[0]?.end).toBe(text.indexOf(")") + 1);
    expect(declarations(file.program, "b")).toHaveLength(1);
  });

  it("skips comments and blank lines when placing the diagnostic", () => {
    const text = "t.save() // store it\n\n/* next */\nt.close();";
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-missing-semicolon");
    expect(at(file, diagnostic.range.start)).toBe("1:9");
    expect(diagnostic.range.end).toBe(diagnostic.range.start);
    expect(file.program.statements).toHaveLength(2);
  });

  it("is reported after 'return x' before the closing brace", () => {
    const text = "Integer one() {\n  return 1\n}\nInteger y = one();";
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-missing-semicolon");
    expect(at(file, diagnostic.range.start)).toBe("2:11");
    expect(kinds(file.program.statements)).toEqual(["FunctionDeclaration", "VariableDeclaration"]);
  });

  it("is reported between two statements on the same line", () => {
    const text = "Integer x = 5 Integer y = 6;";
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-missing-semicolon");
    expect(at(file, diagnostic.range.start)).toBe("1:14");
    expect(declarations(file.program, "y")).toHaveLength(1);
  });

  it("is reported after a struct's closing brace", () => {
    const text = "struct Pair {\n  Integer a;\n}\nPair p;";
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-missing-semicolon");
    expect(at(file, diagnostic.range.start)).toBe("3:2");
    expect(kinds(file.program.statements)).toEqual(["StructDeclaration", "VariableDeclaration"]);
  });
});

describe("half-typed lines do not hide the statements after them", () => {
  const cases: [string, string, string][] = [
    ["agent.", "syntax-missing-token", "1:7"],
    ["agent.GetCo", "syntax-missing-semicolon", "1:12"],
    ["agent.GetContactEntity(", "syntax-expected-expression", "1:24"],
    ["agent.GetContactEntity(5).", "syntax-missing-token", "1:27"],
    ["Integer x = ", "syntax-expected-expression", "1:12"],
    ["Integer x = 1 +", "syntax-expected-expression", "1:16"],
    ["printLine(a,", "syntax-expected-expression", "1:13"],
  ];
  for (const [line, code, position] of cases) {
    it(JSON.stringify(line), () => {
      const text = `${line}\nInteger y = 5;\nprintLine(y.toString());`;
      const file = parseSource(text);
      const diagnostic = onlyDiagnostic(file);
      expect(diagnostic.code).toBe(code);
      expect(`${at(file, diagnostic.range.start)}-${at(file, diagnostic.range.end)}`).toBe(`${position}-${position}`);
      const y = declarations(file.program, "y");
      expect(y).toHaveLength(1);
      expect(y[0]?.initializer?.kind).toBe("IntegerLiteral");
      expect(at(file, y[0]?.start ?? -1)).toBe("2:1");
      expect(file.program.statements).toHaveLength(3);
      expect(file.program.statements[1]?.kind).toBe("VariableDeclaration");
    });
  }

  it("keeps a half-typed member access as a MemberExpression without a member", () => {
    const file = parseSource("NSContactAgent agent;\nagent.\nInteger y = 5;");
    const statement = file.program.statements[1];
    expect(statement?.kind).toBe("ExpressionStatement");
    if (statement?.kind !== "ExpressionStatement") return;
    expect(statement.expression.kind).toBe("MemberExpression");
    if (statement.expression.kind !== "MemberExpression") return;
    expect(statement.expression.member).toBeUndefined();
    expect(statement.expression.object.kind).toBe("Identifier");
  });

  it("keeps the initializer of a half-typed declaration as a MissingExpression", () => {
    const text = "Integer x = \nInteger y = 5;";
    const file = parseSource(text);
    const x = declarations(file.program, "x")[0];
    expect(x?.initializer?.kind).toBe("MissingExpression");
    expect(x?.initializer?.start).toBe(x?.initializer?.end);
  });

  it("stays inside the enclosing function body", () => {
    const text = "Void update() {\n  NSContactAgent agent;\n  agent.GetCo\n  Integer y = 5;\n}\nupdate();";
    const file = parseSource(text);
    expect(diagnosticsOf(file)).toEqual(["syntax-missing-semicolon 3:14-3:14"]);
    expect(kinds(file.program.statements)).toEqual(["FunctionDeclaration", "ExpressionStatement"]);
    const fn = file.program.statements[0];
    if (fn?.kind !== "FunctionDeclaration") throw new Error("expected a function");
    expect(kinds(fn.body?.statements ?? [])).toEqual(["VariableDeclaration", "ExpressionStatement", "VariableDeclaration"]);
  });
});

describe("one mistake gives one diagnostic", () => {
  const cases: [string, string, string, string][] = [
    ["switch", "switch (s) {\n  case 1: x = 2; break;\n}", "syntax-unsupported-statement", "1:1-1:7"],
    ["do while", "do {\n  x++;\n} while (x < 3);", "syntax-unsupported-statement", "1:1-1:3"],
    ["conditional operator", 'String s = ok ? "yes" : "no";', "syntax-unsupported-operator", "1:15-1:16"],
    ["'*='", "price *= 2;", "syntax-unsupported-operator", "1:7-1:9"],
    ["'%='", "price %= 2;", "syntax-unsupported-operator", "1:7-1:9"],
    ["'and'", "Bool b = x > 1 and y > 2;", "syntax-unsupported-operator", "1:16-1:19"],
    ["'or'", "if (x or y) z = 1;", "syntax-unsupported-operator", "1:7-1:9"],
    ["two declarators", "Integer a, b;", "syntax-multiple-declarators", "1:10-1:13"],
    ["catch with a parameter", "try {\n  x = 1;\n} catch (e) {\n  printLine(error);\n}", "syntax-catch-parameter", "3:9-3:12"],
    ["try without catch", "try {\n  x = 1;\n}", "syntax-try-block", "3:2-3:2"],
    ["C-style array brackets", "String names[5];", "syntax-array-brackets-after-name", "1:13-1:16"],
    ["hexadecimal literal", "Integer mask = 0xFF;", "syntax-invalid-number", "1:16-1:20"],
    ["exponent literal", "Float f = 1e5;", "syntax-invalid-number", "1:11-1:14"],
    ["missing ')' in an if condition", "if (x > 1 {\n  y = 2;\n}", "syntax-missing-token", "1:10-1:10"],
    ["missing ')' in a call", 'printLine("a" + b;', "syntax-missing-token", "1:18-1:18"],
    ["missing ')' in a parameter list", "Integer add(Integer a, Integer b {\n  return a + b;\n}", "syntax-missing-token", "1:33-1:33"],
    ["missing ']'", "x = list[1;", "syntax-missing-token", "1:11-1:11"],
    ["stray ')' on its own line", "x = 1;\n)\ny = 2;", "syntax-unexpected-token", "2:1-2:2"],
    ["stray '}'", "if (x) {\n  y = 1;\n}}\nz = 2;", "syntax-unexpected-token", "3:2-3:3"],
    ["stray 'else'", "x = 1;\nelse x = 2;", "syntax-unexpected-token", "2:1-2:5"],
    ["'throw' without a value", "throw;", "syntax-expected-expression", "1:6-1:6"],
    ["#include without quotes", "#include lib-http;", "syntax-missing-token", "1:9-1:9"],
    ["directive inside a function", "Void f() {\n  #setLanguageLevel 4;\n}", "syntax-misplaced-directive", "2:3-2:20"],
    ["statement in a struct body", "struct S {\n  Integer a;\n  a = 5;\n};", "syntax-invalid-struct-member", "3:3-3:9"],
    [
      "function defined on the same line inside a function",
      "Void outer() { Integer inner() { return 1; }\n  x = 1;\n}",
      "syntax-misplaced-declaration",
      "1:24-1:29",
    ],
    ["missing operand", "x = a +* b;", "syntax-expected-expression", "1:8-1:8"],
  ];
  for (const [name, body, code, range] of cases) {
    it(name, () => {
      const text = `${body}\nInteger after = 1;`;
      const file = parseSource(text);
      const diagnostic = onlyDiagnostic(file);
      expect(diagnostic.code).toBe(code);
      expect(diagnostic.severity).toBe("error");
      expect(`${at(file, diagnostic.range.start)}-${at(file, diagnostic.range.end)}`).toBe(range);
      expect(diagnostic.message.length).toBeGreaterThan(10);
      const last = file.program.statements.at(-1);
      expect(last?.kind).toBe("VariableDeclaration");
      expect(last?.kind === "VariableDeclaration" ? last.name.name : "").toBe("after");
    });
  }

  it("keeps the statements inside an unsupported do-while loop", () => {
    const file = parseSource("do {\n  Integer polled = 1;\n} while (polled < 3);");
    const statement = file.program.statements[0];
    expect(statement?.kind).toBe("UnsupportedStatement");
    if (statement?.kind !== "UnsupportedStatement") return;
    expect(statement.construct).toBe("do");
    expect(statement.parts.map((part) => part.kind)).toEqual(["Block", "BinaryExpression"]);
    expect(declarations(statement, "polled")).toHaveLength(1);
  });

  it("parses 'and' / 'or' with the precedence of '&&' / '||'", () => {
    const file = parseSource("Bool b = x > 1 or y and z;");
    expect(file.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["syntax-unsupported-operator", "syntax-unsupported-operator"]);
    const b = declarations(file.program, "b")[0];
    const value = b?.initializer;
    expect(value?.kind === "BinaryExpression" ? value.operator : undefined).toBe("||");
    const right = value?.kind === "BinaryExpression" ? value.right : undefined;
    expect(right?.kind === "BinaryExpression" ? right.operator : undefined).toBe("&&");
  });

  it("keeps the parts of a conditional expression", () => {
    const file = parseSource('String s = n > 1 ? "many" : "one" + suffix;');
    const value = declarations(file.program, "s")[0]?.initializer;
    expect(value?.kind).toBe("ConditionalExpression");
    if (value?.kind !== "ConditionalExpression") return;
    expect(value.condition.kind).toBe("BinaryExpression");
    expect(value.whenTrue.kind).toBe("StringLiteral");
    expect(value.whenFalse.kind === "BinaryExpression" ? value.whenFalse.operator : undefined).toBe("+");
  });

  it("keeps '*=' as an assignment so later phases see the target", () => {
    const file = parseSource("price *= 2;");
    const statement = file.program.statements[0];
    const expression = statement?.kind === "ExpressionStatement" ? statement.expression : undefined;
    expect(expression?.kind === "AssignmentExpression" ? expression.operator : undefined).toBe("*=");
  });

  it("keeps the body of a try whose catch has a parameter", () => {
    const file = parseSource("try {\n  Integer a = 1;\n} catch (e) {\n  Integer b = 2;\n}");
    const statement = file.program.statements[0];
    expect(statement?.kind).toBe("TryStatement");
    expect(declarations(file.program, "a")).toHaveLength(1);
    expect(declarations(file.program, "b")).toHaveLength(1);
  });

  it("treats a forgotten '}' before the next top-level function as one mistake", () => {
    const text = "Integer first() {\n  return 1;\n\nInteger second() {\n  return 2;\n}\nInteger z = second();";
    const file = parseSource(text);
    const diagnostic = onlyDiagnostic(file);
    expect(diagnostic.code).toBe("syntax-unclosed-brace");
    expect(at(file, diagnostic.range.start)).toBe("2:12");
    expect(diagnostic.related?.[0]?.range.start).toBe(text.indexOf("{"));
    expect(kinds(file.program.statements)).toEqual(["FunctionDeclaration", "FunctionDeclaration", "VariableDeclaration"]);
  });
});

describe("keywords in another letter case are not mistakes", () => {
  it("parses If / Else / Return / True / Struct without diagnostics", () => {
    const text = "Struct S {\n  Bool on = True;\n};\nBool f(S s) {\n  If (s.on) Return TRUE;\n  Else Return false;\n}";
    const file = parseSource(text);
    expect(file.diagnostics).toEqual([]);
    expect(kinds(file.program.statements)).toEqual(["StructDeclaration", "FunctionDeclaration"]);
    const fn = file.program.statements[1];
    const body = fn?.kind === "FunctionDeclaration" ? (fn.body?.statements ?? []) : [];
    expect(kinds(body)).toEqual(["IfStatement"]);
    const branch = body[0];
    expect(branch?.kind === "IfStatement" ? branch.elseStatement?.kind : undefined).toBe("ReturnStatement");
  });
});
