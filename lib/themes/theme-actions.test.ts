import { describe, expect, it } from "vitest";
import { createThemeAction } from "@/lib/actions/themes/create-theme";
import { deleteThemeAction } from "@/lib/actions/themes/delete-theme";
import { mergeThemesAction } from "@/lib/actions/themes/merge-themes";
import { promoteThemesAction } from "@/lib/actions/themes/promote-themes";
import { splitThemeAction } from "@/lib/actions/themes/split-theme";
import { tagNotesAction, untagNotesAction } from "@/lib/actions/themes/tag-notes";
import { updateThemeAction } from "@/lib/actions/themes/update-theme";

// Bad input is answered before anyone is looked up (no request, no session
// here), naming the field, like the other actions.
const refused = (field: string, message: string) => ({
  status: "error", message: "Please correct the highlighted fields.", fieldErrors: { [field]: [message] },
});

describe("theme actions refuse bad input, naming the field", () => {
  it("names and descriptions", async () => {
    expect(await createThemeAction({ projectId: 1, name: "   " })).toEqual(refused("name", "must not be empty"));
    expect(await createThemeAction({ projectId: 1, name: "x".repeat(121) })).toEqual(refused("name", "must be at most 120 characters"));
    expect(await createThemeAction({ projectId: 1, name: "a\u0000b" })).toEqual(refused("name", "must not contain NUL characters (\\u0000)"));
    expect(await updateThemeAction({ themeId: 1, description: "d".repeat(2001) })).toEqual(refused("description", "must be at most 2000 characters"));
    expect(await splitThemeAction({ themeId: 1, noteIds: [1], name: "" })).toEqual(refused("name", "must not be empty"));
  });

  it("ids and lists", async () => {
    expect(await createThemeAction({ projectId: 0, name: "ok" })).toMatchObject({ status: "error", fieldErrors: { projectId: expect.any(Array) } });
    expect(await tagNotesAction({ themeId: 1, noteIds: [] })).toEqual(refused("noteIds", "select at least one note"));
    expect(await untagNotesAction({ themeId: 1, noteIds: ["1"] })).toMatchObject({ status: "error", fieldErrors: { noteIds: expect.any(Array) } });
    expect(await mergeThemesAction({ fromId: 2, intoId: 2 })).toEqual(refused("intoId", "must be another theme"));
    expect(await deleteThemeAction({ themeId: -1 })).toMatchObject({ status: "error", fieldErrors: { themeId: expect.any(Array) } });
    expect(await promoteThemesAction({ projectId: 1, themeIds: [], mode: "categorical" })).toEqual(refused("themeIds", "select at least one theme"));
    expect(await promoteThemesAction({ projectId: 1, themeIds: [1], mode: "tags" })).toEqual(refused("mode", "must be categorical or boolean"));
  });
});
