import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importLmstat, lmstatAddressProblem, runLmstat } from '../../../src/engine/lmstat/source';
import { fakeLmutil, FIXTURES } from './fakeLmutil';

const argsOf = (f: { argsFile: string }) => readFileSync(f.argsFile, 'utf8').split('\n').slice(0, -1);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('lmstat sources: running lmutil and importing saved output', function () {
  if (process.platform === 'win32') return;

  it('runs `lmutil lmstat -a -c <address>` and parses what it prints', async () => {
    const f = fakeLmutil({ print: '03-triad-macrovision-header-users.txt' });
    const r = await runLmstat({ path: f.path, address: '28000@host1;@host2' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(argsOf(f), ['lmstat', '-a', '-c', '28000@host1;@host2']);
    assert.equal(r.value.result.blocks[0].servers.length, 3);
    assert.deepEqual(r.value.source, { kind: 'lmutil', path: f.path, args: ['lmstat', '-a', '-c', '28000@host1;@host2'], exitCode: 0 });
  });

  it('still parses the output when lmutil exits 1 because the License Server is down', async () => {
    const f = fakeLmutil({ print: '15-lmgrd-not-running-96.txt', exitCode: 1 });
    const r = await runLmstat({ path: f.path, address: '1055@ansyslic1' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.source.kind === 'lmutil' && r.value.source.exitCode, 1);
    assert.equal(r.value.result.blocks[0].servers[0].status, 'DOWN');
    assert.equal(r.value.result.blocks[0].servers[0].error?.code, '-96');
  });

  it('rejects an address with shell characters before anything runs', async () => {
    const f = fakeLmutil({ print: '03-triad-macrovision-header-users.txt' });
    for (const address of ['@host;rm -rf /', '27000@host && touch x', '$(touch pwned)@host', '@host`id`', '@host|cat', '']) {
      const r = await runLmstat({ path: f.path, address });
      assert.equal(r.ok, false, address);
      assert.equal(!r.ok && r.error.code, 'bad-address');
      assert.match(!r.ok ? r.error.message : '', /Fix the address/);
    }
    assert.equal(existsSync(f.pidFile), false, 'lmutil never ran');
  });

  it('passes a path with spaces and $() as one program name, never through a shell', async () => {
    const f = fakeLmutil({ print: '03-triad-macrovision-header-users.txt', folder: 'my tools $(touch pwned) `touch pwned2`' });
    const r = await runLmstat({ path: f.path, address: '@localhost' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(argsOf(f), ['lmstat', '-a', '-c', '@localhost']);
    const everywhere = [f.dir, join(f.dir, 'my tools $(touch pwned) `touch pwned2`'), process.cwd()].flatMap((d) => readdirSync(d));
    assert.ok(!everywhere.some((n) => n.startsWith('pwned')), 'nothing was interpreted');
  });

  it('kills lmutil when it does not answer within the timeout', async () => {
    const f = fakeLmutil({ hang: true });
    const started = Date.now();
    const r = await runLmstat({ path: f.path, address: '@slow', timeoutMs: 300 });
    assert.equal(!r.ok && r.error.code, 'timeout');
    assert.match(!r.ok ? r.error.message : '', /within 0\.3 s.*@slow.*bmsLicense\.lmstat\.timeoutMs/);
    assert.ok(Date.now() - started < 10_000, 'not the 30 s sleep');
    assert.equal(alive(Number(readFileSync(f.pidFile, 'utf8'))), false, 'the child is gone');
  });

  it('cancel (AbortSignal) kills lmutil', async () => {
    const f = fakeLmutil({ hang: true });
    const controller = new AbortController();
    const running = runLmstat({ path: f.path, address: '@slow', timeoutMs: 60_000, signal: controller.signal });
    while (!existsSync(f.pidFile) || readFileSync(f.pidFile, 'utf8').trim() === '') await new Promise((r) => setTimeout(r, 10));
    const pid = Number(readFileSync(f.pidFile, 'utf8'));
    controller.abort();
    const r = await running;
    assert.equal(!r.ok && r.error.code, 'cancelled');
    assert.equal(alive(pid), false);
  });

  it('says how to fix a missing lmutil', async () => {
    const r = await runLmstat({ path: '/nonexistent/lmutil', address: '@localhost' });
    assert.equal(!r.ok && r.error.code, 'not-found');
    assert.match(!r.ok ? r.error.message : '', /bmsLicense\.lmstat\.path/);
    assert.match(!r.ok ? r.error.message : '', /'Import lmstat Output…'/);
  });

  it('caps the output size', async () => {
    const f = fakeLmutil({ print: '04-triad-two-vendor-daemons-many-users.txt' });
    const r = await runLmstat({ path: f.path, address: '@localhost', maxBytes: 1024 });
    assert.equal(!r.ok && r.error.code, 'too-large');
  });

  it('a program that prints no lmstat status is reported, with what it said', async () => {
    const f = fakeLmutil({ stderr: 'usage: something else', exitCode: 2 });
    const r = await runLmstat({ path: f.path, address: '@localhost' });
    assert.equal(!r.ok && r.error.code, 'no-output');
    assert.match(!r.ok ? r.error.message : '', /it said: usage: something else/);
  });

  it('imports a saved output, UTF-16 included', async () => {
    const f = fakeLmutil();
    const utf16 = join(f.dir, 'saved.txt');
    const text = readFileSync(join(FIXTURES, '19-old-macrovision-cannot-connect-15.txt'), 'utf8');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await importLmstat(utf16);
    assert.ok(r.ok);
    assert.equal(r.value.result.error?.code, '-15');
    assert.deepEqual(r.value.source, { kind: 'file', file: utf16 });
    const missing = await importLmstat(join(f.dir, 'nope.txt'));
    assert.match(!missing.ok ? missing.error.message : '', /no such file/);
    writeFileSync(join(f.dir, 'junk.txt'), 'hello\nworld\n');
    assert.equal((await importLmstat(join(f.dir, 'junk.txt'))).ok, false);
  });

  it('address check: the forms FlexNet accepts pass', () => {
    for (const ok of ['@localhost', '27000@es01', '19650@localhost;@ls2.site.local', '27000@10.0.0.1']) assert.equal(lmstatAddressProblem(ok), undefined, ok);
  });
});
