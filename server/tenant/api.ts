/**
 * The operations of a tenant's Web API the script tools use, typed by the
 * contract's generated types (`contract/types.ts`): listing CRMScripts and
 * trigger scripts page by page (OData-style rows), reading, creating,
 * updating and deleting one, the script folder tree, and the CRMScript
 * agent's validation and execution of a script's text.
 */
import type { CRMScriptEntity, CRMScriptResult, CRMScriptRunResult, HierarchyEntity, ODataSlimResponse, TriggerScriptEntity } from "./contract/types.js";
import { HttpClient, TenantError, type HttpOptions } from "./http.js";

/** A CRMScript as the list gives it (columns of the `CRMScripts` archive provider). */
export interface ScriptRow {
  readonly id: number;
  readonly uniqueIdentifier: string;
  readonly name: string;
  readonly includeId: string;
  readonly hierarchyId: number;
  readonly updated: string;
}

/** A trigger script as the list gives it. */
export interface TriggerRow {
  readonly id: number;
  readonly uniqueIdentifier: string;
  readonly name: string;
  readonly event: string;
  readonly updated: string;
}

/** Rows per page when listing. */
const PAGE = 500;

export class TenantApi {
  readonly http: HttpClient;

  constructor(options: HttpOptions) {
    this.http = new HttpClient(options);
  }

  async listScripts(): Promise<ScriptRow[]> {
    const rows = await this.listAll("v1/CRMScript", "ejscriptId,uniqueIdentifier,name,includeId,hierarchyId,updatedDate");
    return rows.map((row) => ({
      id: numberOf(row.ejscriptId),
      uniqueIdentifier: stringOf(row.uniqueIdentifier),
      name: stringOf(row.name),
      includeId: stringOf(row.includeId),
      hierarchyId: numberOf(row.hierarchyId),
      updated: stringOf(row.updatedDate),
    }));
  }

  async listTriggers(): Promise<TriggerRow[]> {
    const rows = await this.listAll("v1/TriggerScript", "screenChooserId,uniqueIdentifier,name,screenType,updatedDate");
    return rows.map((row) => ({
      id: numberOf(row.screenChooserId),
      uniqueIdentifier: stringOf(row.uniqueIdentifier),
      name: stringOf(row.name),
      event: stringOf(row.screenType),
      updated: stringOf(row.updatedDate),
    }));
  }

  getScript(id: number): Promise<CRMScriptEntity> {
    return this.http.request<CRMScriptEntity>({ method: "GET", path: `v1/CRMScript/${id}`, idempotent: true });
  }

  /** Replaces a script (the whole entity, as read, with its changes); the answer has the new `Updated`. */
  putScript(entity: CRMScriptEntity): Promise<CRMScriptEntity> {
    return this.http.request<CRMScriptEntity>({
      method: "PUT",
      path: `v1/CRMScript/${requiredId(entity.EjscriptId)}`,
      body: writable(entity),
      idempotent: true,
    });
  }

  createScript(entity: CRMScriptEntity): Promise<CRMScriptEntity> {
    return this.http.request<CRMScriptEntity>({ method: "POST", path: "v1/CRMScript", body: entity, idempotent: false });
  }

  deleteScript(id: number): Promise<void> {
    return this.http.request<void>({ method: "DELETE", path: `v1/CRMScript/${id}`, idempotent: true });
  }

  getTrigger(id: number): Promise<TriggerScriptEntity> {
    return this.http.request<TriggerScriptEntity>({ method: "GET", path: `v1/TriggerScript/${id}`, idempotent: true });
  }

  putTrigger(entity: TriggerScriptEntity): Promise<TriggerScriptEntity> {
    return this.http.request<TriggerScriptEntity>({
      method: "PUT",
      path: `v1/TriggerScript/${requiredId(entity.ScreenChooserId)}`,
      body: writable(entity),
      idempotent: true,
    });
  }

  deleteTrigger(id: number): Promise<void> {
    return this.http.request<void>({ method: "DELETE", path: `v1/TriggerScript/${id}`, idempotent: true });
  }

  /** The script folders, as a tree. */
  scriptFolders(): Promise<HierarchyEntity[]> {
    return this.http.request<HierarchyEntity[]>({ method: "GET", path: "v1/Hierarchy/Scripts", query: { children: "true" }, idempotent: true });
  }

  /** The tenant's compiler on a script's text; its `#include`s resolve in the tenant. */
  validateText(script: string): Promise<CRMScriptResult> {
    return this.http.request<CRMScriptResult>({
      method: "POST",
      path: "v1/Agents/CRMScript/ValidateScriptByString",
      body: { Script: script },
      idempotent: true,
    });
  }

  /** Runs a script's text in the tenant (it may change data there: never retried). */
  runText(script: string, parameters: Record<string, string> = {}): Promise<CRMScriptRunResult> {
    return this.http.request<CRMScriptRunResult>({
      method: "POST",
      path: "v1/Agents/CRMScript/ExecuteScriptByString",
      body: { Script: script, Parameters: parameters },
      idempotent: false,
    });
  }

  /** Every row of a list, page by page (`$top`/`$skip`), until a page comes back short. */
  private async listAll(path: string, select: string): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    for (let skip = 0; ; skip += PAGE) {
      const page = await this.http.request<ODataSlimResponse>({ method: "GET", path, query: { $select: select, $top: PAGE, $skip: skip }, idempotent: true });
      const value = (page?.value ?? []) as Record<string, unknown>[];
      rows.push(...value);
      if (value.length < PAGE) return rows;
    }
  }
}

/** An entity as read, without its `_Links` (which only answers carry), to send back. */
function writable<T extends object>(entity: T): T {
  const { _Links: _, ...rest } = entity as T & { _Links?: unknown };
  return rest as T;
}

function requiredId(id: number | undefined): number {
  if (id === undefined) throw new TenantError("invalid-response", "the entity has no id");
  return id;
}

function numberOf(value: unknown): number {
  return typeof value === "number" ? value : Number.parseInt(String(value ?? ""), 10);
}

function stringOf(value: unknown): string {
  return value === undefined || value === null ? "" : String(value);
}
