/**
 * How `crmscript` signs in and which credentials its tenant commands use:
 * the `login`, `logout` and `whoami` subcommands over the sign-in layer
 * (`server/tenant/auth/`), the credentials file in the user's configuration
 * folder (found from the command's environment), and the browser opener.
 * Environment credentials (`SUPEROFFICE_API_URL` with a token or ticket)
 * win over any stored sign-in, so CI never needs `login`.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import {
  type ApiCredentials,
  credentialsPath,
  FileTokenStore,
  login,
  logout,
  resolveCredentials,
  SUPERID_ENVIRONMENTS,
  type SuperIdEnvironment,
  superIdDiscoveryUrl,
  type TokenStore,
} from "../tenant/auth/index.js";
import { EXIT_OK, type CliIo } from "./main.js";

export type TenantIo = CliIo & {
  /** Shows a URL in the user's browser; the system's opener when not given. */
  readonly openBrowser?: (url: string) => Promise<void>;
  /** Where sign-ins are kept; the credentials file in the user's configuration folder when not given. */
  readonly tokenStore?: TokenStore;
};

/** The application registered with SuperOffice (`SUPEROFFICE_CLIENT_ID`, or `--client-id`). */
const CLIENT_ID_VARIABLE = "SUPEROFFICE_CLIENT_ID";
/** Its secret, for applications registered with one; read from the environment only, never from arguments. */
const CLIENT_SECRET_VARIABLE = "SUPEROFFICE_CLIENT_SECRET";

function tokenStoreOf(io: TenantIo): TokenStore {
  return io.tokenStore ?? new FileTokenStore(credentialsPath({ env: io.env }));
}

function clientSecretOf(io: TenantIo): string | undefined {
  const secret = io.env[CLIENT_SECRET_VARIABLE]?.trim();
  return secret === undefined || secret === "" ? undefined : secret;
}

/** The credentials of a tenant command: the environment's, else the profile's (given, the workspace's, or the only one stored). */
export function connectTenant(io: TenantIo, profile: string | undefined): Promise<ApiCredentials> {
  return resolveCredentials({ env: io.env, store: tokenStoreOf(io), profile, clientSecret: clientSecretOf(io) });
}

export async function loginCommand(argv: readonly string[], io: TenantIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      env: { type: "string" },
      "discovery-url": { type: "string" },
      "client-id": { type: "string" },
      tenant: { type: "string" },
      user: { type: "string" },
      profile: { type: "string" },
      port: { type: "string" },
    },
  });
  const clientId = values["client-id"] ?? io.env[CLIENT_ID_VARIABLE];
  if (clientId === undefined || clientId === "") {
    throw new Error(`no application to sign in with: register one with SuperOffice and give its client id with --client-id or ${CLIENT_ID_VARIABLE}`);
  }
  const environment = values.env ?? "online";
  if (!(SUPERID_ENVIRONMENTS as readonly string[]).includes(environment))
    throw new Error(`unknown environment '${environment}': use ${SUPERID_ENVIRONMENTS.join(", ")}`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw new Error(`--port takes a port number, found '${values.port}'`);
  const openBrowser = io.openBrowser ?? openInSystemBrowser;
  const { profile, signIn } = await login({
    store: tokenStoreOf(io),
    discoveryUrl: values["discovery-url"] ?? superIdDiscoveryUrl(environment as SuperIdEnvironment),
    clientId,
    clientSecret: clientSecretOf(io),
    tenant: values.tenant,
    loginHint: values.user,
    profile: values.profile,
    port,
    openBrowser: async (url) => {
      io.writeStderr(`Sign in in your browser; if it does not open, open this address:\n  ${url}\n`);
      await openBrowser(url);
    },
  });
  io.writeStdout(`Signed in to ${signIn.tenantId} as ${signIn.upn ?? signIn.email ?? signIn.subject} (profile ${profile})\n`);
  return EXIT_OK;
}

export async function logoutCommand(argv: readonly string[], io: TenantIo): Promise<number> {
  const { values } = parseArgs({ args: [...argv], strict: true, options: { profile: { type: "string" }, all: { type: "boolean" } } });
  const store = tokenStoreOf(io);
  const profiles = values.all === true ? await store.profiles() : [values.profile ?? (await onlyProfile(store))];
  for (const profile of profiles) {
    io.writeStdout((await logout(store, profile)) ? `Signed out of ${profile}\n` : `No sign-in is stored as ${profile}\n`);
  }
  return EXIT_OK;
}

export async function whoamiCommand(argv: readonly string[], io: TenantIo): Promise<number> {
  const { values } = parseArgs({ args: [...argv], strict: true, options: { profile: { type: "string" } } });
  const store = tokenStoreOf(io);
  const credentials = await connectTenant(io, values.profile);
  if (credentials.profile === undefined) {
    io.writeStdout(`Credentials from the environment (${credentials.source}) for ${credentials.apiBase}\n`);
    return EXIT_OK;
  }
  // Asking for the headers renews an expired token, so what is shown is usable now.
  await credentials.authorizationHeaders();
  const signIn = await store.get(credentials.profile);
  if (signIn === undefined) throw new Error(`the sign-in of ${credentials.profile} was removed while it was read`);
  io.writeStdout(
    [
      `profile  ${credentials.profile}`,
      `tenant   ${signIn.tenantId}`,
      `user     ${signIn.upn ?? signIn.email ?? signIn.subject}`,
      `api      ${signIn.apiBase}`,
      `expires  ${new Date(signIn.expiresAt).toISOString()}${signIn.refreshToken === undefined ? "" : " (renewed automatically)"}`,
      "",
    ].join("\n"),
  );
  return EXIT_OK;
}

async function onlyProfile(store: TokenStore): Promise<string> {
  const profiles = await store.profiles();
  if (profiles.length === 1) return profiles[0] as string;
  throw new Error(profiles.length === 0 ? "no sign-in is stored" : `several sign-ins are stored (${profiles.join(", ")}): choose one with --profile, or --all`);
}

/** Opens a URL with the system's opener; the address is printed as well, so a machine without a browser still works. */
function openInSystemBrowser(url: string): Promise<void> {
  const [command, args] =
    process.platform === "win32" ? ["cmd", ["/c", "start", '""', url.replace(/&/g, "^&")]] : [process.platform === "darwin" ? "open" : "xdg-open", [url]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    // No opener (a server, a container): the printed address is the way in, so this is not an error.
    child.on("error", () => resolve());
    child.on("spawn", () => {
      child.unref();
      resolve();
    });
  });
}
