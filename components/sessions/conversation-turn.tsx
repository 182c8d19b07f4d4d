import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDateTime, formatDuration, formatNumber } from "@/lib/format";
import type { SessionTurn } from "@/lib/sessions/sessions";
import { paths } from "@/lib/url";

export function ConversationTurn({ projectName, turn, index }: { projectName: string; turn: SessionTurn; index: number }) {
  return (
    <li className="rounded-lg border border-zinc-200 bg-white" aria-label={`Turn ${index + 1}`}>
      <div className="flex flex-wrap items-center gap-3 border-b border-zinc-100 px-4 py-2 text-xs text-zinc-500">
        <span className="font-medium text-zinc-800">Turn {index + 1}</span>
        <span className="font-mono">{formatDateTime(turn.startTime)}</span>
        <span>{formatDuration(turn.latencyMs)}</span>
        {turn.totalTokens ? <span>{formatNumber(turn.totalTokens)} tokens</span> : null}
        <StatusBadge status={turn.statusCode} />
        <Link href={paths.trace(projectName, turn.traceId)} className="ml-auto font-medium text-indigo-700 hover:underline">
          Open trace →
        </Link>
      </div>
      <div className="space-y-3 p-4">
        <div className="flex justify-end">
          <p className="max-w-[75%] whitespace-pre-wrap rounded-2xl rounded-br-sm bg-indigo-600 px-4 py-2 text-white">
            <span className="sr-only">User: </span>
            {turn.input ?? "(no input)"}
          </p>
        </div>
        <div className="flex justify-start">
          <p className="max-w-[75%] whitespace-pre-wrap rounded-2xl rounded-bl-sm bg-zinc-100 px-4 py-2 text-zinc-900">
            <span className="sr-only">Assistant: </span>
            {turn.output ?? "(no output)"}
          </p>
        </div>
      </div>
    </li>
  );
}
