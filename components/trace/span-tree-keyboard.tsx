"use client";

import { useRouter } from "next/navigation";
import { useEffect, useLayoutEffect, useRef, type ReactNode } from "react";

const NEXT: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (index, last) => Math.min(index + 1, last),
  ArrowUp: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_, last) => last,
};

function isEditable(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

// ↑/↓ (and Home/End) move the selected span while focus is in the tree; the
// selected row takes focus on arrival so this works at once. Elsewhere (the
// page body, text fields) arrow keys keep scrolling and editing as usual. The
// URL is replaced, not pushed, so Back leaves the trace instead of replaying
// every span the reviewer stepped through.
export function SpanTreeKeyboard({
  spanIds,
  selectedSpanId,
  children,
}: {
  spanIds: string[];
  selectedSpanId: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const move = NEXT[event.key];
      if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const active = document.activeElement;
      const inTree = container.current?.contains(active) ?? false;
      if (!inTree || isEditable(active)) return;
      event.preventDefault();
      // Start from the focused row: after a fast second key press the URL (and
      // so `selectedSpanId`) may not have caught up yet, but focus has.
      const focusedId = active?.id.startsWith("span-row-") ? active.id.slice("span-row-".length) : null;
      const current = Math.max(spanIds.indexOf(focusedId ?? selectedSpanId), 0);
      const next = spanIds[move(current, spanIds.length - 1)];
      if (!next || next === spanIds[current]) return;
      const link = document.getElementById(`span-row-${next}`);
      if (!(link instanceof HTMLAnchorElement)) return;
      link.focus({ preventScroll: true });
      link.scrollIntoView({ block: "nearest" });
      router.replace(link.getAttribute("href") ?? "", { scroll: false });
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [router, spanIds, selectedSpanId]);

  // On arrival: focus the selected row (keys work at once) and bring a
  // deep-linked selection into view. Once only, so it never steals focus later;
  // in the commit that draws the tree (a layout effect), and only while nothing
  // else holds focus: review mode draws the next trace at once, and a passive
  // effect ran after a label key typed on the new trace had focused its card,
  // so the next Tab started from the span tree instead of that card.
  // The scroll stays a passive effect, after the router's own scroll on arrival.
  useLayoutEffect(() => {
    const focused = document.activeElement;
    if (focused && focused !== document.body && focused !== document.documentElement) return;
    document.getElementById(`span-row-${selectedSpanId}`)?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    document.getElementById(`span-row-${selectedSpanId}`)?.scrollIntoView({ block: "nearest" });
  }, []);

  return <div ref={container}>{children}</div>;
}
