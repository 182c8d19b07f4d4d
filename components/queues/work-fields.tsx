// The hidden fields every work-screen form sends: which project, queue and item.
export type WorkRef = { project: string; queueId: number; itemId?: number };

export function WorkFields({ project, queueId, itemId }: WorkRef) {
  return (
    <>
      <input type="hidden" name="project" value={project} />
      <input type="hidden" name="queueId" value={queueId} />
      {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
    </>
  );
}

export const workButton = {
  primary: "rounded bg-indigo-600 px-2.5 py-1 text-xs font-medium text-white hover:bg-indigo-700 disabled:opacity-50",
  secondary: "rounded border border-zinc-300 bg-white px-2.5 py-1 text-xs hover:bg-zinc-50 disabled:opacity-50",
};
