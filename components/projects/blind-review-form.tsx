"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/field";
import { idle } from "@/lib/actions/action-state";
import { setBlindReviewAction } from "@/lib/actions/projects/set-blind-review";

export function BlindReviewForm({ projectId, blindReview }: { projectId: number; blindReview: boolean }) {
  const [state, action, pending] = useActionState(setBlindReviewAction, idle);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="blindReview" value={blindReview ? "off" : "on"} />
      <p className="text-sm text-zinc-700">
        Blind review is <strong>{blindReview ? "on" : "off"}</strong>: {blindReview ? "reviewers see others' labels only after submitting their own." : "reviewers see everyone's labels."}
      </p>
      <button type="submit" disabled={pending} className="h-8 rounded border border-zinc-300 bg-white px-3 text-sm hover:bg-zinc-50">
        {blindReview ? "Turn blind review off" : "Turn blind review on"}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
