/**
 * Glob patterns as regular expressions over `/`-separated relative paths:
 * what the CLI's file arguments are written in (ignore patterns are
 * matched by `ignore.ts`).
 */

/** The offsets of the `{` and `}` that pair up; any other brace is an ordinary character. */
function pairedBraces(glob: string): Set<number> {
  const paired = new Set<number>();
  const open: number[] = [];
  for (let index = 0; index < glob.length; index++) {
    if (glob[index] === "{") open.push(index);
    else if (glob[index] === "}" && open.length > 0) {
      paired.add(open.pop() as number);
      paired.add(index);
    }
  }
  return paired;
}

/**
 * A glob (`*`, `**`, `?`, `[abc]`, `{a,b}`) as a regular expression over
 * `/`-separated relative paths. A pattern that makes no sense as a glob
 * (an unpaired brace, a class such as `[z-a]`) matches its own text.
 */
export function globToRegExp(glob: string): RegExp {
  try {
    return new RegExp(`^${globSource(glob)}$`);
  } catch {
    const literal = glob.replace(/[.*+?^$(){}|[\]\\]/g, "\\$&");
    return new RegExp(`^${literal}$`);
  }
}

function globSource(glob: string): string {
  const paired = pairedBraces(glob);
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
        const content = glob
          .slice(index + 1, close)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        source += `[${content}]`;
        index = close;
      }
    } else if (char === "{" && paired.has(index)) {
      braceDepth++;
      source += "(?:";
    } else if (char === "}" && paired.has(index)) {
      braceDepth--;
      source += ")";
    } else if (char === "," && braceDepth > 0) {
      source += "|";
    } else {
      source += char.replace(/[.+^$()|\\\]{}]/g, "\\$&");
    }
  }
  return source;
}
