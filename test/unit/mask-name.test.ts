import { describe, expect, it } from 'vitest';
import { maskName } from '../../electron/core/cases/repository';

describe('a masked name in a list', () => {
  it('shows the first letter of each word and hides the rest', () => {
    expect(maskName('Siti Rahmawati')).toBe('S*** R***');
    expect(maskName('  nur   aini ')).toBe('N*** A***');
  });

  it('keeps an emoji or a combined letter whole instead of cutting it in half', () => {
    expect(maskName('Siti 😢🌸')).toBe('S*** 😢***');
    expect(maskName('👩‍👧 Ibu')).toBe('👩‍👧*** I***');
    const decomposed = 'E\u0301lia Putri'; // É typed as E + combining accent
    expect(maskName(decomposed)).toBe('E\u0301*** P***');
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const masked of [maskName('Siti 😢🌸'), maskName('🌸')]) expect(masked).not.toMatch(loneSurrogate);
  });
});
