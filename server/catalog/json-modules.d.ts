/**
 * JSON data files imported as modules (the committed catalog). Their content
 * is typed `unknown` on purpose: the loader validates it, and the compiler
 * does not infer a type for a megabyte of data.
 */
declare module "*.json" {
  const value: unknown;
  export default value;
}

/** A data file's text, parsed when first needed rather than when the program starts. */
declare module "*.json?raw" {
  const text: string;
  export default text;
}
