import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/current-actor";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const links = [
    { href: "/settings", label: "Profile" },
    { href: "/settings/api-keys", label: "API keys" },
    ...(can(actor, "manage-users") ? [{ href: "/settings/users", label: "Users" }] : []),
  ];
  return (
    <div className="mx-auto flex max-w-5xl gap-8 px-4 py-6">
      <nav aria-label="Settings" className="w-40 shrink-0">
        <h1 className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">Settings</h1>
        <ul className="space-y-1">
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="block rounded px-2 py-1 text-zinc-700 hover:bg-zinc-100">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
