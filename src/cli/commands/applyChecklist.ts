// `bmslicense apply` on a vendor-tools site: the plan as a checklist of steps in the vendor's tools. Each step is
// printed with its values and answered (terminal, or --answers FILE|-); only what is answered done is recorded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline/promises';
import { answerLines, guideNow, parseAnswer, recordRequestFor, stepLines, type ChecklistAnswer, type GuideStep } from '../../engine/guide';
import { summaryLine } from '../../engine/reconcile';
import { record } from '../../engine/record/record';
import type { WorkflowOptions } from '../../engine/workflows/context';
import type { CliIO } from '../io';
import { refusalExitCode } from '../siteLock';

/** Where the answers come from: a list (file or standard input), or a terminal asked step by step. */
type Answers = { next(step: GuideStep, n: number): Promise<ChecklistAnswer | undefined>; close(): void };

export async function answersFrom(file: string | undefined, io: CliIO): Promise<Answers | string> {
  if (file !== undefined) {
    let text: string;
    try {
      text = file === '-' ? (io.stdin ? (await io.stdin()).toString('utf8') : '') : fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
    } catch (e) {
      return `Cannot read the answers ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`;
    }
    const lines = answerLines(text);
    const parsed = lines.map(parseAnswer);
    const bad = parsed.findIndex((a) => typeof a === 'string');
    if (bad >= 0) return `Answer ${bad + 1} of ${file}: ${parsed[bad] as string}`;
    let i = 0;
    return { next: async () => parsed[i++] as ChecklistAnswer | undefined, close: () => undefined };
  }
  if (!(process.stdin.isTTY && process.stderr.isTTY) || io.env.BMSLICENSE_INTERACTIVE === '0') return '';
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  // Lines typed ahead (or pasted) wait in the iterator's buffer; rl.question would drop them.
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (q: string) => {
    io.err(q);
    const r = await lines.next();
    if (r.done) throw new EndOfAnswers();
    return r.value as string;
  };
  return {
    async next(step) {
      try {
        return await askStep(step);
      } catch (e) {
        if (e instanceof EndOfAnswers) return undefined;
        throw e;
      }
    },
    close: () => rl.close(),
  };
  async function askStep(step: GuideStep): Promise<ChecklistAnswer> {
    {
      for (;;) {
        const word = (await ask('Done, done with Other values, Failed, Skip or Quit? [d/o/f/s/q] ')).trim();
        const other = /^o(ther)?$/i.test(word);
        let answer = other ? ({ kind: 'done' } as ChecklistAnswer) : parseAnswer(word.split(/\s+/)[0] ?? '');
        if (typeof answer === 'string') {
          io.err(`${answer}\n`);
          continue;
        }
        if (other) {
          const quantities = new Map<string, number>();
          for (const l of step.licenses) {
            const q = (await ask(`  quantity of ${l.activationId} [${l.quantity}]: `)).trim();
            quantities.set(l.activationId, q === '' ? l.quantity : Number(q));
          }
          answer = { kind: 'done', quantities };
        }
        if (answer.kind === 'done') {
          const ref = (await ask("  the vendor's id for it, as the tool shows it (Enter: none): ")).trim();
          if (ref) answer = { ...answer, vendorRef: ref };
        }
        if (answer.kind === 'failed') answer = { kind: 'failed', message: (await ask("  the tool's message or FlexNet code: ")).trim() || 'failed' };
        return answer;
      }
    }
  }
}

class EndOfAnswers extends Error {}

export async function applyChecklist(options: WorkflowOptions, answersFile: string | undefined, io: CliIO, now: () => Date): Promise<number> {
  // Read as plan reads it: judged (a bad line blocks its target's steps), folded as the site is licensed.
  const { plan, guide } = guideNow(options, now());
  if (guide.steps.length === 0) {
    io.out(`${summaryLine(plan.summary)} Nothing to apply.\n`);
    return 0;
  }
  const answers = await answersFrom(answersFile, io);
  if (typeof answers === 'string') {
    io.err(
      answers ||
        `Nothing written: site ${options.site.name} is licensed with the vendor's tools, so apply is a checklist that needs answers, and there is no terminal to ask. ` +
          `Record each step with 'bmslicense record …' ('bmslicense plan --site ${options.site.name}' prints them), or give the answers with --answers FILE|- (one a line: done [VENDOR-ID], other ACT=N…, failed MESSAGE, skip, quit).\n`,
    );
    return 2;
  }
  io.out(`Checklist of site ${options.site.name} (activation vendor-tools): do each step in the vendor's tool, then answer. Only what you answer done is recorded.\n`);
  let n = 0;
  const tally = { recorded: 0, failed: 0, skipped: 0, refused: 0 };
  try {
    for (const group of guide.groups) {
      io.out(`\n${group.toolName} — ${group.computer}\n`);
      for (const step of group.steps) {
        io.out(`${stepLines(step, ++n).map((l) => `  ${l}`).join('\n')}\n`);
        if (step.blocked) {
          tally.skipped++;
          continue;
        }
        const answer = await answers.next(step, n);
        if (answer === undefined || answer.kind === 'quit') {
          io.out(answer ? '  quit: the steps left are not recorded.\n' : '  no more answers: the steps left are not recorded.\n');
          return finish(io, tally, guide.steps.length - n + 1);
        }
        if (answer.kind === 'skip') {
          tally.skipped++;
          io.out('  skipped: not recorded.\n');
          continue;
        }
        if (answer.kind === 'failed') {
          tally.failed++;
          io.out(`  failed: not recorded (${answer.message}). Fix what the tool says, then run apply again.\n`);
          continue;
        }
        const result = await record(options, recordRequestFor(step, answer));
        const refused = refusalExitCode(result);
        if (refused !== undefined) return io.err(`${result.outcome.message}\n`), refused;
        if (!result.outcome.ok) {
          tally.refused++;
          io.out(`  NOT RECORDED: ${result.outcome.message}\n`);
          continue;
        }
        tally.recorded++;
        for (const w of result.outcome.warnings) io.err(`warning ${w}\n`);
        io.out(`  recorded: ${result.outcome.message} (ledger line${result.outcome.lines.length === 1 ? '' : 's'} ${result.outcome.lines.join(', ')})\n`);
      }
    }
  } finally {
    answers.close();
  }
  return finish(io, tally, 0);
}

function finish(io: CliIO, t: { recorded: number; failed: number; skipped: number; refused: number }, left: number): number {
  io.out(`\nRecorded ${t.recorded}; failed ${t.failed}; skipped ${t.skipped}${t.refused ? `; refused ${t.refused}` : ''}${left ? `; not reached ${left}` : ''}.\n`);
  return t.failed + t.refused > 0 ? 1 : 0;
}
