import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lmstatCommand } from '../../../src/cli/commands/lmstat';
import { runCli } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

const FIXTURES = join(__dirname, 'fixtures');

function capture(cwd = FIXTURES): CliIO & { stdout: string; stderr: string } {
  const io = {
    cwd,
    env: {},
    stdout: '',
    stderr: '',
    out(t: string) {
      io.stdout += t;
    },
    err(t: string) {
      io.stderr += t;
    },
  };
  return io;
}

describe('bmslicense lmstat', () => {
  it('prints servers, seats and explained errors as text, and exits 1 when a server is down', async () => {
    const io = capture();
    const code = await lmstatCommand.run(['01-triad-one-server-cannot-connect-15.txt'], io);
    assert.equal(code, 1);
    assert.match(io.stdout, /28000@host2 {2}UP \(MASTER\) v11\.13\.0/);
    const down = io.stdout.split('\n').find((l) => l.trimStart().startsWith('28000@host3 '));
    assert.match(down ?? io.stdout, /28000@host3 {2}DOWN {2}/);
    assert.match(down!, /\(-15,570:115 "Operation now in progress"\)$/, 'the vendor error code as lmstat gave it');
    assert.match(io.stdout, /→ Cannot connect .*firewall/);
    assert.match(io.stdout, /feature2 {2}39 \/ 144 {2}expires permanent/);
    assert.equal(io.stderr, '');
  });

  it('lists users and exits 0 when everything is up', async () => {
    const io = capture();
    assert.equal(await lmstatCommand.run(['08-synopsys-snpslmd-pid-odd-user-lines.txt', '--format', 'text'], io), 0);
    assert.match(io.stdout, /DC-Expert\s+1 \/ 5 {2}expires 2028-11-24/);
    const user = io.stdout.split('\n').find((l) => l.includes('user1 on host-01 (host-01:0.0)'));
    assert.match(user ?? io.stdout, / {2}since Thu 9\/24 22:16/);
  });

  it('prints the typed result as JSON', async () => {
    const io = capture();
    await lmstatCommand.run(['--format=json', '17-windows-vendor-daemon-down-97-crlf.txt'], io);
    const result = JSON.parse(io.stdout);
    assert.equal(result.blocks[0].vendorDaemons[0].error.codeFull, '-97,121');
    assert.equal(result.blocks[0].features.length, 11);
  });

  it('reads an output saved as UTF-16 by PowerShell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lmstat-cli-'));
    try {
      const text = readFileSync(join(FIXTURES, '09-siemens-saltd-pid-extra-tokens.txt'), 'utf8').replace(/\n/g, '\r\n');
      writeFileSync(join(dir, 'ps.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const io = capture(dir);
      assert.equal(await lmstatCommand.run(['ps.txt', '--format', 'json'], io), 0);
      const result = JSON.parse(io.stdout);
      assert.equal(result.blocks[0].features[0].users.length, 4);
      assert.deepEqual(result.warnings, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says clearly when the file cannot be read, with exit code 2', async () => {
    const io = capture();
    assert.equal(await lmstatCommand.run(['no-such-output.txt'], io), 2);
    assert.match(io.stderr, /'no-such-output\.txt': no such file/);
    assert.equal(io.stdout, '');
    const dirIo = capture();
    assert.equal(await lmstatCommand.run(['.'], dirIo), 2);
  });

  it('rejects bad arguments as usage errors through the CLI entry point', async () => {
    for (const args of [['lmstat'], ['lmstat', 'a.txt', '--format', 'xml'], ['lmstat', 'a.txt', 'b.txt'], ['lmstat', '--bogus', 'a.txt']]) {
      const io = capture();
      assert.equal(await runCli(args, io), 2, args.join(' '));
      assert.match(io.stderr, /Usage: bmslicense lmstat FILE/);
    }
  });

  it('is listed by bmslicense --help', async () => {
    const io = capture();
    await runCli(['--help'], io);
    assert.match(io.stdout, /lmstat\s+read a saved/);
  });
});
