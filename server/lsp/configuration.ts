/**
 * The server's configuration: the editor settings as the lowest layer and
 * the `.crmscriptrc.json` files found for each script above them, exactly
 * as the CLI reads them. It gives the analysis host each file's settings
 * and the formatter each file's `format` section, says which files the
 * ignore patterns leave out, and shows the problems of configuration files
 * as diagnostics on those files.
 */
import { basename } from "node:path";
import type { Connection, Diagnostic as LspDiagnostic } from "vscode-languageserver";
import { DiagnosticSeverity } from "./protocol.js";
import type { AnalysisSettings } from "../analysis/settings.js";
import { CONFIG_FILE_NAME, type ConfigLayer } from "../config/config.js";
import type { FormatOptions } from "../format/index.js";
import { ConfigResolver, formatConfigProblem, isIgnoredBy, toAnalysisSettings, type ConfigFileProblem } from "../config/resolve.js";
import { readConfigText } from "../node/read-source.js";
import { editorSettingsLayer, type EditorSettings } from "./settings.js";
import type { UriMap } from "./uris.js";

/** What the server asks the client to watch to notice configuration files change. */
export const CONFIG_FILE_GLOB = `**/${CONFIG_FILE_NAME}`;

export function isConfigFile(path: string): boolean {
  return basename(path) === CONFIG_FILE_NAME;
}

export class ServerConfiguration {
  private editorLayer: ConfigLayer = { source: "editor settings" };
  private resolver = this.makeResolver();
  /** Configuration files whose problems were last published, so they can be cleared. */
  private shownProblems = new Set<string>();
  workspaceRoots: readonly string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly uris: UriMap,
  ) {}

  /** Takes new editor settings; true when they differ from the ones in use. */
  applyEditorSettings(raw: EditorSettings | null | undefined): boolean {
    const problems: string[] = [];
    const layer = editorSettingsLayer(raw, this.workspaceRoots, problems);
    for (const problem of problems) this.connection.console.warn(problem);
    if (JSON.stringify(layer) === JSON.stringify(this.editorLayer)) return false;
    this.editorLayer = layer;
    this.resolver = this.makeResolver();
    return true;
  }

  /** A configuration file changed, appeared or went away. */
  filesChanged(): void {
    this.resolver.forget();
  }

  settingsFor(path: string): AnalysisSettings {
    return toAnalysisSettings(this.resolver.forFile(path).config, this.workspaceRoots);
  }

  /** The `format` section of the configuration files for the script at `path`: only the options they set. */
  formatSettingsFor(path: string): Partial<FormatOptions> {
    return this.resolver.forFile(path).config.format;
  }

  isIgnored(path: string): boolean {
    return isIgnoredBy(this.resolver.forFile(path).config, path);
  }

  /** Publishes the problems of the configuration files the given scripts use (and clears fixed ones). */
  publishProblems(scripts: Iterable<string>): void {
    const byFile = new Map<string, ConfigFileProblem[]>();
    for (const script of scripts) {
      for (const problem of this.resolver.forFile(script).problems) {
        const list = byFile.get(problem.file) ?? [];
        if (!list.some((known) => known.line === problem.line && known.column === problem.column && known.message === problem.message)) list.push(problem);
        byFile.set(problem.file, list);
      }
    }
    for (const file of this.shownProblems) if (!byFile.has(file)) void this.connection.sendDiagnostics({ uri: this.uris.toUri(file), diagnostics: [] });
    for (const [file, problems] of byFile) {
      void this.connection.sendDiagnostics({ uri: this.uris.toUri(file), diagnostics: problems.map(toDiagnostic) });
      for (const problem of problems) this.connection.console.warn(formatConfigProblem(problem));
    }
    this.shownProblems = new Set(byFile.keys());
  }

  private makeResolver(): ConfigResolver {
    return new ConfigResolver({ readFile: readConfigText }, { below: [this.editorLayer] });
  }
}

function toDiagnostic(problem: ConfigFileProblem): LspDiagnostic {
  return {
    range: { start: { line: problem.line - 1, character: problem.column - 1 }, end: { line: problem.endLine - 1, character: problem.endColumn - 1 } },
    severity: DiagnosticSeverity.Error,
    source: "crmscript",
    code: "invalid-configuration",
    message: problem.message,
  };
}
