"use client";

import { useActionState } from "react";
import { revokeApiKeyAction } from "@/lib/actions/settings/manage-api-keys";
import { idle } from "@/lib/actions/action-state";

export function RevokeKeyButton({ keyId, name }: { keyId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiKeyAction, idle);
  return (
    <form action={action} className="text-right">
      <input type="hidden" name="keyId" value={keyId} />
      <button type="submit" disabled={pending} className="h-7 rounded border border-red-200 px-2 text-xs text-red-700 hover:bg-red-50">
        Revoke<span className="sr-only"> {name}</span>
      </button>
      {state.status === "error" ? <p role="alert" className="text-xs text-red-600">{state.message}</p> : null}
    </form>
  );
}
