import { describe, expect, it } from "vitest";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import { actions, authorize, can, type Action, type Actor } from "./permissions";

const actor = (role: Actor["role"]): Actor => ({ kind: "user", userId: "u", name: role, email: null, role, identifier: "px-app:u" });

// SPEC "People and roles", row by row.
const expected: Record<Actor["role"], Action[]> = {
  VIEWER: ["read"],
  REVIEWER: ["read", "write-note", "annotate", "manage-own-keys", "ingest"],
  LEAD: ["read", "write-note", "annotate", "manage-own-keys", "ingest", "manage-rubrics", "manage-queues", "manage-themes", "adjudicate", "overwrite-others", "manage-projects", "delete-traces"],
  ADMIN: [...actions],
};

describe("permission matrix", () => {
  for (const [role, allowed] of Object.entries(expected) as [Actor["role"], Action[]][]) {
    for (const action of actions) {
      const may = allowed.includes(action);
      it(`${role.toLowerCase()} ${may ? "may" : "may not"} ${action}`, () => {
        expect(can(actor(role), action)).toBe(may);
        if (may) expect(() => authorize(actor(role), action)).not.toThrow();
        else expect(() => authorize(actor(role), action)).toThrow(ForbiddenError);
      });
    }
  }

  it("refuses everything without an actor (401, not 403)", () => {
    for (const action of actions) expect(() => authorize(null, action)).toThrow(UnauthorizedError);
  });
});
