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

/** A sentence that says how to turn a `from` value into a `to` value, or "" when CRMScript has no direct way. */
export function conversionHint(from: Type, to: Type): string {
  if (from.kind !== "class" || to.kind !== "class") return "";
  if (to.name === "String") {
    if (from.name === "Float") return " Convert it with toString(decimals), for example toString(2).";
    if (["Integer", "Long", "Bool", "Byte", "Date", "DateTime", "Time"].includes(from.name)) return " Convert it with toString().";
    return "";
  }
  if (from.name === "String" && fromStringMethods[to.name] !== undefined) return ` Convert it with ${fromStringMethods[to.name] as string}.`;
  if (from.name === "Generic" && genericConversions.has(to.name)) return ` Convert it with GenericTo${to.name}(value).`;
  if (to.name === "Bool" && isNumeric(from)) return " Compare it instead, for example 'value != 0'.";
  if (to.name === "Integer" && from.name === "Float") return " Convert it with floor() or round().";
  if (to.name === "Integer" && from.name === "Bool") return " Convert it with toInteger().";
  return "";
}
