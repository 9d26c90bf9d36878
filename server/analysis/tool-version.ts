/**
 * The version of these tools: the package version esbuild writes into the
 * bundles (`CRMSCRIPT_TOOLS_VERSION`), or "development" when the code runs
 * from its sources (tests). The CLI and the language server both report it.
 */
declare const CRMSCRIPT_TOOLS_VERSION: string | undefined;

export function toolVersion(): string {
  return typeof CRMSCRIPT_TOOLS_VERSION === "string" ? CRMSCRIPT_TOOLS_VERSION : "development";
}
