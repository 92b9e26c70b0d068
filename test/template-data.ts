import type { Db } from '../src/server/db/database.js';

/** What every test database starts with besides the schema. */
export async function prepareTemplateData(_db: Db): Promise<void> {}
