import type { ThemeEventView } from "./theme-summaries";

const notes = (ids: unknown) => {
  const n = Array.isArray(ids) ? ids.length : 0;
  return `${n} note${n === 1 ? "" : "s"}`;
};
const text = (value: unknown) => (typeof value === "string" ? value : "");

// What one history row says, from the event's details (lib/themes/*.ts writes them).
export function describeEvent({ kind, details }: Pick<ThemeEventView, "kind" | "details">): string {
  switch (kind) {
    case "CREATE":
      return `created it as “${text(details.name)}”`;
    case "UPDATE": {
      const before = (details.before ?? {}) as Record<string, unknown>;
      const after = (details.after ?? {}) as Record<string, unknown>;
      const changes = [];
      if (after.name !== undefined && after.name !== before.name) changes.push(`renamed it from “${text(before.name)}” to “${text(after.name)}”`);
      if (after.description !== undefined && after.description !== before.description) changes.push("changed the description");
      return changes.join(" and ") || "saved it unchanged";
    }
    case "TAG":
      return `tagged ${notes(details.noteIds)}`;
    case "UNTAG":
      return `untagged ${notes(details.noteIds)}`;
    case "MERGE":
      return details.mergedIntoName !== undefined
        ? `merged it into “${text(details.mergedIntoName)}” (${notes(details.noteIds)})`
        : `merged “${text(details.mergedFromName)}” into it (${notes(details.noteIds)})`;
    case "SPLIT":
      return details.splitIntoName !== undefined
        ? `split ${notes(details.noteIds)} out into “${text(details.splitIntoName)}”`
        : `split it out of “${text(details.splitFromName)}” with ${notes(details.noteIds)}`;
    case "DELETE":
      return "deleted it";
    case "PROMOTE":
      return `promoted it to rubric “${text(details.rubricName)}”${details.mode === "boolean" ? " (present/absent)" : ""}`;
    default:
      return String(kind).toLowerCase();
  }
}
