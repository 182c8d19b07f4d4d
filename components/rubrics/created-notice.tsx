"use client";

import { useEffect } from "react";

// Says once what creating the rubric did, then drops `?created` from the
// address so a reload or a shared link does not announce it again.
export function CreatedNotice({ message }: { message: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete("created");
    window.history.replaceState(window.history.state, "", url);
  }, []);
  return (
    <p role="status" className="mb-4 rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {message}
    </p>
  );
}
