/**
 * How to fix a value of the wrong type: the explicit conversion CRMScript
 * offers from one type to another (spec §3.3), for the fix part of
 * type-mismatch and argument-type messages.
 */
import { isNumeric, type Type } from "./types.js";

const fromStringMethods: Record<string, string> = {
  Integer: "toInteger()",
  Float: "toFloat()",
  Bool: "toBool()",
  Date: "toDate()",
  DateTime: "toDateTime()",
  Time: "toTime()",
};

const genericConversions = new Set(["Bool", "Integer", "Float", "String", "DateTime", "Date", "Time", "TimeSpan", "Byte"]);

/** The call that turns a `from` value into a `to` value (`toString()`, `GenericToInteger(value)`), if CRMScript has one. */
export function conversionMethod(from: Type, to: Type): string | undefined {
  if (from.kind !== "class" || to.kind !== "class") return undefined;
  if (to.name === "String") {
    if (from.name === "Float") return "toString(decimals), for example toString(2)";
    if (["Integer", "Long", "Bool", "Byte", "Date", "DateTime", "Time"].includes(from.name)) return "toString()";
    return undefined;
  }
  if (from.name === "String") return fromStringMethods[to.name];
  if (from.name === "Generic" && genericConversions.has(to.name)) return `GenericTo${to.name}(value)`;
  if (to.name === "Integer" && from.name === "Float") return "floor() or round()";
  if (to.name === "Integer" && from.name === "Bool") return "toInteger()";
  return undefined;
}

/** A sentence that says how to turn a `from` value into a `to` value, or "" when CRMScript has no direct way. */
export function conversionHint(from: Type, to: Type): string {
  const method = conversionMethod(from, to);
  if (method !== undefined) return ` Convert it with ${method}.`;
  if (to.kind === "class" && to.name === "Bool" && isNumeric(from)) return " Compare it instead, for example 'value != 0'.";
  return "";
}
