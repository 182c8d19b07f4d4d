"use client";

import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { RubricSummary, TrendPoint } from "@/lib/dashboards/dashboard-types";
import type { AnnotatorKind } from "@/lib/generated/prisma/enums";
import { axisLabel, axisLine, axisTick, decimal, gridStroke, kindColor, kindName, legendStyle, paletteColor, percent, tooltipStyle } from "./chart-style";

const kindsOf = (points: TrendPoint[]) => [...new Set(points.map((p) => p.annotatorKind))].sort() as AnnotatorKind[];

/**
 * A rubric over time. Continuous: the mean per bucket with its 95% interval as a
 * band, one line per annotator kind, so an LLM judge drifting from people shows.
 * Categorical: each label's share of the bucket, one stacked chart per annotator kind.
 */
export function TrendChart({ rubric, points, labels, bucketName }: { rubric: RubricSummary; points: TrendPoint[]; labels: string[]; bucketName: string }) {
  const kinds = kindsOf(points);
  if (rubric.type === "CONTINUOUS") return <MeanTrend points={points} kinds={kinds} rubric={rubric} bucketName={bucketName} />;
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {kinds.map((kind) => (
        <div key={kind}>
          <p className="text-xs font-medium text-zinc-600">{kindName[kind]}</p>
          <LabelShareTrend points={points.filter((p) => p.annotatorKind === kind)} labels={labels} bucketName={bucketName} />
        </div>
      ))}
    </div>
  );
}

function MeanTrend({ points, kinds, rubric, bucketName }: { points: TrendPoint[]; kinds: AnnotatorKind[]; rubric: RubricSummary; bucketName: string }) {
  const byBucket = new Map<string, Record<string, unknown>>();
  for (const p of points) {
    const row = byBucket.get(p.bucket) ?? { bucket: p.bucket };
    row[p.annotatorKind] = p.mean;
    row[`${p.annotatorKind}_ci`] = p.ciLow !== null && p.ciHigh !== null ? [p.ciLow, p.ciHigh] : null;
    row[`${p.annotatorKind}_n`] = p.count;
    byBucket.set(p.bucket, row);
  }
  const data = [...byBucket.values()].sort((a, b) => String(a.bucket).localeCompare(String(b.bucket)));
  const domain: [number | "auto", number | "auto"] = [rubric.lowerBound ?? "auto", rubric.upperBound ?? "auto"];
  return (
    <ComposedChart responsive style={{ width: "100%", height: 260 }} data={data} margin={{ top: 8, right: 12, bottom: 16, left: 4 }}>
      <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" />
      <XAxis dataKey="bucket" tick={axisTick} axisLine={axisLine} tickLine={axisLine} label={axisLabel(bucketName)} />
      {/* A bounded rubric keeps its scale: a wide interval (few values in a bucket) is clipped, not allowed to squash the means. */}
      <YAxis domain={domain} allowDataOverflow={rubric.lowerBound !== null && rubric.upperBound !== null} tickFormatter={decimal} tick={axisTick} axisLine={axisLine} tickLine={axisLine} width={48} label={axisLabel(`Mean ${rubric.name}`, -90)} />
      <Tooltip
        {...tooltipStyle}
        formatter={(value, name, item) => {
          if (Array.isArray(value)) return [`${decimal(Number(value[0]))} – ${decimal(Number(value[1]))}`, name];
          const n = (item.payload as Record<string, unknown>)[`${String(item.dataKey)}_n`];
          return [`${decimal(Number(value))} (n = ${n})`, name];
        }}
      />
      <Legend wrapperStyle={legendStyle} verticalAlign="top" itemSorter={null} />
      {kinds.map((kind) => (
        <Area key={`${kind}-ci`} dataKey={`${kind}_ci`} name={`${kindName[kind]} 95% interval`} stroke="none" fill={kindColor[kind]} fillOpacity={0.18} isAnimationActive={false} connectNulls />
      ))}
      {kinds.map((kind) => (
        <Line key={kind} dataKey={kind} name={`${kindName[kind]} mean`} stroke={kindColor[kind]} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} connectNulls />
      ))}
    </ComposedChart>
  );
}

function LabelShareTrend({ points, labels, bucketName }: { points: TrendPoint[]; labels: string[]; bucketName: string }) {
  const data = [...points].sort((a, b) => a.bucket.localeCompare(b.bucket)).map((p) => ({ bucket: p.bucket, ...Object.fromEntries(labels.map((l) => [l, p.labels[l] ?? 0])) }));
  return (
    <BarChart responsive style={{ width: "100%", height: 240 }} data={data} stackOffset="expand" margin={{ top: 8, right: 12, bottom: 16, left: 4 }}>
      <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="bucket" tick={axisTick} axisLine={axisLine} tickLine={axisLine} label={axisLabel(bucketName)} />
      <YAxis tickFormatter={percent} tick={axisTick} axisLine={axisLine} tickLine={axisLine} width={48} label={axisLabel("Share of values", -90)} />
      <Tooltip {...tooltipStyle} formatter={(value, name) => [`${value} values`, name]} />
      <Legend wrapperStyle={legendStyle} verticalAlign="top" itemSorter={null} />
      {labels.map((label, index) => (
        <Bar key={label} dataKey={label} name={label} stackId="labels" fill={paletteColor(index)} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}
