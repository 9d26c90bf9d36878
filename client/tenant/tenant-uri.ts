/**
 * The addresses of read-only tenant copies (scheme `crmscript-tenant`):
 * `/<connection>/<script|trigger>/<id>/<file name>`, where the connection is
 * a sign-in profile or `~environment` (the environment's credentials). The
 * file name ends in `.crm`, so VS Code colors the copy as CRMScript.
 */
import { safeName, SCRIPT_FILE_EXTENSION } from "../../server/tenant/workspace/layout.js";

export const TENANT_SCHEME = "crmscript-tenant";

/** The connection of the environment's credentials (profile names start with a letter or digit, so none is this). */
export const ENVIRONMENT_CONNECTION = "~environment";

export interface TenantCopy {
  /** A profile name, or `ENVIRONMENT_CONNECTION`. */
  readonly connection: string;
  readonly kind: "script" | "trigger";
  readonly id: number;
  /** The name shown as the document's file name. */
  readonly name: string;
}

/** The copy's path; its parts hold no `/` (profile names cannot, file names are made safe). */
export function tenantCopyPath(copy: TenantCopy): string {
  const fileName = copy.name.toLowerCase().endsWith(SCRIPT_FILE_EXTENSION) ? safeName(copy.name) : `${safeName(copy.name)}${SCRIPT_FILE_EXTENSION}`;
  return `/${copy.connection}/${copy.kind}/${copy.id}/${fileName}`;
}

/** The copy a path names, or undefined when it is not such a path. */
export function parseTenantCopyPath(path: string): TenantCopy | undefined {
  const match = /^\/([^/]+)\/(script|trigger)\/(\d+)\/([^/]+)$/.exec(path);
  if (match === null) return undefined;
  const [, connection = "", kind, id = "", name = ""] = match;
  return { connection, kind: kind as TenantCopy["kind"], id: Number(id), name };
}
