// The span tree of one trace, built from parent links. Spans arrive ordered by
// start time and keep that order among siblings.

export type TreeableSpan = { spanId: string; parentSpanId: string | null };

export type SpanTreeRow<T extends TreeableSpan> = {
  span: T;
  depth: number;
  childCount: number;
};

// Depth-first rows, ready to render as an indented list. A span whose parent is
// not in the trace (not ingested yet, or dropped by a sampler) becomes a root,
// as do spans caught in a parent cycle, so every span appears exactly once.
export function spanTreeRows<T extends TreeableSpan>(spans: T[]): SpanTreeRow<T>[] {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const span of spans) {
    const parent = span.parentSpanId;
    if (parent && parent !== span.spanId && byId.has(parent)) {
      const siblings = children.get(parent) ?? [];
      siblings.push(span);
      children.set(parent, siblings);
    } else {
      roots.push(span);
    }
  }

  const rows: SpanTreeRow<T>[] = [];
  const visited = new Set<string>();
  // Iterative, so a pathologically deep trace cannot overflow the stack.
  const walk = (root: T) => {
    const stack: Array<{ span: T; depth: number }> = [{ span: root, depth: 0 }];
    while (stack.length) {
      const { span, depth } = stack.pop()!;
      if (visited.has(span.spanId)) continue;
      visited.add(span.spanId);
      const kids = children.get(span.spanId) ?? [];
      rows.push({ span, depth, childCount: kids.length });
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i], depth: depth + 1 });
    }
  };
  roots.forEach(walk);
  // Whatever no root reaches sits in a cycle: break it at its earliest span.
  for (const span of spans) if (!visited.has(span.spanId)) walk(span);
  return rows;
}
