/**
 * Suppression comments, the same in the CLI and the editor:
 *
 *   // crmscript-lint-disable-next-line no-shadow, no-unused-variable -- reason
 *   x = x; // crmscript-lint-disable-line no-self-assign
 *   /* crmscript-lint-disable no-agent-in-loop *\/ … /* crmscript-lint-enable no-agent-in-loop *\/
 *
 * Without codes a comment covers every code. Any diagnostic can be
 * suppressed except syntax errors and internal failures (`…-internal-error`).
 * A comment, or one code in it, that suppresses nothing is reported as
 * `unused-suppression`; so is a code that does not exist or cannot be
 * suppressed.
 */
import { syntaxCodes, type Comment, type Diagnostic, type Fix, type LineIndex, type TextRange } from "../../grammar/index.js";
import { semanticCodes } from "../semantics/index.js";
import { lintCodes } from "./lint-codes.js";
import { ruleById } from "./registry.js";
import type { RuleSeverity } from "./rule.js";

export const SUPPRESSION_PREFIX = "crmscript-lint-";

type DirectiveKind = "disable-next-line" | "disable-line" | "disable" | "enable";

interface Directive {
  readonly kind: DirectiveKind;
  readonly comment: TextRange;
  /** Empty: every code. */
  readonly codes: readonly string[];
  readonly justification: string;
}

/** A diagnostic a comment silenced, and the comment's reason. */
export interface SuppressedDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly justification: string;
}

export interface SuppressionResult {
  readonly reported: readonly Diagnostic[];
  readonly suppressed: readonly SuppressedDiagnostic[];
}

export interface SuppressionInput {
  readonly text: string;
  readonly comments: readonly Comment[];
  readonly lines: LineIndex;
  readonly diagnostics: readonly Diagnostic[];
  /** How to report comments that suppress nothing; `off` reports nothing. */
  readonly unusedSeverity: RuleSeverity;
}

/** Where one directive applies, for one code or (code undefined) for all. */
interface Region {
  readonly directive: Directive;
  readonly code: string | undefined;
  /** The region's place in the list of all regions: the first that covers a diagnostic wins. */
  readonly order: number;
  readonly start: number;
  end: number;
  used: boolean;
}

const DIRECTIVE = /^(?:\/\/|\/\*)\s*crmscript-lint-(disable-next-line|disable-line|disable|enable)(?=\s|\*\/|$)([\s\S]*?)(?:\*\/)?$/;

export function applySuppressions(input: SuppressionInput): SuppressionResult {
  const directives = readDirectives(input.text, input.comments);
  if (directives.length === 0) return { reported: input.diagnostics, suppressed: [] };
  const regions = regionsOf(directives, input);
  // Each diagnostic looks only at the regions for every code and those for its own code.
  const byCode = new Map<string | undefined, Region[]>();
  for (const region of regions) {
    const list = byCode.get(region.code);
    if (list === undefined) byCode.set(region.code, [region]);
    else list.push(region);
  }
  const forEveryCode = byCode.get(undefined);
  const reported: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const diagnostic of input.diagnostics) {
    let region: Region | undefined;
    if (isSuppressible(diagnostic.code)) {
      const offset = diagnostic.range.start;
      const general = firstCovering(forEveryCode, offset);
      const own = firstCovering(byCode.get(diagnostic.code), offset);
      region = general === undefined || (own !== undefined && own.order < general.order) ? own : general;
    }
    if (region === undefined) {
      reported.push(diagnostic);
      continue;
    }
    region.used = true;
    suppressed.push({ diagnostic, justification: region.directive.justification });
  }
  if (input.unusedSeverity !== "off") reported.push(...unusedDiagnostics(directives, regions, input));
  return { reported, suppressed };
}

/** The first region of a list (in creation order) that covers `offset`. */
function firstCovering(regions: readonly Region[] | undefined, offset: number): Region | undefined {
  if (regions === undefined) return undefined;
  for (const region of regions) if (offset >= region.start && offset < region.end) return region;
  return undefined;
}

/** Whether a comment can suppress diagnostics with this code. */
export function isSuppressible(code: string): boolean {
  return !code.startsWith("syntax") && !code.endsWith("-internal-error") && code !== "unused-suppression";
}

function readDirectives(text: string, comments: readonly Comment[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const body = text.slice(comment.range.start, comment.range.end);
    if (!body.includes(SUPPRESSION_PREFIX)) continue;
    const match = DIRECTIVE.exec(body.trimEnd());
    if (match === null) continue;
    const [list = "", ...reason] = (match[2] ?? "").split(/\s--\s|\s--$/);
    directives.push({
      kind: match[1] as DirectiveKind,
      comment: comment.range,
      codes: list.split(/[\s,]+/).filter((code) => code !== ""),
      justification: reason.join(" -- ").trim(),
    });
  }
  return directives;
}

function regionsOf(directives: readonly Directive[], input: SuppressionInput): Region[] {
  const regions: Region[] = [];
  const open: Region[] = [];
  const lineSpan = (line: number): { start: number; end: number } =>
    line < input.lines.lineCount
      ? { start: input.lines.lineStarts[line] as number, end: input.lines.lineContentEnd(line) + 1 }
      : { start: input.text.length, end: input.text.length };
  for (const directive of directives) {
    const codes: (string | undefined)[] = directive.codes.length === 0 ? [undefined] : [...directive.codes];
    if (directive.kind === "enable") {
      for (const code of codes) {
        for (const region of open.filter((candidate) => code === undefined || candidate.code === code)) {
          region.end = directive.comment.start;
          open.splice(open.indexOf(region), 1);
        }
      }
      continue;
    }
    const commentLine = input.lines.position(directive.comment.end).line;
    const span =
      directive.kind === "disable-line"
        ? lineSpan(input.lines.position(directive.comment.start).line)
        : directive.kind === "disable-next-line"
          ? lineSpan(commentLine + 1)
          : { start: directive.comment.end, end: input.text.length };
    for (const code of codes) {
      const region: Region = { directive, code, order: regions.length, start: span.start, end: span.end, used: false };
      regions.push(region);
      if (directive.kind === "disable") open.push(region);
    }
  }
  return regions;
}

function unusedDiagnostics(directives: readonly Directive[], regions: readonly Region[], input: SuppressionInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (directive: Directive, message: string, fix?: Fix): void => {
    const diagnostic: Diagnostic = {
      code: "unused-suppression",
      severity: input.unusedSeverity === "error" ? "error" : "warning",
      range: directive.comment,
      message,
    };
    diagnostics.push(fix === undefined ? diagnostic : { ...diagnostic, fix });
  };
  const byDirective = new Map<Directive, Region[]>();
  for (const region of regions) {
    const list = byDirective.get(region.directive);
    if (list === undefined) byDirective.set(region.directive, [region]);
    else list.push(region);
  }
  for (const directive of directives) {
    if (directive.kind === "enable") continue;
    const own = byDirective.get(directive) ?? [];
    const unknown = directive.codes.filter((code) => !isKnownCode(code));
    for (const code of unknown) {
      const reason = Object.hasOwn(syntaxCodes, code)
        ? "is a syntax error, which cannot be suppressed: fix the code"
        : "is not a rule or diagnostic code: correct it";
      report(directive, `'${code}' ${reason}, or remove it from the comment`);
    }
    if (own.every((region) => !region.used) && unknown.length === 0) {
      const what = directive.codes.length === 0 ? "no problem" : directive.codes.map((code) => `'${code}'`).join(", ");
      const verb = directive.codes.length === 0 ? "is" : "is not";
      report(directive, `this suppression comment is unused: ${what} ${verb} reported where it applies; remove the comment`, removal(directive.comment, input));
      continue;
    }
    for (const region of own) {
      if (region.used || region.code === undefined || unknown.includes(region.code)) continue;
      report(directive, `'${region.code}' is not reported where this comment applies: remove it from the comment`);
    }
  }
  return diagnostics;
}

function isKnownCode(code: string): boolean {
  return ruleById(code) !== undefined || Object.hasOwn(semanticCodes, code) || Object.hasOwn(lintCodes, code);
}

/** Removes a comment, with its line when nothing else is on it, or with the space before it at the end of a code line. */
function removal(comment: TextRange, input: SuppressionInput): Fix {
  const line = input.lines.position(comment.start).line;
  const lineStart = input.lines.lineStarts[line] as number;
  const lineEnd = input.lines.lineContentEnd(line);
  const before = input.text.slice(lineStart, comment.start);
  const after = input.text.slice(comment.end, lineEnd);
  if (before.trim() === "" && after.trim() === "") {
    const next = input.lines.lineStarts[line + 1] ?? input.text.length;
    return { range: { start: lineStart, end: next }, text: "", title: "Remove the unused suppression comment" };
  }
  const spaces = before.length - before.trimEnd().length;
  return { range: { start: comment.start - spaces, end: comment.end }, text: "", title: "Remove the unused suppression comment" };
}
