"use client";

import { useEffect, useId, useRef } from "react";

// A modal dialog for the themes pages: focus moves into it, Escape or Cancel
// closes it and the browser returns focus to what opened it. Its content only
// mounts while open, so every opening starts from a fresh form.
export function Modal({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: React.ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby={titleId}
      className="m-auto w-full max-w-lg rounded-lg border border-zinc-200 bg-white p-5 text-left shadow-xl backdrop:bg-zinc-900/30"
    >
      <h2 id={titleId} className="text-base font-semibold text-zinc-900">
        {title}
      </h2>
      {open ? <div className="mt-3">{children}</div> : null}
    </dialog>
  );
}

export const buttonClass = {
  primary: "h-8 rounded bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50",
  secondary: "h-8 rounded border border-zinc-300 bg-white px-3 text-sm text-zinc-800 hover:bg-zinc-50 disabled:opacity-50",
  danger: "h-8 rounded bg-red-600 px-3 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-50",
};

export function DialogButtons({ onCancel, children }: { onCancel: () => void; children: React.ReactNode }) {
  return (
    <div className="mt-4 flex justify-end gap-2">
      <button type="button" onClick={onCancel} className={buttonClass.secondary}>
        Cancel
      </button>
      {children}
    </div>
  );
}
