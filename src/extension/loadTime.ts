// When the extension's bundle began to run: the first module of dist/extension.js (extension.ts imports it
// first), so activate() can say how long VS Code took to load the bundle and to call it (bench/activation.ts).

/** Date.now() when the bundle's first module ran. */
export const bundleStarted = Date.now();
