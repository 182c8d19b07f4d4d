import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { FirstAdminForm } from "@/components/auth/first-admin-form";
import { countUsers } from "@/lib/auth/users";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if ((await countUsers()) > 0) redirect("/login");
  return (
    <AuthCard title="Welcome to Marginalia" subtitle="No one has signed up yet. Create the admin account: you can invite reviewers next.">
      <FirstAdminForm />
    </AuthCard>
  );
}
