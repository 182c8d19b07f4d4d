// Review items travel as JSON (the route handlers of app/api/review, read by
// TanStack Query in the browser) but hold Dates the screen formats. JSON would
// turn them into strings the components cannot tell from a span attribute that
// happens to look like a date, so a Date is sent tagged and revived by the tag.

const TAG = "$date";

/** JSON text of `value` with every Date as {"$date": ISO}. */
export function stringifyWithDates(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, raw) {
    // `raw` is already Date#toJSON's string here; the holder still has the Date.
    const original = this[key];
    return original instanceof Date ? { [TAG]: original.toISOString() } : raw;
  });
}

/** The inverse of stringifyWithDates. */
export function parseWithDates<T>(text: string): T {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === TAG && typeof value[TAG] === "string") return new Date(value[TAG]);
    }
    return value;
  }) as T;
}
