/** The `crmscript` executable (see `executable.ts`); `crmscript lint` starts it as its lint workers. */
import { crmscriptMain } from "./crmscript.js";
import { runExecutable } from "./executable.js";

runExecutable("crmscript", crmscriptMain);
