// The esbuild options every Node bundle of this repository shares (the executables, the extension and the
// generators that run TypeScript from plain Node): one CommonJS file for Node 20, with a package's ES module
// build preferred, because jsonc-parser's UMD build hides its requires from the bundler.
export const nodeBundle = { bundle: true, platform: "node", format: "cjs", target: "node20", mainFields: ["module", "main"], logLevel: "warning" };
