/**
 * Generates the user documentation of every diagnostic: one page per syntax
 * and semantic code (`docs/diagnostics/<code>.md`, from the registries) and
 * one per lint rule (`docs/rules/<id>.md`, from the rule file's header), plus
 * an index. `npm run build:docs` writes them; a test checks they are fresh.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { syntaxCodes } from "../grammar/syntax-codes.js";
import { docsPageOf } from "../server/analysis/docs-pages.js";
import { lintCodes } from "../server/lint/lint-codes.js";
import { allRules } from "../server/lint/registry.js";
import { semanticCodes } from "../server/semantics/semantic-codes.js";

/** The sections of a rule's header comment: `What:`, `Why:`, `Fix:`, `Severity:`, `Invalid:`, `Valid:`. */
function ruleHeader(source: string): Record<string, string> {
  const header = (source.split("*/")[0] ?? "")
    .split("\n")
    .map((line) => line.replace(/^\s*\/?\*+ ?/, ""))
    .join("\n");
  const sections: Record<string, string> = {};
  let current: string | undefined;
  for (const line of header.split("\n")) {
    const match = /^(What|Why|Fix|Severity|Invalid|Valid):\s?(.*)$/.exec(line);
    if (match !== null) {
      current = match[1] as string;
      sections[current] = match[2] ?? "";
    } else if (current !== undefined) {
      sections[current] += `\n${line}`;
    }
  }
  for (const key of Object.keys(sections)) sections[key] = (sections[key] as string).replace(/\s+$/, "");
  return sections;
}

function example(code: string): string {
  const lines = code.split("\n").filter((line, index, all) => !(line.trim() === "" && (index === 0 || index === all.length - 1)));
  const indent = Math.min(...lines.filter((line) => line.trim() !== "").map((line) => /^ */.exec(line)?.[0].length ?? 0));
  return ["```crmscript", ...lines.map((line) => line.slice(indent)), "```"].join("\n");
}

function prose(text: string): string {
  const joined = text
    .split("\n")
    .map((line) => line.trim())
    .join(" ")
    .trim();
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

export function generateDocs(repositoryRoot: string): Map<string, string> {
  const pages = new Map<string, string>();
  const index: string[] = [
    "# CRMScript diagnostics",
    "",
    "Every problem the tools report has a stable code. This index links the page of each.",
    "How `crmscript-format` and the editor lay scripts out is in [formatting.md](formatting.md); the configuration file is in [configuration.md](configuration.md).",
    "",
    "## Severity policy",
    "",
    "An **error** means the script certainly fails to compile or run in SuperOffice. Where SuperOffice's own material",
    "(its sample scripts, documentation pages or reference examples) does something, the strongest diagnostic for it",
    "is a **warning**, unless the same material says that it fails. Where a check would need a fact the API catalog",
    "lacks (a member of a class the documentation never documents, an overload only the prose mentions), it says",
    "nothing rather than risk a false error. Each page below gives the reason for its code's severity.",
    "",
  ];
  index.push(
    "## Lint rules",
    "",
    "Configurable: each can be set to `off`, `warn` or `error` (in `.crmscriptrc.json`, the editor settings or with `--rule`), and suppressed with a `// crmscript-lint-disable-next-line <id>` comment.",
    "",
    "| rule | group | default | reports |",
    "|---|---|---|---|",
  );
  for (const rule of allRules) {
    const sections = ruleHeader(readFileSync(join(repositoryRoot, "server", "lint", "rules", `${rule.id}.ts`), "utf8"));
    pages.set(
      docsPageOf(rule.id),
      [
        `# ${rule.id}`,
        "",
        rule.description,
        "",
        `Group: ${rule.group}. Default severity: ${rule.defaultSeverity}.`,
        "",
        "## What it reports",
        "",
        prose(sections.What ?? ""),
        "",
        "## Why",
        "",
        prose(sections.Why ?? ""),
        "",
        "## How to fix it",
        "",
        prose(sections.Fix ?? ""),
        "",
        "## Why this severity",
        "",
        prose(sections.Severity ?? ""),
        "",
        "## Invalid",
        "",
        example(sections.Invalid ?? ""),
        "",
        "## Valid",
        "",
        example(sections.Valid ?? ""),
        "",
      ].join("\n"),
    );
    index.push(`| [${rule.id}](${docsPageOf(rule.id)}) | ${rule.group} | ${rule.defaultSeverity} | ${rule.description} |`);
  }
  const registries = [
    ["Lint", lintCodes, "Reported by crmscript-lint itself.", "Always on, except that `reportUnusedSuppressions` sets the severity of `unused-suppression`."],
    ["Semantic checks", semanticCodes, "Reported by semantic analysis; a suppression comment can silence one.", "Always on."],
    ["Syntax", syntaxCodes, "Reported by the parser; cannot be suppressed.", "Always on."],
  ] as const;
  for (const [title, registry, reporter, note] of registries) {
    index.push("", `## ${title}`, "", note, "", "| code | severity | reports |", "|---|---|---|");
    for (const [code, info] of Object.entries(registry)) {
      pages.set(
        docsPageOf(code),
        [`# ${code}`, "", info.summary, "", `Severity: ${info.severity}. ${reporter}`, "", "## Why this severity", "", info.basis, ""].join("\n"),
      );
      index.push(`| [${code}](${docsPageOf(code)}) | ${info.severity} | ${info.summary.replace(/\|/g, "\\|")} |`);
    }
  }
  pages.set("README.md", `${index.join("\n")}\n`);
  return pages;
}

/** The pages currently in `docs/` that the generator owns. */
export function existingDocs(repositoryRoot: string): Map<string, string> {
  const pages = new Map<string, string>();
  const docs = join(repositoryRoot, "docs");
  for (const folder of ["rules", "diagnostics"]) {
    let names: string[] = [];
    try {
      names = readdirSync(join(docs, folder));
    } catch {
      continue;
    }
    for (const name of names) pages.set(`${folder}/${name}`, readFileSync(join(docs, folder, name), "utf8"));
  }
  try {
    pages.set("README.md", readFileSync(join(docs, "README.md"), "utf8"));
  } catch {
    // No index yet.
  }
  return pages;
}
