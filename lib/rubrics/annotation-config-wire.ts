import { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError, UnprocessableError } from "@/lib/errors";
import type { RubricType } from "@/lib/generated/prisma/enums";
import { wireMessage } from "@/lib/api/wire-errors";
import { rubricInputSchema, rubricTypes, type Rubric, type RubricInput } from "./rubric-schemas";
import { getRubric, type RubricRef } from "./rubrics";

// Phoenix's wire form of rubrics ("annotation configs"). Ids are Relay GlobalIDs
// named by the config type, base64("CategoricalAnnotationConfig:3"), as Phoenix
// sends them; its clients pass them back verbatim.
const typeName: Record<RubricType, string> = {
  CATEGORICAL: "CategoricalAnnotationConfig",
  CONTINUOUS: "ContinuousAnnotationConfig",
  FREEFORM: "FreeformAnnotationConfig",
};

export const configGlobalId = (rubric: Pick<Rubric, "id" | "type">) =>
  Buffer.from(`${typeName[rubric.type]}:${rubric.id}`, "utf8").toString("base64");

/** The row id inside a config GlobalID of any of the three types, or null. */
export function parseConfigGlobalId(value: string): number | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return null;
  const match = /^(\w+)AnnotationConfig:(\d{1,9})$/.exec(Buffer.from(value, "base64").toString("utf8"));
  return match && Object.values(typeName).includes(`${match[1]}AnnotationConfig`) ? Number(match[2]) : null;
}

/**
 * `{config}` in a path: a GlobalID, else a name, else a bare row id (the app's
 * own links). Archived rubrics are invisible here, as deleted configs are in Phoenix.
 */
export async function resolveConfigParam(actor: Actor | null, param: string): Promise<{ id: number }> {
  const globalId = parseConfigGlobalId(param);
  const attempts: RubricRef[] = [
    ...(globalId !== null ? [{ id: globalId }] : []),
    { name: param },
    ...(/^\d{1,9}$/.test(param) ? [{ id: Number(param) }] : []),
  ];
  for (const ref of attempts) {
    const rubric = await getRubric(actor, ref).catch((error) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (rubric) return { id: rubric.id };
  }
  throw new NotFoundError(`Annotation config ${param} does not exist.`);
}

/** A body id (setProjectAnnotationConfigs): a GlobalID or a bare row id; `field` names it in errors. */
export function configIdFromBody(value: string, field = "annotation_config_ids"): number {
  const id = parseConfigGlobalId(value) ?? (/^\d{1,9}$/.test(value) ? Number(value) : null);
  if (id === null) {
    throw new UnprocessableError(`Invalid request: ${field} is not an annotation config id: ${value}`, {
      [field]: ["is not an annotation config id"],
    });
  }
  return id;
}

export function toWireConfig(rubric: Rubric) {
  const common = { id: configGlobalId(rubric), name: rubric.name, type: rubric.type, description: rubric.description };
  if (rubric.type === "CATEGORICAL") {
    return { ...common, optimization_direction: rubric.optimizationDirection, values: rubric.values };
  }
  const bounds = { lower_bound: rubric.lowerBound, upper_bound: rubric.upperBound };
  if (rubric.type === "CONTINUOUS") return { ...common, optimization_direction: rubric.optimizationDirection, ...bounds };
  return { ...common, optimization_direction: rubric.optimizationDirection, threshold: null, ...bounds };
}

// The body in wire terms (snake_case), validated by the one rubric schema: its
// issues are renamed back to the wire's fields (`lowerBound` → `lower_bound`),
// so a client reads the names it sent.
const wireKeys: Record<string, string> = {
  optimizationDirection: "optimization_direction",
  lowerBound: "lower_bound",
  upperBound: "upper_bound",
};

export const annotationConfigBodySchema = z
  .looseObject({
    type: z.enum(rubricTypes, { error: `must be one of ${rubricTypes.join(", ")}` }),
    name: z.unknown(),
    description: z.unknown().optional(),
    optimization_direction: z.unknown().optional(),
    values: z.unknown().optional(),
    lower_bound: z.unknown().optional(),
    upper_bound: z.unknown().optional(),
  })
  .transform((body, ctx) => {
    const input = {
      type: body.type,
      name: body.name,
      description: body.description,
      optimizationDirection: body.optimization_direction,
      values: body.values,
      lowerBound: body.lower_bound,
      upperBound: body.upper_bound,
    } as RubricInput;
    const parsed = rubricInputSchema.safeParse(input, { error: wireMessage });
    if (parsed.success) return input;
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((key) => (typeof key === "string" ? (wireKeys[key] ?? key) : key));
      ctx.addIssue({ code: "custom", message: issue.message, path, input: body });
    }
    return z.NEVER;
  });

// List cursors: base64 of the first config id of the next page (opaque to clients).
export const encodeConfigCursor = (id: number) => Buffer.from(`AnnotationConfigCursor:${id}`).toString("base64");

export const configCursorSchema = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const match = /^AnnotationConfigCursor:(\d{1,9})$/.exec(Buffer.from(value, "base64").toString("utf8"));
    if (!match) {
      ctx.addIssue({ code: "custom", message: "is not a valid cursor" });
      return z.NEVER;
    }
    return Number(match[1]);
  });
