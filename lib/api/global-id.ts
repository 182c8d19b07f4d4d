import { UnprocessableError } from "@/lib/errors";

// Phoenix names rows by Relay GlobalIDs, base64("<Type>:<row id>"), and its
// clients hand them back as cursors and identifiers. Same types as Phoenix.
export type NodeType = "Project" | "Trace" | "Span" | "ProjectSession";

export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64");
}

/** The row id inside a GlobalID of `type`, or null when `value` is not one. */
export function parseGlobalId(value: string, type: NodeType): number | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return null;
  const match = /^([A-Za-z]+):(\d{1,10})$/.exec(Buffer.from(value, "base64").toString("utf8"));
  return match && match[1] === type && Number(match[2]) <= 2_147_483_647 ? Number(match[2]) : null;
}

/** A page cursor: the GlobalID of the first row of the next page (Phoenix's form). */
export function cursorRowId(cursor: string | undefined, type: NodeType): number | undefined {
  if (cursor === undefined) return undefined;
  const id = parseGlobalId(cursor, type);
  if (id === null) throw new UnprocessableError(`Invalid cursor: ${cursor}`, { cursor: ["is not a valid cursor"] });
  return id;
}
