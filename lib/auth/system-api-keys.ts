import { z } from "zod";
import { storableText } from "@/lib/api/storable-text";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createApiKey, forgetRecentKeys } from "./api-keys";
import { authorize, type Actor } from "./permissions";

// Phoenix's system API keys (GET/POST /v1/system/api_keys, DELETE …/{id}) mapped
// onto ours: a key without an owner. Phoenix's system keys act as its system
// user, an admin, so ours made here act as ADMIN (the Settings page lets an
// admin pick a smaller role). Keys have no expiry and no description column:
// a description is accepted and not kept, an expiry is refused (revoke instead).
export const newSystemKeySchema = z.object({
  data: z.object({
    name: z.string().trim().min(1).max(100).check(storableText),
    description: z.string().max(10_000).nullish(),
    expires_at: z.null({ error: "is not supported: keys do not expire here, revoke the key instead" }).optional(),
  }),
});

export type SystemKey = { id: string; name: string; createdAt: Date };

const select = { id: true, name: true, createdAt: true } as const;

/** The system keys still in force (revoked ones are Phoenix's deleted ones). */
export async function listSystemApiKeys(actor: Actor | null): Promise<SystemKey[]> {
  authorize(actor, "manage-system-keys");
  return prisma.apiKey.findMany({ where: { userId: null, revokedAt: null }, select, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

/** The secret is returned once; only its hash is kept. */
export async function createSystemApiKey(
  actor: Actor | null,
  input: z.input<typeof newSystemKeySchema>,
): Promise<{ secret: string; key: SystemKey }> {
  authorize(actor, "manage-system-keys");
  const { data } = newSystemKeySchema.parse(input);
  const { secret, key } = await createApiKey(actor, { name: data.name, system: true, role: "ADMIN" });
  return { secret, key: { id: key.id, name: key.name, createdAt: key.createdAt } };
}

/** Revokes a system key: a user's key by the same id is not one (404). */
export async function revokeSystemApiKey(actor: Actor | null, keyId: string): Promise<void> {
  authorize(actor, "manage-system-keys");
  const { count } = await prisma.apiKey.updateMany({
    where: { id: keyId, userId: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new NotFoundError(`System API key ${keyId} does not exist.`);
  forgetRecentKeys();
}
