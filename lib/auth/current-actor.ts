import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { authDisabled, localAdminActor } from "./local-mode";
import type { Actor } from "./permissions";
import { actorForSessionToken } from "./sessions";
import { countUsers } from "./users";

export const SESSION_COOKIE = "marginalia_session";

/** The signed-in browser user for this request (once per render), or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  if (authDisabled()) return localAdminActor();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return actorForSessionToken(token);
});

/** Pages call this: no session sends the visitor to sign in (or to first-run set-up). */
export async function requirePageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (actor) return actor;
  if ((await countUsers()) === 0) redirect("/setup");
  const path = (await headers()).get("x-pathname");
  redirect(path ? `/login?next=${encodeURIComponent(path)}` : "/login");
}

export async function sessionCookieOptions(expires: Date) {
  const proto = (await headers()).get("x-forwarded-proto");
  const secure = proto === "https" || process.env.COOKIE_SECURE === "1";
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", expires };
}
