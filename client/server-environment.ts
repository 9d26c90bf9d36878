/**
 * The environment the extension starts the language server with: the
 * extension host's own, less the variables that only make the server slower
 * to start. `NODE_EXTRA_CA_CERTS` (often set where a company proxy signs
 * TLS traffic) makes Node 20 build its whole root certificate store before
 * it runs any JavaScript: 40 ms of every start on a 2-core machine (`node
 * -e 0` takes 60 ms without it, 100 ms with it). The server opens no network
 * connection (the tenant features run in the extension, where the variable
 * stays), so it is started without it; `test/client/bundles.test.ts` fails
 * if the server's bundle ever loads a TLS module or uses the global fetch.
 */

/** Variables the server never uses that cost its start-up time. */
export const VARIABLES_THE_SERVER_DOES_NOT_NEED = ["NODE_EXTRA_CA_CERTS"] as const;

/**
 * What to lay over the parent's environment to start the server: each
 * unneeded variable as `undefined`, which Node's `spawn` and `fork` leave out
 * (vscode-languageclient copies `process.env` and then these keys).
 */
export function serverEnvironmentOverrides(): Record<string, undefined> {
  return Object.fromEntries(VARIABLES_THE_SERVER_DOES_NOT_NEED.map((name) => [name, undefined]));
}
