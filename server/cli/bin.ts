/** The `crmscript-lint` executable (see `executable.ts`). */
import { runExecutable } from "./executable.js";
import { main } from "./main.js";

runExecutable("crmscript-lint", main);
