"use server";

import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { changeOwnPassword } from "@/lib/auth/users";

const schema = z
  .object({ current: z.string().min(1, "is required"), next: z.string(), confirm: z.string() })
  .refine((v) => v.next === v.confirm, { message: "does not match the new password", path: ["confirm"] });

export async function changePasswordAction(_: ActionState, form: FormData): Promise<ActionState> {
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await changeOwnPassword(await currentActor(), parsed.data.current, parsed.data.next);
    return { status: "success", message: "Password changed." };
  } catch (error) {
    return failure(error);
  }
}
