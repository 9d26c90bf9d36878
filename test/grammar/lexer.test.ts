/**
 * Scanner tables: input text → token kinds and images, and the lexical
 * diagnostics (spec §1: comments, identifiers, keywords in any case,
 * literals, escapes, operators, directives, EJScript templates).
 */
import { describe, expect, it } from "vitest";
import { scan } from "../../grammar/scanner.js";

function tokens(text: string): string[] {
  const buffer = scan(text).tokens;
  const out: string[] = [];
  for (let index = 0; index < buffer.count; index++) out.push(`${buffer.type(index).name} ${buffer.image(index)}`);
  return out;
}

function diagnostics(text: string): string[] {
  return scan(text).diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.range.start}-${diagnostic.range.end}`);
}

describe("scanner: token tables", () => {
  const table: [string, string[]][] = [
    ["Integer x = 42;", ["Identifier Integer", "Identifier x", "Assign =", "IntegerLiteral 42", "Semicolon ;"]],
    ["06 3.14 42L 9223372036854775807L", ["IntegerLiteral 06", "FloatLiteral 3.14", "LongLiteral 42L", "LongLiteral 9223372036854775807L"]],
    ['"a\\"b" \'single\' "it\'s"', ['StringLiteral "a\\"b"', "StringLiteral 'single'", 'StringLiteral "it\'s"']],
    ["if If IF else ELSE while for foreach", ["If if", "If If", "If IF", "Else else", "Else ELSE", "While while", "For for", "Foreach foreach"]],
    [
      "break continue return try catch throw struct",
      ["Break break", "Continue continue", "Return return", "Try try", "Catch catch", "Throw throw", "Struct struct"],
    ],
    ["true True FALSE this", ["True true", "True True", "False FALSE", "This this"]],
    [
      "in switch do null and _x x1 iff",
      ["Identifier in", "Identifier switch", "Identifier do", "Identifier null", "Identifier and", "Identifier _x", "Identifier x1", "Identifier iff"],
    ],
    [
      "a+=b-=c*=d/=e%=f",
      [
        "Identifier a",
        "PlusAssign +=",
        "Identifier b",
        "MinusAssign -=",
        "Identifier c",
        "StarAssign *=",
        "Identifier d",
        "SlashAssign /=",
        "Identifier e",
        "PercentAssign %=",
        "Identifier f",
      ],
    ],
    [
      "i++ j-- !a a!=b a==b <= >= < >",
      [
        "Identifier i",
        "PlusPlus ++",
        "Identifier j",
        "MinusMinus --",
        "Bang !",
        "Identifier a",
        "Identifier a",
        "NotEqual !=",
        "Identifier b",
        "Identifier a",
        "EqualEqual ==",
        "Identifier b",
        "LessEqual <=",
        "GreaterEqual >=",
        "Less <",
        "Greater >",
      ],
    ],
    ["a && b || c & d | e", ["Identifier a", "AndAnd &&", "Identifier b", "OrOr ||", "Identifier c", "Ampersand &", "Identifier d", "Pipe |", "Identifier e"]],
    ["x ? y : z", ["Identifier x", "Question ?", "Identifier y", "Colon :", "Identifier z"]],
    [
      "a.b(c)[d]{};,",
      [
        "Identifier a",
        "Dot .",
        "Identifier b",
        "LParen (",
        "Identifier c",
        "RParen )",
        "LBracket [",
        "Identifier d",
        "RBracket ]",
        "LBrace {",
        "RBrace }",
        "Semicolon ;",
        "Comma ,",
      ],
    ],
    ['#include "lib-http";', ["IncludeDirective #include", 'StringLiteral "lib-http"', "Semicolon ;"]],
    ["#setLanguageLevel 4;", ["LanguageLevelDirective #setLanguageLevel", "IntegerLiteral 4", "Semicolon ;"]],
    ["a // line comment\nb /* block\ncomment */ c", ["Identifier a", "Identifier b", "Identifier c"]],
    ["0x1F 1e5 12l .5", ["InvalidNumberLiteral 0x1F", "InvalidNumberLiteral 1e5", "InvalidNumberLiteral 12l", "InvalidNumberLiteral .5"]],
  ];
  for (const [input, expected] of table) {
    it(JSON.stringify(input), () => {
      expect(tokens(input)).toEqual(expected);
    });
  }

  it("keeps the spelling of keywords written in another case", () => {
    const buffer = scan("Return True;").tokens;
    expect([buffer.image(0), buffer.image(1)]).toEqual(["Return", "True"]);
  });

  it("marks tokens that start a new line", () => {
    const buffer = scan("a b\nc /* x\n */ d").tokens;
    expect([0, 1, 2, 3].map((index) => buffer.newLineBefore(index))).toEqual([false, false, true, true]);
  });

  it("collects both comment forms with their ranges", () => {
    const text = "// one\nx; /* two */";
    expect(scan(text).comments.map((comment) => [comment.kind, text.slice(comment.range.start, comment.range.end)])).toEqual([
      ["line", "// one"],
      ["block", "/* two */"],
    ]);
  });
});

describe("scanner: lexical diagnostics", () => {
  it("reports an unterminated string from its opening quote to the end of the line", () => {
    const text = 'x = "abc\ny;';
    expect(diagnostics(text)).toEqual(["syntax-unterminated-string 4-8"]);
  });

  it("reports an unterminated block comment at its opening", () => {
    expect(diagnostics("a; /* never closed")).toEqual(["syntax-unterminated-comment 3-5"]);
  });

  it("accepts the documented escapes and \\r, and warns on others", () => {
    expect(diagnostics('"\\" \\\' \\\\ \\; \\n \\t \\b \\r"')).toEqual([]);
    expect(diagnostics('"a\\qb"')).toEqual(["syntax-invalid-escape 2-4"]);
  });

  it("rejects number forms CRMScript lacks, with a hint", () => {
    const found = scan("Integer m = 0x1F;").diagnostics;
    expect(found.map((diagnostic) => diagnostic.code)).toEqual(["syntax-invalid-number"]);
    expect(found[0]?.message).toContain("hexadecimal");
    expect(scan("x = 1e5;").diagnostics[0]?.message).toContain("exponent");
    expect(scan("x = 12l;").diagnostics[0]?.message).toContain("upper-case 'L'");
    expect(diagnostics("x = 5.toString();")).toEqual(["syntax-invalid-number 4-6"]);
  });

  it("reports a run of unexpected characters once", () => {
    expect(diagnostics("a @@$ b")).toEqual(["syntax-unexpected-character 2-5"]);
  });

  it("skips every Unicode space as white space, without a diagnostic", () => {
    const spaces = "\u00a0\u1680\u2000\u2005\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff";
    expect(diagnostics(`a${spaces}b`)).toEqual([]);
    expect(tokens(`a${spaces}b`)).toEqual(["Identifier a", "Identifier b"]);
    expect(diagnostics("a @\u1680 b")).toEqual(["syntax-unexpected-character 2-3"]);
  });

  it("reports non-ASCII letters in names but keeps the name one token", () => {
    const result = scan("Integer antallÅr = 1;");
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["syntax-unexpected-character"]);
    expect(result.tokens.image(1)).toBe("antallÅr");
  });

  it("reports unknown directives", () => {
    expect(diagnostics("#pragma once")).toEqual(["syntax-unknown-directive 0-7"]);
  });
});

describe("scanner: EJScript templates", () => {
  it("turns text outside code blocks into template text and scans code in place", () => {
    const text = '<h1>x</h1>\n%EJSCRIPT_START%\n<p><% printLine("a"); %></p>\n%EJSCRIPT_END%\n';
    const result = scan(text);
    const buffer = result.tokens;
    const kinds: string[] = [];
    for (let index = 0; index < buffer.count; index++) kinds.push(buffer.type(index).name);
    expect(kinds).toEqual(["TemplateText", "Identifier", "LParen", "StringLiteral", "RParen", "Semicolon", "TemplateText"]);
    expect(buffer.image(1)).toBe("printLine");
    expect(text.slice(buffer.start(1), buffer.end(1))).toBe("printLine");
    expect(result.template?.codeBlocks.map((block) => text.slice(block.code.start, block.code.end))).toEqual([' printLine("a"); ']);
  });

  it("ends a code block at %> even inside a string (textual split) and says why", () => {
    const result = scan('%EJSCRIPT_START%<% x = "a%>b"; %>%EJSCRIPT_END%');
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain("syntax-unterminated-string");
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === "syntax-unterminated-string")?.message).toContain("%>");
  });

  it("reports a code block that is never closed", () => {
    expect(scan("%EJSCRIPT_START%<% x = 1;").diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["syntax-unclosed-template-block"]);
  });

  it("scans a file without the start marker as plain code", () => {
    expect(scan("x = 1; <% y").template).toBeUndefined();
  });
});
