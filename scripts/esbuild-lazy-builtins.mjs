// An esbuild plugin for the language server's bundle: Node built-in modules that a dependency requires when
// it loads, for functions the server never calls, are loaded when first used instead. vscode-languageserver's
// Node entry requires `child_process` for its npm/yarn path helpers; loading it costs 5-8 ms of every start.
// The module stands in with an object that loads the real one on the first property read: for CommonJS
// requirers, as that dependency is (esbuild's interop for an ES import lists the keys at once, which loads it).

/** The built-ins loaded on first use, as they are required (with or without `node:`). */
const LAZY_BUILTIN = /^(?:node:)?child_process$/;
const NAMESPACE = "lazy-builtin";

/** The stand-in module's text: `module.exports` forwards every read (and key listing) to the real module, loaded once. */
function lazyBuiltinModule(name) {
  const real = name.startsWith("node:") ? name : `node:${name}`;
  return [
    "let loaded;",
    `const load = () => (loaded ??= require(${JSON.stringify(real)}));`,
    "module.exports = new Proxy({}, {",
    "  get: (_target, key) => load()[key],",
    "  has: (_target, key) => key in load(),",
    "  ownKeys: () => Reflect.ownKeys(load()),",
    "  getOwnPropertyDescriptor: (_target, key) => {",
    "    const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);",
    "    return descriptor === undefined ? undefined : { ...descriptor, configurable: true };",
    "  },",
    "});",
  ].join("\n");
}

export const lazyBuiltins = {
  name: "lazy-builtins",
  setup(build) {
    // The stand-in's own `require` of the real module is left to esbuild (a Node built-in stays a require).
    build.onResolve({ filter: LAZY_BUILTIN }, (args) => (args.namespace === NAMESPACE ? undefined : { path: args.path, namespace: NAMESPACE }));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ contents: lazyBuiltinModule(args.path), loader: "js" }));
  },
};
