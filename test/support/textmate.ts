/**
 * The extension's TextMate grammar run by vscode-textmate with the Oniguruma
 * engine VS Code uses: tokens of a text with their scopes, by line. HTML in
 * templates is tokenised with VS Code's own HTML grammar when one is given
 * (the one shipped in code-server); otherwise `text.html.basic` is absent.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";
import { repositoryRoot } from "./paths.js";

export interface ScopedToken {
  /** 0-based line. */
  readonly line: number;
  /** Column of the first character on the line. */
  readonly column: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

let onigurumaReady: Promise<void> | undefined;

function onigurumaLibrary(): Promise<textmate.IOnigLib> {
  if (onigurumaReady === undefined) {
    const require = createRequire(join(repositoryRoot, "package.json"));
    const wasm = readFileSync(join(dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
    onigurumaReady = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  }
  return onigurumaReady.then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  }));
}

export const GRAMMAR_FILE = join(repositoryRoot, "syntaxes", "crmscript.tmLanguage.json");

export class GrammarTokenizer {
  private constructor(private readonly grammar: textmate.IGrammar) {}

  static async load(htmlGrammarFile?: string): Promise<GrammarTokenizer> {
    const files: Record<string, string> = { "source.crmscript": GRAMMAR_FILE };
    if (htmlGrammarFile !== undefined) files["text.html.basic"] = htmlGrammarFile;
    const registry = new textmate.Registry({
      onigLib: onigurumaLibrary(),
      loadGrammar: async (scopeName) => {
        const file = files[scopeName];
        return file === undefined ? null : textmate.parseRawGrammar(readFileSync(file, "utf8"), file);
      },
    });
    const grammar = await registry.loadGrammar("source.crmscript");
    if (grammar === null) throw new Error("the CRMScript grammar did not load");
    return new GrammarTokenizer(grammar);
  }

  tokenize(text: string): ScopedToken[] {
    const tokens: ScopedToken[] = [];
    let state = textmate.INITIAL;
    text.split(/\r?\n/).forEach((lineText, line) => {
      const result = this.grammar.tokenizeLine(lineText, state);
      for (const token of result.tokens) {
        tokens.push({ line, column: token.startIndex, text: lineText.slice(token.startIndex, token.endIndex), scopes: token.scopes });
      }
      state = result.ruleStack;
    });
    return tokens;
  }
}

/** The scopes of the `occurrence`-th token whose text is `text` (trimmed), for assertions. */
export function scopesOf(tokens: readonly ScopedToken[], text: string, occurrence = 0): string {
  const matching = tokens.filter((token) => token.text.trim() === text);
  const token = matching[occurrence];
  if (token === undefined) throw new Error(`no token '${text}' (#${occurrence}) among ${JSON.stringify(tokens.map((t) => t.text))}`);
  return token.scopes.join(" ");
}
