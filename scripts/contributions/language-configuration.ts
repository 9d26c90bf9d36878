/**
 * The editor behaviour VS Code applies to CRMScript text without the server
 * (`client/language-configuration.json`): comment toggling, brackets,
 * auto-closing and surrounding pairs, indentation on Enter and after a
 * closing brace, doc-comment continuation, and the same `// region` folding
 * markers the server folds.
 */
import { REGION_END_MARKER, REGION_START_MARKER } from "../../server/features/folding.js";

/** A marker pattern anchored at the comment's `//`, anchored instead at the line's first non-blank. */
function lineMarker(marker: RegExp): string {
  return `^\\s*${marker.source.replace(/^\^/, "")}`;
}

export function languageConfiguration(): Record<string, unknown> {
  return {
    comments: { lineComment: "//", blockComment: ["/*", "*/"] },
    brackets: [
      ["{", "}"],
      ["[", "]"],
      ["(", ")"],
    ],
    autoClosingPairs: [
      { open: "{", close: "}" },
      { open: "[", close: "]" },
      { open: "(", close: ")" },
      { open: '"', close: '"', notIn: ["string"] },
      { open: "'", close: "'", notIn: ["string", "comment"] },
      { open: "/**", close: " */", notIn: ["string"] },
      { open: "<%", close: "%>", notIn: ["string", "comment"] },
    ],
    autoCloseBefore: ";:.,=}])> \n\t",
    surroundingPairs: [
      ["{", "}"],
      ["[", "]"],
      ["(", ")"],
      ['"', '"'],
      ["'", "'"],
    ],
    indentationRules: {
      // An open brace, bracket or parenthesis at the end of a line (outside a line comment) indents the next one.
      increaseIndentPattern: "^((?!//).)*(\\{[^}\"'`]*|\\([^)\"'`]*|\\[[^\\]\"'`]*)$",
      // A line that starts by closing one goes back a level.
      decreaseIndentPattern: "^((?!.*?/\\*).*\\*/)?\\s*[\\}\\]\\)].*$",
    },
    onEnterRules: [
      // Enter inside /** | */ opens a documented line between the two.
      { beforeText: "^\\s*/\\*\\*(?!/)([^*]|\\*(?!/))*$", afterText: "^\\s*\\*/$", action: { indent: "indentOutdent", appendText: " * " } },
      { beforeText: "^\\s*/\\*\\*(?!/)([^*]|\\*(?!/))*$", action: { indent: "none", appendText: " * " } },
      { beforeText: "^(\\t|[ ])*[ ]\\*([ ]([^*]|\\*(?!/))*)?$", action: { indent: "none", appendText: "* " } },
      { beforeText: "^(\\t|[ ])*[ ]\\*/\\s*$", action: { indent: "none", removeText: 1 } },
    ],
    folding: { markers: { start: lineMarker(REGION_START_MARKER), end: lineMarker(REGION_END_MARKER) } },
  };
}
