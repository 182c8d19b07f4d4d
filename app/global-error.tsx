"use client";

import { ErrorNotice } from "@/components/layout/error-notice";
import "./globals.css";

// The root layout itself failed (it reads the signed-in user, so a database
// outage lands here): this replaces it, hence its own <html>.
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <ErrorNotice {...props} />
      </body>
    </html>
  );
}
