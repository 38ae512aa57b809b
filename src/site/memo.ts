/**
 * `derive` remembered per object: thousands of pages repeat the same reference's metadata, and the
 * build shares one record per reference (see referencesByKey), so each is derived once per build.
 * Every caller gets the same result: treat it as read-only.
 */
export function perObject<T extends object, R>(derive: (value: T) => R): (value: T) => R {
  const results = new WeakMap<T, R>();
  return (value) => {
    if (results.has(value)) return results.get(value)!;
    const result = derive(value);
    results.set(value, result);
    return result;
  };
}
