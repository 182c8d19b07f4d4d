import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { BlindReviewForm } from "@/components/projects/blind-review-form";
import { requirePageActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { findProjectByName } from "@/lib/projects/projects";
import { reviewRubricsForProject } from "@/lib/review/project-rubrics";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectName: string }> }) {
  const actor = await requirePageActor();
  if (!can(actor, "manage-rubrics")) forbidden();
  const project = await findProjectByName(decodeURIComponent((await params).projectName));
  if (!project) notFound();
  const rubrics = await reviewRubricsForProject(project.id);
  return (
    <div className="mx-auto max-w-3xl space-y-8 px-4 py-6">
      <section>
        <h2 className="text-base font-semibold">Blind review</h2>
        <div className="mt-2">
          <BlindReviewForm projectId={project.id} blindReview={project.blindReview} />
        </div>
      </section>
      <section>
        <h2 className="text-base font-semibold">Rubrics used here</h2>
        <p className="mt-1 text-sm text-zinc-600">
          {rubrics.length ? rubrics.map((r) => r.name).join(", ") : "None yet."}{" "}
          <Link href="/rubrics" className="text-indigo-700 hover:underline">Manage rubrics</Link>
        </p>
        <Link
          href={`/rubrics/new?${new URLSearchParams({ project: project.name })}`}
          className="mt-3 inline-block rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
        >
          New rubric for this project
        </Link>
      </section>
    </div>
  );
}
