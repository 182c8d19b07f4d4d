import type { StatusCode } from "@/lib/generated/prisma/enums";

const styles: Record<StatusCode, string> = {
  OK: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  ERROR: "bg-red-50 text-red-700 ring-red-200",
  UNSET: "bg-zinc-100 text-zinc-600 ring-zinc-200",
};

export function StatusBadge({ status }: { status: StatusCode }) {
  return (
    <span className={`inline-flex items-center rounded px-1.5 py-px text-[11px] font-medium ring-1 ring-inset ${styles[status]}`}>
      {status === "ERROR" ? "error" : status === "OK" ? "ok" : "unset"}
    </span>
  );
}
