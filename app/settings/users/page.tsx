import type { Metadata } from "next";
import { ListTable } from "@/components/ui/list-table";
import { forbidden } from "next/navigation";
import { CreateUserForm } from "@/components/settings/create-user-form";
import { UserRowControls } from "@/components/settings/user-row-controls";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/auth/users";
import { formatDateTime } from "@/lib/format";

const userColumns = [{ label: "Name" }, { label: "Role" }, { label: "Status" }, { label: "Since (UTC)" }, { label: "" }];

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor();
  if (!can(actor, "manage-users")) forbidden();
  const users = await listUsers(actor);
  return (
    <div className="space-y-8">
      <section>
        <h2 className="text-lg font-semibold">Users</h2>
        <div className="mt-3"><ListTable columns={userColumns}>
              {users.map((user) => (
                <tr key={user.id} className={user.deactivatedAt ? "text-zinc-400" : undefined}>
                  <td className="px-3 py-2">
                    <div className="font-medium">{user.name}</div>
                    <div className="text-xs text-zinc-500">{user.email}</div>
                  </td>
                  <td className="px-3 py-2 capitalize">{user.role.toLowerCase()}</td>
                  <td className="px-3 py-2">{user.deactivatedAt ? "Deactivated" : "Active"}</td>
                  <td className="px-3 py-2 font-mono text-xs">{formatDateTime(user.createdAt)}</td>
                  <td className="px-3 py-2">
                    <UserRowControls userId={user.id} name={user.name} role={user.role} active={!user.deactivatedAt} isSelf={user.id === actor.userId} />
                  </td>
                </tr>
              ))}
            </ListTable></div>
      </section>
      <section>
        <h2 className="text-base font-semibold">Add a user</h2>
        <div className="mt-3">
          <CreateUserForm />
        </div>
      </section>
    </div>
  );
}
