import { z } from "zod";
import { ValidationError } from "@/lib/errors";

/** Parses a domain input: bad input is a ValidationError naming the fields (a 400 naming them). */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { fieldErrors, formErrors } = z.flattenError(parsed.error);
  const fields = fieldErrors as Record<string, string[]>;
  const named = Object.entries(fields).map(([field, messages]) => `${field} ${messages[0]}`);
  throw new ValidationError(named.length ? `Invalid input: ${named.join("; ")}.` : `Invalid input: ${formErrors.join("; ")}.`, fields);
}
