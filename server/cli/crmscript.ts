/**
 * The `crmscript` command: `crmscript lint …` is `crmscript-lint …` and
 * `crmscript format …` is `crmscript-format …`; the other subcommands work
 * with the scripts in a SuperOffice tenant (`login`, `logout`, `whoami`,
 * `pull`, `status`, `diff`, `push`, `validate`, `run`;
 * `tenant-commands.ts`). Exit codes as the linter's: 0 done, 1 conflicts,
 * refused files or validation errors, 2 usage, configuration, sign-in or
 * network errors.
 */
import { formatMain } from "./format-main.js";
import { EXIT_FAILURE, EXIT_OK, main as lintMain, type CliIo } from "./main.js";
import { runTenantCommand, TENANT_COMMANDS, type TenantIo } from "./tenant-commands.js";

export const CRMSCRIPT_USAGE = `Usage: crmscript <command> [options]

Commands:
  lint [options] <files…>       lint scripts (the same as crmscript-lint; crmscript lint --help)
  format [options] <files…>     format scripts: print one, --check or --write them (the same as
                                crmscript-format; crmscript format --help)
  login [--env sod|stage|online] [--tenant ID] [--client-id ID] [--profile NAME]
                                sign in to SuperOffice Online (a browser window opens)
  logout [--profile NAME]       forget a sign-in
  whoami [--profile NAME]       show who and which tenant a sign-in reaches
  pull [files…] [--force]       bring the tenant's scripts into this workspace (never overwrites local changes
                                without --force; creates the workspace in an empty folder)
  status                        what changed here and in the tenant since the last pull
  diff [file]                   the differences between local files and the tenant's copies
  push [files…] [--force]       send local changes (refuses scripts someone changed in the tenant since the last
                                pull, unless --force); new files under scripts/ are created; --base-ref REF
                                (CI): a script the tenant still holds as commit REF had it is safe to update
  push --delete NAME…           delete these scripts in the tenant (their local files must be deleted first)
  validate [files…] [-f FORMAT] the tenant's compiler on local files (changed ones by default); FORMAT is
                                stylish, json, sarif or github
  run <file> [--param NAME=VALUE…]
                                run a local file's text in the tenant and print its output

Sign-in: crmscript login (SuperOffice Online; the application's client id in SUPEROFFICE_CLIENT_ID or
--client-id), or SUPEROFFICE_API_URL with SUPEROFFICE_TOKEN (a Bearer token), with SUPEROFFICE_TICKET and
SUPEROFFICE_APP_TOKEN, or with SUPEROFFICE_USER and SUPEROFFICE_PASSWORD (Onsite); these override any stored
sign-in. --profile NAME chooses among stored sign-ins.
`;

export async function crmscriptMain(argv: readonly string[], io: TenantIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "lint") return lintMain(rest, io as CliIo);
  if (command === "format") return formatMain(rest, io as CliIo);
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    io.writeStdout(CRMSCRIPT_USAGE);
    return command === undefined ? EXIT_FAILURE : EXIT_OK;
  }
  if (command === "--version" || command === "-v") return lintMain(["--version"], io as CliIo);
  if (!TENANT_COMMANDS.has(command)) {
    io.writeStderr(`crmscript: unknown command '${command}'\n\n${CRMSCRIPT_USAGE}`);
    return EXIT_FAILURE;
  }
  return runTenantCommand(command, rest, io);
}
