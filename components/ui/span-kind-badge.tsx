import type { SpanKind } from "@/lib/generated/prisma/enums";

const kindStyles: Record<SpanKind, string> = {
  LLM: "bg-violet-100 text-violet-800 ring-violet-200",
  CHAIN: "bg-sky-100 text-sky-800 ring-sky-200",
  RETRIEVER: "bg-amber-100 text-amber-800 ring-amber-200",
  TOOL: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  AGENT: "bg-rose-100 text-rose-800 ring-rose-200",
  EMBEDDING: "bg-teal-100 text-teal-800 ring-teal-200",
  RERANKER: "bg-orange-100 text-orange-800 ring-orange-200",
  GUARDRAIL: "bg-fuchsia-100 text-fuchsia-800 ring-fuchsia-200",
  EVALUATOR: "bg-lime-100 text-lime-800 ring-lime-200",
  UNKNOWN: "bg-zinc-100 text-zinc-700 ring-zinc-200",
};

export function SpanKindBadge({ kind }: { kind: SpanKind | null }) {
  if (!kind) return null;
  return (
    <span className={`inline-flex rounded px-1.5 py-px font-mono text-[10px] font-medium ring-1 ring-inset ${kindStyles[kind]}`}>
      {kind}
    </span>
  );
}
