import { eq } from 'drizzle-orm';
import { ApiError } from '../api/errors';
import { defineHandlers, requireSession } from '../api/handler';
import type { OfficeView } from '../api/contract';
import { officeProfile, type OfficeRow } from '../db/schema';
import { changedFields, updateVersioned } from '../db/versioned';

export function officeView(o: OfficeRow): OfficeView {
  return {
    name: o.name,
    governmentLine: o.governmentLine,
    address: o.address,
    city: o.city,
    postcode: o.postcode,
    phone: o.phone,
    email: o.email,
    website: o.website,
    logo: o.logo && o.logoMime ? `data:${o.logoMime};base64,${o.logo.toString('base64')}` : null,
    version: o.version,
  };
}

/** PNG or JPEG, by their first bytes: the declared type must match the content. */
export function checkLogo(mime: string, bytes: Buffer): void {
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if ((mime === 'image/png' && !png) || (mime === 'image/jpeg' && !jpeg)) {
    throw new ApiError('VALIDATION', 'Berkas logo harus gambar PNG atau JPEG.', { fields: { logo: 'Berkas logo harus gambar PNG atau JPEG' } });
  }
  if (bytes.length > 1_000_000) {
    throw new ApiError('VALIDATION', 'Logo maksimal 1 MB.', { fields: { logo: 'Logo maksimal 1 MB' } });
  }
}

export const officeHandlers = defineHandlers({
  'office.get': {
    run(_i, ctx) {
      const o = ctx.reg.db.db.select().from(officeProfile).where(eq(officeProfile.id, 1)).get();
      if (!o) throw new ApiError('NOT_FOUND');
      return officeView(o);
    },
  },
  'office.update': {
    run(input, ctx) {
      const me = requireSession(ctx);
      const { db } = ctx.reg.db;
      const before = db.select().from(officeProfile).where(eq(officeProfile.id, 1)).get();
      if (!before) throw new ApiError('NOT_FOUND');
      const { version, logo, ...fields } = input;
      const changes: Partial<OfficeRow> = { ...fields };
      if (logo === null) {
        changes.logo = null;
        changes.logoMime = null;
      } else if (logo) {
        const bytes = Buffer.from(logo.base64, 'base64');
        checkLogo(logo.mime, bytes);
        changes.logo = bytes;
        changes.logoMime = logo.mime;
      }
      const after = updateVersioned(db, officeProfile, 'office', 1, version, changes, me.userId, ctx.nowIso, (r) => officeView(r as OfficeRow));
      ctx.audit.entityType = 'office';
      ctx.audit.entityId = '1';
      ctx.audit.detail = JSON.stringify({ fields: changedFields(before, after).filter((f) => !['version', 'updatedAt', 'updatedBy'].includes(f)) });
      ctx.changes.push({ type: 'office.updated' });
      return officeView(after);
    },
  },
});
