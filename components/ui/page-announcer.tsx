"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

// A status line that belongs to the page, not to the row that caused it: when an
// action removes its own row (deleting a rubric), a message rendered inside the
// row would unmount with it before anyone could read it.
const AnnounceContext = createContext<(message: string | null) => void>(() => {});

export function PageAnnouncer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <AnnounceContext.Provider value={setMessage}>
      <p role="status" aria-live="polite" className={message ? "mb-3 rounded border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-700" : "sr-only"}>
        {message}
      </p>
      {children}
    </AnnounceContext.Provider>
  );
}

export function useAnnounce() {
  return useContext(AnnounceContext);
}
