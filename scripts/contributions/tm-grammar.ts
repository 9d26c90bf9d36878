/**
 * The TextMate grammar of CRMScript (`syntaxes/crmscript.tmLanguage.json`),
 * built from the language's own word lists: the parser's keywords (matched
 * in any letter case, as the parser does), the built-in value types, and the
 * catalog's native classes, NetServer classes and global functions. EJScript
 * templates (`%EJSCRIPT_START%` … `%EJSCRIPT_END%`) are HTML with CRMScript
 * inside `<% %>`; a code block ends at the first `%>` even inside a string
 * or comment, as the scanner splits it (spec §2.3).
 */

export interface GrammarVocabulary {
  /** Statement keywords and `struct`, `true`, `false`, `this`, lower-case. */
  readonly keywords: readonly string[];
  readonly builtinTypes: readonly string[];
  /** Native classes that are not built-in value types (`Map`, `SearchEngine`, `XMLNode`, …). */
  readonly nativeClasses: readonly string[];
  readonly netServerClasses: readonly string[];
  readonly globalFunctions: readonly string[];
  readonly templateStart: string;
  readonly templateEnd: string;
  readonly fileTypes: readonly string[];
}

type Rule = Record<string, unknown>;

const IDENTIFIER = "[_\\p{L}][_\\p{L}\\p{N}]*";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\%]/g, "\\$&");
}

/** An alternation of words, longest first so that no word hides a longer one. */
function words(list: readonly string[]): string {
  return [...new Set(list)]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map(escapeRegExp)
    .join("|");
}

/** Match rules from `[scope, regular expression]` pairs, tried in order. */
function matchRules(pairs: readonly (readonly [string, string])[]): Rule {
  return { patterns: pairs.map(([name, match]) => ({ name: `${name}.crmscript`, match })) };
}

const STRING_ESCAPE = { name: "constant.character.escape.crmscript", match: "\\\\[\"'\\\\;ntbr]" };

/**
 * The rules that differ inside a template's `<% %>` block: there every
 * string, comment and foreach header also ends before `%>`.
 */
function blockSensitiveRules(inBlock: boolean): Record<string, Rule> {
  const suffix = inBlock ? "-in-block" : "";
  const stopAtBlockEnd = inBlock ? "|(?=%>)" : "";
  // A string ends at the line's end too: real scripts have no multi-line strings (the scanner warns of
  // one), so an open quote while typing, or an apostrophe in template prose, colours one line, not the file.
  const string = (quote: string, kind: string): Rule => ({
    name: `string.quoted.${kind}.crmscript`,
    begin: quote,
    end: `${quote}|$${stopAtBlockEnd}`,
    beginCaptures: { 0: { name: "punctuation.definition.string.begin.crmscript" } },
    endCaptures: { 0: { name: "punctuation.definition.string.end.crmscript" } },
    patterns: [STRING_ESCAPE],
  });
  return {
    [`code${suffix}`]: {
      patterns: [
        { include: `#comments${suffix}` },
        { include: "#directives" },
        { include: `#strings${suffix}` },
        { include: "#numbers" },
        { include: "#struct-declaration" },
        { include: `#foreach-header${suffix}` },
        { include: "#function-declaration" },
        { include: "#keywords" },
        { include: "#types" },
        { include: "#declared-type" },
        { include: "#member" },
        { include: "#function-call" },
        { include: "#operators" },
        { include: "#punctuation" },
        { include: "#identifier" },
      ],
    },
    [`comments${suffix}`]: {
      patterns: [
        {
          name: "comment.block.documentation.crmscript",
          begin: "/\\*\\*(?!/)",
          end: `\\*/${stopAtBlockEnd}`,
          captures: { 0: { name: "punctuation.definition.comment.crmscript" } },
        },
        {
          name: "comment.block.crmscript",
          begin: "/\\*",
          end: `\\*/${stopAtBlockEnd}`,
          captures: { 0: { name: "punctuation.definition.comment.crmscript" } },
        },
        {
          name: "comment.line.double-slash.crmscript",
          match: inBlock ? "(//)(?:(?!%>).)*" : "(//).*$",
          captures: { 1: { name: "punctuation.definition.comment.crmscript" } },
        },
      ],
    },
    [`strings${suffix}`]: { patterns: [string('"', "double"), string("'", "single")] },
    [`foreach-header${suffix}`]: {
      // `in` is a keyword only here (spec §1.4); the header is `foreach (Type name in expression)`.
      begin: "(?i:\\b(foreach)\\b)\\s*(\\()",
      beginCaptures: { 1: { name: "keyword.control.loop.crmscript" }, 2: { name: "punctuation.section.parens.begin.crmscript" } },
      end: `\\)|(?=[{;])${stopAtBlockEnd}`,
      endCaptures: { 0: { name: "punctuation.section.parens.end.crmscript" } },
      name: "meta.foreach.header.crmscript",
      patterns: [
        { name: "keyword.control.in.crmscript", match: "\\bin\\b" },
        {
          begin: "\\(",
          end: `\\)${stopAtBlockEnd}`,
          captures: { 0: { name: "punctuation.section.parens.crmscript" } },
          patterns: [{ include: `#code${suffix}` }],
        },
        { include: `#code${suffix}` },
      ],
    },
  };
}

export function textMateGrammar(vocabulary: GrammarVocabulary): Rule {
  const keywordSet = new Set(vocabulary.keywords);
  const control = ["if", "else", "while", "for", "foreach", "break", "continue", "return", "try", "catch", "throw"].filter((word) => keywordSet.has(word));
  const notKeyword = `(?!(?i:(?:${words([...vocabulary.keywords, "in"])})\\b))`;
  const arraySuffix = "(?:\\s*\\[\\s*\\d*\\s*\\])*";
  const types: Rule = {
    patterns: [
      { name: "storage.type.primitive.crmscript", match: `\\b(?:${words(vocabulary.builtinTypes)})\\b` },
      { name: "support.class.netserver.crmscript", match: `\\b(?:${words(vocabulary.netServerClasses)})\\b` },
      { name: "support.class.builtin.crmscript", match: `\\b(?:${words(vocabulary.nativeClasses)})\\b` },
    ],
  };
  const typeName: Rule = { patterns: [{ include: "#types" }, { name: "entity.name.type.crmscript", match: IDENTIFIER }] };
  return {
    name: "CRMScript",
    scopeName: "source.crmscript",
    fileTypes: vocabulary.fileTypes,
    patterns: [{ include: "#template" }, { include: "#code" }],
    injections: {
      // Code blocks and parser variables are found anywhere in template text, even inside HTML tags and attribute values.
      "L:meta.template.crmscript - meta.embedded.block.crmscript": {
        patterns: [{ include: "#template-code-block" }, { include: "#template-variable" }],
      },
    },
    repository: {
      template: {
        begin: escapeRegExp(vocabulary.templateStart),
        end: escapeRegExp(vocabulary.templateEnd),
        captures: { 0: { name: "keyword.control.template.crmscript" } },
        contentName: "meta.template.crmscript text.html.basic",
        patterns: [{ include: "#template-code-block" }, { include: "#template-variable" }, { include: "text.html.basic" }],
      },
      "template-code-block": {
        name: "meta.embedded.block.crmscript",
        begin: "<%",
        end: "%>",
        beginCaptures: { 0: { name: "punctuation.section.embedded.begin.crmscript" } },
        endCaptures: { 0: { name: "punctuation.section.embedded.end.crmscript" } },
        contentName: "source.crmscript",
        patterns: [{ include: "#code-in-block" }],
      },
      "template-variable": {
        // Parser variables such as %customer.name% are replaced in template text (spec §2.3).
        name: "variable.other.template.crmscript",
        match: `%(?!${escapeRegExp(vocabulary.templateStart.slice(1))}|${escapeRegExp(vocabulary.templateEnd.slice(1))})${IDENTIFIER}(?:\\.${IDENTIFIER})*%`,
      },
      ...blockSensitiveRules(false),
      ...blockSensitiveRules(true),
      directives: {
        patterns: [
          {
            name: "meta.preprocessor.include.crmscript",
            match: '(#)(?i:include)\\b\\s*(?:(")([^"]*)("))?',
            captures: {
              0: { name: "keyword.control.directive.include.crmscript" },
              1: { name: "punctuation.definition.directive.crmscript" },
              2: { name: "string.quoted.double.include.crmscript punctuation.definition.string.begin.crmscript" },
              3: { name: "string.quoted.double.include.crmscript" },
              4: { name: "string.quoted.double.include.crmscript punctuation.definition.string.end.crmscript" },
            },
          },
          {
            name: "meta.preprocessor.language-level.crmscript",
            match: "(#)(?i:setLanguageLevel)\\b(?:\\s*(\\d+))?",
            captures: {
              0: { name: "keyword.control.directive.crmscript" },
              1: { name: "punctuation.definition.directive.crmscript" },
              2: { name: "constant.numeric.integer.crmscript" },
            },
          },
          // Only #include and #setLanguageLevel exist; the parser reports any other.
          { name: "invalid.illegal.directive.crmscript", match: "#[A-Za-z_]\\w*" },
        ],
      },
      numbers: {
        patterns: [
          { name: "constant.numeric.float.crmscript", match: "\\b\\d+\\.\\d+\\b(?!\\.\\d)" },
          {
            name: "constant.numeric.integer.long.crmscript",
            match: "\\b\\d+(L)\\b",
            captures: { 1: { name: "storage.type.numeric.long.crmscript" } },
          },
          { name: "constant.numeric.integer.crmscript", match: "\\b\\d+\\b(?!\\.\\d)" },
          // 0x1F, 1e5, 12l, 3.5f: no such literals in CRMScript (spec §1.5); the scanner reports them.
          { name: "invalid.illegal.numeric.crmscript", match: "\\b\\d+(?:\\.\\d+)?\\w*(?:(?<=[eE])[+-]\\d+)?" },
        ],
      },
      "struct-declaration": {
        match: `(?i:\\b(struct)\\b)\\s+(${IDENTIFIER})`,
        captures: { 1: { name: "storage.type.struct.crmscript" }, 2: { name: "entity.name.type.struct.crmscript" } },
      },
      "function-declaration": {
        // `Type name(` with optional `[]`: a function or method definition (calls have no type before the name).
        match: `\\b${notKeyword}(${IDENTIFIER})(${arraySuffix})\\s+${notKeyword}(${IDENTIFIER})\\s*(?=\\()`,
        captures: {
          1: typeName,
          2: { patterns: [{ include: "#punctuation" }] },
          3: { name: "entity.name.function.crmscript" },
        },
      },
      keywords: matchRules([
        ["keyword.control", `(?i:\\b(?:${words(control)})\\b)`],
        ["storage.type.struct", "(?i:\\bstruct\\b)"],
        ["constant.language.boolean.true", "(?i:\\btrue\\b)"],
        ["constant.language.boolean.false", "(?i:\\bfalse\\b)"],
        ["variable.language.this", "(?i:\\bthis\\b)"],
      ]),
      types,
      "declared-type": {
        // `Name variable` (a struct or unknown class in a declaration): the first name is a type.
        match: `\\b${notKeyword}(${IDENTIFIER})(?=${arraySuffix}\\s+${notKeyword}${IDENTIFIER}\\s*(?:[;=,)\\[]|\\bin\\b|$))`,
        captures: { 1: { name: "entity.name.type.crmscript" } },
      },
      member: {
        patterns: [
          {
            match: `(\\.)\\s*(${IDENTIFIER})(?=\\s*\\()`,
            captures: { 1: { name: "punctuation.accessor.crmscript" }, 2: { name: "entity.name.function.member.crmscript" } },
          },
          {
            match: `(\\.)\\s*(${IDENTIFIER})`,
            captures: { 1: { name: "punctuation.accessor.crmscript" }, 2: { name: "variable.other.property.crmscript" } },
          },
        ],
      },
      "function-call": {
        patterns: [
          { name: "support.function.builtin.crmscript", match: `\\b(?:${words(vocabulary.globalFunctions)})\\b(?=\\s*\\()` },
          { name: "entity.name.function.crmscript", match: `\\b${IDENTIFIER}(?=\\s*\\()` },
        ],
      },
      operators: matchRules([
        ["keyword.operator.increment-decrement", "\\+\\+|--"],
        ["keyword.operator.assignment.compound", "[-+*/%]="],
        ["keyword.operator.comparison", "==|!=|<=|>=|<|>"],
        ["keyword.operator.logical", "&&|\\|\\||!"],
        ["keyword.operator.assignment", "="],
        ["keyword.operator.arithmetic", "[-+*/%]"],
        ["keyword.operator", "[&|?:]"],
      ]),
      punctuation: matchRules([
        ["punctuation.terminator.statement", ";"],
        ["punctuation.separator.comma", ","],
        ["punctuation.accessor", "\\."],
        ["punctuation.section.block.begin", "\\{"],
        ["punctuation.section.block.end", "\\}"],
        ["punctuation.section.parens.begin", "\\("],
        ["punctuation.section.parens.end", "\\)"],
        ["punctuation.section.brackets.begin", "\\["],
        ["punctuation.section.brackets.end", "\\]"],
      ]),
      identifier: { name: "variable.other.readwrite.crmscript", match: `\\b${IDENTIFIER}` },
    },
  };
}
