/**
 * The protocol-free diagnostic shape shared by every layer: parser,
 * semantics, lint rules, CLI and language server.
 */
import { withMovedRange, type TextRange } from "./text.js";

export type Severity = "error" | "warning" | "info" | "hint";

/**
 * What a registry of diagnostic codes says about each code: its severity, a
 * one-line summary, and why it has that severity (spec §15's policy: an
 * error only where the script certainly fails in SuperOffice; at most a
 * warning where official material does the thing; no error where the
 * catalog lacks a fact), with the source that says so. Both go into the
 * code's documentation page.
 */
export interface DiagnosticCodeInfo {
  readonly severity: Severity;
  readonly summary: string;
  readonly basis: string;
}

/** A second location that explains a diagnostic (for example, the `{` that is never closed). */
export interface RelatedLocation {
  readonly range: TextRange;
  readonly message: string;
}

/** Text that replaces a range of a file. */
export interface TextEdit {
  readonly range: TextRange;
  readonly text: string;
}

/** A text change that fixes a problem, with what it does. */
export interface Fix extends TextEdit {
  /** What the change does, as a quick-fix menu shows it ("Add .toString()", "Insert the missing ';'"). */
  readonly title: string;
}

export interface Diagnostic {
  /** Stable kebab-case code; syntax diagnostics start with `syntax`. */
  readonly code: string;
  readonly severity: Severity;
  readonly range: TextRange;
  /** What was expected and what was found, in the user's terms. */
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  /** The safe fix, when there is one: it certainly fixes the problem, so `--fix` applies it without asking. */
  readonly fix?: Fix;
  /** A fix the editor offers but `--fix` never applies, because it may change what the script does (ESLint's suggestions). */
  readonly suggestedFix?: Fix;
  /** Names the author probably meant (for "did you mean" quick fixes that replace the range). */
  readonly suggestions?: readonly string[];
}

/** Orders diagnostics by position, then by code, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/** A diagnostic of an earlier version of a text, moved by `delta` with the text after an edit. */
export function movedDiagnostic(diagnostic: Diagnostic, delta: number): Diagnostic {
  const moved: Diagnostic = withMovedRange(diagnostic, delta);
  return {
    ...moved,
    ...(diagnostic.related !== undefined ? { related: diagnostic.related.map((location) => withMovedRange(location, delta)) } : {}),
    ...(diagnostic.fix !== undefined ? { fix: withMovedRange(diagnostic.fix, delta) } : {}),
    ...(diagnostic.suggestedFix !== undefined ? { suggestedFix: withMovedRange(diagnostic.suggestedFix, delta) } : {}),
  };
}
