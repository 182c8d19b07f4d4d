"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/current-actor";
import { openSession } from "@/lib/auth/sessions";
import { createFirstAdmin, newUserSchema } from "@/lib/auth/users";

const firstAdminSchema = newUserSchema.omit({ role: true });

export async function createFirstAdminAction(_: ActionState, form: FormData): Promise<ActionState> {
  const parsed = firstAdminSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const admin = await createFirstAdmin(parsed.data);
    const { token, expiresAt } = await openSession(admin.id, (await headers()).get("user-agent") ?? undefined);
    (await cookies()).set(SESSION_COOKIE, token, await sessionCookieOptions(expiresAt));
  } catch (error) {
    return failure(error);
  }
  redirect("/");
}
