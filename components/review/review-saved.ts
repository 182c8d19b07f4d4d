"use client";

import { createContext, useContext } from "react";

// Told after a label, score or clear is stored. Review mode (over its cache of
// prefetched items) marks the list stale so what is shown next is refetched
// behind the screen; elsewhere the server action's revalidation is enough.
const ReviewSaved = createContext<() => void>(() => {});

export const ReviewSavedProvider = ReviewSaved.Provider;
export const useReviewSaved = () => useContext(ReviewSaved);
