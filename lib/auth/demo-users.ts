import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "./secrets";

// Demo accounts for the embedded demo database (listed in the README).
export const DEMO_PASSWORD = "marginalia-demo";
export const demoUsers: { name: string; email: string; role: Role }[] = [
  { name: "Ada Admin", email: "admin@example.com", role: "ADMIN" },
  { name: "Lee Lead", email: "lead@example.com", role: "LEAD" },
  { name: "Rae Reviewer", email: "reviewer@example.com", role: "REVIEWER" },
  { name: "Rob Reviewer", email: "reviewer2@example.com", role: "REVIEWER" },
  { name: "Vic Viewer", email: "viewer@example.com", role: "VIEWER" },
];

export async function seedDemoUsers(db = prisma): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of demoUsers) {
    await db.user.upsert({ where: { email: user.email }, create: { ...user, passwordHash }, update: {} });
  }
}
