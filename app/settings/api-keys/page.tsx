import type { Metadata } from "next";
import { ListTable } from "@/components/ui/list-table";
import { forbidden } from "next/navigation";
import { CreateApiKeyForm } from "@/components/settings/create-api-key-form";
import { RevokeKeyButton } from "@/components/settings/revoke-key-button";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";

const keyColumns = [{ label: "Name" }, { label: "Key" }, { label: "Owner" }, { label: "Created" }, { label: "Last used" }, { label: "" }];

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
          <ListTable columns={keyColumns}>
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
              </ListTable>
        )}
      </section>
    </div>
  );
}
