"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, type ActionState } from "@/lib/actions/action-state";
import { clientAddress } from "@/lib/auth/client-address";
import { SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/current-actor";
import { signIn } from "@/lib/auth/sessions";
import { safeRedirectPath } from "@/lib/safe-redirect-path";

const signInSchema = z.object({
  email: z.string().trim().min(1, "is required"),
  password: z.string().min(1, "is required"),
  next: z.string().optional(),
});

export async function signInAction(_: ActionState, form: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { status: "error", message: "Enter your email and password." };
  const requestHeaders = await headers();
  try {
    const { token, expiresAt } = await signIn(parsed.data.email, parsed.data.password, {
      address: clientAddress(requestHeaders),
      userAgent: requestHeaders.get("user-agent") ?? undefined,
    });
    (await cookies()).set(SESSION_COOKIE, token, await sessionCookieOptions(expiresAt));
  } catch (error) {
    return failure(error);
  }
  // The form's `next` is the client's to change: only same-site paths.
  redirect(safeRedirectPath(parsed.data.next));
}
