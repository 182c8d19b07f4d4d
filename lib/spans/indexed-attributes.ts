// Span attributes as stored: OpenInference keys flattened to dot paths. Values
// are normally strings, numbers, booleans or arrays of those, but the column is
// JSON from untrusted senders, so readers accept anything and coerce.
export type FlatAttributes = Record<string, unknown>;

export type IndexedGroup = { index: number; attributes: FlatAttributes };

// OpenInference flattens lists as `<prefix>.<N>.<rest>`. Collect them back into
// groups keyed by `<rest>`, ordered by N (numerically: 10 sorts after 9).
export function indexedGroups(attributes: FlatAttributes, prefix: string): IndexedGroup[] {
  const start = `${prefix}.`;
  const groups = new Map<number, FlatAttributes>();
  for (const [key, value] of Object.entries(attributes)) {
    if (!key.startsWith(start)) continue;
    const rest = key.slice(start.length);
    const dot = rest.indexOf(".");
    if (dot <= 0) continue;
    const indexText = rest.slice(0, dot);
    if (!/^\d+$/.test(indexText)) continue;
    const index = Number(indexText);
    const group = groups.get(index) ?? {};
    group[rest.slice(dot + 1)] = value;
    groups.set(index, group);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([index, attrs]) => ({ index, attributes: attrs }));
}

// Keys under `<prefix>.` with the prefix removed (e.g. `metadata.user_tier`).
export function attributesUnder(attributes: FlatAttributes, prefix: string): FlatAttributes {
  const start = `${prefix}.`;
  const result: FlatAttributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith(start)) result[key.slice(start.length)] = value;
  }
  return result;
}

export function textAttribute(attributes: FlatAttributes, key: string): string | null {
  const value = attributes[key];
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function numberAttribute(attributes: FlatAttributes, key: string): number | null {
  const value = attributes[key];
  if (value === undefined || value === null || value === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}
