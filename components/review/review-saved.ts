"use client";

import { createContext, useContext } from "react";
import { clearAnnotationAction } from "@/lib/actions/review/clear-annotation";
import { saveAnnotationAction } from "@/lib/actions/review/save-annotation";

// How a rubric card stores a value, and who is told after. By default the
// server actions that revalidate the page (the trace page, queue work show
// what the server renders). Review mode renders from its TanStack Query cache
// instead: its actions skip the page render and it refetches its own item.
export type ReviewSaving = {
  onSaved: () => void;
  save: typeof saveAnnotationAction;
  clear: typeof clearAnnotationAction;
};

const ReviewSaved = createContext<ReviewSaving>({ onSaved: () => {}, save: saveAnnotationAction, clear: clearAnnotationAction });

export const ReviewSavedProvider = ReviewSaved.Provider;
export const useReviewSaved = () => useContext(ReviewSaved);
