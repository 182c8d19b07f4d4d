import { paths } from "@/lib/url";
import { exportFormats, exportForms } from "./export-query";

// A list page's paging and sorting say nothing about what to export.
const listOnlyParams = ["cursor", "limit", "sort", "dir", "format", "form"];

export type ExportLink = { format: (typeof exportFormats)[number]; form: (typeof exportForms)[number]; title: string; description: string; href: string };

/** The export URLs (CSV/JSONL × long/wide) for a page's current query string. */
export function exportLinks(project: string, query: string): ExportLink[] {
  const given = new URLSearchParams(query.startsWith("?") ? query.slice(1) : query);
  const base = new URLSearchParams([...given].filter(([key, value]) => value !== "" && !listOnlyParams.includes(key)));
  const links: ExportLink[] = [];
  for (const form of exportForms) {
    for (const format of exportFormats) {
      const params = new URLSearchParams(base);
      params.set("format", format);
      params.set("form", form);
      links.push({
        format,
        form,
        title: `${format === "csv" ? "CSV" : "JSONL"}, ${form}`,
        description: form === "long" ? "one row per annotation" : "one row per target, a column per rubric and annotator",
        href: paths.exportFile(project, params.toString()),
      });
    }
  }
  return links;
}
