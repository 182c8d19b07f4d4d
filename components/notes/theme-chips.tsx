"use client";

import Link from "next/link";
import type { ThemeRef } from "@/lib/themes/theme-types";

// A note's themes; each opens its theme page, and a lead may take one off the note.
export function ThemeChips({ themes, themeHref, onRemove }: {
  themes: ThemeRef[];
  themeHref: (id: number) => string;
  onRemove: ((theme: ThemeRef) => void) | null;
}) {
  if (themes.length === 0) return null;
  return (
    <ul aria-label="Themes" className="flex flex-wrap gap-1">
      {themes.map((theme) => (
        <li key={theme.id} className="inline-flex items-center rounded-full bg-indigo-50 text-xs text-indigo-800 ring-1 ring-indigo-200 ring-inset">
          {/* A theme just created is shown before the server gives it an id. */}
          {theme.id > 0 ? (
            <Link href={themeHref(theme.id)} className="py-0.5 pr-1 pl-2 hover:underline">
              {theme.name}
            </Link>
          ) : (
            <span className="py-0.5 pr-1 pl-2 opacity-70">{theme.name}</span>
          )}
          {onRemove && theme.id > 0 ? (
            <button
              type="button"
              onClick={() => onRemove(theme)}
              aria-label={`Remove theme '${theme.name}' from this note`}
              className="mr-1 rounded-full px-1 text-indigo-400 hover:bg-indigo-100 hover:text-indigo-800"
            >
              ×
            </button>
          ) : (
            <span className="pr-1" />
          )}
        </li>
      ))}
    </ul>
  );
}
