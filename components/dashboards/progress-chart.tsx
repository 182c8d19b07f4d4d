"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { ProgressPoint } from "@/lib/dashboards/dashboard-types";
import { axisLabel, axisLine, axisTick, gridStroke, legendStyle, paletteColor, tooltipStyle } from "./chart-style";

const MAX_REVIEWERS = 7;

/** Annotations per reviewer per bucket, stacked; past the seven busiest reviewers the rest are one "Others" series. */
export function ProgressChart({ rows, bucketName }: { rows: ProgressPoint[]; bucketName: string }) {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.reviewer, (totals.get(r.reviewer) ?? 0) + r.count);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const shown = ranked.slice(0, MAX_REVIEWERS);
  const series = ranked.length > MAX_REVIEWERS ? [...shown, "Others"] : shown;
  const byBucket = new Map<string, Record<string, string | number>>();
  for (const r of rows) {
    const row = byBucket.get(r.bucket) ?? { bucket: r.bucket, ...Object.fromEntries(series.map((s) => [s, 0])) };
    const name = shown.includes(r.reviewer) ? r.reviewer : "Others";
    row[name] = Number(row[name]) + r.count;
    byBucket.set(r.bucket, row);
  }
  const data = [...byBucket.values()].sort((a, b) => String(a.bucket).localeCompare(String(b.bucket)));
  return (
    <BarChart responsive style={{ width: "100%", height: 260 }} data={data} margin={{ top: 8, right: 12, bottom: 16, left: 4 }}>
      <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="bucket" tick={axisTick} axisLine={axisLine} tickLine={axisLine} label={axisLabel(bucketName)} />
      <YAxis allowDecimals={false} tick={axisTick} axisLine={axisLine} tickLine={axisLine} width={48} label={axisLabel("Annotations", -90)} />
      <Tooltip {...tooltipStyle} />
      <Legend wrapperStyle={legendStyle} verticalAlign="top" itemSorter={null} />
      {series.map((name, index) => (
        <Bar key={name} dataKey={name} name={name} stackId="reviewers" fill={paletteColor(index)} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
