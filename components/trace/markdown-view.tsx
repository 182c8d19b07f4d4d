import Markdown from "react-markdown";

// Model output is untrusted: react-markdown without rehype-raw renders raw HTML
// as inert text and drops `javascript:` URLs, so nothing here can run script.
export const prose = [
  "text-[13px] leading-relaxed text-zinc-800 break-words",
  "[&_p]:my-1.5 [&_h1]:mt-3 [&_h1]:mb-1 [&_h1]:text-base [&_h1]:font-semibold",
  "[&_h2]:mt-3 [&_h2]:mb-1 [&_h2]:text-sm [&_h2]:font-semibold [&_h3]:mt-2 [&_h3]:font-semibold",
  "[&_ul]:my-1.5 [&_ul]:list-disc [&_ul]:pl-5 [&_ol]:my-1.5 [&_ol]:list-decimal [&_ol]:pl-5 [&_li]:my-0.5",
  "[&_a]:text-indigo-700 [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-zinc-300 [&_blockquote]:pl-3 [&_blockquote]:text-zinc-600",
  "[&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[12px]",
  "[&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-zinc-100 [&_pre]:p-2 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&>:first-child]:mt-0 [&>:last-child]:mb-0",
].join(" ");

export function MarkdownView({ text }: { text: string }) {
  return (
    <div className={prose}>
      <Markdown
        components={{
          // Links from traces open elsewhere and pass no referrer.
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
          // Remote images in model output would be fetched by the reviewer's browser: show the URL instead.
          img: ({ src, alt }) => <span className="font-mono text-xs text-zinc-500">[image: {alt || String(src ?? "")}]</span>,
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
