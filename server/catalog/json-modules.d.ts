/**
 * JSON data files imported as modules (the committed catalog). Their content
 * is typed `unknown` on purpose: the loader validates it, and the compiler
 * does not infer a type for a megabyte of data.
 */
declare module "*.json" {
  const value: unknown;
  export default value;
}
