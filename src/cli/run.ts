import { main } from './main.js';
import { UsageError } from './usage-error.js';

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.CANBOXA_DEBUG) console.error(error);
  process.exit(1);
}
