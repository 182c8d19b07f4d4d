"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { DistributionBar, RubricSummary } from "@/lib/dashboards/dashboard-types";
import type { AnnotatorKind } from "@/lib/generated/prisma/enums";
import { axisLabel, axisLine, axisTick, gridStroke, kindColor, kindName, legendStyle, percent, tooltipStyle } from "./chart-style";

/**
 * Label counts or the score histogram, one bar per annotator kind side by side.
 * Bars show each kind's share (humans usually give many more values than a
 * judge), the tooltip the counts.
 */
export function DistributionChart({ rubric, bars, labels }: { rubric: RubricSummary; bars: DistributionBar[]; labels: string[] }) {
  const kinds = [...new Set(bars.map((b) => b.annotatorKind))].sort() as AnnotatorKind[];
  const totals = new Map<AnnotatorKind, number>();
  for (const bar of bars) totals.set(bar.annotatorKind, (totals.get(bar.annotatorKind) ?? 0) + bar.count);
  const keys = rubric.type === "CATEGORICAL"
    ? labels
    : [...new Map([...bars].sort((a, b) => (a.binStart ?? 0) - (b.binStart ?? 0)).map((b) => [b.key, b])).keys()];
  const data = keys.map((key) => {
    const row: Record<string, string | number> = { key };
    for (const kind of kinds) {
      const count = bars.find((b) => b.key === key && b.annotatorKind === kind)?.count ?? 0;
      row[kind] = count / (totals.get(kind) || 1);
      row[`${kind}_n`] = count;
    }
    return row;
  });
  // The share axis ends at the next tenth above the tallest bar, ticked in round steps.
  const tallest = Math.max(0, ...data.flatMap((row) => kinds.map((kind) => Number(row[kind]))));
  const top = Math.min(1, Math.max(0.1, Math.ceil(tallest * 10) / 10));
  const step = top <= 0.5 ? 0.1 : 0.2;
  const ticks = Array.from({ length: Math.floor(top / step + 1e-9) + 1 }, (_, i) => Math.round(i * step * 10) / 10);
  if (ticks[ticks.length - 1] < top) ticks.push(top);
  return (
    <BarChart responsive style={{ width: "100%", height: 240 }} data={data} margin={{ top: 8, right: 12, bottom: 16, left: 4 }}>
      <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="key" tick={axisTick} axisLine={axisLine} tickLine={axisLine} label={axisLabel(rubric.type === "CATEGORICAL" ? "Label" : "Score")} />
      <YAxis domain={[0, top]} ticks={ticks} tickFormatter={percent} tick={axisTick} axisLine={axisLine} tickLine={axisLine} width={48} label={axisLabel("Share of values", -90)} />
      <Tooltip
        {...tooltipStyle}
        formatter={(value, name, item) => [`${percent(Number(value))} (${(item.payload as Record<string, number>)[`${String(item.dataKey)}_n`]})`, name]}
      />
      <Legend wrapperStyle={legendStyle} verticalAlign="top" itemSorter={null} />
      {kinds.map((kind) => (
        <Bar key={kind} dataKey={kind} name={kindName[kind]} fill={kindColor[kind]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
