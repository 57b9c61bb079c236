// How the language server's node runs: one list for the extension that starts it and for the tests and
// benchmarks that spawn it, so what is measured is what the engineer gets.
//
// A keystroke in a 1 MB plan allocates a few MB of short-lived objects (the item list, the rules' lookups);
// with V8's default young generation much of that is scavenged several times and promoted within one edit.
// 32 MB semi-spaces (bench:edits, two runs each way, 2026-12-03): p95 of an assignment edit 37-65 -> 38-44 ms,
// median 19-28 -> 19-25 ms; RSS after opening the plan 132 -> 161 MiB, peak after the edits unchanged (~240-260).
//
// `--expose-gc`: once the opened files are checked and the server is idle, it collects the open's garbage (warmUp.ts)
// instead of the engineer's first keystroke paying for that major collection.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--expose-gc'];
