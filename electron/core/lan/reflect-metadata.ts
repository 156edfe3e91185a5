/**
 * The four functions of the Reflect metadata API that `@peculiar/x509` (through its
 * dependency-injection container, tsyringe) needs before it loads. Installed only if no
 * polyfill is present; keyed by object and property, looked up along the prototype chain.
 */
type Key = string | symbol | undefined;
const store = new WeakMap<object, Map<Key, Map<unknown, unknown>>>();

function own(target: object, prop: Key, create: boolean): Map<unknown, unknown> | undefined {
  let byProp = store.get(target);
  if (!byProp) {
    if (!create) return undefined;
    byProp = new Map();
    store.set(target, byProp);
  }
  let entries = byProp.get(prop);
  if (!entries && create) {
    entries = new Map();
    byProp.set(prop, entries);
  }
  return entries;
}

const api = {
  defineMetadata(key: unknown, value: unknown, target: object, prop?: Key): void {
    own(target, prop, true)!.set(key, value);
  },
  getOwnMetadata(key: unknown, target: object, prop?: Key): unknown {
    return own(target, prop, false)?.get(key);
  },
  getMetadata(key: unknown, target: object, prop?: Key): unknown {
    for (let t: object | null = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const entries = own(t, prop, false);
      if (entries?.has(key)) return entries.get(key);
    }
    return undefined;
  },
  metadata(key: unknown, value: unknown) {
    return (target: object, prop?: Key) => api.defineMetadata(key, value, target, prop);
  },
};

const reflect = Reflect as unknown as Record<string, unknown>;
if (typeof reflect.getMetadata !== 'function') {
  for (const [name, fn] of Object.entries(api)) reflect[name] = fn;
}

export {};
