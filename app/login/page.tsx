import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentActor } from "@/lib/auth/current-actor";
import { countUsers } from "@/lib/auth/users";
import { safeRedirectPath } from "@/lib/safe-redirect-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // Only a path on this site survives: `?next=//host` would send the browser away.
  const next = safeRedirectPath((await searchParams).next);
  if (await currentActor()) redirect(next);
  if ((await countUsers()) === 0) redirect("/setup");
  return (
    <AuthCard title="Sign in to Marginalia">
      <SignInForm next={next === "/" ? undefined : next} />
    </AuthCard>
  );
}
