import type { SpanKind } from "@/lib/generated/prisma/enums";
import { spanKindStyle } from "./span-kind-style";

export function SpanKindBadge({ kind, className = "" }: { kind: SpanKind | null; className?: string }) {
  if (!kind) return null;
  return (
    <span
      className={`inline-flex shrink-0 items-center justify-center rounded px-1 py-px font-mono text-[10px] leading-4 font-medium ring-1 ring-inset ${spanKindStyle[kind].badge} ${className}`}
    >
      {kind}
    </span>
  );
}
