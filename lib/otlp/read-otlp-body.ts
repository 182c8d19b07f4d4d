import { promisify } from "node:util";
import zlib from "node:zlib";
import { MAX_BODY_BYTES, PayloadTooLargeError, readBody } from "@/lib/api/handler";
import { DomainError } from "@/lib/errors";

// OTLP/HTTP bodies: protobuf or JSON, optionally gzip- or deflate-compressed.
export type OtlpFormat = "protobuf" | "json";

// A small compressed body can inflate to gigabytes: the inflated size has its own cap.
export const MAX_INFLATED_BYTES = 4 * MAX_BODY_BYTES;

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);

export function otlpFormatOf(contentType: string | null): OtlpFormat {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/x-protobuf" || type === "application/protobuf") return "protobuf";
  if (type === "application/json") return "json";
  throw new DomainError(
    `Unsupported content type ${type || "(none)"}: send application/x-protobuf or application/json.`,
    415,
  );
}

async function decompress(body: Uint8Array, encoding: string): Promise<Uint8Array> {
  const options = { maxOutputLength: MAX_INFLATED_BYTES };
  try {
    if (encoding === "gzip" || encoding === "x-gzip") return await gunzip(body, options);
    // HTTP's "deflate" is zlib-wrapped, but some clients send raw deflate.
    if (encoding === "deflate") return await inflate(body, options).catch(() => inflateRaw(body, options));
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new PayloadTooLargeError(MAX_INFLATED_BYTES);
    throw new DomainError(`Request body is not valid ${encoding} data.`, 400);
  }
  throw new DomainError(`Unsupported content encoding ${encoding}: send gzip, deflate or none.`, 415);
}

/** The request's OTLP payload, size-checked and decompressed. */
export async function readOtlpBody(request: Request): Promise<{ format: OtlpFormat; body: Uint8Array }> {
  const format = otlpFormatOf(request.headers.get("content-type"));
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw new PayloadTooLargeError();
  const raw = await readBody(request);
  const encoding = (request.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  const body = encoding === "identity" || encoding === "" ? raw : await decompress(raw, encoding);
  return { format, body };
}
