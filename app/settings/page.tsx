import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { requirePageActor } from "@/lib/auth/current-actor";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const actor = await requirePageActor();
  return (
    <div className="space-y-8">
      <section>
        <h2 className="text-lg font-semibold">Profile</h2>
        <dl className="mt-3 grid max-w-md grid-cols-[8rem_1fr] gap-y-1.5 text-sm">
          <dt className="text-zinc-500">Name</dt>
          <dd>{actor.name}</dd>
          <dt className="text-zinc-500">Email</dt>
          <dd>{actor.email}</dd>
          <dt className="text-zinc-500">Role</dt>
          <dd className="capitalize">{actor.role.toLowerCase()}</dd>
          <dt className="text-zinc-500">Reviewer id</dt>
          <dd className="font-mono text-xs">{actor.identifier}</dd>
        </dl>
      </section>
      {actor.kind === "user" ? (
        <section>
          <h2 className="text-base font-semibold">Change password</h2>
          <div className="mt-3">
            <ChangePasswordForm />
          </div>
        </section>
      ) : null}
    </div>
  );
}
