"use client";

import { useState } from "react";
import type { ThemeRef } from "@/lib/themes/theme-types";
import { buttonClass } from "./modal";
import { PromoteDialog } from "./promote-dialog";

export function PromoteButton({ projectId, theme }: { projectId: number; theme: ThemeRef }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className={buttonClass.secondary}>
        Promote to rubric…
      </button>
      <PromoteDialog projectId={projectId} themes={[theme]} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
