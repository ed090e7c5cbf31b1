// ext4's half-MD4 name hash (fs/ext4/hash.c, DX_HASH_HALF_MD4 with signed chars), seeded with the
// filesystem's s_hash_seed. The inode allocator uses it to spread top-level folders over the groups.

import { ModelError } from '../../errors';

const K2 = 0o13240474631;
const K3 = 0o15666365641;

const rol = (x: number, s: number) => ((x << s) | (x >>> (32 - s))) >>> 0;
const F = (x: number, y: number, z: number) => z ^ (x & (y ^ z));
const G = (x: number, y: number, z: number) => ((x & y) + ((x ^ y) & z)) >>> 0;
const H = (x: number, y: number, z: number) => x ^ y ^ z;

type Mix = (x: number, y: number, z: number) => number;

/** half_md4_transform: the three rounds over 8 words, added into buf. */
function transform(buf: number[], input: number[]): void {
  let [a, b, c, d] = buf as [number, number, number, number];
  const round = (f: Mix, w: number, x: number, y: number, z: number, k: number, s: number) =>
    rol((w + f(x, y, z) + k) >>> 0, s);
  const rounds: [Mix, number, number[], number[]][] = [
    [F, 0, [0, 1, 2, 3, 4, 5, 6, 7], [3, 7, 11, 19]],
    [G, K2, [1, 3, 5, 7, 0, 2, 4, 6], [3, 5, 9, 13]],
    [H, K3, [3, 7, 2, 6, 1, 5, 0, 4], [3, 9, 11, 15]],
  ];
  for (const [f, k, order, shifts] of rounds) {
    for (let i = 0; i < 8; i += 4) {
      a = round(f, a, b, c, d, (input[order[i]!]! + k) >>> 0, shifts[0]!);
      d = round(f, d, a, b, c, (input[order[i + 1]!]! + k) >>> 0, shifts[1]!);
      c = round(f, c, d, a, b, (input[order[i + 2]!]! + k) >>> 0, shifts[2]!);
      b = round(f, b, c, d, a, (input[order[i + 3]!]! + k) >>> 0, shifts[3]!);
    }
  }
  buf[0] = (buf[0]! + a) >>> 0;
  buf[1] = (buf[1]! + b) >>> 0;
  buf[2] = (buf[2]! + c) >>> 0;
  buf[3] = (buf[3]! + d) >>> 0;
}

/** str2hashbuf_signed: up to 32 bytes of the name as 8 words, padded with the length. */
function hashWords(bytes: Uint8Array, from: number): number[] {
  const length = bytes.length - from;
  let pad = (length | (length << 8)) >>> 0;
  pad = (pad | (pad << 16)) >>> 0;
  const words: number[] = [];
  let value = pad;
  for (let i = 0; i < Math.min(length, 32); i++) {
    const signed = bytes[from + i]! > 127 ? bytes[from + i]! - 256 : bytes[from + i]!;
    value = (signed + ((value << 8) >>> 0)) >>> 0;
    if (i % 4 === 3) {
      words.push(value);
      value = pad;
    }
  }
  if (words.length < 8) words.push(value);
  while (words.length < 8) words.push(pad);
  return words;
}

/** The 32-bit hash of `name` (ext4fs_dirhash, its major hash with the low bit cleared). */
export function halfMd4Hash(name: string, seed: readonly number[]): number {
  const buf = seed.some((word) => word !== 0) ? [...seed] : [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  const bytes = new TextEncoder().encode(name);
  for (let from = 0; from < bytes.length; from += 32) transform(buf, hashWords(bytes, from));
  return (buf[1]! & ~1) >>> 0;
}

/** s_hash_seed from the UUID dumpe2fs prints as "Directory Hash Seed": four little-endian words. */
export function seedFromUuid(uuid: string): number[] {
  const hex = uuid.replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new ModelError('EINVAL', `${uuid} is not a UUID`);
  const words: number[] = [];
  for (let w = 0; w < 4; w++) {
    let word = 0;
    for (let b = 3; b >= 0; b--)
      word = word * 256 + parseInt(hex.slice(w * 8 + b * 2, w * 8 + b * 2 + 2), 16);
    words.push(word);
  }
  return words;
}
