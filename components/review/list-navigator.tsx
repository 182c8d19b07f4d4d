import type { Actor } from "@/lib/auth/permissions";
import type { ProjectRef } from "@/lib/projects/projects";
import type { ListPosition } from "@/lib/review/review-lists";
import { ReviewNavigator } from "./review-navigator";

export type ReviewScreenProps = {
  actor: Actor;
  project: ProjectRef;
  position: ListPosition;
  // The review URL of a position of this list.
  at: (index: number) => string;
  listHref: string;
};

/** Navigator and progress for a position of a review list. */
export function ListNavigator({ position, at, listHref, noun }: Pick<ReviewScreenProps, "position" | "at" | "listHref"> & { noun: string }) {
  return (
    <ReviewNavigator
      previousHref={position.previousIndex === null ? null : at(position.previousIndex)}
      nextHref={position.nextIndex === null ? null : at(position.nextIndex)}
      listHref={listHref}
      position={position.index + 1}
      total={`${position.total}${position.capped ? "+" : ""}`}
      doneByMe={position.doneByMe}
      noun={noun}
    />
  );
}
