import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  checkSimfoniValue,
  isSimfoniCode,
  simfoniCodes,
  simfoniLabel,
  SIMFONI_AGE_BANDS,
  SIMFONI_FIELDS,
  VIOLENCE_TYPES,
  type SimfoniField,
  type SimfoniValue,
  type ViolenceType,
} from '../../electron/core/simfoni';
import { simfoniAgeBand } from '../../electron/core/persons';

describe('SIMFONI-PPA categories', () => {
  it('hold the categories the national system asks for, with their Indonesian labels in its order', () => {
    const labels = (field: SimfoniField) => SIMFONI_FIELDS[field].options.map((o) => o.id);
    expect(labels('violenceTypes')).toEqual(['Fisik', 'Psikis', 'Seksual', 'Eksploitasi', 'Trafficking', 'Penelantaran', 'Lainnya']);
    expect(labels('place')).toEqual(['Rumah Tangga', 'Tempat Kerja', 'Sekolah', 'Fasilitas Umum', 'Lembaga Pendidikan Kilat', 'Lainnya']);
    expect(labels('perpetratorRelation')).toEqual([
      'Orang Tua', 'Keluarga/Saudara', 'Suami/Istri', 'Tetangga', 'Pacar/Teman', 'Guru', 'Majikan', 'Rekan Kerja', 'Lainnya',
    ]);
    expect(SIMFONI_FIELDS.ageBand.options.map((o) => o.code)).toEqual(['0-5', '6-12', '13-17', '18-24', '25-44', '45-59', '60+']);
    expect(labels('occupation')).toEqual([
      'Pelajar', 'Ibu Rumah Tangga', 'Tidak Bekerja', 'Swasta/Buruh', 'Bekerja', 'PNS/Aparat', 'Pedagang/Tani/Nelayan',
    ]);
    expect(labels('services')).toEqual([
      'Pengaduan', 'Kesehatan', 'Bantuan Hukum', 'Penegakan Hukum', 'Rehabilitasi Sosial', 'Reintegrasi Sosial', 'Pemulangan',
      'Pendampingan Tokoh Agama',
    ]);
    expect(labels('victimSex')).toEqual(['Perempuan', 'Laki-laki']);
    expect(labels('ageGroup')).toEqual(['Anak', 'Dewasa']);
  });

  it('mark violence types and services as multi-valued, and nothing else', () => {
    const multi = (Object.keys(SIMFONI_FIELDS) as SimfoniField[]).filter((f) => SIMFONI_FIELDS[f].multi);
    expect(multi).toEqual(['violenceTypes', 'services']);
  });

  it('have unique codes and an English label for every option', () => {
    for (const field of Object.keys(SIMFONI_FIELDS) as SimfoniField[]) {
      const options = SIMFONI_FIELDS[field].options;
      expect(new Set(options.map((o) => o.code)).size).toBe(options.length);
      for (const o of options) expect(o.en.length).toBeGreaterThan(0);
    }
    expect(simfoniLabel('place', 'rumah_tangga', 'en')).toBe('Household');
    expect(simfoniLabel('violenceTypes', 'penelantaran')).toBe('Penelantaran');
  });

  it('age bands cover every age from 0 up without a gap or an overlap', () => {
    SIMFONI_AGE_BANDS.forEach((band, i) => {
      const next = SIMFONI_AGE_BANDS[i + 1];
      if (next) expect(next.minAge).toBe((band.maxAge ?? NaN) + 1);
      else expect(band.maxAge).toBeNull();
    });
    expect(SIMFONI_AGE_BANDS[0].minAge).toBe(0);
    for (let age = 0; age <= 120; age++) {
      const band = SIMFONI_AGE_BANDS.find((b) => b.code === simfoniAgeBand(age))!;
      expect(age).toBeGreaterThanOrEqual(band.minAge);
      if (band.maxAge !== null) expect(age).toBeLessThanOrEqual(band.maxAge);
    }
  });

  it('give types that only admit their codes', () => {
    expectTypeOf<ViolenceType>().toEqualTypeOf<'fisik' | 'psikis' | 'seksual' | 'eksploitasi' | 'trafficking' | 'penelantaran' | 'lainnya'>();
    expectTypeOf<SimfoniValue<'services'>>().toEqualTypeOf<(typeof SIMFONI_FIELDS)['services']['options'][number]['code'][]>();
    expectTypeOf<SimfoniValue<'place'>>().toBeString();
    expect(VIOLENCE_TYPES.map((v) => v.code)).toContain('trafficking');
  });

  it('give the codes in a form a zod enum takes', () => {
    const schema = z.enum(simfoniCodes('perpetratorRelation'));
    expect(schema.parse('guru')).toBe('guru');
    expect(() => schema.parse('dukun')).toThrow();
  });
});

describe('checking a recorded value', () => {
  it('knows the codes of each field', () => {
    expect(isSimfoniCode('violenceTypes', 'seksual')).toBe(true);
    expect(isSimfoniCode('violenceTypes', 'Seksual')).toBe(false);
    expect(isSimfoniCode('place', 'sekolah')).toBe(true);
    expect(isSimfoniCode('place', 'seksual')).toBe(false);
    expect(isSimfoniCode('occupation', 42)).toBe(false);
  });

  it('accepts one known code for a single-valued field', () => {
    expect(checkSimfoniValue('perpetratorRelation', 'suami_istri')).toEqual({ ok: true, value: 'suami_istri' });
  });

  it('refuses an unknown code, saying so in Indonesian', () => {
    expect(checkSimfoniValue('place', 'pasar')).toEqual({
      ok: false,
      error: 'Tempat kejadian: "pasar" bukan pilihan yang dikenal SIMFONI-PPA.',
    });
    expect(checkSimfoniValue('place', ['sekolah'])).toMatchObject({ ok: false });
  });

  it('takes several violence types at once', () => {
    expect(checkSimfoniValue('violenceTypes', ['fisik', 'psikis', 'seksual'])).toEqual({ ok: true, value: ['fisik', 'psikis', 'seksual'] });
    expect(checkSimfoniValue('services', [])).toEqual({ ok: true, value: [] });
  });

  it('refuses a multi-valued field given one code, an unknown code, or the same code twice (recaps count each once)', () => {
    expect(checkSimfoniValue('violenceTypes', 'fisik')).toEqual({ ok: false, error: 'Jenis kekerasan: harus berupa daftar pilihan.' });
    expect(checkSimfoniValue('services', ['kesehatan', 'konseling'])).toEqual({
      ok: false,
      error: 'Layanan yang diberikan: "konseling" bukan pilihan yang dikenal SIMFONI-PPA.',
    });
    expect(checkSimfoniValue('violenceTypes', ['fisik', 'psikis', 'fisik'])).toEqual({
      ok: false,
      error: 'Jenis kekerasan: "Fisik" dipilih lebih dari sekali.',
    });
  });
});
