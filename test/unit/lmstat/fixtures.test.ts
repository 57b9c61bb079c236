import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLmstat } from '../../../src/engine/lmstat';
import { toExpectedShape } from './expected-shape';

const DIR = join(__dirname, 'fixtures');
const EXPECTED = JSON.parse(readFileSync(join(DIR, 'EXPECTED.json'), 'utf8')).files as Record<string, any>;
/** The fields EXPECTED.json scores for a user entry marked ambiguous. */
const AMBIGUOUS_SCORED = ['version', 'server', 'handle', 'start', 'licenses', 'ambiguous'];

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}

describe('lmstat parser on real outputs (fixtures/EXPECTED.json)', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.txt'));

  it('has an expectation for every fixture file, and a file for every expectation', () => {
    assert.deepEqual([...files].sort(), Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    describe(file, () => {
      const expected = EXPECTED[file];
      const actual = toExpectedShape(parseLmstat(readFileSync(join(DIR, file), 'utf8')));

      for (const key of ['header', 'error', 'foreign_lines', 'summary', 'expiry_table'] as const) {
        it(key, () => assert.deepEqual(actual[key], expected[key]));
      }

      it('license server blocks: servers, files, vendor daemons', () => {
        const blocks = actual.license_server_blocks as any[];
        assert.equal(blocks.length, expected.license_server_blocks.length);
        expected.license_server_blocks.forEach((eb: any, i: number) => {
          const { features: _a, ...rest } = blocks[i];
          const { features: _e, ...expectedRest } = eb;
          assert.deepEqual(rest, expectedRest, `block ${i}`);
        });
      });

      it('features, license groups, users, reservations, queued', () => {
        const blocks = actual.license_server_blocks as any[];
        expected.license_server_blocks.forEach((eb: any, i: number) => {
          assert.equal(blocks[i].features.length, eb.features.length, `block ${i} feature count`);
          eb.features.forEach((ef: any, j: number) => {
            const af = blocks[i].features[j];
            const where = `block ${i} feature ${j} (${ef.name})`;
            const { users: au, ...aRest } = af;
            const { users: eu, ...eRest } = ef;
            assert.deepEqual(aRest, eRest, where);
            assert.equal(au.length, eu.length, `${where} user count`);
            eu.forEach((u: any, k: number) => {
              if (u.ambiguous) assert.deepEqual(pick(au[k], AMBIGUOUS_SCORED), pick(u, AMBIGUOUS_SCORED), `${where} user ${k}`);
              else assert.deepEqual(au[k], u, `${where} user ${k}`);
            });
          });
        });
      });
    });
  }
});
