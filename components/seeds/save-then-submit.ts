export type TSaved = { id: string; version: number };

/**
 * The editor's "Submit for review": save first when anything is unsaved (always for a seed never
 * saved), then submit the version that save returned under the id it returned. A new seed's id
 * exists only in the save's answer, not in the state the click was rendered with.
 */
export async function saveThenSubmit<R>(
  current: { id: string | undefined; version: number; dirty: boolean },
  save: () => Promise<TSaved | null>,
  submit: (saved: TSaved) => Promise<R>,
): Promise<R | null> {
  const saved = current.id && !current.dirty ? { id: current.id, version: current.version } : await save();
  return saved ? submit(saved) : null;
}
