import Link from "next/link";
import { signOutAction } from "@/lib/actions/auth/sign-out";
import type { Actor } from "@/lib/auth/permissions";

export function UserMenu({ actor }: { actor: Actor | null }) {
  if (!actor) return null;
  return (
    <div className="ml-auto flex items-center gap-3 text-sm">
      {actor.kind === "local" ? (
        <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900" title="AUTH_DISABLED=1: everyone acts as the local admin">
          Auth disabled · local admin
        </span>
      ) : null}
      <Link href="/settings" className="text-zinc-700 hover:text-zinc-900">
        {actor.name} <span className="text-xs text-zinc-400">({actor.role.toLowerCase()})</span>
      </Link>
      {actor.kind === "user" ? (
        <form action={signOutAction}>
          <button type="submit" className="text-zinc-500 hover:text-zinc-900">
            Sign out
          </button>
        </form>
      ) : null}
    </div>
  );
}
