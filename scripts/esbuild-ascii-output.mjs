// An esbuild plugin that leaves every JavaScript output in ASCII. esbuild escapes non-ASCII characters in code
// but copies comments as they are, and one such character makes Node read the whole bundle as two-byte text:
// slower to read, and slower to compile, at start and again for each function V8 compiles lazily (about 40 ms
// of the language server's start-up). Each non-ASCII UTF-16 unit becomes a `\uXXXX` escape, which means the
// same in a string, a template, a regular expression or a name, and reads well enough in a comment.
import { readFile, writeFile } from "node:fs/promises";

/** `text` with every non-ASCII UTF-16 unit written as a `\uXXXX` escape. */
export function toAscii(text) {
  return text.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export const asciiOutput = {
  name: "ascii-output",
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd(async (result) => {
      for (const file of Object.keys(result.metafile?.outputs ?? {})) {
        if (!file.endsWith(".js")) continue;
        const text = await readFile(file, "utf8");
        const ascii = toAscii(text);
        if (ascii !== text) await writeFile(file, ascii);
      }
    });
  },
};
