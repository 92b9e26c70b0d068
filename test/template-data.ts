import type { Db } from '../src/server/db/database.js';
import { ensureOfficialTerritoryLoaded } from '../src/server/territory/territory.service.js';

/** Every test database starts with the schema and the official administrative units, as a real start gives. */
export async function prepareTemplateData(db: Db): Promise<void> {
  await ensureOfficialTerritoryLoaded(db, { info: () => undefined, warn: () => undefined });
}
