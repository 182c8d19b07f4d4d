import { prisma } from "@/lib/db";
import type { Actor } from "./permissions";
import { actorForUser } from "./sessions";

// AUTH_DISABLED=1: one local user, like Phoenix's default. Everything acts as a
// built-in admin whose writes are still attributed to a real user row.
export const authDisabled = () => process.env.AUTH_DISABLED === "1";

export const LOCAL_ADMIN_EMAIL = "local-admin@marginalia.invalid";

let localActor: Promise<Actor> | undefined;

export function localAdminActor(): Promise<Actor> {
  localActor ??= prisma.user
    .upsert({
      where: { email: LOCAL_ADMIN_EMAIL },
      create: { email: LOCAL_ADMIN_EMAIL, name: "Local admin", role: "ADMIN" },
      update: {},
      select: { id: true, name: true, email: true, role: true },
    })
    .then((user) => ({ ...actorForUser(user), kind: "local" as const }))
    .catch((error) => {
      localActor = undefined;
      throw error;
    });
  return localActor;
}
