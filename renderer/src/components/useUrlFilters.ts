import { useSearchParams } from 'react-router';

/**
 * A list's filters kept in the address (so going back returns to the same page): read one with
 * `get`, set one with `set` (an empty value removes it; any change but the page goes back to
 * the first page), or clear them all.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const set = (name: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(name, value);
        else next.delete(name);
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  /** Several filters at once (one address change, so none of them is lost). */
  const setMany = (values: Record<string, string>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [name, value] of Object.entries(values)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        if (!('page' in values)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  return {
    get: (name: string) => params.get(name),
    set,
    setMany,
    /** The page number in the address (1 when absent). */
    page: Math.max(1, Number(params.get('page')) || 1),
    clear: () => setParams(new URLSearchParams(), { replace: true }),
  };
}
