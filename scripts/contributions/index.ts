/**
 * Everything the VS Code extension contributes that is derived from the
 * code, as file contents by repository path: the TextMate grammar, the
 * language configuration, the snippets, the configuration file's JSON
 * schema, and the `activationEvents` and
 * `contributes` of `package.json` (the rest of that file is left as it is).
 * `npm run build:contributions` writes them; a test checks they are fresh.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { keywordsByLowerCase, TEMPLATE_END_MARKER, TEMPLATE_START_MARKER } from "../../grammar/index.js";
import { builtinCatalog } from "../../server/catalog/builtin-catalog.js";
import { CONFIG_SCHEMA_PATH, configSchema } from "../../server/config/schema.js";
import { builtinTypeNames } from "../../server/semantics/index.js";
import { languageConfiguration } from "./language-configuration.js";
import { LANGUAGE_FILE_EXTENSIONS, manifestContributions } from "./manifest.js";
import { vscodeSnippets } from "./snippets.js";
import { textMateGrammar, type GrammarVocabulary } from "./tm-grammar.js";

export const GRAMMAR_PATH = "syntaxes/crmscript.tmLanguage.json";
export const LANGUAGE_CONFIGURATION_PATH = "client/language-configuration.json";
export const SNIPPETS_PATH = "client/snippets.json";

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function grammarVocabulary(): GrammarVocabulary {
  const catalog = builtinCatalog().catalog;
  const builtin = new Set<string>(builtinTypeNames);
  const nativeClasses: string[] = [];
  const netServerClasses: string[] = [];
  for (const info of catalog.classes()) {
    if (info.namespace === "NetServer") netServerClasses.push(info.name);
    else if (!builtin.has(info.name)) nativeClasses.push(info.name);
  }
  return {
    keywords: [...keywordsByLowerCase.keys()],
    builtinTypes: [...builtinTypeNames],
    nativeClasses,
    netServerClasses,
    globalFunctions: [...catalog.functionNames],
    templateStart: TEMPLATE_START_MARKER,
    templateEnd: TEMPLATE_END_MARKER,
    fileTypes: LANGUAGE_FILE_EXTENSIONS.map((extension) => extension.slice(1)),
  };
}

export function generateContributions(repositoryRoot: string): Map<string, string> {
  const files = new Map<string, string>();
  files.set(GRAMMAR_PATH, json(textMateGrammar(grammarVocabulary())));
  files.set(LANGUAGE_CONFIGURATION_PATH, json(languageConfiguration()));
  files.set(SNIPPETS_PATH, json(vscodeSnippets()));
  files.set(CONFIG_SCHEMA_PATH, json(configSchema()));
  const manifest = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as Record<string, unknown>;
  const { activationEvents, contributes } = manifestContributions(`${String(manifest.publisher)}.${String(manifest.name)}`);
  manifest.activationEvents = activationEvents;
  manifest.contributes = contributes;
  files.set("package.json", json(manifest));
  return files;
}
