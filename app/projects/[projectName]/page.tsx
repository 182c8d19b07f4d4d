import { redirect } from "next/navigation";

export default async function ProjectPage({ params }: { params: Promise<{ projectName: string }> }) {
  const { projectName } = await params;
  redirect(`/projects/${projectName}/traces`);
}
