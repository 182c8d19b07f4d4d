import { z } from "zod";
import { noteIfDatabaseUnavailable } from "@/lib/db/outage";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/unavailable";
import { DomainError } from "@/lib/errors";

// What a server action returns to useActionState: expected failures are values.
export type ActionState<T = undefined> =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors?: Record<string, string[] | undefined> }
  | { status: "success"; message?: string; data?: T };

export const idle: ActionState = { status: "idle" };

export function invalidInput(error: z.ZodError): ActionState<never> {
  const { fieldErrors } = z.flattenError(error);
  return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: fieldErrors as Record<string, string[]> };
}

/** Domain errors (and a database outage) become a message for the form; anything else is a real failure and is rethrown. */
export function failure(error: unknown): ActionState<never> {
  if (error instanceof DomainError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof z.ZodError) return invalidInput(error);
  if (noteIfDatabaseUnavailable(error)) return { status: "error", message: DATABASE_UNAVAILABLE_MESSAGE };
  throw error;
}
