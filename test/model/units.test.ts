// The unit arithmetic every size check leans on.

import { describe, expect, it } from 'vitest';
import { isPowerOfTwo } from '../../src/model/units';

describe('isPowerOfTwo', () => {
  it('says yes to every power of two a safe integer can hold', () => {
    for (let k = 0; k <= 52; k++) expect(isPowerOfTwo(2 ** k)).toBe(true);
  });

  it('says no to their neighbours, to zero, negatives, fractions and unsafe numbers', () => {
    for (let k = 2; k <= 52; k++) {
      expect(isPowerOfTwo(2 ** k - 1)).toBe(false);
      expect(isPowerOfTwo(2 ** k + 1)).toBe(false);
    }
    for (const n of [0, -8, 0.5, 6, 2 ** 53, Number.NaN, Infinity]) expect(isPowerOfTwo(n)).toBe(false);
  });

  it('looks at all the bits, not only the low 32', () => {
    // 3·2³² and 2³² + 2³¹ have low words of 0 and 2³¹: a 32-bit `n & (n - 1)` calls them powers of two.
    expect(isPowerOfTwo(3 * 2 ** 32)).toBe(false);
    expect(isPowerOfTwo(2 ** 32 + 2 ** 31)).toBe(false);
  });
});
