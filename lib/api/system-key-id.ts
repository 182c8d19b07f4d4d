import { UnprocessableError } from "@/lib/errors";

// Phoenix names a system key by its GlobalID, base64("SystemApiKey:<id>"); ours
// are UUIDs, so the GlobalID wraps the UUID. A bare UUID is accepted too (curl).
const TYPE = "SystemApiKey";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const systemKeyGlobalId = (id: string): string => Buffer.from(`${TYPE}:${id}`, "utf8").toString("base64");

/** The key's UUID inside `value`, or a 422 naming the path parameter. */
export function parseSystemKeyId(value: string): string {
  if (UUID.test(value)) return value.toLowerCase();
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length % 4 === 0) {
    const [type, id] = Buffer.from(value, "base64").toString("utf8").split(/:(.*)/s);
    if (type === TYPE && id !== undefined && UUID.test(id)) return id.toLowerCase();
  }
  throw new UnprocessableError(`Invalid request: api_key_id ${JSON.stringify(value)} is not a SystemApiKey GlobalID.`, {
    api_key_id: ["is not a SystemApiKey GlobalID"],
  });
}
