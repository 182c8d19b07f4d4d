"use client";

import { useEffect, useRef } from "react";
import { isTyping, hasModifier, modalOpen } from "@/components/review/keyboard";
import { useAnnounce } from "@/components/ui/page-announcer";
import type { Disagreement } from "@/lib/adjudication/adjudication-types";
import { DisagreementCard } from "./disagreement-card";

// The list of disagreements, keyboard first: j / k move between items, 1–9
// pick a label of the focused item, Ctrl/⌘+Enter records. After a final value
// is recorded the item leaves the open list (the page re-renders) and focus
// goes to the item that took its place.
export function DisagreementList({ project, projectId, rows }: { project: string; projectId: number; rows: Disagreement[] }) {
  const announce = useAnnounce();
  const cards = useRef(new Map<string, HTMLElement>());
  // The item to focus once the list re-renders without the recorded one.
  const pending = useRef<{ recorded: string; next: string } | null>(null);

  const move = (delta: number) => {
    const order = rows.map((row) => cards.current.get(row.key)).filter((el): el is HTMLElement => Boolean(el));
    const index = order.findIndex((el) => el.contains(document.activeElement));
    order[index === -1 ? (delta > 0 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, index + delta))]?.focus();
  };

  // Document-level shortcuts, subscribed once per list (an external system: the keyboard).
  const handler = useRef<(event: KeyboardEvent) => void>(() => {});
  handler.current = (event) => {
    // A focused label radio is not typing: its card's shortcuts still apply.
    const onRadio = event.target instanceof HTMLInputElement && event.target.type === "radio";
    if ((isTyping(event.target) && !onRadio) || hasModifier(event) || modalOpen()) return;
    if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      move(event.key === "j" ? 1 : -1);
      return;
    }
    if (/^[1-9]$/.test(event.key)) {
      const card = [...cards.current.values()].find((el) => el.contains(document.activeElement));
      const radio = card?.querySelector<HTMLInputElement>(`input[data-shortcut="${event.key}"]`);
      if (!radio) return;
      event.preventDefault();
      radio.checked = true;
      radio.focus();
    }
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => handler.current(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  const recorded = (key: string) => (message: string) => {
    const index = rows.findIndex((row) => row.key === key);
    const next = rows[index + 1]?.key ?? rows[index - 1]?.key;
    pending.current = next ? { recorded: key, next } : null;
    announce(message);
  };

  return (
    <ol aria-label="Disagreements" className="space-y-3">
      {rows.map((row) => (
        <li key={row.key}>
          <DisagreementCard
            project={project}
            projectId={projectId}
            item={row}
            onRecorded={recorded(row.key)}
            cardRef={(element) => {
              if (element) cards.current.set(row.key, element);
              else cards.current.delete(row.key);
              // Runs on every commit (a new callback each render): the list came back without the recorded item.
              const focus = pending.current;
              if (element && focus?.next === row.key && !rows.some((r) => r.key === focus.recorded)) {
                pending.current = null;
                element.focus();
              }
            }}
          />
        </li>
      ))}
    </ol>
  );
}
