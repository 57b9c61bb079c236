import assert from 'node:assert/strict';
import { closingBrace, keyEnd, plainKind } from '../../../src/engine/load/incremental/flowItem';

// The one-line flow item's shape and its keys are scanned by hand (11,000 lines an open); these are the
// regexes the scans replace, and the scans must say the same on crafted and random lines.
const LINE = /^( *)- \{([^\n#]*)\}(?: *| +#[^\n]*)\r?\n?$/;
const KEY = /[A-Za-z_][\w-]*/y;

/** Where the regex puts the closing brace, or -1. */
function referenceClose(text: string): number {
  const m = LINE.exec(text);
  return m ? m[1].length + 3 + m[2].length : -1;
}

function referenceKeyEnd(text: string, i: number): number {
  KEY.lastIndex = i;
  const m = KEY.exec(text);
  return m ? i + m[0].length : i;
}

/** closingBrace's answer, for texts that start as a flow item (`<spaces>- {`); -1 otherwise, as the reader does. */
function scanned(text: string): number {
  let indent = 0;
  while (text[indent] === ' ') indent++;
  if (!text.startsWith('- {', indent)) return -1;
  return closingBrace(text, indent + 2);
}

describe('the flow item line, scanned by hand', () => {
  it('finds the closing brace where the regex does, on crafted lines', () => {
    const lines = [
      '    - { server: es-01, activationId: ACT-1, quantity: 1 }\n',
      '    - { server: es-01 }  # per quote\n',
      '    - { server: es-01 }   #\n',
      '    - { server: es-01 }#no space\n',
      '    - { server: es-01 } } \n',
      '    - { a: "x#y" }\n',
      '    - { a: b #c }\n',
      '    - {}\n',
      '    - { a: b }\r\n',
      '    - { a: b }  # c\r\n',
      '    - { a: b }\r\r\n',
      '    - { a: b }\r  \n',
      '    - { a: b }  \n',
      '    - { a: b }',
      '    - { a: b }\n\n',
      '    - { a: b\n }\n',
      '    - { a: b }\n    - { c: d }\n',
      '- { a: b }\n',
      '  \t- { a: b }\n',
      '    - { a: b } x\n',
      '    - { a: b }  # c } \n',
    ];
    for (const line of lines) assert.equal(scanned(line), referenceClose(line), JSON.stringify(line));
  });

  it('finds it where the regex does on 5,000 random lines of braces, hashes, spaces and line ends', () => {
    let seed = 3;
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const pieces = [' ', '  ', '}', '{', '#', 'a: b', ',', '\r', '\n', '"', 'x', '\t'];
    for (let n = 0; n < 5000; n++) {
      let text = `${' '.repeat(next(5))}- {`;
      const len = next(10);
      for (let k = 0; k < len; k++) text += pieces[next(pieces.length)];
      assert.equal(scanned(text), referenceClose(text), JSON.stringify(text));
    }
  });

  it('ends a key where the regex does', () => {
    for (const text of ['server: x', 'activation-id: x', '_x9: y', '9x: y', '-x: y', 'é: y', ': y', 'a', '', 'ab_c-9d:']) {
      for (let i = 0; i <= text.length; i++) assert.equal(keyEnd(text, i), referenceKeyEnd(text, i), `${JSON.stringify(text)} at ${i}`);
    }
  });

  it('classifies a plain value as the regexes do: integer, word (IPv4, version, date), or neither', () => {
    const INT = /^[-+]?[0-9]+$/;
    const WORD = /^(?:[A-Za-z_][\w./-]*|\d+(?:\.\d+){2,}|\d{4}-\d\d-\d\d)$/;
    const NOT_STRING = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;
    const reference = (w: string) => (INT.test(w) ? 1 : WORD.test(w) && !NOT_STRING.test(w) ? 2 : 0);
    const words = ['es-01', 'ACT-1', 'true', 'True', 'TRUE', 'tRue', 'null', 'Null', 'nulls', 'false', 'FALSE', 'yes', '2026-12-01', '2026-1-01', '12026-12-01', '2026-12-0x', '10.0.1.21', '1.2', '1.2.3', '1..2', '1.2.3.', '007', '-5', '+5', '-', '+', '', '-x', '_x', 'x.y/z-1', 'é', 'a b', '12ab', '99999999999999999999', 'as1.b1.site.local'];
    for (const w of words) assert.equal(plainKind(`[${w}]`, 1, 1 + w.length), reference(w), w);
    let seed = 17;
    const next = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const chars = ['1', '0', '9', '.', '-', '+', '_', '/', 'a', 'Z', 'e', ' ', 'é', 'true', 'null', 'NULL', '2026', '-12', '\u0660'];
    for (let n = 0; n < 20000; n++) {
      let w = '';
      for (let k = next(8); k > 0; k--) w += chars[next(chars.length)];
      assert.equal(plainKind(`x${w}y`, 1, 1 + w.length), reference(w), JSON.stringify(w));
    }
  });
});
