export type SpanTab = "io" | "attributes" | "events";

export const spanTabs: Array<{ id: SpanTab; label: string }> = [
  { id: "io", label: "Input / Output" },
  { id: "attributes", label: "Attributes" },
  { id: "events", label: "Events" },
];

export function parseSpanTab(value: string | string[] | undefined): SpanTab {
  return spanTabs.some((tab) => tab.id === value) ? (value as SpanTab) : "io";
}

// The selected span and tab live in the URL so a link shows a reviewer exactly
// what the sender saw. The default tab is left out to keep links short.
// The base may carry its own query (review mode keeps its filters and position there).
export function spanHref(tracePathname: string, spanId: string, tab: SpanTab): string {
  const [path, query = ""] = tracePathname.split("?");
  const params = new URLSearchParams(query);
  params.set("span", spanId);
  if (tab !== "io") params.set("tab", tab);
  else params.delete("tab");
  return `${path}?${params}`;
}
