/**
 * The SuperOffice Web API contract as a checker for tests: loads every
 * `server/tenant/contract/Swagger-v1-*.json`, finds the operation a request
 * is for, and checks the request (path and query parameters, JSON body) and a
 * response body against the operation's Swagger 2.0 schemas with Ajv. Every
 * check answers a list of readable problems, empty when the message keeps the
 * contract. `test/support/tenant-server.ts` runs every message through it.
 *
 * How the trimmed contract is read (interpretations, on purpose):
 * - Paths: a request path is `/{tenant}/api/…`; the first segment is the tenant
 *   (or Onsite site) and the rest is matched against the templates
 *   (`/api/v1/CRMScript/{id}`). Matching is exact and case-sensitive (ASP.NET
 *   routes ignore case, but our client must use the contract's spelling).
 *   Templates overlap, so parameters match by type: an `integer` parameter
 *   only matches digits, an `enum` parameter only its values, a `string` any
 *   segment; among several matches a literal segment beats a typed parameter,
 *   which beats a string (`/CRMScript/12/Validate` is `{cRMScriptId}`,
 *   `/CRMScript/abc/Validate` is `{cRMScriptUniqueId}`, `/Hierarchy/default`
 *   is the literal, `/Hierarchy/7` is `{id}`, `/Hierarchy/Scripts` is `{domain}`).
 * - Query: parameters the operation does not declare are problems (a typo such
 *   as `$orderby` for `$orderBy` is caught); `integer` values must be digits
 *   (int32 in range), `boolean` values `true` or `false` (any case, as .NET
 *   reads them), enums one of their values; a parameter given twice is a problem.
 * - Bodies: a declared, required body must be there; an operation without a
 *   body parameter takes none. Headers are not checked (all are optional strings).
 * - Schemas are draft-04 (Swagger 2.0's dialect). Objects are closed: a
 *   property a schema with `properties` does not list is a problem, in
 *   requests and responses alike (the contract never says
 *   `additionalProperties`, .NET ignores unknown members silently, so a
 *   misspelt member would otherwise pass unnoticed).
 * - A schema that is exactly `{"type":"object"}` means "any value": the
 *   contract was generated from .NET `object`, and e.g. the values of an
 *   `ODataSlimResponse.value` row are in reality strings, numbers and booleans.
 * - Formats: `int32` (integer in ±2³¹), `int64` (safe integer), `double` and
 *   `float` (finite numbers), `byte` (base64 string), and `date-time` as an
 *   ISO 8601 date-time whose time-zone designator is optional (.NET writes
 *   `DateTime` values of unspecified kind without one).
 * - No value may be `null`: Swagger 2.0 has no nullable, so a member that has
 *   no value is left out.
 * - Responses: a status the operation declares is checked against its schema;
 *   a declared status without a schema (`204`, `404`) must have no body when it
 *   is 204 and is not checked otherwise; an undeclared 2xx status is a
 *   problem; undeclared error statuses (401, 403, 429, 500, 503, …) are
 *   outside the trimmed contract and are not checked.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { repositoryRoot } from "./paths.js";

/** Where the Swagger documents are. */
export const contractFolder = join(repositoryRoot, "server", "tenant", "contract");

type JsonSchema = { [key: string]: unknown };

/** One non-body parameter of an operation (path, query or header). */
export interface ContractParameter {
  readonly name: string;
  readonly in: "path" | "query" | "header";
  readonly required: boolean;
  readonly type: string;
  readonly format?: string;
  readonly enum?: readonly string[];
}

/** One operation of the contract. */
export interface ContractOperation {
  readonly operationId: string;
  /** Upper case: GET, PUT, POST, DELETE. */
  readonly method: string;
  /** The template as the contract writes it, e.g. `/api/v1/CRMScript/{id}`. */
  readonly template: string;
  /** The Swagger document's file name. */
  readonly document: string;
  readonly parameters: readonly ContractParameter[];
  readonly body?: { readonly name: string; readonly required: boolean; readonly schema: JsonSchema };
  /** Status code (as the contract writes it, "200") → the response's schema, if it has one. */
  readonly responses: ReadonlyMap<string, JsonSchema | undefined>;
}

/** A request as a test or the tenant server sees it. */
export interface ContractRequest {
  readonly method: string;
  /** `/Cust12345/api/v1/CRMScript/12`; a query string here is read too. */
  readonly path: string;
  readonly query?: URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The parsed JSON body; `undefined` when there is none. */
  readonly body?: unknown;
}

/** What the path of a request matched. */
export interface OperationMatch {
  readonly operation: ContractOperation;
  /** The first path segment (`Cust12345`). */
  readonly tenant: string;
  /** Path parameters, percent-decoded. */
  readonly pathParams: Readonly<Record<string, string>>;
}

export interface RequestValidation {
  /** The operation, when the path and method name one. */
  readonly match?: OperationMatch;
  /** Readable problems; empty when the request keeps the contract. */
  readonly problems: string[];
}

export interface ContractValidator {
  readonly operations: readonly ContractOperation[];
  /** The operation `method path` is for, or a reason why there is none. */
  findOperation(method: string, path: string): OperationMatch | { readonly problem: string };
  validateRequest(request: ContractRequest): RequestValidation;
  /** Problems of a response body (the parsed JSON, `undefined` for none) for an operation (or its operationId). */
  validateResponse(operation: ContractOperation | string, status: number, body: unknown): string[];
  /** Problems of a value against a named definition (`CRMScriptEntity`, or its full name). */
  validateDefinition(name: string, value: unknown): string[];
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const digits = /^-?\d+$/;
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const schemaBase = "https://contract.test/";

/** The schema with local references made absolute, `{"type":"object"}` made "any value", and objects closed. */
function interpret(schema: unknown, documentId: string): unknown {
  if (Array.isArray(schema)) return schema.map((item) => interpret(item, documentId));
  if (schema === null || typeof schema !== "object") return schema;
  const source = schema as JsonSchema;
  const keys = Object.keys(source);
  if (keys.length === 1 && source.type === "object") return {};
  const out: JsonSchema = {};
  for (const key of keys) {
    const value = source[key];
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/")) out[key] = `${documentId}${value}`;
    else if (key === "properties" || key === "definitions") {
      const members: JsonSchema = {};
      for (const [name, member] of Object.entries(value as JsonSchema)) members[name] = interpret(member, documentId);
      out[key] = members;
    } else if (key === "enum") out[key] = value;
    else out[key] = interpret(value, documentId);
  }
  if (source.properties !== undefined && source.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describeError(where: string, error: ErrorObject): string {
  const at = `${where}${error.instancePath}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties":
      return `${at} has the property "${String(params.additionalProperty)}", which the contract does not define`;
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((value) => JSON.stringify(value));
      const list = allowed.length > 6 ? `${allowed.slice(0, 6).join(", ")}, … (${allowed.length} values)` : allowed.join(", ");
      return `${at} must be one of ${list}, not ${shown(error.data)}`;
    }
    case "format":
      return `${at} must have the format ${String(params.format)}, not ${shown(error.data)}`;
    default:
      return `${at} ${error.message ?? "is invalid"}${error.data === undefined ? "" : `, not ${shown(error.data)}`}`;
  }
}

function readOperations(file: string, document: JsonSchema, documentId: string): ContractOperation[] {
  const operations: ContractOperation[] = [];
  for (const [template, methods] of Object.entries(document.paths as Record<string, Record<string, JsonSchema>>)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters: ContractParameter[] = [];
      let body: ContractOperation["body"];
      for (const parameter of (operation.parameters ?? []) as JsonSchema[]) {
        if (parameter.in === "body")
          body = { name: String(parameter.name), required: parameter.required === true, schema: interpret(parameter.schema, documentId) as JsonSchema };
        else
          parameters.push({
            name: String(parameter.name),
            in: parameter.in as ContractParameter["in"],
            required: parameter.required === true,
            type: String(parameter.type),
            ...(typeof parameter.format === "string" ? { format: parameter.format } : {}),
            ...(Array.isArray(parameter.enum) ? { enum: parameter.enum as string[] } : {}),
          });
      }
      const responses = new Map<string, JsonSchema | undefined>();
      for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, JsonSchema>))
        responses.set(status, response.schema === undefined ? undefined : (interpret(response.schema, documentId) as JsonSchema));
      operations.push({
        operationId: String(operation.operationId),
        method: method.toUpperCase(),
        template,
        document: file,
        parameters,
        ...(body === undefined ? {} : { body }),
        responses,
      });
    }
  }
  return operations;
}

/** The problem with a single parameter value, if any. */
function parameterProblem(parameter: ContractParameter, value: string): string | undefined {
  const name = `${parameter.in} parameter ${parameter.name}`;
  switch (parameter.type) {
    case "integer": {
      if (!digits.test(value)) return `${name} must be an integer, not ${JSON.stringify(value)}`;
      const number = Number(value);
      if (parameter.format === "int32" && (number < INT32_MIN || number > INT32_MAX)) return `${name} must be an int32, not ${value}`;
      if (!Number.isSafeInteger(number)) return `${name} is out of range: ${value}`;
      return undefined;
    }
    case "number":
      return value.trim() !== "" && Number.isFinite(Number(value)) ? undefined : `${name} must be a number, not ${JSON.stringify(value)}`;
    case "boolean":
      return /^(true|false)$/i.test(value) ? undefined : `${name} must be true or false, not ${JSON.stringify(value)}`;
    case "string":
      if (parameter.enum !== undefined && !parameter.enum.includes(value))
        return `${name} must be one of ${parameter.enum.join(", ")}, not ${JSON.stringify(value)}`;
      return undefined;
    default:
      return `${name} has the type ${parameter.type}, which this validator does not know`;
  }
}

/** How specifically a template segment matches a path segment: 3 literal, 2 typed parameter, 1 string, 0 no match. */
function segmentScore(templateSegment: string, segment: string, operation: ContractOperation): number {
  const parameterName = /^\{(.+)\}$/.exec(templateSegment)?.[1];
  if (parameterName === undefined) return templateSegment === segment ? 3 : 0;
  if (segment === "") return 0;
  const parameter = operation.parameters.find((candidate) => candidate.in === "path" && candidate.name === parameterName);
  if (parameter === undefined) return 1;
  if (parameter.type === "integer") return digits.test(segment) ? 2 : 0;
  if (parameter.enum !== undefined) return parameter.enum.includes(segment) ? 2 : 0;
  return 1;
}

function queryEntries(query: ContractRequest["query"], pathQuery: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, value: string): void => {
    const values = out.get(name);
    if (values === undefined) out.set(name, [value]);
    else values.push(value);
  };
  for (const [name, value] of new URLSearchParams(pathQuery)) add(name, value);
  if (query instanceof URLSearchParams) for (const [name, value] of query) add(name, value);
  else if (query !== undefined)
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) continue;
      if (typeof value === "string") add(name, value);
      else for (const item of value) add(name, item);
    }
  return out;
}

/** A validator over the committed contract (or the Swagger documents in `folder`). */
export function createContractValidator(folder: string = contractFolder): ContractValidator {
  const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false, strictTuples: false });
  ajv.addFormat("int32", { type: "number", validate: (value: number) => Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX });
  ajv.addFormat("int64", { type: "number", validate: (value: number) => Number.isSafeInteger(value) });
  ajv.addFormat("double", { type: "number", validate: (value: number) => Number.isFinite(value) });
  ajv.addFormat("float", { type: "number", validate: (value: number) => Number.isFinite(value) });
  ajv.addFormat("byte", { type: "string", validate: (value: string) => base64.test(value) });
  ajv.addFormat("date-time", addFormats.get("iso-date-time"));

  const operations: ContractOperation[] = [];
  const definitionIds = new Map<string, string>();
  const files = readdirSync(folder)
    .filter((name) => /^Swagger-v1-.*\.json$/.test(name))
    .sort();
  if (files.length === 0) throw new Error(`no Swagger-v1-*.json in ${folder}`);
  for (const file of files) {
    const document = JSON.parse(readFileSync(join(folder, file), "utf8")) as JsonSchema;
    const documentId = `${schemaBase}${file}`;
    const definitions = interpret(document.definitions ?? {}, documentId) as JsonSchema;
    ajv.addSchema({ id: documentId, definitions }, documentId);
    for (const name of Object.keys(definitions)) {
      const reference = `${documentId}#/definitions/${name}`;
      if (!definitionIds.has(name)) definitionIds.set(name, reference);
      const short = name.slice(name.lastIndexOf(".") + 1);
      if (!definitionIds.has(short)) definitionIds.set(short, reference);
    }
    operations.push(...readOperations(file, document, documentId));
  }

  const compiled = new Map<JsonSchema, ValidateFunction>();
  const check = (schema: JsonSchema, value: unknown, where: string): string[] => {
    let validate = compiled.get(schema);
    if (validate === undefined) compiled.set(schema, (validate = ajv.compile(schema)));
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => describeError(where, error));
  };

  const findOperation = (method: string, path: string): OperationMatch | { readonly problem: string } => {
    const pathOnly = path.split("?")[0] ?? "";
    const prefix = /^\/([^/]+)(\/api\/.*)$/.exec(pathOnly);
    if (prefix === null) return { problem: `${method} ${pathOnly}: the path is not under /{tenant}/api/` };
    const tenant = prefix[1] as string;
    const segments = (prefix[2] as string).split("/").slice(1);
    let decoded: string[];
    try {
      decoded = segments.map((segment) => decodeURIComponent(segment));
    } catch {
      return { problem: `${method} ${pathOnly}: the path has a malformed percent-encoding` };
    }
    let best: { operation: ContractOperation; scores: number[] } | undefined;
    let otherMethods = false;
    for (const operation of operations) {
      const templateSegments = operation.template.split("/").slice(1);
      if (templateSegments.length !== decoded.length) continue;
      const scores = templateSegments.map((templateSegment, index) => segmentScore(templateSegment, decoded[index] as string, operation));
      if (scores.includes(0)) continue;
      if (operation.method !== method.toUpperCase()) {
        otherMethods = true;
        continue;
      }
      if (best === undefined) best = { operation, scores };
      else {
        const difference = scores.findIndex((score, index) => score !== best?.scores[index]);
        if (difference >= 0 && (scores[difference] as number) > (best.scores[difference] as number)) best = { operation, scores };
      }
    }
    if (best === undefined)
      return {
        problem: otherMethods
          ? `${method} ${pathOnly}: the contract has this path but not the method ${method}`
          : `${method} ${pathOnly}: no operation of the contract has this path`,
      };
    const pathParams: Record<string, string> = {};
    best.operation.template
      .split("/")
      .slice(1)
      .forEach((templateSegment, index) => {
        const name = /^\{(.+)\}$/.exec(templateSegment)?.[1];
        if (name !== undefined) pathParams[name] = decoded[index] as string;
      });
    return { operation: best.operation, tenant, pathParams };
  };

  const validateRequest = (request: ContractRequest): RequestValidation => {
    const method = request.method.toUpperCase();
    const found = findOperation(method, request.path);
    if ("problem" in found) return { problems: [found.problem] };
    const { operation } = found;
    const label = `${method} ${operation.template} (${operation.operationId})`;
    const problems: string[] = [];
    for (const parameter of operation.parameters.filter((candidate) => candidate.in === "path")) {
      const value = found.pathParams[parameter.name];
      const problem = value === undefined ? `path parameter ${parameter.name} is missing` : parameterProblem(parameter, value);
      if (problem !== undefined) problems.push(`${label}: ${problem}`);
    }
    const query = queryEntries(request.query, request.path.includes("?") ? request.path.slice(request.path.indexOf("?") + 1) : "");
    for (const [name, values] of query) {
      const parameter = operation.parameters.find((candidate) => candidate.in === "query" && candidate.name === name);
      if (parameter === undefined) {
        problems.push(`${label}: the query parameter ${name} is not in the contract`);
        continue;
      }
      if (values.length > 1) problems.push(`${label}: the query parameter ${name} is given ${values.length} times`);
      for (const value of values) {
        const problem = parameterProblem(parameter, value);
        if (problem !== undefined) problems.push(`${label}: ${problem}`);
      }
    }
    for (const parameter of operation.parameters)
      if (parameter.in === "query" && parameter.required && !query.has(parameter.name))
        problems.push(`${label}: the required query parameter ${parameter.name} is missing`);
    if (operation.body === undefined) {
      if (request.body !== undefined) problems.push(`${label}: the operation takes no body, but the request has one`);
    } else if (request.body === undefined) {
      if (operation.body.required) problems.push(`${label}: the body (${operation.body.name}) is required`);
    } else problems.push(...check(operation.body.schema, request.body, `${label}: body`));
    return { match: found, problems };
  };

  const validateResponse = (operation: ContractOperation | string, status: number, body: unknown): string[] => {
    const resolved = typeof operation === "string" ? operations.find((candidate) => candidate.operationId === operation) : operation;
    if (resolved === undefined) return [`response: no operation ${String(operation)} in the contract`];
    const label = `${resolved.method} ${resolved.template} (${resolved.operationId}) → ${status}`;
    const key = String(status);
    if (!resolved.responses.has(key)) {
      if (status >= 200 && status < 300)
        return [`${label}: the contract does not declare this status (it declares ${[...resolved.responses.keys()].join(", ")})`];
      return [];
    }
    const schema = resolved.responses.get(key);
    if (schema === undefined) return status === 204 && body !== undefined ? [`${label}: a 204 response must have no body`] : [];
    if (body === undefined) return [`${label}: the response has no body, but the contract describes one`];
    return check(schema, body, `${label}: body`);
  };

  const validateDefinition = (name: string, value: unknown): string[] => {
    const reference = definitionIds.get(name);
    if (reference === undefined) return [`no definition ${name} in the contract`];
    const validate = ajv.getSchema(reference);
    if (validate === undefined) return [`definition ${name} could not be compiled`];
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => describeError(name, error));
  };

  return { operations, findOperation, validateRequest, validateResponse, validateDefinition };
}

let shared: ContractValidator | undefined;

/** One validator over the committed contract, built on first use and shared (compiling the schemas once). */
export function sharedContractValidator(): ContractValidator {
  return (shared ??= createContractValidator());
}
