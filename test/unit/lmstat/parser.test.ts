import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeExpiry, parseLmstat } from '../../../src/engine/lmstat';
import { toExpectedShape } from './expected-shape';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('lmstat parser: hostile and unusual input', () => {
  it('reads empty output as an empty result without warnings', () => {
    for (const text of ['', '\n', '\r\n\r\n', '   \t  ']) {
      const r = parseLmstat(text);
      assert.deepEqual([r.blocks, r.expiryTable, r.warnings, r.error], [[], [], [], null]);
      assert.equal(r.header.tool, null);
    }
  });

  it('does not throw on a non-string argument from untyped callers', () => {
    const r = parseLmstat(undefined as unknown as string);
    assert.deepEqual(r.blocks, []);
  });

  it('survives random garbage built from lmstat-like pieces, and reports it line by line', () => {
    const pieces = ['Users of ', '(v', ') (', '/27000 ', ', start ', 'RESERVATION', '"x" v1, vendor: ', 'License server status: ',
      ': license server UP', '(-15,570:115 "x")', 'Feature', '#licenses', '(linger: ', 'PID: ', '@', ':', ' ', '\t', '(', ')', '"', 'é', '\u0000'];
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const n = Math.floor(next() * 40);
      for (let i = 0; i < n; i++) text += next() < 0.15 ? '\n' : pieces[Math.floor(next() * pieces.length)];
      const r = parseLmstat(text);
      for (const w of r.warnings) assert.ok(w.line >= 1 && w.line <= r.lineCount, `warning line ${w.line} of ${r.lineCount}`);
    }
  });

  it('survives binary bytes and caps the warnings', () => {
    const next = random(7);
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
    for (const encoding of ['utf8', 'latin1'] as const) {
      const r = parseLmstat(bytes.toString(encoding));
      assert.ok(r.warnings.length > 0 && r.warnings.length <= 501, `${r.warnings.length} warnings`);
      assert.match(r.warnings[r.warnings.length - 1].message, /more lines were not understood/);
    }
  });

  it('reads very long lines in linear time (no regex backtracking blow-up)', () => {
    // Quadratic patterns would take minutes on these and hit the mocha timeout.
    const run = ' '.repeat(200_000);
    const lines = [`a${run}x`, `host:${run}(-1`, `Users of a: x${run}y`, `    u h (v1) (s/1 2), start x${run}y`, `"a" v1, vendor: x, expiry: ${run}z`];
    const table = `Feature Version #licenses Expires Vendor\nf 1 1 ${run}x`;
    const r = parseLmstat(`${lines.join('\n')}\n${table}`);
    assert.ok(r.warnings.length >= 3);
  });

  it('reads CR-only and CRLF line endings like LF', () => {
    for (const name of ['01-triad-one-server-cannot-connect-15.txt', '12-stress-reservations-queued-linger-odd-users.txt', '10-lmstat-i-dated-and-year-zero.txt']) {
      const lf = toExpectedShape(parseLmstat(fixture(name)));
      assert.deepEqual(toExpectedShape(parseLmstat(fixture(name).replace(/\n/g, '\r'))), lf, `${name} CR`);
      assert.deepEqual(toExpectedShape(parseLmstat(fixture(name).replace(/\n/g, '\r\n'))), lf, `${name} CRLF`);
    }
  });

  it('keeps what it read from a file truncated in the middle of a user line', () => {
    const full = fixture('04-triad-two-vendor-daemons-many-users.txt');
    const cut = full.indexOf('(v', Math.floor(full.length / 2));
    const r = parseLmstat(full.slice(0, cut + 4));
    const whole = parseLmstat(full);
    const users = r.blocks[0].features.reduce((n, f) => n + f.users.length, 0);
    assert.ok(users > 0 && users < 168, `${users} users`);
    assert.deepEqual(r.blocks[0].servers, whole.blocks[0].servers);
    assert.equal(r.warnings.length, 1, 'the cut line is reported');
    assert.equal(r.warnings[0].line, r.lineCount);
  });

  it('reads an lmstat -i table followed by lmstat -a sections (lmstat -a -i)', () => {
    const r = parseLmstat(fixture('11-lmstat-i-vendor-column-before-expires.txt') + '\n' + fixture('09-siemens-saltd-pid-extra-tokens.txt'));
    assert.equal(r.expiryTable.length, 9);
    assert.equal(r.blocks[0].features[0].users.length, 4);
    assert.deepEqual([r.header.lmstatINote, r.header.tool], [true, 'lmutil']);
    assert.deepEqual(r.warnings, []);
  });

  it('reads several License server sections (lmstat -c a:b) as separate blocks', () => {
    const two = fixture('08-synopsys-snpslmd-pid-odd-user-lines.txt') + fixture('09-siemens-saltd-pid-extra-tokens.txt');
    const r = parseLmstat(two);
    assert.deepEqual(r.blocks.map((b) => [b.statusList, b.features.length]), [['27020@SERVER1', 3], ['1717@SERVER1', 1]]);
    assert.deepEqual(r.warnings, []);
  });

  it('reads server and vendor daemon errors with their codes, and DOWN lines', () => {
    const text = [
      'License server status: 27000@ls1,27000@ls2,27000@ls3',
      '  ls1: license server UP (MASTER) v11.16.2',
      'ls2: License server machine is down or not responding. (-96,7:10054 "WinSock: Connection reset by peer")',
      'ls3: license server DOWN',
      'Vendor daemon status (on ls1):',
      '  bmsd: Invalid (inconsistent) license key or signature. (-9,57)',
      '  other: DOWN',
      'Users of client.station:  (Total of 3 licenses issued;  Total of 3 licenses in use)',
      '  "client.station" v7.0, vendor: bmsd, expiry: 31-dec-2027',
      '  floating license',
      '    Jane Doe WS-01 WS-01 (v7.0) (ls1/27000 101), start Mon 1/5 8:00, 2 licenses, PID: 4242',
      '    ops WS-02 (v7.0) (ls1/27000 102) queued for 1 license',
    ].join('\n');
    const r = parseLmstat(text);
    const [block] = r.blocks;
    assert.deepEqual(block.servers.map((s) => [s.address, s.status, s.master, s.error?.codeFull ?? null]), [
      ['27000@ls1', 'UP', true, null],
      ['27000@ls2', 'DOWN', false, '-96,7:10054'],
      ['27000@ls3', 'DOWN', false, null],
    ]);
    assert.equal(block.servers[1].error?.detail, 'WinSock: Connection reset by peer');
    assert.deepEqual(block.vendorDaemons.map((d) => [d.name, d.status, d.error?.code ?? null]), [['bmsd', 'DOWN', '-9'], ['other', 'DOWN', null]]);
    const [feature] = block.features;
    assert.equal(feature.licenseGroups[0].expiry, '2027-12-31');
    assert.deepEqual([feature.users[0].user, feature.users[0].host, feature.users[0].licenses, feature.users[0].pid, feature.users[0].port], ['Jane', 'Doe', 2, 4242, 27000]);
    assert.deepEqual([feature.queued[0].user, feature.queued[0].display, feature.queued[0].handle], ['ops', null, 102]);
    assert.deepEqual(r.warnings, []);
  });

  it('warns with line numbers for lines it does not understand, and for users outside a feature', () => {
    const r = parseLmstat('$ lmutil lmstat -a\n    bob pc1 pc1 (v1) (ls/27000 1), start Mon 1/5 8:00\n...\n');
    assert.deepEqual(r.warnings.map((w) => w.line), [1, 2, 3]);
    assert.match(r.warnings[1].message, /outside/);
  });
});

describe('normalizeExpiry', () => {
  it('turns dates to ISO and year 0 or permanent to permanent, and refuses the rest', () => {
    assert.equal(normalizeExpiry('1-jan-0'), 'permanent');
    assert.equal(normalizeExpiry('01-jan-0000'), 'permanent');
    assert.equal(normalizeExpiry('permanent(no expiration date)'), 'permanent');
    assert.equal(normalizeExpiry('PERMANENT'), 'permanent');
    assert.equal(normalizeExpiry('1-oct-2022'), '2022-10-01');
    assert.equal(normalizeExpiry('31-DEC-2018'), '2018-12-31');
    assert.equal(normalizeExpiry('31-foo-2018'), null);
    assert.equal(normalizeExpiry('soon'), null);
    assert.equal(normalizeExpiry(null), null);
  });
});
