// A full disk on the activation server's computer is named in the answer, not "failed: ENOSPC…" alone.
import * as assert from 'node:assert/strict';
import { HttpLas } from '../../../src/engine/las/http/client';
import { createLasServer } from '../../../src/engine/las/http/server';
import { diskError } from '../../../src/engine/ledger/disk';
import { baseLine, es01, FakeLas } from './fake-las';

describe('LAS HTTP server: a disk error on its computer', () => {
  it('answers 500 naming the file, ENOSPC and what to do', async () => {
    const las = new FakeLas();
    las.activate = async () => {
      throw diskError('ENOSPC', 'write', '/srv/las/state.json');
    };
    const token = 'tok-disk-error-0123456789';
    const server = createLasServer(las, { token });
    try {
      const client = new HttpLas({ url: await server.listen(), token: async () => token, backoffMs: 1, retries: 0, timeoutMs: 2000 });
      const r = await client.activate(es01, baseLine);
      assert.equal(r.ok, false);
      const message = (r as { ok: false; error: { message: string } }).error.message;
      assert.match(message, /on the activation server's computer: /);
      assert.match(message, /\/srv\/las\/state\.json: .*\(ENOSPC\)/);
      assert.match(message, /may or may not/);
    } finally {
      await server.close();
    }
  });
});
