import Link from "next/link";
import type { AgreementDashboard, DisagreementItem } from "@/lib/dashboards/dashboard-types";
import { formatNumber } from "@/lib/format";
import { paths } from "@/lib/url";

// Reviewer agreement on one rubric: Krippendorff's alpha over every annotator,
// Cohen's kappa per pair, and the items they disagree on, each linking to its
// trace or session and to adjudication. A server component: no state, links only.

const coefficient = (value: number) => value.toFixed(3);
const share = (value: number) => `${Math.round(value * 100)}%`;

/** Krippendorff (2004, §11.4): α ≥ .800 to rely on the data, ≥ .667 for tentative conclusions. */
function alphaVerdict(alpha: number): { text: string; tone: string } {
  if (alpha >= 0.8) return { text: "reliable", tone: "bg-emerald-100 text-emerald-800" };
  if (alpha >= 0.667) return { text: "tentative", tone: "bg-amber-100 text-amber-800" };
  return { text: "unreliable", tone: "bg-rose-100 text-rose-800" };
}

/** The target's page: its trace (a span or document selected) or its session. */
function targetHref(project: string, item: DisagreementItem): string | null {
  if (item.targetType === "SESSION") return paths.session(project, item.targetId);
  if (!item.traceId) return null;
  return paths.trace(project, item.traceId, item.targetType === "TRACE" ? undefined : item.targetId);
}

function targetName(item: DisagreementItem): string {
  const noun = { SESSION: "Session", TRACE: "Trace", SPAN: "Span", DOCUMENT: "Document" }[item.targetType] ?? item.targetType;
  return `${noun} ${item.targetId}${item.targetType === "DOCUMENT" ? ` #${item.documentPosition}` : ""}`;
}

export function AgreementPanel({ project, data, query }: { project: string; data: AgreementDashboard; query: string }) {
  const rubric = data.rubric;
  if (!rubric) {
    return (
      <section aria-labelledby="agreement-title" className="rounded-lg border border-zinc-200 bg-white p-4">
        <h2 id="agreement-title" className="font-medium text-zinc-900">Reviewer agreement</h2>
        <p className="mt-2 text-sm text-zinc-600">{data.reason}</p>
      </section>
    );
  }
  const adjudicateHref = paths.adjudicate(project, new URLSearchParams({
    rubric: rubric.name,
    ...(data.disagreementThreshold ? { threshold: String(data.disagreementThreshold) } : {}),
  }).toString());
  const verdict = data.alpha === null ? null : alphaVerdict(data.alpha);

  return (
    <section aria-labelledby="agreement-title" className="space-y-5 rounded-lg border border-zinc-200 bg-white p-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="agreement-title" className="font-medium text-zinc-900">
          Reviewer agreement · <span className="font-mono text-sm text-indigo-700">{rubric.name}</span>
        </h2>
        <Link href={paths.dashboardData(project, "agreement", query)} className="text-sm text-indigo-700 underline hover:text-indigo-900">
          Data (JSON)
        </Link>
      </header>

      <div>
        <h3 className="text-sm font-medium text-zinc-700">Krippendorff&apos;s alpha ({data.alphaLevel ?? "—"})</h3>
        {data.alpha !== null && verdict ? (
          <p className="mt-1 flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-mono text-3xl tabular-nums text-zinc-900" data-testid="agreement-alpha">{coefficient(data.alpha)}</span>
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${verdict.tone}`}>{verdict.text}</span>
            <span className="text-sm text-zinc-500">
              over {formatNumber(data.alphaItems)} items with 2 or more values ({formatNumber(data.alphaValues)} values, {data.annotators.length} annotators)
            </span>
          </p>
        ) : (
          <p className="mt-1 text-sm text-zinc-600" data-testid="agreement-alpha">
            No alpha: {data.reason}
            {data.alphaItems > 0 ? ` (${formatNumber(data.alphaItems)} items, ${formatNumber(data.alphaValues)} values)` : ""}.
          </p>
        )}
      </div>

      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="mb-1 text-left text-sm font-medium text-zinc-700">
            Cohen&apos;s kappa per pair of annotators{rubric.type === "CONTINUOUS" ? " (quadratic-weighted on scores)" : ""}
          </caption>
          <thead>
            <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500">
              <th scope="col" className="py-1 pr-3 font-medium">Annotator A</th>
              <th scope="col" className="py-1 pr-3 font-medium">Annotator B</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Items both rated</th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">Kappa</th>
              <th scope="col" className="py-1 text-right font-medium">Same value</th>
            </tr>
          </thead>
          <tbody>
            {data.pairs.length === 0 ? (
              <tr><td colSpan={5} className="py-2 text-zinc-500">Fewer than 2 annotators gave values.</td></tr>
            ) : data.pairs.map((pair) => (
              <tr key={`${pair.a}\n${pair.b}`} className="border-b border-zinc-100 last:border-0">
                <td className="py-1.5 pr-3 text-zinc-800">{pair.a}</td>
                <td className="py-1.5 pr-3 text-zinc-800">{pair.b}</td>
                <td className="py-1.5 pr-3 text-right tabular-nums text-zinc-700">{formatNumber(pair.items)}</td>
                {pair.kappa === null ? (
                  <td colSpan={pair.observedAgreement === null ? 2 : 1} className="py-1.5 pr-3 text-right text-zinc-500">{pair.reason}</td>
                ) : (
                  <td className="py-1.5 pr-3 text-right font-mono tabular-nums text-zinc-900">{coefficient(pair.kappa)}</td>
                )}
                {pair.observedAgreement === null ? null : (
                  <td className="py-1.5 text-right tabular-nums text-zinc-700">{share(pair.observedAgreement)}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 className="text-sm font-medium text-zinc-700">
            Disagreements{" "}
            <span className="font-normal text-zinc-500">
              {data.disagreementTotal > data.disagreements.length
                ? `(${data.disagreements.length} of ${formatNumber(data.disagreementTotal)}, ${rubric.type === "CONTINUOUS" ? "widest spread" : "most values"} first)`
                : `(${data.disagreementTotal})`}
              {data.disagreementThreshold !== null ? ` · scores more than ${data.disagreementThreshold} apart` : " · different labels"}
            </span>
          </h3>
          <Link href={adjudicateHref} className="text-sm text-indigo-700 underline hover:text-indigo-900">Resolve in adjudication</Link>
        </div>
        {data.disagreements.length === 0 ? (
          <p className="mt-1 text-sm text-zinc-500">No item where annotators disagree.</p>
        ) : (
          <ul className="mt-2 divide-y divide-zinc-100 rounded border border-zinc-200">
            {data.disagreements.map((item) => {
              const href = targetHref(project, item);
              const name = targetName(item);
              return (
                <li key={`${item.targetType}:${item.targetId}:${item.documentPosition}`} className="flex flex-wrap items-baseline justify-between gap-2 px-3 py-2">
                  {href ? (
                    <Link href={href} className="min-w-0 truncate font-mono text-xs text-indigo-700 underline hover:text-indigo-900">{name}</Link>
                  ) : (
                    <span className="min-w-0 truncate font-mono text-xs text-zinc-500">{name}</span>
                  )}
                  <span className="text-sm text-zinc-700">
                    {item.values.map((value, n) => (
                      <span key={`${value.annotator}-${n}`}>
                        {n > 0 ? <span className="text-zinc-400"> · </span> : null}
                        {value.annotator}{" "}
                        <span className="font-medium text-zinc-900">{value.label ?? (value.score === null ? "—" : formatNumber(value.score))}</span>
                      </span>
                    ))}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
