import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BMS_FILE } from '../../../src/engine/load/files';
import { BMS_DOCUMENTS, BMS_GLOB, BMS_LANGUAGE_ID } from '../../../src/extension/documents';
import { manifest } from './manifest';

const ROOT = join(__dirname, '../../..');

const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

/** A `filenamePatterns` glob (`*` within a name) as VS Code matches it against a file's base name. */
const nameMatches = (glob: string, name: string) => new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`, 'i').test(name);

const NAMES = ['site.bms.yaml', 'plan.bms.yml', 'Hospital.BMS.YAML', 'ci.yaml', 'deployment.yml', 'bms.yaml', 'notes.bms.yaml.bak', 'docker-compose.yml'];

describe('activation', () => {
  it('wakes for BMS files, the view, the dashboard and bmslicense tasks, never for every YAML file', () => {
    const events: string[] = manifest.activationEvents;
    for (const broad of ['onLanguage:yaml', 'onLanguage', '*', 'onStartupFinished']) assert.ok(!events.includes(broad), broad);
    assert.deepEqual([...events].sort(), ['onLanguage:bms-yaml', 'onTaskType:bmslicense', 'onWebviewPanel:bmsLicense.dashboard', `workspaceContains:${BMS_GLOB}`].sort());
    // The view activates the extension implicitly (VS Code ≥ 1.74 derives onView from contributes.views).
    assert.ok(manifest.contributes.views.bmsLicense.some((v: { id: string }) => v.id === 'bmsLicense.sites'));
    assert.match(manifest.engines.vscode, /^\^1\.(7[4-9]|[89]\d|\d{3})\./);
  });

  it('gives exactly the files the engine reads the bms-yaml language, and no other YAML file', () => {
    const language = manifest.contributes.languages.find((l: { id: string }) => l.id === BMS_LANGUAGE_ID);
    assert.ok(language, 'bms-yaml is contributed');
    for (const name of NAMES) {
      const ours = language.filenamePatterns.some((g: string) => nameMatches(g, name));
      assert.equal(ours, BMS_FILE.test(name), name);
    }
    assert.deepEqual(BMS_DOCUMENTS.map((d) => ('language' in d ? d.language : d.pattern)), [BMS_LANGUAGE_ID, BMS_GLOB]);
  });

  it('keeps YAML highlighting, comments, brackets and editor defaults for bms-yaml', () => {
    const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === BMS_LANGUAGE_ID);
    const tm = readJson(grammar.path);
    assert.equal(tm.scopeName, grammar.scopeName);
    assert.deepEqual(tm.patterns, [{ include: 'source.yaml' }], "VS Code's own YAML grammar");
    const language = manifest.contributes.languages.find((l: { id: string }) => l.id === BMS_LANGUAGE_ID);
    const config = readJson(language.configuration);
    assert.equal(config.comments.lineComment, '#');
    assert.equal(config.folding.offSide, true, 'folds by indentation, as YAML');
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    assert.ok(increase.test('  servers:') && !increase.test('  - id: as-01'));
    assert.deepEqual(manifest.contributes.configurationDefaults['[bms-yaml]'], {
      'editor.insertSpaces': true,
      'editor.tabSize': 2,
      'editor.autoIndent': 'advanced',
      'diffEditor.ignoreTrimWhitespace': false,
    });
  });
});
