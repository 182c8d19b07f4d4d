"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { CoverageRow } from "@/lib/dashboards/dashboard-types";
import { axisLabel, axisLine, axisTick, gridStroke, percent, tooltipStyle } from "./chart-style";

const kindNames: Record<CoverageRow["targetKind"], string> = { TRACE: "Traces", SPAN: "Spans", SESSION: "Sessions" };

/** Share of traces, spans and sessions with at least one human annotation. */
export function CoverageChart({ rows }: { rows: CoverageRow[] }) {
  const data = rows.map((r) => ({ kind: kindNames[r.targetKind], share: r.total ? r.annotated / r.total : 0, annotated: r.annotated, total: r.total }));
  return (
    <BarChart responsive layout="vertical" style={{ width: "100%", height: 170 }} data={data} margin={{ top: 8, right: 16, bottom: 16, left: 4 }}>
      <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" domain={[0, 1]} tickFormatter={percent} tick={axisTick} axisLine={axisLine} tickLine={axisLine} label={axisLabel("Share with a human annotation")} />
      <YAxis type="category" dataKey="kind" tick={axisTick} axisLine={axisLine} tickLine={axisLine} width={72} />
      <Tooltip
        {...tooltipStyle}
        formatter={(value, _name, item) => {
          const row = item.payload as { annotated: number; total: number };
          return [`${percent(Number(value))} (${row.annotated} of ${row.total})`, "Annotated"];
        }}
      />
      <Bar dataKey="share" name="Annotated" fill="var(--chart-human)" isAnimationActive={false} />
    </BarChart>
  );
}
