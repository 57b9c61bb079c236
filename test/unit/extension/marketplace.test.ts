import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_URL, RULES, ruleHelpUrl, type RuleCode } from '../../../src/engine/diagnostics';
import { packagedVsix } from '../../e2e/harness/vsix';
import { manifest } from './manifest';

const ROOT = join(__dirname, '../../..');


/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Every file package.json points at: the icon, the view icon, language and grammar files, walkthrough media. */
function filesNamedByManifest(): string[] {
  const c = manifest.contributes;
  // A step's media: `image` (a path, or one per theme), `svg` or `markdown`; altText is no file.
  const media = (c.walkthroughs ?? []).flatMap((w: { steps: { media: Record<string, unknown> }[] }) =>
    w.steps.flatMap((s) => ['image', 'svg', 'markdown'].flatMap((k) => (typeof s.media[k] === 'object' ? Object.values(s.media[k] as object) : [s.media[k]]))),
  );
  const files: string[] = [
    manifest.icon,
    ...c.viewsContainers.activitybar.map((v: { icon: string }) => v.icon),
    ...c.languages.map((l: { configuration: string }) => l.configuration),
    ...c.grammars.map((g: { path: string }) => g.path),
    ...(c.yamlValidation ?? []).map((y: { url: string }) => y.url),
    ...media.filter((m: unknown): m is string => typeof m === 'string'),
  ];
  return files.map((f) => f.replace(/^\.\//, ''));
}

const unzipList = (vsix: string) => execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
const unzipText = (vsix: string, entry: string) => execFileSync('unzip', ['-p', vsix, entry], { encoding: 'utf8' });

describe('the Marketplace page', () => {
  it('declares one repository for the source, the issues, the homepage and the rule links', () => {
    assert.equal(manifest.repository.url, `${REPOSITORY_URL}.git`);
    assert.equal(manifest.bugs.url, `${REPOSITORY_URL}/issues`);
    assert.equal(manifest.homepage, `${REPOSITORY_URL}#readme`);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const code of Object.keys(RULES) as RuleCode[]) {
      const url = ruleHelpUrl(code);
      assert.ok(url.startsWith(`${REPOSITORY_URL}#`), url);
      assert.ok(readme.includes(`<a id="${url.split('#')[1]}"></a>${code}`), `the README has the anchor of ${code}`);
    }
  });

  it('has a 128×128 PNG icon, a banner, keywords and a changelog', () => {
    assert.deepEqual(pngSize(join(ROOT, manifest.icon)), { width: 128, height: 128 });
    assert.match(manifest.galleryBanner.color, /^#[0-9A-F]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.ok(manifest.keywords.length >= 3 && manifest.keywords.length <= 30, 'the Marketplace takes up to 30 keywords');
    assert.match(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), /^## \[Unreleased\]$/m);
  });

  it('packs without bypass flags, and every README image is an https address of a file in this repository', async function () {
    this.timeout(180_000);
    assert.doesNotMatch(readFileSync(join(ROOT, 'scripts/package.mjs'), 'utf8'), /--allow-missing-repository|--no-rewrite-relative-links/);
    const vsix = await packagedVsix();
    const entries = unzipList(vsix);
    const translations = ['package.nls.json', 'package.nls.fr.json', 'package.nls.de.json', 'l10n/bundle.l10n.fr.json', 'l10n/bundle.l10n.de.json'];
    for (const packed of ['extension/readme.md', 'extension/changelog.md', ...filesNamedByManifest().map((f) => `extension/${f}`), ...translations.map((f) => `extension/${f}`)]) assert.ok(entries.includes(packed), packed);
    const readme = unzipText(vsix, 'extension/readme.md');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]);
    assert.ok(images.length >= 3, 'the README shows the screenshots');
    for (const src of images) {
      const prefix = `${REPOSITORY_URL}/raw/HEAD/`;
      assert.ok(src.startsWith(prefix), `${src} is absolute, under the declared repository`);
      assert.ok(existsSync(join(ROOT, src.slice(prefix.length))), `${src} names a file of this checkout`);
    }
  });
});
