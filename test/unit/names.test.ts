import { describe, expect, it } from 'vitest';
import { DUPLICATE_NAME_THRESHOLD, isPossibleDuplicate, nameKey, nameSimilarity, normalizeName } from '../../electron/core/persons';

describe('normalizing a name for comparison', () => {
  it('lowercases, drops punctuation and collapses spaces', () => {
    expect(normalizeName('  SITI   Aminah ')).toBe('siti aminah');
    expect(normalizeName("Ma'ruf Amin")).toBe('maruf amin');
    expect(normalizeName('Siti (Ani) Aminah')).toBe('siti ani aminah');
    expect(normalizeName('Ré Aminah')).toBe('re aminah');
    expect(normalizeName('')).toBe('');
  });

  it('strips honorifics and titles written before the name', () => {
    expect(normalizeName('Hj. Siti Aminah')).toBe('siti aminah');
    expect(normalizeName('H. Ahmad Dahlan')).toBe('ahmad dahlan');
    expect(normalizeName('Ny. Siti Aminah')).toBe('siti aminah');
    expect(normalizeName('Tn. Budi Santoso')).toBe('budi santoso');
    expect(normalizeName('Sdr. Budi')).toBe('budi');
    expect(normalizeName('Sdri. Rina')).toBe('rina');
    expect(normalizeName('Bpk. Budi')).toBe('budi');
    expect(normalizeName('Ibu Rina')).toBe('rina');
    expect(normalizeName('Dr. Ir. H. Budi')).toBe('budi');
    expect(normalizeName('Hj.Siti Aminah')).toBe('siti aminah');
  });

  it('strips degrees written after the name', () => {
    expect(normalizeName('Siti Aminah, S.Pd.')).toBe('siti aminah');
    expect(normalizeName('Budi Santoso, S.H., M.H.')).toBe('budi santoso');
    expect(normalizeName('Rina Wati S.Kom')).toBe('rina wati');
    expect(normalizeName('Dewi Lestari, A.Md.')).toBe('dewi lestari');
    expect(normalizeName('Prof. Dr. Ir. H. Ahmad, M.Si.')).toBe('ahmad');
  });

  it('keeps a name that is only a title, and keeps titles in the middle', () => {
    expect(normalizeName('Ibu')).toBe('ibu');
    expect(normalizeName('Siti Ibu Aminah')).toBe('siti ibu aminah');
  });

  it('keeps initials and given names that look like titles', () => {
    expect(normalizeName('M. Ridwan')).toBe('m ridwan');
    expect(normalizeName('Ayu Lestari')).toBe('ayu lestari');
  });

  it('folds the old spellings to EYD', () => {
    expect(normalizeName('Soekarno')).toBe('sukarno');
    expect(normalizeName('Djoko')).toBe('joko');
    expect(normalizeName('Tjahjo')).toBe('cahyo');
    expect(normalizeName('Njoman')).toBe('nyoman');
    expect(normalizeName('Sjarifuddin')).toBe('syarifudin');
    expect(normalizeName('Soenjoto')).toBe('sunyoto');
    expect(normalizeName('Soejono')).toBe('suyono');
    expect(normalizeName('Djojohadikoesoemo')).toBe('joyohadikusumo');
    expect(normalizeName('Wahjudi')).toBe('wahyudi');
    expect(normalizeName('Chadidjah')).toBe('hadijah');
    expect(normalizeName('Rachmawati')).toBe('rahmawati');
  });

  it('leaves the modern j alone: Joko, Juni and Panji are not Yoko, Yuni and Panyi', () => {
    expect(normalizeName('Joko')).toBe('joko');
    expect(normalizeName('Juni')).toBe('juni');
    expect(normalizeName('Panji Anjani Sanjaya')).toBe('panji anjani sanjaya');
    // while the old "ndj" of Andjani meets the modern Anjani
    expect(normalizeName('Andjani')).toBe('anjani');
  });

  it('collapses doubled letters and a final y', () => {
    expect(normalizeName('Sitti')).toBe('siti');
    expect(normalizeName('Muhammad')).toBe(normalizeName('Muhamad'));
    expect(normalizeName('Hendry')).toBe('hendri');
    expect(normalizeName('Fathimah')).toBe('fatimah');
  });

  it('brings the spellings of Muhammad and Ahmad together', () => {
    for (const n of ['Muhammad', 'Mohammad', 'Mochammad', 'Mokhamad', 'Moch.', 'Moh.', 'Muh.', 'Mhd.']) {
      expect(normalizeName(`${n} Ridwan`)).toBe('muhamad ridwan');
    }
    expect(normalizeName('Achmad')).toBe('ahmad');
  });

  it('keeps the father\'s name, with one spelling of the connector', () => {
    expect(normalizeName('Siti Aminah binti Abdullah')).toBe('siti aminah binti abdulah');
    expect(normalizeName('Siti Aminah bt. Abdullah')).toBe('siti aminah binti abdulah');
    expect(normalizeName('Ahmad bin Yusuf')).toBe('ahmad bin yusuf');
  });
});

describe('name key for lookups', () => {
  it('is the sorted given-name words, father\'s name left out', () => {
    expect(nameKey('Siti Aminah')).toBe('aminah siti');
    expect(nameKey('Aminah Siti')).toBe('aminah siti');
    expect(nameKey('Hj. Sitti Aminah binti Abdullah')).toBe('aminah siti');
    expect(nameKey('Soekarno')).toBe(nameKey('Sukarno'));
  });
});

describe('name similarity', () => {
  const close = (a: string, b: string) => expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(DUPLICATE_NAME_THRESHOLD);
  const apart = (a: string, b: string) => expect(nameSimilarity(a, b)).toBeLessThan(DUPLICATE_NAME_THRESHOLD);

  it('is 1 for the same name in old and new spelling', () => {
    expect(nameSimilarity('Soekarno', 'Sukarno')).toBe(1);
    expect(nameSimilarity('Djoko', 'Joko')).toBe(1);
    expect(nameSimilarity('Tjahjo', 'Cahyo')).toBe(1);
    expect(nameSimilarity('Hj. Siti Aminah, S.Pd.', 'siti aminah')).toBe(1);
  });

  it('ignores word order', () => {
    expect(nameSimilarity('Siti Aminah', 'Aminah Siti')).toBe(1);
  });

  it('ignores a father\'s name written on one side only', () => {
    expect(nameSimilarity('Siti Aminah binti Abdullah', 'Siti Aminah')).toBe(1);
  });

  it('counts against two different fathers\' names', () => {
    apart('Siti Aminah binti Abdullah', 'Siti Aminah binti Ahmad');
  });

  it('forgives a missing middle name a little', () => {
    expect(nameSimilarity('Siti Aminah', 'Siti Nur Aminah')).toBeCloseTo(0.95, 5);
    close('Endang Sri Wahyuni', 'Endang Wahyuni');
    close('Aminah', 'Siti Aminah');
  });

  it('matches written-together and written-apart names, and initials', () => {
    close('Nurhayati', 'Nur Hayati');
    close('Muhammad Ridwan', 'M. Ridwan');
  });

  it('stays high for a one-letter slip in a long word', () => {
    close('Hidajat', 'Hidayat');
    close('Siti Aisyah', 'Siti Aisah');
    close('Siti Rohmah', 'Siti Rahmah');
  });

  it('stays low for different names that share a common first name', () => {
    apart('Siti Rahayu', 'Siti Rahmawati');
    apart('Dewi Lestari', 'Dewi Lestiani');
    apart('Sri Wahyuni', 'Sri Wahyuningsih');
    apart('Ahmad Fauzi', 'Ahmad Fauzan');
    apart('Budi Santoso', 'Budi Susanto');
    apart('Agus Salim', 'Agus Setiawan');
    apart('Nur Aini', 'Nur Azizah');
  });

  it('stays low for short names a letter apart, which are usually different names', () => {
    apart('Yuni', 'Juni');
    apart('Rina', 'Rena');
    apart('Ani', 'Ana');
  });

  it('is 0 when a name is empty', () => {
    expect(nameSimilarity('', 'Siti')).toBe(0);
  });
});

describe('possible duplicate at intake', () => {
  it('the same NIK is a match whatever the name', () => {
    const r = isPossibleDuplicate({ name: 'Siti Aminah', nik: '3578015205900001' }, { name: 'Aminah', nik: ' 3578015205900001 ' });
    expect(r).toMatchObject({ match: true, reason: 'same_nik' });
  });

  it('a close name with the same birth date is a match', () => {
    expect(
      isPossibleDuplicate({ name: 'Hj. Siti Aminah binti Abdullah', birthDate: '1990-05-12' }, { name: 'Sitti Aminah', birthDate: '1990-05-12' }),
    ).toEqual({ match: true, reason: 'similar_name_same_birth_date', score: 1 });
    expect(isPossibleDuplicate({ name: 'Soekarno', birthDate: '1961-06-06' }, { name: 'Sukarno', birthDate: '1961-06-06' }).match).toBe(true);
  });

  it('a mistyped NIK does not hide a close name with the same birth date', () => {
    const r = isPossibleDuplicate(
      { name: 'Djoko Santoso', birthDate: '1985-01-02', nik: '3578010201850001' },
      { name: 'Joko Santoso', birthDate: '1985-01-02', nik: '3578010201850007' },
    );
    expect(r).toMatchObject({ match: true, reason: 'similar_name_same_birth_date' });
  });

  it('the same name on a different birth date is not a match', () => {
    const r = isPossibleDuplicate({ name: 'Siti Aminah', birthDate: '1990-05-12' }, { name: 'Siti Aminah', birthDate: '1990-05-13' });
    expect(r).toEqual({ match: false, reason: null, score: 1 });
  });

  it('a close name without birth dates is not a match', () => {
    expect(isPossibleDuplicate({ name: 'Siti Aminah' }, { name: 'Siti Aminah' }).match).toBe(false);
  });

  it('two women with a common first name and the same birth date are not a match', () => {
    const r = isPossibleDuplicate({ name: 'Siti Rahayu', birthDate: '2001-08-17' }, { name: 'Siti Rahmawati', birthDate: '2001-08-17' });
    expect(r.match).toBe(false);
    expect(r.reason).toBeNull();
    expect(r.score).toBeLessThan(0.8);
  });

  it('a NIK that is not 16 digits is not used to match', () => {
    expect(isPossibleDuplicate({ name: 'A', nik: '123' }, { name: 'B', nik: '123' }).match).toBe(false);
  });
});
