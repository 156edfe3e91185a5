import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useState } from 'react';

/**
 * Remembers which version of a record the form was filled from, so a save names the version
 * the user actually read. A change arriving from elsewhere refreshes an untouched form, but
 * never the user's unsaved edits: their save then meets CONFLICT, and `load` shows the record
 * as it is now. Never last-writer-wins.
 */
export function useEditBase<T extends { version: number }, V extends Record<string, any>>(
  form: UseFormReturnType<V, any>,
  record: T | undefined | null,
  toValues: (record: T) => V,
  enabled = true,
) {
  const [version, setVersion] = useState<number | null>(null);

  const load = (r: T) => {
    const values = toValues(r);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    setVersion(r.version);
  };

  useEffect(() => {
    if (!enabled || !record) {
      setVersion(null);
      return;
    }
    if (version === null || !form.isDirty()) load(record);
    // Only a new version (or a new opening) matters here.
  }, [enabled, record?.version]);

  return { version, load };
}
