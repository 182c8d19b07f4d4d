import { QueryProvider } from "@/components/queues/query-provider";

// Review mode holds the next and previous items in TanStack Query's cache (trace-review-client.tsx).
export default function ReviewLayout({ children }: { children: React.ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
