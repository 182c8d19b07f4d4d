import { prisma } from "@/lib/db";
import { authorize, type Actor } from "@/lib/auth/permissions";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { RESERVED_NOTE_NAME } from "@/lib/annotations/wire-schemas";
import {
  listRubricsSchema, rubricInputSchema, type CategoricalValue, type ListRubricsInput, type ParsedRubricInput,
  type Rubric, type RubricInput,
} from "./rubric-schemas";

// Rubrics (Phoenix: annotation configs). Reads need 'read', writes 'manage-rubrics'.
// Annotations refer to a rubric by name only, so a rubric that annotations use
// is archived rather than deleted: its definition still explains those values.
export type RubricRef = { id: number } | { name: string };

export const rubricSelect = {
  id: true, name: true, type: true, description: true, optimizationDirection: true, values: true,
  lowerBound: true, upperBound: true, targets: true, spanKinds: true, required: true, archivedAt: true, createdAt: true, updatedAt: true,
} as const;

type RubricRecord = Prisma.RubricGetPayload<{ select: typeof rubricSelect }>;

export function toRubric(record: RubricRecord): Rubric {
  const values = Array.isArray(record.values) ? (record.values as CategoricalValue[]) : [];
  return { ...record, values: values.map((v) => ({ label: v.label, score: v.score ?? null })) };
}

const whereRef = (ref: RubricRef) => ("id" in ref ? { id: ref.id } : { name: ref.name });
const describeRef = (ref: RubricRef) => ("id" in ref ? `with id ${ref.id}` : `named ${ref.name}`);

export async function getRubric(actor: Actor | null, ref: RubricRef, options: { includeArchived?: boolean } = {}): Promise<Rubric> {
  authorize(actor, "read");
  const record = await prisma.rubric.findUnique({ where: whereRef(ref), select: rubricSelect });
  if (!record || (record.archivedAt && !options.includeArchived)) {
    throw new NotFoundError(`Annotation config ${describeRef(ref)} does not exist.`);
  }
  return toRubric(record);
}

/** Newest first; `nextCursor` is the id of the first rubric of the next page. */
export async function listRubrics(actor: Actor | null, input: ListRubricsInput = {}) {
  authorize(actor, "read");
  const { limit, cursor, includeArchived, projectId } = listRubricsSchema.parse(input);
  const records = await prisma.rubric.findMany({
    where: {
      ...(includeArchived ? {} : { archivedAt: null }),
      ...(cursor ? { id: { lte: cursor } } : {}),
      ...(projectId ? { projects: { some: { projectId } } } : {}),
    },
    select: rubricSelect,
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const rows = records.slice(0, limit).map(toRubric);
  return { rows, nextCursor: records.length > limit ? records[limit].id : null };
}

function columns(input: ParsedRubricInput) {
  const categorical = input.type === "CATEGORICAL";
  return {
    name: input.name,
    type: input.type,
    description: input.description ?? null,
    optimizationDirection: input.optimizationDirection,
    values: categorical ? input.values.map((v) => ({ label: v.label, score: v.score ?? null })) : [],
    lowerBound: categorical ? null : (input.lowerBound ?? null),
    upperBound: categorical ? null : (input.upperBound ?? null),
    ...(input.targets ? { targets: input.targets } : {}),
    ...(input.spanKinds ? { spanKinds: input.spanKinds } : {}),
    ...(input.required !== undefined ? { required: input.required } : {}),
  };
}

function refuseReservedName(name: string): void {
  if (name === RESERVED_NOTE_NAME) throw new ConflictError(`The name "${RESERVED_NOTE_NAME}" is reserved for notes.`);
}

const duplicate = (name: string) => new ConflictError(`An annotation config named ${name} already exists.`);
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Creates a rubric. A name held by an archived rubric is taken over: the
 * archived row comes back with the new definition (same id), so deleting and
 * re-creating a config, as Phoenix scripts do, keeps working.
 */
export async function createRubric(actor: Actor | null, input: RubricInput): Promise<Rubric> {
  authorize(actor, "manage-rubrics");
  const data = columns(rubricInputSchema.parse(input));
  refuseReservedName(data.name);
  try {
    const existing = await prisma.rubric.findUnique({ where: { name: data.name }, select: { id: true, archivedAt: true } });
    if (existing && !existing.archivedAt) throw duplicate(data.name);
    const record = existing
      ? await prisma.rubric.update({ where: { id: existing.id, archivedAt: { not: null } }, data: { ...data, archivedAt: null }, select: rubricSelect })
      : await prisma.rubric.create({ data, select: rubricSelect });
    return toRubric(record);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(data.name);
    throw error;
  }
}

/** Replaces the definition (a full PUT); targets and span kinds stay unless given. */
export async function updateRubric(actor: Actor | null, id: number, input: RubricInput): Promise<Rubric> {
  authorize(actor, "manage-rubrics");
  const data = columns(rubricInputSchema.parse(input));
  refuseReservedName(data.name);
  try {
    const { count } = await prisma.rubric.updateMany({ where: { id, archivedAt: null }, data });
    if (count === 0) throw new NotFoundError(`Annotation config with id ${id} does not exist.`);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(data.name);
    throw error;
  }
  return toRubric(await prisma.rubric.findUniqueOrThrow({ where: { id }, select: rubricSelect }));
}

/**
 * Deletes a rubric no annotation uses; archives one in use (and unassigns it
 * from projects, as Phoenix's delete does). Returns the rubric as it was.
 */
export async function deleteRubric(actor: Actor | null, id: number): Promise<{ rubric: Rubric; archived: boolean }> {
  authorize(actor, "manage-rubrics");
  return prisma.$transaction(async (tx) => {
    const record = await tx.rubric.findFirst({ where: { id, archivedAt: null }, select: rubricSelect });
    if (!record) throw new NotFoundError(`Annotation config with id ${id} does not exist.`);
    const inUse = await tx.annotation.findFirst({ where: { name: record.name }, select: { id: true } });
    if (inUse) {
      await tx.projectRubric.deleteMany({ where: { rubricId: id } });
      await tx.rubric.update({ where: { id }, data: { archivedAt: new Date() } });
    } else {
      await tx.rubric.delete({ where: { id } });
    }
    return { rubric: toRubric(record), archived: Boolean(inUse) };
  });
}

/** Brings an archived rubric back (app only), unless its name was taken meanwhile. */
export async function restoreRubric(actor: Actor | null, id: number): Promise<Rubric> {
  authorize(actor, "manage-rubrics");
  const { count } = await prisma.rubric.updateMany({ where: { id, archivedAt: { not: null } }, data: { archivedAt: null } });
  if (count === 0) throw new NotFoundError(`No archived annotation config with id ${id}.`);
  return toRubric(await prisma.rubric.findUniqueOrThrow({ where: { id }, select: rubricSelect }));
}
