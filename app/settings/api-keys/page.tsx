import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { RevokeKeyButton } from "@/components/settings/revoke-key-button";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const actor = await requirePageActor();
  if (!can(actor, "manage-own-keys")) forbidden();
  const keys = await listApiKeys(actor);
  return (
    <div className="space-y-8">
      <section>
        <h2 className="text-lg font-semibold">API keys</h2>
        <p className="mt-1 text-sm text-zinc-500">
          Keys act as you over the REST API (Phoenix clients send them as <code className="font-mono">PHOENIX_API_KEY</code>).
        </p>
        <div className="mt-4">
          <CreateApiKeyForm allowSystem={can(actor, "manage-system-keys")} />
        </div>
      </section>
      <section>
        {keys.length === 0 ? (
          <p className="text-sm text-zinc-500">No keys yet.</p>
        ) : (
          <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
                <tr>
                  <th className="px-3 py-2 font-medium">Name</th>
                  <th className="px-3 py-2 font-medium">Key</th>
                  <th className="px-3 py-2 font-medium">Owner</th>
                  <th className="px-3 py-2 font-medium">Created</th>
                  <th className="px-3 py-2 font-medium">Last used</th>
                  <th className="px-3 py-2" />
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {keys.map((key) => (
                  <tr key={key.id} className={key.revokedAt ? "text-zinc-400" : undefined}>
                    <td className="px-3 py-2 font-medium">{key.name}</td>
                    <td className="px-3 py-2 font-mono text-xs">{key.prefix}…</td>
                    <td className="px-3 py-2">{key.owner ? key.owner.name : `system (${key.role.toLowerCase()})`}</td>
                    <td className="px-3 py-2 font-mono text-xs">{formatDateTime(key.createdAt)}</td>
                    <td className="px-3 py-2 font-mono text-xs">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "never"}</td>
                    <td className="px-3 py-2">
                      {key.revokedAt ? <span className="text-xs">revoked</span> : <RevokeKeyButton keyId={key.id} name={key.name} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
