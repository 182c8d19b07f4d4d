import type { AnnotatorKind } from "@/lib/generated/prisma/enums";

// Chart colours are CSS variables (app/globals.css) so one chart reads in light and dark.
export const kindColor: Record<AnnotatorKind, string> = { HUMAN: "var(--chart-human)", LLM: "var(--chart-llm)", CODE: "var(--chart-code)" };
export const kindName: Record<AnnotatorKind, string> = { HUMAN: "Human", LLM: "LLM judge", CODE: "Code" };
export const paletteColor = (index: number) => `var(--chart-${(index % 8) + 1})`;

export const axisTick = { fill: "var(--chart-axis)", fontSize: 11 };
export const axisLine = { stroke: "var(--chart-grid)" };
export const gridStroke = "var(--chart-grid)";
export const axisLabel = (value: string, angle = 0) =>
  ({ value, angle, fill: "var(--chart-axis)", fontSize: 11, position: angle ? "insideLeft" : "insideBottom", offset: angle ? 10 : -2, style: { textAnchor: "middle" } }) as const;

export const tooltipStyle = {
  contentStyle: { background: "var(--surface)", border: "1px solid var(--chart-grid)", borderRadius: 6, fontSize: 12, color: "inherit" },
  labelStyle: { color: "inherit", fontWeight: 600 },
  itemStyle: { padding: 0 },
  cursor: { fill: "var(--chart-grid)", fillOpacity: 0.4 },
};
export const legendStyle = { fontSize: 12, paddingBottom: 10 };

export const percent = (value: number) => `${Math.round(value * 100)}%`;
export const decimal = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));
