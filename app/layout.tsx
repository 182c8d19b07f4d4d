import type { Metadata } from "next";
import Link from "next/link";
import { UserMenu } from "@/components/layout/user-menu";
import { ReviewKeys } from "@/components/review/review-keys";
import { currentActor } from "@/lib/auth/current-actor";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Marginalia", template: "%s · Marginalia" },
  description: "Human review for LLM application traces",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/95 backdrop-blur">
          <div className="flex h-11 items-center gap-6 px-4">
            <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-zinc-900">
              <span aria-hidden className="grid h-6 w-6 place-items-center rounded bg-indigo-600 text-xs font-bold text-white">
                M
              </span>
              Marginalia
            </Link>
            <nav aria-label="Main" className="flex items-center gap-4 text-zinc-600">
              <Link href="/" className="hover:text-zinc-900">
                Projects
              </Link>
              {actor ? (
                <Link href="/rubrics" className="hover:text-zinc-900">
                  Rubrics
                </Link>
              ) : null}
              {actor ? (
                <Link href="/settings" className="hover:text-zinc-900">
                  Settings
                </Link>
              ) : null}
            </nav>
            <UserMenu actor={actor} />
          </div>
        </header>
        <main>{children}</main>
        {actor ? <ReviewKeys /> : null}
      </body>
    </html>
  );
}
