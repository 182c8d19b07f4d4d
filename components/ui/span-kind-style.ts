import type { SpanKind } from "@/lib/generated/prisma/enums";

// One colour per span kind, shared by badges and waterfall bars so a reviewer
// can read the tree by colour alone. Full class names, so Tailwind finds them.
export const spanKindStyle: Record<SpanKind, { badge: string; bar: string }> = {
  LLM: { badge: "bg-violet-50 text-violet-700 ring-violet-200", bar: "bg-violet-400" },
  CHAIN: { badge: "bg-sky-50 text-sky-700 ring-sky-200", bar: "bg-sky-400" },
  RETRIEVER: { badge: "bg-amber-50 text-amber-800 ring-amber-200", bar: "bg-amber-400" },
  TOOL: { badge: "bg-emerald-50 text-emerald-700 ring-emerald-200", bar: "bg-emerald-400" },
  AGENT: { badge: "bg-fuchsia-50 text-fuchsia-700 ring-fuchsia-200", bar: "bg-fuchsia-400" },
  EMBEDDING: { badge: "bg-cyan-50 text-cyan-700 ring-cyan-200", bar: "bg-cyan-400" },
  RERANKER: { badge: "bg-orange-50 text-orange-700 ring-orange-200", bar: "bg-orange-400" },
  GUARDRAIL: { badge: "bg-rose-50 text-rose-700 ring-rose-200", bar: "bg-rose-400" },
  EVALUATOR: { badge: "bg-teal-50 text-teal-700 ring-teal-200", bar: "bg-teal-400" },
  UNKNOWN: { badge: "bg-zinc-100 text-zinc-600 ring-zinc-200", bar: "bg-zinc-400" },
};
