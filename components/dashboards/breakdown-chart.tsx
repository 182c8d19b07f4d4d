"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { BreakdownRow, RubricSummary } from "@/lib/dashboards/dashboard-types";
import { axisLabel, axisLine, axisTick, decimal, gridStroke, legendStyle, paletteColor, tooltipStyle } from "./chart-style";

/** A rubric by span kind or root span name: label counts stacked, or the mean score (largest groups first). */
export function BreakdownChart({ rubric, rows, labels, keyName }: { rubric: RubricSummary; rows: BreakdownRow[]; labels: string[]; keyName: string }) {
  const top = [...rows].sort((a, b) => b.count - a.count).slice(0, 12);
  const data = top.map((r) => ({ key: r.key, count: r.count, mean: r.mean, ...Object.fromEntries(labels.map((l) => [l, r.labels[l] ?? 0])) }));
  const continuous = rubric.type === "CONTINUOUS";
  return (
    <BarChart
      responsive
      layout="vertical"
      style={{ width: "100%", height: Math.max(120, 40 + top.length * 28) }}
      data={data}
      margin={{ top: 8, right: 16, bottom: 16, left: 4 }}
    >
      <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" tick={axisTick} axisLine={axisLine} tickLine={axisLine} label={axisLabel(continuous ? `Mean ${rubric.name}` : "Values")} />
      <YAxis type="category" dataKey="key" tick={axisTick} axisLine={axisLine} tickLine={axisLine} width={120} aria-label={keyName} />
      <Tooltip
        {...tooltipStyle}
        formatter={(value, name, item) =>
          continuous ? [`${decimal(Number(value))} (n = ${(item.payload as { count: number }).count})`, name] : [`${value}`, name]
        }
      />
      {continuous ? null : <Legend wrapperStyle={legendStyle} verticalAlign="top" itemSorter={null} />}
      {continuous ? (
        <Bar dataKey="mean" name="Mean" fill="var(--chart-1)" isAnimationActive={false} />
      ) : (
        labels.map((label, index) => <Bar key={label} dataKey={label} name={label} stackId="labels" fill={paletteColor(index)} isAnimationActive={false} />)
      )}
    </BarChart>
  );
}
