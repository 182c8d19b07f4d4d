import { z } from "zod";
import { prisma } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { forgetRecentKeys } from "./api-keys";
import { authorize, type Actor } from "./permissions";
import { hashPassword, verifyPassword } from "./secrets";

export { roles } from "./roles";
import { roles } from "./roles";

export const passwordSchema = z.string().min(10, "must be at least 10 characters").max(200);
export const newUserSchema = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  email: z.email("must be an email address").trim().toLowerCase(),
  password: passwordSchema,
  role: z.enum(roles).default("REVIEWER"),
});
export type NewUser = z.input<typeof newUserSchema>;

export type UserRow = { id: string; name: string; email: string; role: Role; deactivatedAt: Date | null; createdAt: Date };
const userSelect = { id: true, name: true, email: true, role: true, deactivatedAt: true, createdAt: true } as const;

export async function countUsers(): Promise<number> {
  return prisma.user.count();
}

async function insertUser(input: NewUser, db: Pick<typeof prisma, "user"> = prisma): Promise<UserRow> {
  const data = newUserSchema.parse(input);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw new ConflictError(`A user with email ${data.email} already exists.`);
  return db.user.create({
    data: { name: data.name, email: data.email, role: data.role, passwordHash: await hashPassword(data.password) },
    select: userSelect,
  });
}

/** First run: the first visitor becomes admin, only while no user exists. */
export async function createFirstAdmin(input: Omit<NewUser, "role">): Promise<UserRow> {
  return prisma.$transaction(async (tx) => {
    // Serialise concurrent first-run submissions: only one can see zero users.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(727001)`;
    if ((await tx.user.count()) > 0) throw new ConflictError("Marginalia is already set up: sign in instead.");
    return insertUser({ ...input, role: "ADMIN" }, tx);
  });
}

export async function createUser(actor: Actor | null, input: NewUser): Promise<UserRow> {
  authorize(actor, "manage-users");
  return insertUser(input);
}

export async function listUsers(actor: Actor | null): Promise<UserRow[]> {
  authorize(actor, "manage-users");
  return prisma.user.findMany({ select: userSelect, orderBy: [{ deactivatedAt: { sort: "desc", nulls: "first" } }, { name: "asc" }] });
}

async function assertAnotherAdminRemains(userId: string) {
  const admins = await prisma.user.count({ where: { role: "ADMIN", deactivatedAt: null, id: { not: userId } } });
  if (admins === 0) throw new ValidationError("Marginalia needs at least one active admin.");
}

export async function changeRole(actor: Actor | null, userId: string, role: Role): Promise<UserRow> {
  authorize(actor, "manage-users");
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw new NotFoundError(`User ${userId} does not exist.`);
  if (user.role === "ADMIN" && role !== "ADMIN") await assertAnotherAdminRemains(userId);
  const updated = await prisma.user.update({ where: { id: userId }, data: { role }, select: userSelect });
  forgetRecentKeys();
  return updated;
}

/** Deactivated users cannot sign in or use keys; their annotations stay, attributed. */
export async function setUserActive(actor: Actor | null, userId: string, active: boolean): Promise<UserRow> {
  authorize(actor, "manage-users");
  if (!active) await assertAnotherAdminRemains(userId);
  const user = await prisma.user
    .update({ where: { id: userId }, data: { deactivatedAt: active ? null : new Date() }, select: userSelect })
    .catch(() => null);
  if (!user) throw new NotFoundError(`User ${userId} does not exist.`);
  if (!active) await prisma.authSession.deleteMany({ where: { userId } });
  forgetRecentKeys();
  return user;
}

export async function changeOwnPassword(actor: Actor | null, current: string, next: string): Promise<void> {
  authorize(actor, "read");
  if (!actor.userId) throw new ValidationError("This account has no password.");
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(current, user.passwordHash))) {
    throw new ValidationError("Current password is wrong.", { current: ["is wrong"] });
  }
  const parsed = passwordSchema.safeParse(next);
  if (!parsed.success) throw new ValidationError(`New password ${parsed.error.issues[0].message}.`, { next: [parsed.error.issues[0].message] });
  await prisma.user.update({ where: { id: actor.userId }, data: { passwordHash: await hashPassword(next) } });
}
