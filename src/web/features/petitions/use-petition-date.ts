import { useServerMeta } from '../../app/api/meta';
import { todayInVietnam } from '../../app/format/dates';

/** The day deadlines are read on: the demo's date when the demo province is loaded (its cases would all look years overdue today), else today. */
export function usePetitionDefaultDate(): { defaultAsOf: string; demoAsOf: string | null } {
  const meta = useServerMeta();
  const demoAsOf = meta.data?.demoAsOf ?? null;
  return { defaultAsOf: demoAsOf ?? todayInVietnam(), demoAsOf };
}
