"use client";

import { ErrorNotice } from "@/components/layout/error-notice";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorNotice {...props} />;
}
