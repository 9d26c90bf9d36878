/**
 * A fake SuperOffice tenant for offline tests of the script-sync client: a
 * real HTTP server on 127.0.0.1 (port 0) answering the Web API operations
 * the client uses, under `/{tenant}/api/v1/…`, over an in-memory store of
 * CRMScripts, trigger scripts and script folders (`TenantStore`).
 *
 * Every request is checked against the contract (`contract-validator.ts`)
 * before it is handled and every response after: the problems go into
 * `server.contractProblems` (tests assert it is empty); a request that breaks
 * the contract is answered 400, a response that breaks it is answered 500
 * instead of being sent, so a test notices either way.
 *
 * Operations (dispatched by the contract's operationId):
 * - `GET|POST /CRMScript`, `GET|PUT|DELETE /CRMScript/{id}`, `GET /CRMScript/default`,
 *   `GET /CRMScript/{id|uniqueId}/Validate`; the same for `/TriggerScript`
 *   (also by unique id); lists are OData-style (`$select` of the `CRMScripts`
 *   archive columns, `$top` as the page size, `$skip`, `odata.nextLink` while
 *   rows remain, `$filter` only as `<column> eq <value>`, other filters ignored);
 * - `GET /Hierarchy/{domain}[?children=true]`, `GET /Hierarchy/{id}`;
 * - `POST /Agents/CRMScript/` `ValidateScriptByString`, `ValidateScript`,
 *   `ValidateScriptByIncludeId`, `ExecuteScriptByString`, `ExecuteScriptByIncludeId`,
 *   `ResolveIncludes`. The compiler is a deterministic fake: `#include "id";`
 *   lines are replaced by the stored script with that IncludeId (each once);
 *   a line containing `COMPILE_ERROR` is a compile error at that line and
 *   character (1-based), reported with the IncludeId of the script it is in
 *   (`""` for the main script) and, as `LineNumber` of the result, the line in
 *   the expanded script; running collects the string literals of
 *   `print("…")`/`printLine("…")` calls, and a line containing `RUNTIME_ERROR`
 *   stops the run unsuccessfully.
 * Other operations of the contract are answered 501 and recorded as problems.
 *
 * Authentication: `Authorization: Bearer <token>` with a token the server
 * accepts (`server.token` at start, `issueToken`, `acceptToken`), or
 * `Authorization: SOTicket <ticket>` with `SO-AppToken: <server.appToken>`;
 * otherwise 401 with `WWW-Authenticate` (`error="invalid_token"` for an
 * unknown or expired token).
 *
 * Faults for tests: `failNext(fault, { times, match })` (a status such as 429
 * with `Retry-After` or 503, a dropped connection before or after handling, a
 * delay), `agentDisabled` (403 on the CRMScript agent), `expireAllTokens()`,
 * `store.editScriptAsOtherUser(…)` (another user's edit, bumping `Updated`).
 * `requests` logs every request; `fetchJson` is plain `fetch` with the
 * test user's token, for tests of the server itself. Error bodies are `{ Error, ErrorType }`
 * (not part of the contract). Timestamps are whole seconds in UTC
 * (`2024-05-01T10:20:30Z`); an update always moves `Updated` later (by a second
 * past the previous value if the clock has not moved on).
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  CRMScriptEntity,
  CRMScriptEntityWithLinks,
  CRMScriptErrorInfo,
  CRMScriptResult,
  CRMScriptRunResult,
  ExecuteScriptByIncludeIdRequest,
  ExecuteScriptByStringRequest,
  HierarchyEntity,
  ODataSlimResponse,
  ResolveIncludesRequest,
  TriggerScriptEntity,
  TriggerScriptEntityWithLinks,
  ValidateScriptByIncludeIdRequest,
  ValidateScriptByStringRequest,
  ValidateScriptRequest,
} from "../../server/tenant/contract/types.js";
import { type ContractValidator, type OperationMatch, sharedContractValidator } from "./contract-validator.js";

// ---------------------------------------------------------------------------------------------
// The store

export type ScreenType = NonNullable<TriggerScriptEntity["ScreenType"]>;

/** A CRMScript as the tenant keeps it. */
export interface StoredScript {
  EjscriptId: number;
  UniqueIdentifier: string;
  Name: string;
  Description: string;
  IncludeId: string;
  AccessKey: string;
  /** Its folder; 0 is the root. */
  HierarchyId: number;
  Source: string;
  HtmlOutput: number;
  Registered: string;
  RegisteredAssociateId: number;
  Updated: string;
  UpdatedAssociateId: number;
}

/** A trigger script (screen chooser) as the tenant keeps it. */
export interface StoredTrigger {
  ScreenChooserId: number;
  Name: string;
  ScreenType: ScreenType;
  Enabled: boolean;
  UniqueIdentifier: string;
  Source: string;
  Registered: string;
  RegisteredAssociateId: number;
  Updated: string;
  UpdatedAssociateId: number;
}

/** A folder of the `Scripts` hierarchy domain. */
export interface StoredFolder {
  HierarchyId: number;
  Name: string;
  /** 0 for a top-level folder. */
  ParentId: number;
  Registered: string;
  RegisteredAssociateId: number;
  Updated: string;
  UpdatedAssociateId: number;
}

export type ScriptChanges = Partial<Pick<StoredScript, "Name" | "Description" | "IncludeId" | "HierarchyId" | "Source" | "AccessKey" | "HtmlOutput">>;
export type TriggerChanges = Partial<Pick<StoredTrigger, "Name" | "ScreenType" | "Enabled" | "Source">>;

export interface TenantStoreOptions {
  /** The clock, in milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/** The associate the fake treats as "the test user" (the default token's user). */
export const TEST_USER_ASSOCIATE_ID = 1;
/** The associate `editScriptAsOtherUser` edits as by default. */
export const OTHER_USER_ASSOCIATE_ID = 99;

/** The in-memory scripts, triggers and script folders of the fake tenant. */
export class TenantStore {
  readonly scripts = new Map<number, StoredScript>();
  readonly triggers = new Map<number, StoredTrigger>();
  readonly folders = new Map<number, StoredFolder>();
  /** Associate id → the name list columns (`updatedBy`, `registeredBy`) show. */
  readonly associates = new Map<number, string>([
    [TEST_USER_ASSOCIATE_ID, "Test User"],
    [OTHER_USER_ASSOCIATE_ID, "Other User"],
  ]);
  private nextScriptId = 1;
  private nextTriggerId = 1;
  private nextFolderId = 1;
  private uniqueCounter = 0;
  private readonly now: () => number;

  constructor(options: TenantStoreOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** Now, in whole seconds, UTC (`2024-05-01T10:20:30Z`); strictly later than `after` when given (so an update always moves `Updated`). */
  timestamp(after?: string): string {
    let time = Math.floor(this.now() / 1000) * 1000;
    if (after !== undefined) time = Math.max(time, Date.parse(after) + 1000);
    return new Date(time).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  /** A new GUID-shaped unique identifier (deterministic per store). */
  uniqueIdentifier(): string {
    const hex = createHash("sha256")
      .update(`tenant-store-${++this.uniqueCounter}`)
      .digest("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  addFolder(name: string, parentId = 0, associateId = TEST_USER_ASSOCIATE_ID): StoredFolder {
    if (parentId !== 0 && !this.folders.has(parentId)) throw new Error(`no folder ${parentId}`);
    const time = this.timestamp();
    const folder: StoredFolder = {
      HierarchyId: this.nextFolderId++,
      Name: name,
      ParentId: parentId,
      Registered: time,
      RegisteredAssociateId: associateId,
      Updated: time,
      UpdatedAssociateId: associateId,
    };
    this.folders.set(folder.HierarchyId, folder);
    return folder;
  }

  /** The folder at a `/`-separated path such as `Utilities/Strings`, made where missing; 0 for `""`. */
  folderAt(path: string): number {
    let parentId = 0;
    for (const name of path.split("/").filter((part) => part !== "")) {
      const existing = [...this.folders.values()].find((folder) => folder.ParentId === parentId && folder.Name === name);
      parentId = (existing ?? this.addFolder(name, parentId)).HierarchyId;
    }
    return parentId;
  }

  /** The folder's full name (`Utilities/Strings`), `""` for the root. */
  folderFullname(hierarchyId: number): string {
    return this.folderPathIds(hierarchyId)
      .map((id) => this.folders.get(id)?.Name ?? "")
      .join("/");
  }

  /** The ids from the top-level folder down to this one; empty for the root. */
  folderPathIds(hierarchyId: number): number[] {
    const ids: number[] = [];
    for (let id = hierarchyId; id !== 0 && ids.length < 100; ) {
      const folder = this.folders.get(id);
      if (folder === undefined) break;
      ids.unshift(id);
      id = folder.ParentId;
    }
    return ids;
  }

  addScript(init: Partial<StoredScript> & { Name?: string } = {}, associateId = TEST_USER_ASSOCIATE_ID): StoredScript {
    const id = init.EjscriptId ?? this.nextScriptId;
    if (this.scripts.has(id)) throw new Error(`script ${id} exists`);
    this.nextScriptId = Math.max(this.nextScriptId, id + 1);
    const time = this.timestamp();
    const name = init.Name ?? `Script ${id}`;
    const script: StoredScript = {
      EjscriptId: id,
      UniqueIdentifier: init.UniqueIdentifier ?? this.uniqueIdentifier(),
      Name: name,
      Description: init.Description ?? "",
      IncludeId: init.IncludeId ?? this.freeIncludeId(name),
      AccessKey: init.AccessKey ?? "",
      HierarchyId: init.HierarchyId ?? 0,
      Source: init.Source ?? `#setLanguageLevel 4;\nprintLine("${name}");\n`,
      HtmlOutput: init.HtmlOutput ?? 0,
      Registered: init.Registered ?? time,
      RegisteredAssociateId: init.RegisteredAssociateId ?? associateId,
      Updated: init.Updated ?? time,
      UpdatedAssociateId: init.UpdatedAssociateId ?? associateId,
    };
    this.scripts.set(id, script);
    return script;
  }

  /**
   * `count` scripts named `<namePrefix> <n>`, spread in turn over `folders`:
   * a number makes that many top-level folders `Folder 1…`, paths such as
   * `Utilities/Strings` are made where missing; without folders they go to the root.
   */
  seedScripts(count: number, options: { readonly folders?: number | readonly string[]; readonly namePrefix?: string } = {}): StoredScript[] {
    const folderPaths =
      typeof options.folders === "number" ? Array.from({ length: options.folders }, (_, index) => `Folder ${index + 1}`) : (options.folders ?? [""]);
    const folderIds = (folderPaths.length === 0 ? [""] : folderPaths).map((path) => this.folderAt(path));
    const prefix = options.namePrefix ?? "Script";
    return Array.from({ length: count }, (_, index) =>
      this.addScript({ Name: `${prefix} ${index + 1}`, HierarchyId: folderIds[index % folderIds.length] as number }),
    );
  }

  getScript(id: number): StoredScript | undefined {
    return this.scripts.get(id);
  }

  scriptByIncludeId(includeId: string): StoredScript | undefined {
    return [...this.scripts.values()].find((script) => script.IncludeId === includeId);
  }

  scriptByUniqueIdentifier(uniqueIdentifier: string): StoredScript | undefined {
    return [...this.scripts.values()].find((script) => script.UniqueIdentifier === uniqueIdentifier);
  }

  /** Applies changes as `associateId`, moving `Updated`. */
  updateScript(id: number, changes: ScriptChanges, associateId = TEST_USER_ASSOCIATE_ID): StoredScript {
    const script = this.scripts.get(id);
    if (script === undefined) throw new Error(`no script ${id}`);
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) (script as unknown as Record<string, unknown>)[key] = value;
    script.Updated = this.timestamp(script.Updated);
    script.UpdatedAssociateId = associateId;
    return script;
  }

  /** Another user's edit in the tenant (by default a line appended to the source), moving `Updated`. */
  editScriptAsOtherUser(id: number, changes?: ScriptChanges, associateId = OTHER_USER_ASSOCIATE_ID): StoredScript {
    const script = this.scripts.get(id);
    if (script === undefined) throw new Error(`no script ${id}`);
    return this.updateScript(id, changes ?? { Source: `${script.Source}// edited by associate ${associateId}\n` }, associateId);
  }

  deleteScript(id: number): boolean {
    return this.scripts.delete(id);
  }

  addTrigger(init: Partial<StoredTrigger> = {}, associateId = TEST_USER_ASSOCIATE_ID): StoredTrigger {
    const id = init.ScreenChooserId ?? this.nextTriggerId;
    if (this.triggers.has(id)) throw new Error(`trigger ${id} exists`);
    this.nextTriggerId = Math.max(this.nextTriggerId, id + 1);
    const time = this.timestamp();
    const name = init.Name ?? `Trigger ${id}`;
    const trigger: StoredTrigger = {
      ScreenChooserId: id,
      Name: name,
      ScreenType: init.ScreenType ?? "TicketSave",
      Enabled: init.Enabled ?? true,
      UniqueIdentifier: init.UniqueIdentifier ?? this.uniqueIdentifier(),
      Source: init.Source ?? `#setLanguageLevel 4;\nprintLine("${name}");\n`,
      Registered: init.Registered ?? time,
      RegisteredAssociateId: init.RegisteredAssociateId ?? associateId,
      Updated: init.Updated ?? time,
      UpdatedAssociateId: init.UpdatedAssociateId ?? associateId,
    };
    this.triggers.set(id, trigger);
    return trigger;
  }

  seedTriggers(count: number, options: { readonly namePrefix?: string; readonly screenTypes?: readonly ScreenType[] } = {}): StoredTrigger[] {
    const types = options.screenTypes ?? ["TicketSave", "NewTicket", "SalesBeforeSaveSale"];
    return Array.from({ length: count }, (_, index) =>
      this.addTrigger({ Name: `${options.namePrefix ?? "Trigger"} ${index + 1}`, ScreenType: types[index % types.length] as ScreenType }),
    );
  }

  getTrigger(id: number): StoredTrigger | undefined {
    return this.triggers.get(id);
  }

  triggerByUniqueIdentifier(uniqueIdentifier: string): StoredTrigger | undefined {
    return [...this.triggers.values()].find((trigger) => trigger.UniqueIdentifier === uniqueIdentifier);
  }

  updateTrigger(id: number, changes: TriggerChanges, associateId = TEST_USER_ASSOCIATE_ID): StoredTrigger {
    const trigger = this.triggers.get(id);
    if (trigger === undefined) throw new Error(`no trigger ${id}`);
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) (trigger as unknown as Record<string, unknown>)[key] = value;
    trigger.Updated = this.timestamp(trigger.Updated);
    trigger.UpdatedAssociateId = associateId;
    return trigger;
  }

  editTriggerAsOtherUser(id: number, changes?: TriggerChanges, associateId = OTHER_USER_ASSOCIATE_ID): StoredTrigger {
    const trigger = this.triggers.get(id);
    if (trigger === undefined) throw new Error(`no trigger ${id}`);
    return this.updateTrigger(id, changes ?? { Source: `${trigger.Source}// edited by associate ${associateId}\n` }, associateId);
  }

  deleteTrigger(id: number): boolean {
    return this.triggers.delete(id);
  }

  /** An include id no script uses yet, made from a name (`My Script` → `my_script`). */
  freeIncludeId(name: string): string {
    const base =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "_")
        .replace(/^_+|_+$/g, "") || "script";
    let candidate = base;
    for (let n = 2; this.scriptByIncludeId(candidate) !== undefined; n++) candidate = `${base}_${n}`;
    return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// The fake compiler

interface ExpandedLine {
  readonly text: string;
  /** The IncludeId of the script the line is from; `""` for the main script. */
  readonly includeId: string;
  /** 1-based line in that script. */
  readonly line: number;
  /** Set on an `#include` line naming no stored script. */
  readonly missingInclude?: { readonly name: string; readonly character: number };
}

interface Expansion {
  readonly lines: ExpandedLine[];
  /** EjscriptIds of the included scripts, in the order they were first included. */
  readonly includes: number[];
}

const includeLine = /^\s*#include\s+"?([^";\s]+)"?\s*;?\s*(?:\/\/.*)?$/;

function expand(store: TenantStore, source: string, ownIncludeId: string): Expansion {
  const lines: ExpandedLine[] = [];
  const includes: number[] = [];
  const seen = new Set<string>(ownIncludeId === "" ? [] : [ownIncludeId]);
  const visit = (text: string, includeId: string): void => {
    text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
      const include = includeLine.exec(lineText);
      if (include === null) {
        lines.push({ text: lineText, includeId, line: index + 1 });
        return;
      }
      const name = include[1] as string;
      if (seen.has(name)) return;
      const script = store.scriptByIncludeId(name);
      if (script === undefined) {
        lines.push({ text: lineText, includeId, line: index + 1, missingInclude: { name, character: lineText.indexOf(name) + 1 } });
        return;
      }
      seen.add(name);
      includes.push(script.EjscriptId);
      visit(script.Source, name);
    });
  };
  visit(source, "");
  return { lines, includes };
}

/** Compiles a script the fake way: the first unknown include or `COMPILE_ERROR`, in expanded order, is the error. */
export function fakeCompile(store: TenantStore, source: string, ownIncludeId = ""): CRMScriptResult {
  const { lines, includes } = expand(store, source, ownIncludeId);
  for (const [index, line] of lines.entries()) {
    let error: CRMScriptErrorInfo | undefined;
    if (line.missingInclude !== undefined)
      error = {
        ErrorMessage: `Include not found: ${line.missingInclude.name}`,
        IncludeId: line.includeId,
        LineNumber: line.line,
        CharacterPosition: line.missingInclude.character,
      };
    else if (line.text.includes("COMPILE_ERROR"))
      error = {
        ErrorMessage: "Syntax error: unexpected identifier COMPILE_ERROR",
        IncludeId: line.includeId,
        LineNumber: line.line,
        CharacterPosition: line.text.indexOf("COMPILE_ERROR") + 1,
      };
    if (error !== undefined)
      return { Valid: false, ErrorMessage: error.ErrorMessage ?? "", LineNumber: index + 1, ErrorInformation: error, Includes: includes };
  }
  return { Valid: true, ErrorMessage: "", LineNumber: 0, Includes: includes };
}

const printCall = /\b(print|printLine)\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\)/g;

function unescapeLiteral(text: string): string {
  return text.replace(/\\(.)/g, (_, character: string) => ({ n: "\n", t: "\t", r: "\r" })[character] ?? character);
}

/** Runs a script the fake way: the output of its `print("…")`/`printLine("…")` calls, until a `RUNTIME_ERROR` line. */
export function fakeRun(store: TenantStore, source: string, ownIncludeId = ""): CRMScriptRunResult {
  const compiled = fakeCompile(store, source, ownIncludeId);
  if (!compiled.Valid) return { Output: "", Success: false, ...(compiled.ErrorInformation ? { ErrorInformation: compiled.ErrorInformation } : {}) };
  let output = "";
  for (const line of expand(store, source, ownIncludeId).lines) {
    if (line.text.includes("RUNTIME_ERROR"))
      return {
        Output: output,
        Success: false,
        ErrorInformation: {
          ErrorMessage: "Runtime error: RUNTIME_ERROR",
          IncludeId: line.includeId,
          LineNumber: line.line,
          CharacterPosition: line.text.indexOf("RUNTIME_ERROR") + 1,
        },
      };
    for (const call of line.text.matchAll(printCall)) output += unescapeLiteral(call[2] as string) + (call[1] === "printLine" ? "\n" : "");
  }
  return { Output: output, Success: true };
}

// ---------------------------------------------------------------------------------------------
// The server

/** What can go wrong with the next matching request. */
export type Fault =
  /** Answer this status (e.g. 429 with `Retry-After`, 503, 500) with an error body instead of handling the request. */
  | { readonly status: number; readonly retryAfterSeconds?: number; readonly body?: unknown }
  /** Close the connection without an answer: before handling (nothing changes) or after (the change is made, the answer lost). */
  | { readonly dropConnection: true; readonly afterHandling?: boolean }
  /** Answer normally, after a delay. */
  | { readonly delayMs: number };

/** Which requests a fault applies to: all of method, operationId and path (a substring of, or a pattern for, the URL path) must match. */
export type RequestMatch =
  | { readonly method?: string; readonly path?: string | RegExp; readonly operationId?: string }
  | ((request: RecordedRequest) => boolean);

export interface FaultOptions {
  /** How many matching requests fail (default 1). */
  readonly times?: number;
  readonly match?: RequestMatch;
}

/** A request as the server received it. */
export interface RecordedRequest {
  readonly method: string;
  /** The URL path, e.g. `/Cust12345/api/v1/CRMScript/12`. */
  readonly path: string;
  /** Query parameters (the last value of a repeated one). */
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body (the raw text when it is not JSON); `undefined` when there is none. */
  readonly body: unknown;
  /** The contract operation, when the path named one. */
  readonly operationId?: string;
  /** The status answered; `undefined` while pending or when the connection was dropped. */
  status?: number;
  /** The fault applied, if any. */
  fault?: Fault;
}

export interface TokenOptions {
  /** When the token stops working (Date or milliseconds; default: never). */
  readonly expiresAt?: Date | number;
  /** The user the token is for (default `TEST_USER_ASSOCIATE_ID`). */
  readonly associateId?: number;
}

export interface TenantServerOptions {
  /** The tenant id in the path (default `Cust12345`). */
  readonly tenant?: string;
  /** The most rows one list page holds (default 500); `$top` asks for fewer. */
  readonly maxPageSize?: number;
  /** The `SO-AppToken` that must come with an `SOTicket` (default `test-app-token`). */
  readonly appToken?: string;
  readonly validator?: ContractValidator;
  /** The clock of the store, in milliseconds. */
  readonly now?: () => number;
}

interface FaultEntry {
  readonly fault: Fault;
  remaining: number;
  readonly match?: RequestMatch;
}

/** A parsed answer of `TenantServer.fetchJson`. */
export interface JsonAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON body (the text when it is not JSON); `undefined` when empty. */
  readonly body: unknown;
}

export interface FetchJsonOptions {
  readonly body?: unknown;
  /** Extra headers; `Authorization: Bearer <server.token>` is sent unless `token` is `null` or this sets `Authorization`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The bearer token to send; `null` sends none. */
  readonly token?: string | null;
  readonly signal?: AbortSignal;
}

interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

interface Context {
  readonly match: OperationMatch;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly associateId: number;
  readonly origin: string;
}

type Handler = (context: Context) => Reply;

function errorReply(status: number, message: string, type = "Error", headers?: Record<string, string>): Reply {
  return { status, body: { Error: message, ErrorType: type }, ...(headers ? { headers } : {}) };
}

const notFound = (what: string): Reply => errorReply(404, `${what} not found`, "NotFound");

interface Column<T> {
  readonly name: string;
  readonly value: (row: T) => unknown;
}

interface ArchiveList<T> {
  readonly entityName: string;
  readonly columns: readonly Column<T>[];
  readonly defaultColumns: readonly string[];
  readonly key: (row: T) => number;
  readonly rows: () => T[];
}

/** The fake tenant. Start it with `startTenantServer()`. */
export class TenantServer {
  readonly tenant: string;
  readonly store: TenantStore;
  /** Every request, in order of arrival. */
  readonly requests: RecordedRequest[] = [];
  /** Contract problems of requests and responses, as readable lines; tests assert it is empty. */
  readonly contractProblems: string[] = [];
  /** When true, `/Agents/CRMScript/*` answers 403 (the agent is not enabled for the application). */
  agentDisabled = false;
  /** The `SO-AppToken` an `SOTicket` must come with. */
  appToken: string;
  maxPageSize: number;
  /** A token accepted from the start (for the test user), valid until `expireAllTokens()`. */
  readonly token: string;

  private readonly tokens = new Map<string, { expiresAt: number; associateId: number }>();
  private readonly tickets = new Map<string, number>();
  private readonly faults: FaultEntry[] = [];
  private readonly validator: ContractValidator;
  private readonly server: Server;
  private port = 0;

  constructor(options: TenantServerOptions = {}) {
    this.tenant = options.tenant ?? "Cust12345";
    this.store = new TenantStore(options.now ? { now: options.now } : {});
    this.maxPageSize = options.maxPageSize ?? 500;
    this.appToken = options.appToken ?? "test-app-token";
    this.validator = options.validator ?? sharedContractValidator();
    this.token = this.issueToken();
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        // A client that hangs up while sending is not a failure of the server.
        if (request.destroyed || response.destroyed) return;
        this.contractProblems.push(`tenant-server failed on ${request.method} ${request.url}: ${String(error)}`);
        if (!response.headersSent && !response.destroyed) {
          response.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
          response.end(JSON.stringify({ Error: String(error), ErrorType: "TenantServerFailure" }));
        }
      });
    });
  }

  /** Starts listening on 127.0.0.1 at a free port. */
  async listen(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** `http://127.0.0.1:<port>` */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The client's API base: `http://127.0.0.1:<port>/Cust12345/api/` */
  get apiBase(): string {
    return `${this.origin}/${this.tenant}/api/`;
  }

  /** Headers that authenticate as the test user with `server.token`. */
  authHeaders(token = this.token): Record<string, string> {
    return { Authorization: `Bearer ${token}`, Accept: "application/json" };
  }

  /**
   * A request with plain `fetch` to `path` relative to `apiBase` (e.g. `v1/CRMScript/12`, no
   * leading slash) or to an absolute URL (an `odata.nextLink`), authenticated with `server.token`
   * unless told otherwise, its answer parsed.
   */
  async fetchJson(method: string, path: string, options: FetchJsonOptions = {}): Promise<JsonAnswer> {
    const token = options.token === undefined ? this.token : options.token;
    const headers: Record<string, string> = {
      Accept: "application/json",
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      ...(options.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(options.headers ?? {}),
    };
    const response = await fetch(new URL(path, this.apiBase), {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const text = await response.text();
    let body: unknown;
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, headers: response.headers, body };
  }

  acceptToken(token: string, options: TokenOptions = {}): void {
    const expiresAt = options.expiresAt === undefined ? Number.POSITIVE_INFINITY : Number(options.expiresAt);
    this.tokens.set(token, { expiresAt, associateId: options.associateId ?? TEST_USER_ASSOCIATE_ID });
  }

  /** A new random token the server accepts. */
  issueToken(options: TokenOptions = {}): string {
    const token = `test-${randomBytes(12).toString("hex")}`;
    this.acceptToken(token, options);
    return token;
  }

  /** Every token accepted so far expires now (new ones can be accepted or issued after). */
  expireAllTokens(): void {
    const past = Date.now() - 1;
    for (const entry of this.tokens.values()) entry.expiresAt = Math.min(entry.expiresAt, past);
  }

  /** Accepts `Authorization: SOTicket <ticket>` (with `SO-AppToken: <appToken>`). */
  acceptTicket(ticket: string, associateId = TEST_USER_ASSOCIATE_ID): void {
    this.tickets.set(ticket, associateId);
  }

  /** The next `times` requests that match fail with `fault`. Faults are used in the order they were added. */
  failNext(fault: Fault, options: FaultOptions = {}): void {
    this.faults.push({ fault, remaining: options.times ?? 1, ...(options.match ? { match: options.match } : {}) });
  }

  /** Forgets faults not used yet. */
  clearFaults(): void {
    this.faults.length = 0;
  }

  /** The contract problems so far, forgetting them. */
  takeContractProblems(): string[] {
    return this.contractProblems.splice(0);
  }

  async close(): Promise<void> {
    this.faults.length = 0;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- the request pipeline -------------------------------------------------------------------

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(request.url ?? "/", this.origin);
    const method = (request.method ?? "GET").toUpperCase();
    let body: unknown;
    let bodyProblem: string | undefined;
    if (text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
        bodyProblem = `${method} ${url.pathname}: the body is not JSON`;
      }
    }
    const validation = this.validator.validateRequest({ method, path: url.pathname, query: url.searchParams, body });
    const requestProblems = [...(bodyProblem ? [bodyProblem] : []), ...validation.problems];
    for (const problem of requestProblems) this.contractProblems.push(`request: ${problem}`);
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body,
      ...(validation.match ? { operationId: validation.match.operation.operationId } : {}),
    };
    this.requests.push(recorded);

    const fault = this.takeFault(recorded);
    if (fault !== undefined) {
      recorded.fault = fault;
      if ("delayMs" in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      else if ("dropConnection" in fault) {
        if (fault.afterHandling !== true) {
          request.socket.destroy();
          return;
        }
      } else {
        const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { "Retry-After": String(fault.retryAfterSeconds) };
        const reply: Reply =
          fault.body === undefined
            ? errorReply(fault.status, `Injected failure ${fault.status}`, fault.status === 429 ? "TooManyRequests" : "InjectedFailure", headers)
            : { status: fault.status, body: fault.body, headers };
        this.send(response, recorded, validation.match, reply);
        return;
      }
    }

    const reply = this.reply(request, recorded, validation.match, requestProblems);
    if (fault !== undefined && "dropConnection" in fault) {
      request.socket.destroy();
      return;
    }
    this.send(response, recorded, validation.match, reply);
  }

  private takeFault(request: RecordedRequest): Fault | undefined {
    const index = this.faults.findIndex((entry) => entry.remaining > 0 && matches(entry.match, request));
    if (index < 0) return undefined;
    const entry = this.faults[index] as FaultEntry;
    entry.remaining--;
    if (entry.remaining === 0) this.faults.splice(index, 1);
    return entry.fault;
  }

  private reply(request: IncomingMessage, recorded: RecordedRequest, match: OperationMatch | undefined, problems: readonly string[]): Reply {
    const tenant = recorded.path.split("/")[1];
    if (tenant !== this.tenant) return errorReply(404, `No tenant ${tenant ?? ""} here`, "NotFound");
    const auth = this.authenticate(request);
    if (typeof auth !== "number") return auth;
    if (match === undefined) return errorReply(404, problems[0] ?? "Not found", "NotFound");
    if (problems.length > 0) return errorReply(400, problems.join("; "), "BadRequest");
    if (this.agentDisabled && match.operation.template.startsWith("/api/v1/Agents/CRMScript/"))
      return errorReply(
        403,
        "The CRMScript agent is not enabled for this application: access to it must be requested when the application is registered.",
        "Forbidden",
      );
    const handler = this.handlers[match.operation.operationId];
    if (handler === undefined) {
      this.contractProblems.push(`tenant-server does not implement ${match.operation.method} ${match.operation.template} (${match.operation.operationId})`);
      return errorReply(501, `${match.operation.operationId} is not implemented by the test server`, "NotImplemented");
    }
    const url = new URL(request.url ?? "/", this.origin);
    return handler({ match, query: url.searchParams, body: recorded.body, associateId: auth, origin: this.origin });
  }

  /** The associate id of an authenticated request, or the 401 reply. */
  private authenticate(request: IncomingMessage): number | Reply {
    const realm = `realm="${this.tenant}"`;
    const header = request.headers.authorization ?? "";
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    if (bearer !== null) {
      const entry = this.tokens.get(bearer[1] as string);
      if (entry === undefined)
        return errorReply(401, "The access token is not valid", "Unauthorized", {
          "WWW-Authenticate": `Bearer ${realm}, error="invalid_token", error_description="The access token is not valid"`,
        });
      if (Date.now() >= entry.expiresAt)
        return errorReply(401, "The access token expired", "Unauthorized", {
          "WWW-Authenticate": `Bearer ${realm}, error="invalid_token", error_description="The access token expired"`,
        });
      return entry.associateId;
    }
    const ticket = /^SOTicket\s+(\S+)$/i.exec(header);
    if (ticket !== null) {
      const associateId = this.tickets.get(ticket[1] as string);
      const appToken = request.headers["so-apptoken"];
      if (associateId !== undefined && appToken === this.appToken) return associateId;
      return errorReply(401, associateId === undefined ? "The ticket is not valid" : "SO-AppToken is missing or wrong", "Unauthorized", {
        "WWW-Authenticate": `SOTicket ${realm}`,
      });
    }
    return errorReply(401, "Authentication required", "Unauthorized", { "WWW-Authenticate": `Bearer ${realm}` });
  }

  private send(response: ServerResponse, recorded: RecordedRequest, match: OperationMatch | undefined, reply: Reply): void {
    let final = reply;
    const text = reply.body === undefined ? undefined : JSON.stringify(reply.body);
    if (match !== undefined) {
      const problems = this.validator.validateResponse(match.operation, reply.status, text === undefined ? undefined : JSON.parse(text));
      if (problems.length > 0) {
        for (const problem of problems) this.contractProblems.push(`response: ${problem}`);
        final = errorReply(500, `tenant-server: the response broke the contract: ${problems.join("; ")}`, "ContractViolation");
      }
    }
    recorded.status = final.status;
    if (response.destroyed || response.writableEnded) return;
    const body = final === reply ? text : JSON.stringify(final.body);
    response.writeHead(final.status, {
      ...(body === undefined ? {} : { "Content-Type": "application/json; charset=utf-8" }),
      ...(final.headers ?? {}),
    });
    response.end(body);
  }

  // --- operations -----------------------------------------------------------------------------

  private readonly handlers: Record<string, Handler> = {
    v1CRMScriptEntity_GetAll: (context) => this.list(context, this.scriptList),
    v1CRMScriptEntity_GetCRMScriptEntity: (context) => {
      const script = this.store.getScript(intParam(context, "id"));
      return script === undefined ? notFound("CRMScript") : { status: 200, body: this.scriptEntity(script) };
    },
    v1CRMScriptEntity_DefaultCRMScriptEntity: () => ({
      status: 200,
      body: { EjscriptId: 0, UniqueIdentifier: "", Name: "", Description: "", IncludeId: "", HierarchyId: 0, Source: "", ScriptType: "CRMScript" },
    }),
    v1CRMScriptEntity_PutCRMScriptEntity: (context) => {
      const id = intParam(context, "id");
      if (this.store.getScript(id) === undefined) return notFound("CRMScript");
      const script = this.store.updateScript(id, scriptChanges(context.body as CRMScriptEntity), context.associateId);
      return { status: 200, body: this.scriptEntity(script) };
    },
    v1CRMScriptEntity_PostCRMScriptEntity: (context) => {
      const entity = context.body as CRMScriptEntity;
      const script = this.store.addScript({ ...scriptChanges(entity), ...(entity.Name === undefined ? {} : { Name: entity.Name }) }, context.associateId);
      return { status: 200, body: this.scriptEntity(script) };
    },
    v1CRMScriptEntity_DeleteCRMScriptEntity: (context) => (this.store.deleteScript(intParam(context, "id")) ? { status: 204 } : notFound("CRMScript")),
    v1CRMScriptEntity_ValidateScript: (context) => {
      const script = this.store.getScript(intParam(context, "cRMScriptId"));
      return script === undefined ? notFound("CRMScript") : { status: 200, body: fakeCompile(this.store, script.Source, script.IncludeId) };
    },
    v1CRMScriptEntity_ValidateScriptByUniqueId: (context) => {
      const script = this.store.scriptByUniqueIdentifier(context.match.pathParams.cRMScriptUniqueId ?? "");
      return script === undefined ? notFound("CRMScript") : { status: 200, body: fakeCompile(this.store, script.Source, script.IncludeId) };
    },

    v1TriggerScriptEntity_GetAll: (context) => this.list(context, this.triggerList),
    v1TriggerScriptEntity_GetTriggerScriptEntity: (context) => {
      const trigger = this.store.getTrigger(intParam(context, "id"));
      return trigger === undefined ? notFound("TriggerScript") : { status: 200, body: this.triggerEntity(trigger, true) };
    },
    v1TriggerScriptEntity_GetTriggerScriptByUniqueId: (context) => {
      const trigger = this.store.triggerByUniqueIdentifier(context.match.pathParams.triggerScriptUniqueId ?? "");
      return trigger === undefined ? notFound("TriggerScript") : { status: 200, body: this.triggerEntity(trigger, false) };
    },
    v1TriggerScriptEntity_DefaultTriggerScriptEntity: () => ({
      status: 200,
      body: { ScreenChooserId: 0, Name: "", ScreenType: "Unknown", Enabled: true, UniqueIdentifier: "", Source: "" },
    }),
    v1TriggerScriptEntity_PutTriggerScriptEntity: (context) => {
      const id = intParam(context, "id");
      if (this.store.getTrigger(id) === undefined) return notFound("TriggerScript");
      return {
        status: 200,
        body: this.triggerEntity(this.store.updateTrigger(id, triggerChanges(context.body as TriggerScriptEntity), context.associateId), true),
      };
    },
    v1TriggerScriptEntity_SaveTriggerScriptByUniqueId: (context) => {
      const trigger = this.store.triggerByUniqueIdentifier(context.match.pathParams.triggerScriptUniqueId ?? "");
      if (trigger === undefined) return notFound("TriggerScript");
      const changes = triggerChanges(context.body as TriggerScriptEntity);
      return { status: 200, body: this.triggerEntity(this.store.updateTrigger(trigger.ScreenChooserId, changes, context.associateId), false) };
    },
    v1TriggerScriptEntity_PostTriggerScriptEntity: (context) => {
      const trigger = this.store.addTrigger(triggerChanges(context.body as TriggerScriptEntity), context.associateId);
      return { status: 200, body: this.triggerEntity(trigger, true) };
    },
    v1TriggerScriptEntity_DeleteTriggerScriptEntity: (context) =>
      this.store.deleteTrigger(intParam(context, "id")) ? { status: 204 } : notFound("TriggerScript"),
    v1TriggerScriptEntity_DeleteTriggerScriptByUniqueId: (context) => {
      const trigger = this.store.triggerByUniqueIdentifier(context.match.pathParams.triggerScriptUniqueId ?? "");
      return trigger !== undefined && this.store.deleteTrigger(trigger.ScreenChooserId) ? { status: 204 } : notFound("TriggerScript");
    },
    v1TriggerScriptEntity_ValidateTriggerScript: (context) => {
      const trigger = this.store.getTrigger(intParam(context, "triggerScriptId"));
      return trigger === undefined ? notFound("TriggerScript") : { status: 200, body: fakeCompile(this.store, trigger.Source) };
    },
    v1TriggerScriptEntity_ValidateTriggerScriptByUniqueId: (context) => {
      const trigger = this.store.triggerByUniqueIdentifier(context.match.pathParams.triggerScriptUniqueId ?? "");
      return trigger === undefined ? notFound("TriggerScript") : { status: 200, body: fakeCompile(this.store, trigger.Source) };
    },

    v1HierarchyEntity_GetAllInDomain: (context) => {
      const domain = context.match.pathParams.domain;
      const children = /^true$/i.test(context.query.get("children") ?? "");
      const top = domain === "Scripts" ? this.childFolders(0) : [];
      return { status: 200, body: top.map((folder) => this.hierarchyEntity(folder, children)) };
    },
    v1HierarchyEntity_GetHierarchyEntity: (context) => {
      const folder = this.store.folders.get(intParam(context, "id"));
      return folder === undefined
        ? notFound("Hierarchy")
        : { status: 200, body: { ...this.hierarchyEntity(folder, true), _Links: { Self: `${this.apiBase}v1/Hierarchy/${folder.HierarchyId}` } } };
    },

    v1CRMScriptAgent_ValidateScriptByString: (context) => ({
      status: 200,
      body: fakeCompile(this.store, (context.body as ValidateScriptByStringRequest).Script ?? ""),
    }),
    v1CRMScriptAgent_ValidateScript: (context) => {
      const script = this.store.getScript((context.body as ValidateScriptRequest).CRMScriptId ?? 0);
      return script === undefined ? notFound("CRMScript") : { status: 200, body: fakeCompile(this.store, script.Source, script.IncludeId) };
    },
    v1CRMScriptAgent_ValidateScriptByIncludeId: (context) => {
      const script = this.store.scriptByIncludeId((context.body as ValidateScriptByIncludeIdRequest).CRMScriptIncludeId ?? "");
      return script === undefined ? notFound("CRMScript") : { status: 200, body: fakeCompile(this.store, script.Source, script.IncludeId) };
    },
    v1CRMScriptAgent_ExecuteScriptByString: (context) => ({
      status: 200,
      body: fakeRun(this.store, (context.body as ExecuteScriptByStringRequest).Script ?? ""),
    }),
    v1CRMScriptAgent_ExecuteScriptByIncludeId: (context) => {
      const script = this.store.scriptByIncludeId((context.body as ExecuteScriptByIncludeIdRequest).CRMScriptIncludeId ?? "");
      if (script === undefined) return notFound("CRMScript");
      const result = fakeRun(this.store, script.Source, script.IncludeId);
      if (result.Success !== true) return errorReply(500, result.ErrorInformation?.ErrorMessage ?? "The script failed", "CRMScriptError");
      return { status: 200, body: result.Output ?? "" };
    },
    v1CRMScriptAgent_ResolveIncludes: (context) => {
      const request = context.body as ResolveIncludesRequest;
      const { lines, includes } = expand(this.store, request.Script ?? "", "");
      const missing = lines.find((line) => line.missingInclude !== undefined);
      if (missing !== undefined && request.IgnoreErrors !== true)
        return errorReply(400, `Include not found: ${missing.missingInclude?.name ?? ""} (line ${missing.line})`, "CRMScriptError");
      return { status: 200, body: includes };
    },
  };

  // --- lists ----------------------------------------------------------------------------------

  private readonly scriptList: ArchiveList<StoredScript> = {
    entityName: "ejscript",
    key: (script) => script.EjscriptId,
    rows: () => [...this.store.scripts.values()],
    defaultColumns: ["ejscriptId", "uniqueIdentifier", "name", "description", "includeId", "hierarchyId", "hierarchyFullname", "updatedDate"],
    columns: [
      { name: "ejscriptId", value: (s) => s.EjscriptId },
      { name: "uniqueIdentifier", value: (s) => s.UniqueIdentifier },
      { name: "name", value: (s) => s.Name },
      { name: "description", value: (s) => s.Description },
      { name: "includeId", value: (s) => s.IncludeId },
      { name: "accessKey", value: (s) => s.AccessKey },
      { name: "htmlOutput", value: (s) => s.HtmlOutput },
      { name: "extraMenuId", value: () => 0 },
      { name: "type", value: () => "CRMScript" },
      { name: "path", value: (s) => [this.store.folderFullname(s.HierarchyId), s.Name].filter((part) => part !== "").join("/") },
      { name: "hierarchyId", value: (s) => s.HierarchyId },
      { name: "hierarchyFullname", value: (s) => this.store.folderFullname(s.HierarchyId) },
      { name: "hierarchyName", value: (s) => this.store.folders.get(s.HierarchyId)?.Name ?? "" },
      { name: "hierarchyParentId", value: (s) => this.store.folders.get(s.HierarchyId)?.ParentId ?? 0 },
      { name: "hierarchyFullpathIds", value: (s) => this.store.folderPathIds(s.HierarchyId) },
      { name: "updatedDate", value: (s) => s.Updated },
      { name: "updatedBy", value: (s) => this.store.associates.get(s.UpdatedAssociateId) ?? "" },
      { name: "registeredDate", value: (s) => s.Registered },
      { name: "registeredBy", value: (s) => this.store.associates.get(s.RegisteredAssociateId) ?? "" },
    ],
  };

  private readonly triggerList: ArchiveList<StoredTrigger> = {
    entityName: "eventHandler",
    key: (trigger) => trigger.ScreenChooserId,
    rows: () => [...this.store.triggers.values()],
    defaultColumns: ["screenChooserId", "name", "screenType", "enabled", "uniqueIdentifier", "updatedDate"],
    columns: [
      { name: "screenChooserId", value: (t) => t.ScreenChooserId },
      { name: "name", value: (t) => t.Name },
      { name: "screenType", value: (t) => t.ScreenType },
      { name: "enabled", value: (t) => t.Enabled },
      { name: "uniqueIdentifier", value: (t) => t.UniqueIdentifier },
      { name: "description", value: () => "" },
      { name: "type", value: () => "CRMScript" },
      { name: "updatedDate", value: (t) => t.Updated },
      { name: "updatedBy", value: (t) => this.store.associates.get(t.UpdatedAssociateId) ?? "" },
      { name: "registeredDate", value: (t) => t.Registered },
      { name: "registeredBy", value: (t) => this.store.associates.get(t.RegisteredAssociateId) ?? "" },
    ],
  };

  private list<T>(context: Context, archive: ArchiveList<T>): Reply {
    const { query } = context;
    const selected = (query.get("$select") ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "");
    const names = selected.length > 0 ? selected : archive.defaultColumns;
    const columns: Column<T>[] = [];
    for (const name of names) {
      const column = archive.columns.find((candidate) => candidate.name === name);
      if (column === undefined) return errorReply(400, `Unknown column ${name} in $select`, "BadRequest");
      columns.push(column);
    }
    let rows = archive.rows().sort((a, b) => archive.key(a) - archive.key(b));
    const filter = /^\s*(\w+)\s+eq\s+('(?:[^']|'')*'|-?\d+|true|false)\s*$/i.exec(query.get("$filter") ?? "");
    if (filter !== null) {
      const column = archive.columns.find((candidate) => candidate.name === filter[1]);
      if (column === undefined) return errorReply(400, `Unknown column ${filter[1]} in $filter`, "BadRequest");
      const literal = filter[2] as string;
      const wanted: unknown = literal.startsWith("'")
        ? literal.slice(1, -1).replace(/''/g, "'")
        : /^(true|false)$/i.test(literal)
          ? literal.toLowerCase() === "true"
          : Number(literal);
      rows = rows.filter((row) => column.value(row) === wanted);
    }
    const skip = Number(query.get("$skip") ?? "0");
    const top = query.has("$top") ? Number(query.get("$top")) : Number.POSITIVE_INFINITY;
    const pageSize = Math.max(0, Math.min(top, this.maxPageSize));
    const page = rows.slice(skip, skip + pageSize);
    const value = page.map((row) => {
      const out: Record<string, unknown> = { PrimaryKey: archive.key(row), EntityName: archive.entityName };
      for (const column of columns) out[column.name] = column.value(row);
      return out;
    });
    const body: ODataSlimResponse = { "odata.metadata": `${this.apiBase}v1/archive/$metadata`, value: value as ODataSlimResponse["value"] };
    if (pageSize > 0 && skip + page.length < rows.length) {
      const next = new URLSearchParams(query);
      next.set("$skip", String(skip + page.length));
      if (!next.has("$top")) next.set("$top", String(pageSize));
      body["odata.nextLink"] = `${context.origin}${pathOf(context)}?${next.toString()}`;
    }
    return { status: 200, body };
  }

  // --- entities -------------------------------------------------------------------------------

  private scriptEntity(script: StoredScript): CRMScriptEntityWithLinks {
    return {
      EjscriptId: script.EjscriptId,
      UniqueIdentifier: script.UniqueIdentifier,
      Name: script.Name,
      Description: script.Description,
      IncludeId: script.IncludeId,
      AccessKey: script.AccessKey,
      HierarchyId: script.HierarchyId,
      Source: script.Source,
      ScriptType: "CRMScript",
      HtmlOutput: script.HtmlOutput,
      Registered: script.Registered,
      RegisteredAssociateId: script.RegisteredAssociateId,
      Updated: script.Updated,
      UpdatedAssociateId: script.UpdatedAssociateId,
      _Links: { Self: `${this.apiBase}v1/CRMScript/${script.EjscriptId}` },
    };
  }

  private triggerEntity(trigger: StoredTrigger, withLinks: boolean): TriggerScriptEntityWithLinks {
    return {
      ScreenChooserId: trigger.ScreenChooserId,
      Name: trigger.Name,
      ScreenType: trigger.ScreenType,
      Enabled: trigger.Enabled,
      UniqueIdentifier: trigger.UniqueIdentifier,
      Source: trigger.Source,
      Registered: trigger.Registered,
      RegisteredAssociateId: trigger.RegisteredAssociateId,
      Updated: trigger.Updated,
      UpdatedAssociateId: trigger.UpdatedAssociateId,
      ...(withLinks ? { _Links: { Self: `${this.apiBase}v1/TriggerScript/${trigger.ScreenChooserId}` } } : {}),
    };
  }

  private childFolders(parentId: number): StoredFolder[] {
    return [...this.store.folders.values()].filter((folder) => folder.ParentId === parentId).sort((a, b) => a.HierarchyId - b.HierarchyId);
  }

  private hierarchyEntity(folder: StoredFolder, withChildren: boolean): HierarchyEntity {
    return {
      HierarchyId: folder.HierarchyId,
      Domain: "Scripts",
      Name: folder.Name,
      Fullname: this.store.folderFullname(folder.HierarchyId),
      ParentId: folder.ParentId,
      ...(withChildren ? { Children: this.childFolders(folder.HierarchyId).map((child) => this.hierarchyEntity(child, true)) } : {}),
      Registered: folder.Registered,
      RegisteredAssociateId: folder.RegisteredAssociateId,
      Updated: folder.Updated,
      UpdatedAssociateId: folder.UpdatedAssociateId,
    };
  }
}

function intParam(context: Context, name: string): number {
  return Number(context.match.pathParams[name]);
}

function pathOf(context: Context): string {
  return `/${context.match.tenant}${context.match.operation.template}`;
}

function scriptChanges(entity: CRMScriptEntity): ScriptChanges {
  const changes: ScriptChanges = {};
  if (entity.Source !== undefined) changes.Source = entity.Source;
  if (entity.Name !== undefined) changes.Name = entity.Name;
  if (entity.Description !== undefined) changes.Description = entity.Description;
  if (entity.HierarchyId !== undefined) changes.HierarchyId = entity.HierarchyId;
  if (entity.IncludeId !== undefined) changes.IncludeId = entity.IncludeId;
  if (entity.AccessKey !== undefined) changes.AccessKey = entity.AccessKey;
  if (entity.HtmlOutput !== undefined) changes.HtmlOutput = entity.HtmlOutput;
  return changes;
}

function triggerChanges(entity: TriggerScriptEntity): TriggerChanges {
  const changes: TriggerChanges = {};
  if (entity.Source !== undefined) changes.Source = entity.Source;
  if (entity.Name !== undefined) changes.Name = entity.Name;
  if (entity.ScreenType !== undefined) changes.ScreenType = entity.ScreenType;
  if (entity.Enabled !== undefined) changes.Enabled = entity.Enabled;
  return changes;
}

function matches(match: RequestMatch | undefined, request: RecordedRequest): boolean {
  if (match === undefined) return true;
  if (typeof match === "function") return match(request);
  if (match.method !== undefined && match.method.toUpperCase() !== request.method) return false;
  if (match.operationId !== undefined && match.operationId !== request.operationId) return false;
  if (match.path !== undefined && !(typeof match.path === "string" ? request.path.includes(match.path) : match.path.test(request.path))) return false;
  return true;
}

/** Starts a fake tenant on 127.0.0.1 at a free port. */
export async function startTenantServer(options: TenantServerOptions = {}): Promise<TenantServer> {
  return new TenantServer(options).listen();
}
