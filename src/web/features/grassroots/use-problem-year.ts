import { useServerMeta } from '../../app/api/meta';
import { todayInVietnam } from '../../app/format/dates';

/** The year a screen opens on: the demo's when the demo province is loaded, else this year. */
export function useProblemDefaultYear(): { year: number; today: string } {
  const meta = useServerMeta();
  const today = meta.data?.demoAsOf ?? todayInVietnam();
  return { year: Number(today.slice(0, 4)), today };
}
