/**
 * What each diagnostic code is and where it is documented: its kind, summary
 * and default severity from the registries (lint rules, the lint layer's own codes, semantic
 * codes, syntax codes), and its page relative to the package's `docs/` folder: lint
 * rules under `rules/`, syntax and semantic codes under `diagnostics/` (pages
 * written by `npm run build:docs`).
 */
import { syntaxCodes, type DiagnosticCodeInfo, type Severity } from "../../grammar/index.js";
import { lintCodes } from "../lint/lint-codes.js";
import { ruleById } from "../lint/registry.js";
import type { RuleGroup, RuleSeverity } from "../lint/rule.js";
import { semanticCodes } from "../semantics/index.js";

/** Every code of the syntax, semantic and lint-layer registries with what the registry says of it. */
export function registeredCodes(): Readonly<Record<string, DiagnosticCodeInfo>> {
  return { ...syntaxCodes, ...semanticCodes, ...lintCodes };
}

export function docsPageOf(code: string): string {
  return ruleById(code) !== undefined ? `rules/${code}.md` : `diagnostics/${code}.md`;
}

/** A registered code as the front ends describe it (in reports such as SARIF). */
export type CodeDescription =
  | { readonly kind: "lint"; readonly summary: string; readonly defaultSeverity: RuleSeverity; readonly group: RuleGroup }
  | { readonly kind: "semantic" | "syntax" | "lint-internal"; readonly summary: string; readonly defaultSeverity: Severity };

/** The registry entry of `code`, or undefined for a code no registry lists. */
export function describeCode(code: string): CodeDescription | undefined {
  const rule = ruleById(code);
  if (rule !== undefined) return { kind: "lint", summary: rule.description, defaultSeverity: rule.defaultSeverity, group: rule.group };
  if (Object.hasOwn(lintCodes, code)) {
    const info = lintCodes[code as keyof typeof lintCodes];
    return { kind: "lint-internal", summary: info.summary, defaultSeverity: info.severity };
  }
  if (Object.hasOwn(semanticCodes, code)) {
    const info = semanticCodes[code as keyof typeof semanticCodes];
    return { kind: "semantic", summary: info.summary, defaultSeverity: info.severity };
  }
  if (Object.hasOwn(syntaxCodes, code)) {
    const info = syntaxCodes[code as keyof typeof syntaxCodes];
    return { kind: "syntax", summary: info.summary, defaultSeverity: info.severity };
  }
  return undefined;
}
