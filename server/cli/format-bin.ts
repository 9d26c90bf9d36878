/** The `crmscript-format` executable (see `executable.ts`). */
import { runExecutable } from "./executable.js";
import { formatMain } from "./format-main.js";

runExecutable("crmscript-format", formatMain);
