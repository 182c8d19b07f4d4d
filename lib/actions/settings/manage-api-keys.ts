"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInput, type ActionState } from "@/lib/actions/action-state";
import { createApiKey, newApiKeySchema, revokeApiKey } from "@/lib/auth/api-keys";
import { currentActor } from "@/lib/auth/current-actor";

const formSchema = newApiKeySchema.extend({ system: z.literal("on").optional().transform((v) => v === "on") });

export async function createApiKeyAction(_: ActionState<string>, form: FormData): Promise<ActionState<string>> {
  const parsed = formSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const { secret, key } = await createApiKey(await currentActor(), parsed.data);
    revalidatePath("/settings/api-keys");
    return { status: "success", message: `Created key "${key.name}". Copy it now: it is not shown again.`, data: secret };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeApiKeyAction(_: ActionState, form: FormData): Promise<ActionState> {
  const parsed = z.object({ keyId: z.uuid() }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await revokeApiKey(await currentActor(), parsed.data.keyId);
    revalidatePath("/settings/api-keys");
    return { status: "success", message: "Key revoked." };
  } catch (error) {
    return failure(error);
  }
}
