import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import { canonicalUri, pathOfUri, uriOfPath } from '../../../src/engine/load/uri';

/** How VS Code writes a file uri (vscode-uri's toString): every character but A-Z a-z 0-9 - . _ ~ / encoded. */
function vscodeUri(path: string): string {
  const drive = /^\/([A-Za-z]):/.exec(path);
  const p = drive ? `/${drive[1].toLowerCase()}:${path.slice(3)}` : path;
  return `file://${[...p].map((ch) => (/[A-Za-z0-9\-._~/]/.test(ch) ? ch : [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''))).join('')}`;
}

describe('one file, one uri (load/uri.ts)', () => {
  const folders = ['Hospital North (v2)', 'a b', "R&D + ops's [lab] @home!$*,;=", '100% #1', 'Zürich Müller', '北区'];

  for (const folder of folders) {
    it(`a folder named ${JSON.stringify(folder)}: Node's and VS Code's spellings are one uri, and back to the path`, () => {
      const path = `/projects/${folder}/site.bms.yaml`;
      const node = pathToFileURL(path).href;
      const vscode = vscodeUri(path);
      assert.equal(canonicalUri(node), canonicalUri(vscode));
      assert.equal(uriOfPath(path), canonicalUri(vscode));
      assert.equal(canonicalUri(vscode), vscode, 'the canonical form is VS Code’s');
      assert.equal(pathOfUri(node), path);
      assert.equal(pathOfUri(vscode), path);
      assert.equal(canonicalUri(canonicalUri(node)), canonicalUri(node));
    });
  }

  it('Windows drive letters in either case and encoding, and win32 paths with backslashes', () => {
    const forms = ['file:///C:/Sites/Hospital%20North%20(v2)/site.bms.yaml', 'file:///c%3A/Sites/Hospital%20North%20%28v2%29/site.bms.yaml', 'file:///c:/Sites/Hospital North (v2)/site.bms.yaml', 'FILE:///C%3a/Sites/Hospital%20North%20%28v2%29/site.bms.yaml'];
    const one = new Set(forms.map(canonicalUri));
    assert.equal(one.size, 1, [...one].join(' '));
    assert.equal([...one][0], 'file:///c%3A/Sites/Hospital%20North%20%28v2%29/site.bms.yaml');
    assert.equal(uriOfPath('C:\\Sites\\Hospital North (v2)\\site.bms.yaml'), [...one][0]);
    assert.equal(uriOfPath('c:/Sites/Hospital North (v2)/site.bms.yaml'), [...one][0]);
    assert.equal(uriOfPath('C:\\Sites\\x\\..\\Hospital North (v2)\\site.bms.yaml'), [...one][0]);
    assert.equal(pathOfUri(forms[1]), 'c:\\Sites\\Hospital North (v2)\\site.bms.yaml');
  });

  it('UNC paths keep their host; other schemes pass unchanged; a stray % is encoded, not decoded', () => {
    assert.equal(uriOfPath('\\\\Server\\share\\a b\\site.bms.yaml'), 'file://server/share/a%20b/site.bms.yaml');
    assert.equal(pathOfUri('file://server/share/a%20b/site.bms.yaml'), '\\\\server\\share\\a b\\site.bms.yaml');
    assert.equal(canonicalUri('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.equal(canonicalUri('file:///w/100%/x.bms.yaml'), 'file:///w/100%25/x.bms.yaml');
  });
});
