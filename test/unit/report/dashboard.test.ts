import { strict as assert } from 'node:assert';
import { parseWebviewMessage } from '../../../src/engine/report/messages';
import { contentSecurityPolicy, dashboardHtml, makeNonce } from '../../../src/extension/dashboard/html';

describe('dashboard page and messages', () => {
  it('accepts only the messages the webview may send, in their exact shape', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', target: 'target:es-01', extra: 1 }), { type: 'reveal', target: 'target:es-01' });
    assert.deepEqual(parseWebviewMessage({ type: 'export', format: 'csv' }), { type: 'export', format: 'csv' });
    for (const bad of [null, 'ready', [], { type: 'reveal' }, { type: 'reveal', target: 42 }, { type: 'reveal', target: '' }, { type: 'reveal', target: 'x'.repeat(513) }, { type: 'export', format: 'exe' }, { type: 'open', path: '/etc/passwd' }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('serves a page with a nonce-only script policy and no data in it', () => {
    const nonce = makeNonce();
    assert.match(nonce, /^[A-Za-z0-9]{20,}$/);
    assert.notEqual(makeNonce(), nonce);
    const csp = contentSecurityPolicy('https://x.vscode-cdn.net', nonce);
    assert.equal(csp, `default-src 'none'; script-src 'nonce-${nonce}'; style-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net data:; font-src https://x.vscode-cdn.net`);
    assert.ok(!csp.includes('unsafe'));
    const html = dashboardHtml({ cspSource: 'https://x.vscode-cdn.net', scriptUri: 'https://x.vscode-cdn.net/dist/webview.js', nonce, title: 'Licenses: <b>"x"</b>' });
    assert.equal(html.match(/<script /g)?.length, 1);
    assert.ok(html.includes(`<script nonce="${nonce}" src="https://x.vscode-cdn.net/dist/webview.js"></script>`));
    assert.ok(html.includes('<title>Licenses: &lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>'));
  });
});
