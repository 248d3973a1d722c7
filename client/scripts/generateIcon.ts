/**
 * Draws the extension icon (client/assets/icon.png, 128×128): a page with
 * text lines and a check mark on an indigo tile. A PNG encoder in a few
 * lines, so no image tool is needed. Run with `npm run generate:icon`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
type Rgba = readonly [number, number, number, number];
const TRANSPARENT: Rgba = [0, 0, 0, 0];
const TILE: Rgba = [49, 46, 129, 255];
const PAGE: Rgba = [248, 250, 252, 255];
const LINE: Rgba = [148, 163, 184, 255];
const CHECK: Rgba = [220, 38, 38, 255];

function pixel(x: number, y: number): Rgba {
  const inRoundedRect = (left: number, top: number, right: number, bottom: number, radius: number): boolean => {
    if (x < left || x >= right || y < top || y >= bottom) return false;
    const cx = Math.min(Math.max(x, left + radius), right - radius - 1);
    const cy = Math.min(Math.max(y, top + radius), bottom - radius - 1);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const nearSegment = (ax: number, ay: number, bx: number, by: number, width: number): boolean => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return (x - (ax + t * (bx - ax))) ** 2 + (y - (ay + t * (by - ay))) ** 2 <= width ** 2;
  };
  if (nearSegment(62, 86, 76, 100, 5.5) || nearSegment(76, 100, 104, 64, 5.5)) return CHECK;
  if (!inRoundedRect(0, 0, SIZE, SIZE, 22)) return TRANSPARENT;
  if (inRoundedRect(28, 18, 100, 112, 6)) {
    for (const top of [36, 50, 64, 78]) if (y >= top && y < top + 5 && x >= 40 && x < (top === 78 ? 62 : 88)) return LINE;
    return PAGE;
  }
  return TILE;
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, y * (SIZE * 4 + 1) + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw)),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(__dirname, '..', 'assets', 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${out}`);
