// `npm run fuzz -- --cases 10000 --seed 1`: the long fuzz run over the engine and the language server.
// Prints one JSON object (cases, crashes, hangs, slow answers, peak RSS, seconds); exit code 1 on findings.
import { fuzz } from '../test/hardening/fuzz/run';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number`);
  return v;
}

async function main(): Promise<void> {
  const cases = arg('cases', 10_000);
  const seed = arg('seed', 1);
  const engineOnly = process.argv.includes('--engine-only');
  const report = await fuzz({
    seed,
    cases,
    engineOnly,
    onProgress: (done, r) => {
      if (done % 500 === 0) process.stderr.write(`${done}/${cases} cases, ${r.crashes} crashes, ${r.hangs} hangs, ${r.slow} slow\n`);
    },
  });
  const { findings, ...figures } = report;
  process.stdout.write(`${JSON.stringify({ seed, ...figures, findings: findings.slice(0, 50) }, null, 2)}\n`);
  process.exitCode = findings.length > 0 ? 1 : 0;
}

void main();
