// A short notice for the reviewer, shown by ReviewKeys' status line (root
// layout, so it outlives the screen that sent it: a work screen switching items).
export const REVIEW_NOTICE = "review-notice";

export function showReviewNotice(message: string): void {
  window.dispatchEvent(new CustomEvent(REVIEW_NOTICE, { detail: message }));
}
