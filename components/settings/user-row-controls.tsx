"use client";

import { useActionState } from "react";
import { changeRoleAction, setUserActiveAction } from "@/lib/actions/settings/manage-users";
import { idle } from "@/lib/actions/action-state";
import { roles } from "@/lib/auth/roles";

type Props = { userId: string; name: string; role: string; active: boolean; isSelf: boolean };

export function UserRowControls({ userId, name, role, active, isSelf }: Props) {
  const [roleState, changeRole, rolePending] = useActionState(changeRoleAction, idle);
  const [activeState, setActive, activePending] = useActionState(setUserActiveAction, idle);
  const error = [roleState, activeState].find((s) => s.status === "error");
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <form action={changeRole} className="flex items-center gap-1">
        <input type="hidden" name="userId" value={userId} />
        <select name="role" defaultValue={role} aria-label={`Role of ${name}`} className="h-7 rounded border border-zinc-300 bg-white px-1.5 text-xs">
          {roles.map((r) => (
            <option key={r} value={r}>
              {r.toLowerCase()}
            </option>
          ))}
        </select>
        <button type="submit" disabled={rolePending} className="h-7 rounded border border-zinc-300 px-2 text-xs hover:bg-zinc-50">
          Save role
        </button>
      </form>
      {isSelf ? null : (
        <form action={setActive}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value={active ? "false" : "true"} />
          <button type="submit" disabled={activePending} className="h-7 rounded border border-zinc-300 px-2 text-xs hover:bg-zinc-50">
            {active ? `Deactivate` : `Reactivate`}
            <span className="sr-only"> {name}</span>
          </button>
        </form>
      )}
      {error && error.status === "error" ? (
        <p role="alert" className="w-full text-right text-xs text-red-600">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
