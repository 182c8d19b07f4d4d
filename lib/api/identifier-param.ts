import { UnprocessableError } from "@/lib/errors";
import { unstorableReason } from "./storable-text";

/**
 * A path segment naming a row by id or GlobalID, decoded like the session read
 * route does (a stray "%" is kept as is), and refused with a 422 naming `name`
 * when the decoded text cannot reach SQL (`%00` becomes a NUL only here).
 */
export function identifierParam(name: string, segment: string): string {
  let value = segment;
  try {
    value = decodeURIComponent(segment);
  } catch {
    // Not percent-encoded text: taken as it is.
  }
  const reason = unstorableReason(value);
  if (reason) throw new UnprocessableError(`Invalid request: ${name} ${reason}`, { [name]: [reason] });
  return value;
}
