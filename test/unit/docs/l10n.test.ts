// Translations: every manifest string and every message the code sends through t() / vscode.l10n.t() has a
// French and a German text, with the same {n} placeholders; with the French bundle loaded the engine speaks
// French; the CLI (no bundle) stays English.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WorkspaceIndex } from '../../../src/engine/load/workspace';
import { validateFile } from '../../../src/engine/validate';

const ROOT = join(__dirname, '../../..');
const LANGUAGES = ['fr', 'de'];
const json = (file: string): Record<string, string> => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The literal first argument of every t('…'), tMany('…') and vscode.l10n.t('…') call under src/. */
function messages(): Set<string> {
  const out = new Set<string>();
  for (const file of sources(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:t|tMany)\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/g)) out.add(JSON.parse(`"${(m[1] ?? m[2]!).replace(/\\'/g, "'").replace(/(?<!\\)"/g, '\\"')}"`));
  }
  return out;
}

describe('translations (fr, de)', () => {
  it('the manifest: every %key% of package.json is in package.nls.json, and every key is in each language, placeholders alike', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const english = json('package.nls.json');
    const keys = [...manifest.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length >= 60, `${keys.length} manifest strings are localized`);
    for (const k of keys) assert.ok(k in english, `package.nls.json has ${k}`);
    for (const lang of LANGUAGES) {
      const bundle = json(`package.nls.${lang}.json`);
      assert.deepEqual(Object.keys(bundle).sort(), Object.keys(english).sort(), `package.nls.${lang}.json has exactly the English keys`);
      for (const [k, v] of Object.entries(bundle)) {
        assert.ok(v.trim(), `${lang} ${k} is not empty`);
        assert.equal(placeholders(v), placeholders(english[k]!), `${lang} ${k} keeps the placeholders`);
        for (const link of english[k]!.match(/\(command:[^)]+\)/g) ?? []) assert.ok(v.includes(link), `${lang} ${k} keeps the link ${link}`);
      }
    }
  });

  it('the messages: every t() string of the code is in l10n/bundle.l10n.<lang>.json, and no bundle holds a string the code no longer uses', () => {
    const used = messages();
    assert.ok(used.size >= 40, `${used.size} messages go through t()`);
    for (const lang of LANGUAGES) {
      const bundle = json(`l10n/bundle.l10n.${lang}.json`);
      for (const m of used) assert.ok(m in bundle, `${lang} bundle has: ${m}`);
      for (const k of Object.keys(bundle)) assert.ok(used.has(k), `${lang} bundle holds an unused string: ${k}`);
      for (const [k, v] of Object.entries(bundle)) assert.equal(placeholders(v), placeholders(k), `${lang}: ${k}`);
    }
  });

  it('with the French bundle loaded the engine reports in French; the codes do not change', () => {
    const index = new WorkspaceIndex();
    const site = readFileSync(join(ROOT, 'examples/hospital-north/site.bms.yaml'), 'utf8');
    const plan = readFileSync(join(ROOT, 'examples/hospital-north/plan.bms.yaml'), 'utf8').replace('{ server: as-02,', '{ server: as-22,');
    index.setText('file:///w/site.bms.yaml', site);
    index.setText('file:///w/plan.bms.yaml', plan);
    const english = validateFile(index, 'file:///w/plan.bms.yaml').find((d) => d.code === 'BMS010')!;
    assert.match(english.message, /no server 'as-22'\./);
    assert.deepEqual(english.data, { suggestion: 'as-02' });
    // A fresh module instance, so that the French bundle does not leak into the other tests.
    const fresh = freshEngine();
    assert.equal(fresh.l10n.useBundle(join(ROOT, 'l10n/bundle.l10n.fr.json')), true);
    const frIndex = new fresh.workspace.WorkspaceIndex();
    frIndex.setText('file:///w/site.bms.yaml', site);
    frIndex.setText('file:///w/plan.bms.yaml', plan);
    const french = fresh.validate.validateFile(frIndex, 'file:///w/plan.bms.yaml').find((d: { code: string }) => d.code === 'BMS010');
    assert.deepEqual([french.span, french.data], [english.span, english.data], 'the same finding, on the same node');
    // sentence: the translation is the subject (the whole French message, the suggestion in place)
    assert.equal(french.message, "Le site 'hospital-north' n'a pas de serveur 'as-22'. Vouliez-vous dire 'as-02' ? Corrigez l'identifiant, ou ajoutez le serveur au fichier de site.");
  });

  it('tMany (a message said for every tree node) gives what t() gives, in English and once a bundle is loaded', () => {
    const fresh = freshEngine();
    const said = (f: typeof fresh.l10n) => [f.tMany('{0}/{1} activated', 3, 12), f.t('{0}/{1} activated', 3, 12), f.tMany('{0}/{1} simulated', 0, 1), f.t('{0}/{1} simulated', 0, 1), f.tMany('{1} of {0}', 'a'), f.t('{1} of {0}', 'a')];
    const english = said(fresh.l10n);
    assert.deepEqual([english[0], english[2], english[4]], [english[1], english[3], english[5]]);
    assert.equal(english[0], '3/12 activated');
    assert.equal(fresh.l10n.useBundle(join(ROOT, 'l10n/bundle.l10n.de.json')), true);
    const german = said(fresh.l10n);
    assert.deepEqual([german[0], german[2], german[4]], [german[1], german[3], german[5]]);
    assert.equal(german[0], '3/12 aktiviert');
  });
});

/** Loads the engine again with an empty require cache for src/ and @vscode/l10n. */
function freshEngine() {
  const saved = { ...require.cache };
  for (const k of Object.keys(require.cache)) if (k.includes(`${join(ROOT, 'src')}`) || k.includes('@vscode/l10n')) delete require.cache[k];
  try {
    return {
      l10n: require('../../../src/engine/l10n') as typeof import('../../../src/engine/l10n'),
      workspace: require('../../../src/engine/load/workspace') as typeof import('../../../src/engine/load/workspace'),
      validate: require('../../../src/engine/validate'),
    };
  } finally {
    for (const k of Object.keys(require.cache)) delete require.cache[k];
    Object.assign(require.cache, saved);
  }
}
