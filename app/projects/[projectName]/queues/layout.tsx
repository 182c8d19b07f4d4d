import { QueryProvider } from "@/components/queues/query-provider";

// The queue pages poll (progress, the queue list) while open: TanStack Query lives here.
export default function QueuesLayout({ children }: { children: React.ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
