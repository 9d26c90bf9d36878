/**
 * NetServer classes as lint rules see them (spec §8). Every catalog class of
 * namespace NetServer is an agent or a carrier:
 *
 * - agents end in `Agent` (`NSContactAgent`): a declaration makes a usable,
 *   stateless agent;
 * - entities end in `Entity` (`NSContactEntity`): updatable carriers that an
 *   agent creates (`CreateDefault…Entity()`) or fetches (`Get…Entity(id)`);
 * - every other NetServer class is an item carrier (`NSContact`, `NSLink`,
 *   `NSStream`): read from an agent, or built by declaring one and calling
 *   its `Set…` methods, as the official samples do.
 *
 * Arrays of carriers (`NSLink[]`) are plain arrays, none of these.
 */
import type { Type } from "../semantics/index.js";

export type NetServerKind = "agent" | "entity" | "carrier";

/** A catalog class as a type's `info` or a method's `owner` gives it. */
interface ClassFacts {
  readonly name: string;
  readonly namespace: string;
}

export function netServerClassKind(info: ClassFacts): NetServerKind | undefined {
  if (info.namespace !== "NetServer") return undefined;
  if (info.name.endsWith("Agent")) return "agent";
  return info.name.endsWith("Entity") ? "entity" : "carrier";
}

export function netServerKind(type: Type | undefined): NetServerKind | undefined {
  return type?.kind === "class" ? netServerClassKind(type.info) : undefined;
}

export function isAgent(type: Type | undefined): boolean {
  return netServerKind(type) === "agent";
}
