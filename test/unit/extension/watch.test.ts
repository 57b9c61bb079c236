// The e2e suite's watch of the extension host fails a command by its name: when its answer does not show in
// time, and when the extension host grew past the limit while it ran.
import { strict as assert } from 'node:assert';
import type { CodeServer } from '../../e2e/harness/codeServer';
import { watchExtensionHost } from '../../e2e/harness/watch';

// No code-server here: the watch finds no extension host under this pid and reads 0 MiB.
const server = { pid: process.pid } as CodeServer;

describe('the e2e watch of the extension host', () => {
  it('fails a command that does not answer within its time, naming it', async () => {
    const watch = watchExtensionHost(server);
    try {
      await assert.rejects(
        watch.command('bmsLicense.refresh', () => new Promise(() => undefined), 50),
        (e: Error) => /^bmsLicense\.refresh /.test(e.message) && /within 0\.05 s/.test(e.message),
      );
      assert.deepEqual(watch.ran, ['bmsLicense.refresh']);
    } finally {
      watch.stop();
    }
  });

  it('fails a command while which the extension host went over the limit, naming it', async () => {
    const watch = watchExtensionHost(server, -1);
    try {
      await assert.rejects(watch.command('bmsLicense.openDashboard', async () => undefined), (e: Error) => /^bmsLicense\.openDashboard: /.test(e.message) && /reached 0 MiB/.test(e.message));
    } finally {
      watch.stop();
    }
  });

  it('names the command when its own step fails', async () => {
    const watch = watchExtensionHost(server);
    try {
      await assert.rejects(
        watch.command('bmsLicense.activate', async () => {
          throw new Error('locator.waitFor: Timeout');
        }),
        (e: Error) => e.message === 'bmsLicense.activate: locator.waitFor: Timeout',
      );
    } finally {
      watch.stop();
    }
  });
});
