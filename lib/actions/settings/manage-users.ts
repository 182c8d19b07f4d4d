"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { currentActor } from "@/lib/auth/current-actor";
import { changeRole, createUser, newUserSchema, roles, setUserActive } from "@/lib/auth/users";

export async function createUserAction(_: ActionState, form: FormData): Promise<ActionState> {
  const parsed = newUserSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const user = await createUser(await currentActor(), parsed.data);
    revalidatePath("/settings/users");
    return { status: "success", message: `Created ${user.name} (${user.role.toLowerCase()}).` };
  } catch (error) {
    return failure(error);
  }
}

const roleChangeSchema = z.object({ userId: z.uuid(), role: z.enum(roles) });

export async function changeRoleAction(_: ActionState, form: FormData): Promise<ActionState> {
  const parsed = roleChangeSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const user = await changeRole(await currentActor(), parsed.data.userId, parsed.data.role);
    revalidatePath("/settings/users");
    return { status: "success", message: `${user.name} is now ${user.role.toLowerCase()}.` };
  } catch (error) {
    return failure(error);
  }
}

const activeSchema = z.object({ userId: z.uuid(), active: z.enum(["true", "false"]) });

export async function setUserActiveAction(_: ActionState, form: FormData): Promise<ActionState> {
  const parsed = activeSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const user = await setUserActive(await currentActor(), parsed.data.userId, parsed.data.active === "true");
    revalidatePath("/settings/users");
    return { status: "success", message: `${user.name} is ${user.deactivatedAt ? "deactivated" : "active"}.` };
  } catch (error) {
    return failure(error);
  }
}
