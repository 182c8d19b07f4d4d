import type { JsonValue } from "@/lib/spans/json-text";
import type { FlatAttributes } from "@/lib/spans/indexed-attributes";
import { invocationParameters, llmTools, spanMetadata } from "@/lib/spans/openinference";
import { DetailSection } from "./detail-section";
import { JsonView } from "./json-view";
import { ValueView } from "./value-view";

function Json({ value }: { value: JsonValue }) {
  return typeof value === "string" ? <ValueView text={value} /> : <JsonView value={value} />;
}

// Context around the call rather than the call itself: folded by default so
// the input and output stay on screen.
export function SpanContextSections({ attributes }: { attributes: FlatAttributes }) {
  const tools = llmTools(attributes);
  const parameters = invocationParameters(attributes);
  const metadata = spanMetadata(attributes);
  return (
    <>
      {tools.length > 0 && (
        <DetailSection title="Tools offered" aside={`${tools.length}`} folded>
          <JsonView value={tools} />
        </DetailSection>
      )}
      {parameters !== null && (
        <DetailSection title="Invocation parameters" folded>
          <Json value={parameters} />
        </DetailSection>
      )}
      {metadata !== null && (
        <DetailSection title="Metadata" folded>
          <Json value={metadata} />
        </DetailSection>
      )}
    </>
  );
}
