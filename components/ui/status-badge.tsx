import type { StatusCode } from "@/lib/generated/prisma/enums";

export function StatusBadge({ status }: { status: StatusCode }) {
  if (status === "ERROR") {
    return (
      <span className="inline-flex items-center gap-1 text-xs font-medium text-red-700">
        <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-red-600" />
        Error
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1 text-xs text-zinc-500">
      <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${status === "OK" ? "bg-emerald-500" : "bg-zinc-300"}`} />
      {status === "OK" ? "OK" : "Unset"}
    </span>
  );
}
