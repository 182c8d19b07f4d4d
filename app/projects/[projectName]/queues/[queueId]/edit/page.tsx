import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { dateOnly } from "@/components/queues/fetch-json";
import { QueueForm } from "@/components/queues/queue-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { listReviewerChoices } from "@/lib/auth/reviewer-choices";
import { reviewRubricsForProject } from "@/lib/review/project-rubrics";
import { paths } from "@/lib/url";
import { loadQueueFromParams } from "../load-queue";

export const metadata: Metadata = { title: "Queue settings" };

export default async function EditQueuePage({ params }: { params: Promise<{ projectName: string; queueId: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor, "manage-queues")) forbidden();
  const { project, queue } = await loadQueueFromParams(actor, await params);
  const [rubrics, reviewers] = await Promise.all([reviewRubricsForProject(project.id), listReviewerChoices(actor)]);
  // The queue's own rubrics stay choosable even if they no longer apply to its kind.
  const choosable = rubrics.filter((rubric) => rubric.targets.includes(queue.targetKind) || queue.rubrics.some((own) => own.id === rubric.id));
  return (
    <div className="mx-auto max-w-5xl space-y-4 px-4 py-4">
      <Link href={paths.queue(project.name, queue.id)} className="text-xs text-zinc-500 hover:text-zinc-800">
        ← {queue.name}
      </Link>
      <PageHeader title="Queue settings" description="Reviewers removed from the queue lose the items they hold; their finished reviews stay." />
      <QueueForm
        projectName={project.name}
        targetKind={queue.targetKind}
        mode={{ kind: "edit", queueId: queue.id }}
        rubrics={choosable.map(({ id: rubricId, name, type, description }) => ({ id: rubricId, name, type, description }))}
        reviewers={reviewers}
        initial={{
          name: queue.name,
          instructions: queue.instructions,
          rubricIds: queue.rubrics.map((rubric) => rubric.id),
          reviewerIds: queue.openToAllReviewers ? null : queue.reviewers.map((reviewer) => reviewer.id),
          reviewsNeeded: queue.reviewsNeeded,
          claimTimeoutMinutes: Math.round(queue.claimTimeoutSeconds / 60),
          dueDate: dateOnly(queue.dueAt) ?? "",
        }}
      />
    </div>
  );
}
