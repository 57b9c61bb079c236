import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { licenseState } from '../../../src/engine/ledger/fold';
import { LasSimulator } from '../../../src/engine/las/simulator';
import { parseRequest, requestFileName, responseFileName, safeNamePart, signedBytes } from '../../../src/engine/las/offline/format';
import { answerRequest } from '../../../src/engine/las/offline/respond';
import { activate } from '../../../src/engine/workflows/activate';
import { confirmReturn } from '../../../src/engine/workflows/confirmReturn';
import { importResponses, responseFiles } from '../../../src/engine/workflows/importResponses';
import { reclaim } from '../../../src/engine/workflows/reclaim';
import { returnLicenses } from '../../../src/engine/workflows/return';
import { assertOk, bench, type Bench } from './fixture';

/** What the engineer does on the connected computer: answer every request file with the LAS. */
async function respondAll(b: Bench, files: string[], las: LasSimulator = b.las): Promise<string[]> {
  fs.mkdirSync(b.responsesDir, { recursive: true });
  const out: string[] = [];
  for (const f of files) {
    const { request, problem } = parseRequest(fs.readFileSync(f, 'utf8'));
    assert.ok(request, problem);
    const response = await answerRequest(las, request, () => b.clock.now);
    const file = path.join(b.responsesDir, responseFileName(response.requestId));
    fs.writeFileSync(file, JSON.stringify(response, null, 2));
    out.push(file);
  }
  return out;
}

describe('workflows, offline (request and response files)', () => {
  let b: Bench;
  beforeEach(() => (b = bench('hospital-north', 'offline')));
  afterEach(() => b.cleanup());

  it('activates through request → response → import, and only the import activates', async () => {
    const r = assertOk(await activate(b.options()));
    assert.equal(r.requestFiles.length, 3, 'one request file per target');
    assert.deepEqual(fs.readdirSync(b.requestsDir).sort(), r.requestFiles.map((f) => path.basename(f)).sort());
    assert.equal(licenseState(b.state(), 'es-01', 'ACT-BASE')?.status, 'requested');
    const before = b.ledgerText();
    assertOk(await activate(b.options()));
    assert.equal(b.ledgerText(), before, 'a pending request is not requested again');

    await respondAll(b, r.requestFiles);
    const imported = assertOk(await importResponses(b.options(), responseFiles([b.responsesDir]), b.las.publicKeyPem()));
    assert.equal(imported.done.length, 3);
    const s = b.state();
    assert.equal(licenseState(s, 'es-01', 'ACT-BASE')?.status, 'activated');
    assert.equal(licenseState(s, 'es-01', 'ACT-BASE')?.mode, 'offline');
    assert.equal(licenseState(s, 'ls-main', 'ACT-SEATS')?.quantity, 5);
    assert.equal(s.pending.size, 0);
  });

  it('answers a request twice with the same response, never a second activation', async () => {
    const r = assertOk(await activate(b.options({ target: 'as-01' })));
    const [first] = await respondAll(b, r.requestFiles);
    const text = fs.readFileSync(first!, 'utf8');
    const [second] = await respondAll(b, r.requestFiles);
    assert.equal(fs.readFileSync(second!, 'utf8'), text);
    const las = await b.las.activations('hospital-north', 'as-01');
    assert.equal(las.ok && las.value.length, 1);
  });

  it('records a refusal by the LAS and lets the engineer fix the plan and ask again', async () => {
    const r = await activate(b.options({ target: 'as-01', extraAssignments: ['{ server: as-01, activationId: ACT-CC, quantity: 1 }'] }));
    await respondAll(b, r.requestFiles);
    const imported = await importResponses(b.options(), responseFiles([b.responsesDir]), b.las.publicKeyPem());
    assert.equal(imported.notDone[0]!.code, 'not-applicable');
    assert.equal(licenseState(b.state(), 'as-01', 'ACT-SNMP'), undefined, 'refused: back to not activated');
    fs.rmSync(b.requestsDir, { recursive: true });
    const retry = assertOk(await activate(b.options({ target: 'as-01' })));
    assert.equal(retry.requestFiles.length, 1);
  });

  async function activateAll(): Promise<void> {
    const r = assertOk(await activate(b.options()));
    await respondAll(b, r.requestFiles);
    assertOk(await importResponses(b.options(), responseFiles([b.responsesDir]), b.las.publicKeyPem()));
    fs.rmSync(b.requestsDir, { recursive: true });
    fs.rmSync(b.responsesDir, { recursive: true });
  }

  it('returns offline: licenses stay unusable until the return is confirmed', async () => {
    await activateAll();
    const r = assertOk(await returnLicenses(b.options({ target: 'es-01' })));
    assert.equal(r.requestFiles.length, 1);
    assert.equal(licenseState(b.state(), 'es-01', 'ACT-BASE')?.status, 'activated', 'only the response returns');
    await respondAll(b, r.requestFiles);
    assertOk(await importResponses(b.options(), responseFiles([b.responsesDir]), b.las.publicKeyPem()));
    assert.equal(licenseState(b.state(), 'es-01', 'ACT-CC')?.status, 'return-pending');

    // Not confirmed: activating again is refused, by the workflow and by the LAS.
    const blocked = await activate(b.options({ target: 'es-01' }));
    assert.deepEqual(blocked.notDone.map((n) => n.code), ['return-unconfirmed', 'return-unconfirmed']);
    const las = await b.las.activate({ site: 'hospital-north', id: 'es-01', type: 'enterprise-server' }, [{ activationId: 'ACT-BASE', quantity: 1 }]);
    assert.equal(!las.ok && las.error.code, 'return-unconfirmed');

    assertOk(await confirmReturn(b.options({ target: 'es-01' })));
    assert.equal(licenseState(b.state(), 'es-01', 'ACT-BASE')?.status, 'returned');
    const again = assertOk(await activate(b.options({ target: 'es-01' })));
    assert.equal(again.requestFiles.length, 1);
  });

  it('reclaims offline after the entitlement grew', async () => {
    await activateAll();
    const r = assertOk(await reclaim(b.options({ target: 'as-01', snmpQuantity: 6 })));
    await respondAll(b, r.requestFiles);
    const imported = assertOk(await importResponses(b.options(), responseFiles([b.responsesDir]), b.las.publicKeyPem()));
    assert.match(imported.done[0]!.message, /ACT-SNMP 2 → 5/);
    assert.equal(licenseState(b.state(), 'as-01', 'ACT-SNMP')?.quantity, 5);
  });

  describe('refuses a response that cannot be trusted, and changes nothing', () => {
    let responses: string[];
    beforeEach(async () => {
      const r = assertOk(await activate(b.options({ target: 'as-01' })));
      responses = await respondAll(b, r.requestFiles);
    });

    async function refused(file: string, reason: string, pattern: RegExp): Promise<void> {
      const before = b.ledgerText();
      const r = await importResponses(b.options(), [file], b.las.publicKeyPem());
      assert.equal(r.ok, false);
      assert.equal(r.notDone[0]!.code, reason);
      assert.match(r.notDone[0]!.message, pattern);
      assert.equal(b.ledgerText(), before, 'the ledger is unchanged');
    }

    it('tampered', async () => {
      const json = JSON.parse(fs.readFileSync(responses[0]!, 'utf8'));
      json.outcome.activation.lines[0].quantity = 3;
      fs.writeFileSync(responses[0]!, JSON.stringify(json));
      await refused(responses[0]!, 'tampered', /signature does not match/);
    });

    it('signed by another LAS key', async () => {
      const other = new LasSimulator({ dataDir: path.join(b.dir, 'other-las') });
      const file = path.join(b.dir, 'x.response.json');
      const json = JSON.parse(fs.readFileSync(responses[0]!, 'utf8'));
      json.signature = other.sign(Buffer.from('whatever')).toString('base64');
      fs.writeFileSync(file, JSON.stringify(json));
      await refused(file, 'tampered', /another LAS key/);
    });

    it('from another site', async () => {
      const other = bench('hospital-south', 'offline');
      try {
        const r = assertOk(await activate(other.options({ target: 'as-01' })));
        const [file] = await respondAll(other, r.requestFiles, b.las); // same LAS, so the signature is good
        await refused(file!, 'foreign-site', /site 'hospital-south', not 'hospital-north'/);
      } finally {
        other.cleanup();
      }
    });

    it('answering another request (unknown id, or same id with other content)', async () => {
      const req = JSON.parse(fs.readFileSync(fs.readdirSync(b.requestsDir).map((f) => path.join(b.requestsDir, f))[0]!, 'utf8'));
      const unknown = await answerRequest(b.las, { ...req, requestId: 'REQ-SOMEONE-ELSE' });
      fs.writeFileSync(path.join(b.dir, 'u.json'), JSON.stringify(unknown));
      await refused(path.join(b.dir, 'u.json'), 'other-request', /never created/);
      const changed = await answerRequest(b.las, { ...req, lines: [{ activationId: 'ACT-SNMP', quantity: 1 }], requestId: req.requestId });
      // The simulator answers a known id the same way; forge a signed response for different content instead.
      const forged = { ...changed, requestDigest: '0'.repeat(64) };
      forged.signature = b.las.sign(signedBytes(forged)).toString('base64');
      fs.writeFileSync(path.join(b.dir, 'c.json'), JSON.stringify(forged));
      await refused(path.join(b.dir, 'c.json'), 'other-request', /different request/);
    });

    it('replayed', async () => {
      assertOk(await importResponses(b.options(), responses, b.las.publicKeyPem()));
      await refused(responses[0]!, 'replayed', /already imported/);
    });
  });

  it('makes request file names that cannot leave the folder', () => {
    assert.equal(safeNamePart('../../etc/passwd'), '__.._etc_passwd');
    assert.equal(safeNamePart('..'), '_');
    assert.equal(safeNamePart(''), '_');
    const name = requestFileName({ requestId: '../x', op: 'activate', target: { site: '..', id: 'a/b\\c', type: 'as-p' } });
    assert.equal(path.basename(name), name);
    assert.ok(!name.startsWith('.'));
    assert.equal(responseFileName('../../evil'), '__.._evil.response.json');
  });
});
