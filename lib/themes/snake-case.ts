/**
 * "Refund delays" → "refund_delays": the rubric name a promoted theme gets. Plain
 * (no Prisma), so the promote dialog prefills exactly the name the domain makes.
 */
export function snakeCase(text: string, fallback = ""): string {
  const snake = text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.join("_").slice(0, 100).replace(/_+$/, "");
  return snake || fallback;
}
