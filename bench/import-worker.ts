import { connectDatabase } from '../src/server/db/database.js';
import { benchCadreImport } from './cadres.bench.js';

/**
 * The import bench in a process of its own: its peak memory is then the
 * import's, not what the bench's server and caches grew to before it.
 * Usage: tsx bench/import-worker.ts DATABASE_URL ROWS — prints one JSON line.
 */
const [url, rows] = process.argv.slice(2);
if (!url || !rows) throw new Error('usage: import-worker DATABASE_URL ROWS');
const handle = connectDatabase(url, { maxConnections: 4 });
try {
  const result = await benchCadreImport(handle.db, { rows: Number(rows) });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await handle.destroy();
}
