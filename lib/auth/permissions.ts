import type { Role } from "@/lib/generated/prisma/enums";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";

// Who is acting: a signed-in user, a user's API key, a system key, or the
// built-in local admin when AUTH_DISABLED=1.
export type Actor = {
  kind: "user" | "system-key" | "local";
  userId: string | null;
  name: string;
  email: string | null;
  role: Role;
  // The annotation identifier everything this actor writes from the browser is keyed by.
  identifier: string;
};

export const actions = [
  "read",
  "write-note",
  "annotate",
  "overwrite-others",
  "manage-rubrics",
  "manage-queues",
  "manage-themes",
  "adjudicate",
  "manage-users",
  "manage-own-keys",
  "manage-system-keys",
  "ingest",
  "manage-projects",
  "delete-traces",
] as const;
export type Action = (typeof actions)[number];

// SPEC "People and roles": admin ⊃ lead ⊃ reviewer ⊃ viewer.
const grants: Record<Role, readonly Action[]> = {
  VIEWER: ["read"],
  REVIEWER: ["read", "write-note", "annotate", "manage-own-keys", "ingest"],
  LEAD: [
    "read", "write-note", "annotate", "manage-own-keys", "ingest",
    "manage-rubrics", "manage-queues", "manage-themes", "adjudicate", "overwrite-others",
    "manage-projects", "delete-traces",
  ],
  ADMIN: actions,
};

const describe: Record<Action, string> = {
  read: "read",
  "write-note": "write notes",
  annotate: "annotate",
  "overwrite-others": "change another reviewer's annotations",
  "manage-rubrics": "manage rubrics",
  "manage-queues": "manage queues",
  "manage-themes": "manage themes",
  adjudicate: "adjudicate",
  "manage-users": "manage users",
  "manage-own-keys": "manage API keys",
  "manage-system-keys": "manage system API keys",
  ingest: "send traces",
  "manage-projects": "create, change or delete projects",
  "delete-traces": "delete traces, spans or sessions",
};

export function can(actor: Actor | null, action: Action): boolean {
  return actor !== null && grants[actor.role].includes(action);
}

/** The one authorization check: every server action and route handler calls it. */
export function authorize(actor: Actor | null, action: Action): asserts actor is Actor {
  if (!actor) throw new UnauthorizedError();
  if (!can(actor, action)) {
    throw new ForbiddenError(`Your role (${actor.role.toLowerCase()}) may not ${describe[action]}.`);
  }
}

export const reviewerIdentifier = (userId: string) => `px-app:${userId}`;
