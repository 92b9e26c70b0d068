import { writeFile } from 'node:fs/promises';
import { generateQueryFiles } from './catalogue.js';

/** `npm run sql`: writes the reviewed SQL files next to this script. */
for (const [file, text] of await generateQueryFiles()) {
  await writeFile(new URL(`./${file}`, import.meta.url), text);
  console.info(`Đã ghi src/server/db/queries/${file}`);
}
