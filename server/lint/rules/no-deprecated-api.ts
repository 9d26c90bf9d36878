/**
 * Rule: no-deprecated-api
 *
 * What: `#setLanguageLevel 1;` (an obsolete level) and
 * `#setLanguageLevel 2;` (the compatibility layer for SuperOffice 6 and
 * older, which maps the old table names; spec §2.1); and any use of a
 * class, method, constructor or global function that the API catalog marks
 * `deprecated` (the shipped catalog marks none today: no source says so).
 * Why: levels 1 and 2 exist for scripts written before SuperOffice 7; new
 * code at those levels depends on a mapping of old table names that newer
 * code and documentation no longer use. Deprecated API may go away.
 * Fix: use `#setLanguageLevel 3;` (SuperOffice 7 and later) or
 * `#setLanguageLevel 4;` (10.2.2 and later), and check the script's table
 * and field names (SearchEngine criteria and fields) against the new names;
 * replace deprecated API with what the catalog names.
 *
 * Severity: a warning: deprecated API and levels 1 and 2 still run (level 2
 * appears in a current tutorial, spec §2.1).
 *
 * Invalid:
 *   #setLanguageLevel 2;
 *   SearchEngine se;
 * Valid:
 *   #setLanguageLevel 4;
 *   SearchEngine se;
 */
import type { Identifier } from "../../../grammar/index.js";
import { defineRule } from "../rule.js";

const UPGRADE = "use '#setLanguageLevel 3;' (SuperOffice 7 and later) or '#setLanguageLevel 4;' (10.2.2 and later), and check the table names it uses";

const OLD_LEVELS: Readonly<Record<number, string>> = {
  1: `language level 1 is obsolete: ${UPGRADE}`,
  2: `language level 2 is the compatibility layer for SuperOffice 6 and older, which maps the old table names: ${UPGRADE}`,
};

export default defineRule({
  id: "no-deprecated-api",
  group: "suspicious",
  defaultSeverity: "warning",
  description: "Obsolete language levels and API the catalog marks deprecated.",
  create(context) {
    const { model } = context;
    const report = (name: Identifier, what: string, deprecated: string | true): void => {
      const advice = deprecated === true ? "replace it" : deprecated;
      context.report({ range: name, message: `${what} is deprecated: ${advice}` });
    };
    // Names are checked as the shared walk meets them and reported at the end, in source order.
    const deprecatedNames: { readonly name: Identifier; readonly what: string; readonly deprecated: string | true }[] = [];
    return {
      LanguageLevelDirective(directive) {
        const message = directive.level === undefined ? undefined : OLD_LEVELS[directive.level.value];
        if (message !== undefined) context.report({ range: directive, message });
      },
      Identifier(name) {
        const resolution = model.resolutionOf(name);
        if (resolution === undefined) return;
        if (resolution.kind === "catalog-class" && resolution.info.deprecated !== undefined) {
          deprecatedNames.push({ name, what: `the class ${resolution.info.name}`, deprecated: resolution.info.deprecated });
        } else if ((resolution.kind === "catalog-method" || resolution.kind === "catalog-function") && resolution.overload?.deprecated !== undefined) {
          const owner = resolution.method.owner;
          const what = owner === undefined ? `the function '${name.name}'` : `'${owner.name}.${name.name}'`;
          deprecatedNames.push({ name, what, deprecated: resolution.overload.deprecated });
        }
      },
      end() {
        deprecatedNames.sort((a, b) => a.name.start - b.name.start);
        for (const { name, what, deprecated } of deprecatedNames) report(name, what, deprecated);
        // A constructor overload of a class that is not itself deprecated.
        for (const [call, facts] of model.resolvedCalls()) {
          const origin = facts.chosen?.origin;
          if (origin?.kind !== "catalog" || origin.overload.name !== "#ctor" || origin.overload.deprecated === undefined) continue;
          if (call.callee.kind !== "Identifier" || origin.overload.owner?.deprecated !== undefined) continue;
          report(call.callee, `this constructor of ${call.callee.name}`, origin.overload.deprecated);
        }
      },
    };
  },
});
