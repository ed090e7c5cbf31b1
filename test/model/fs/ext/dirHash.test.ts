// The name hash against e2fsprogs 1.47.0's own (debugfs `dx_hash -h half_md4 -s SEED NAME` on a filesystem
// with signed_directory_hash, as x86 makes them), and the seed as dumpe2fs prints it.

import { describe, expect, it } from 'vitest';
import { halfMd4Hash, seedFromUuid } from '../../../../src/model/fs/ext/dirHash';

const A_EXT4_SEED = seedFromUuid('769fbb39-2c8b-4399-8fc7-cd245f37dc2a');
const A_EXT3_SEED = seedFromUuid('2d9644f5-1eb3-4598-aa03-43eee23abcca');

describe('half-MD4 directory hash', () => {
  it('gives what debugfs gives, for short, long (two rounds) and non-ASCII names', () => {
    expect(halfMd4Hash('small', A_EXT4_SEED)).toBe(0x55dea9d2);
    expect(halfMd4Hash('Activities', A_EXT4_SEED)).toBe(0xcc194cf4);
    expect(halfMd4Hash('été', A_EXT4_SEED)).toBe(0xa3040d82);
    expect(halfMd4Hash('a-much-longer-name-that-goes-past-thirty-two-bytes-and-then-some', A_EXT4_SEED)).toBe(
      0x76a92810,
    );
    expect(halfMd4Hash('small', A_EXT3_SEED)).toBe(0xf1d04fe8);
    expect(halfMd4Hash('usr', A_EXT3_SEED)).toBe(0x5bd969c6);
  });

  it('puts the kernel lab’s a_ext3 folder "small" in group 8, where the kernel put it (hash mod 16)', () => {
    expect(halfMd4Hash('small', A_EXT3_SEED) % 16).toBe(8);
  });

  it('reads the seed as four little-endian words, and refuses what is not a UUID', () => {
    expect(seedFromUuid('769fbb39-2c8b-4399-8fc7-cd245f37dc2a')).toEqual([
      0x39bb9f76, 0x99438b2c, 0x24cdc78f, 0x2adc375f,
    ]);
    expect(() => seedFromUuid('not-a-uuid')).toThrow('not-a-uuid is not a UUID');
  });
});
