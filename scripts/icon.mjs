// Draws media/icon.png (128×128, the Marketplace icon) from shapes: two server units and a key, on
// the view's green. Written with node:zlib so no image tool or download is needed.
// Usage: node scripts/icon.mjs [OUT.png]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // 4×4 samples a pixel: smooth edges

// Signed distances (negative inside), in icon pixels.
const roundedRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const ring = (x, y, cx, cy, r, w) => Math.abs(circle(x, y, cx, cy, r)) - w / 2;

const GREEN = [0x1f, 0x8a, 0x4c];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf5, 0xc2, 0x42];

/** The colour at one point, or undefined outside the icon (transparent). */
function paint(x, y) {
  if (roundedRect(x, y, 64, 64, 62, 62, 22) > 0) return undefined;
  const key =
    ring(x, y, 84, 92, 11, 7) < 0 ||
    roundedRect(x, y, 104, 92, 12, 3.5, 1.5) < 0 ||
    roundedRect(x, y, 111, 99, 2.5, 6, 1) < 0 ||
    roundedRect(x, y, 103, 98, 2.5, 4.5, 1) < 0;
  if (key) return GOLD;
  for (const cy of [34, 62]) {
    if (circle(x, y, 36, cy, 4) < 0) return GREEN;
    if (roundedRect(x, y, 64, cy, 42, 10, 4) < 0) return WHITE;
  }
  return GREEN;
}

function pixels() {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    const row = py * (SIZE * 4 + 1);
    rows[row] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = paint(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          sum[0] += c[0];
          sum[1] += c[1];
          sum[2] += c[2];
          sum[3] += 1;
        }
      }
      const at = row + 1 + px * 4;
      const n = sum[3];
      rows[at] = n ? Math.round(sum[0] / n) : 0;
      rows[at + 1] = n ? Math.round(sum[1] / n) : 0;
      rows[at + 2] = n ? Math.round(sum[2] / n) : 0;
      rows[at + 3] = Math.round((255 * n) / (SAMPLES * SAMPLES));
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(pixels(), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = process.argv[2] ?? fileURLToPath(new URL('../media/icon.png', import.meta.url));
writeFileSync(out, png);
console.log(`[icon] ${out} (${png.length} bytes)`);
