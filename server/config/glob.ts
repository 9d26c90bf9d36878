/**
 * Glob patterns as regular expressions over `/`-separated relative paths:
 * what file arguments and configuration ignore patterns are written in.
 */

/** A glob (`*`, `**`, `?`, `[abc]`, `{a,b}`) as a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  let braceDepth = 0;
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] as string;
    if (char === "*") {
      if (glob[index + 1] === "*") {
        const followedBySlash = glob[index + 2] === "/";
        source += followedBySlash ? "(?:.*/)?" : ".*";
        index += followedBySlash ? 2 : 1;
      } else {
        source += "[^/]*";
      }
    } else if (char === "?") {
      source += "[^/]";
    } else if (char === "[") {
      const close = glob.indexOf("]", index + 1);
      if (close < 0) {
        source += "\\[";
      } else {
        const content = glob.slice(index + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        source += `[${content}]`;
        index = close;
      }
    } else if (char === "{") {
      braceDepth++;
      source += "(?:";
    } else if (char === "}" && braceDepth > 0) {
      braceDepth--;
      source += ")";
    } else if (char === "," && braceDepth > 0) {
      source += "|";
    } else {
      source += char.replace(/[.+^$()|\\\]}]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`);
}
