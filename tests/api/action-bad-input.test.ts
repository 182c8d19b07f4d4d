import { describe, expect, it } from "vitest";
import { editNoteAction, writeNoteAction } from "@/lib/actions/review/notes";
import { saveAnnotationAction } from "@/lib/actions/review/save-annotation";
import { saveRubricAction } from "@/lib/actions/rubrics/save-rubric";

// The browser's forms post to server actions that parse with the REST API's
// wire schemas: text Postgres cannot store is refused there too, naming the
// field, before anyone is looked up (so these run without a signed-in user).
const NUL = "\u0000";
const refused = (field: string, message: string) => ({
  status: "error", message: "Please correct the highlighted fields.", fieldErrors: { [field]: [message] },
});
const nulMessage = "must not contain NUL characters (\\u0000)";

describe("server actions refuse unstorable text like the REST API does", () => {
  it("a note written or edited in the browser", async () => {
    expect(await writeNoteAction({ kind: "SPAN", externalId: "abc", note: `a${NUL}b` })).toEqual(refused("note", nulMessage));
    expect(await editNoteAction({ noteId: 1, note: `a${NUL}b` })).toEqual(refused("note", nulMessage));
    expect(await editNoteAction({ noteId: 1, note: "x\ud800" })).toEqual(
      refused("note", "must not contain unpaired UTF-16 surrogates (invalid Unicode)"),
    );
  });

  it("an annotation saved from review mode", async () => {
    const item = { span_id: "abc", name: "correctness", annotator_kind: "HUMAN", result: { label: `ok${NUL}` } };
    const state = await saveAnnotationAction({ target: "SPAN", item });
    expect(state).toMatchObject({ status: "error" });
    // z.flattenError keeps the top-level key only: "item" names the wire item.
    expect(state.status === "error" && state.fieldErrors?.item).toEqual([nulMessage]);
    const far = await saveAnnotationAction({ target: "DOCUMENT", item: { ...item, result: { score: 1 }, document_position: 2 ** 31 } });
    expect(far.status === "error" && far.fieldErrors?.item).toEqual(["must be at most 2147483647"]);
  });

  it("a rubric saved from the rubric form", async () => {
    const rubric = { type: "CATEGORICAL", name: "c", values: [{ label: `a${NUL}` }] };
    const state = await saveRubricAction({ id: null, rubric, projectIds: [] });
    expect(state.status === "error" && state.fieldErrors?.rubric).toEqual([nulMessage]);
    const long = await saveRubricAction({ id: null, rubric: { ...rubric, name: "n".repeat(201), values: [{ label: "a" }] }, projectIds: [] });
    expect(long.status === "error" && long.fieldErrors?.rubric).toEqual(["must be at most 200 characters"]);
  });
});
