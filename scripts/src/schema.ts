/** npm run schema [-- --check]: regenerate schema/ from the code, or fail when it has drifted. */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCHEMA_DIR, composeSchemas, schemaDrift } from './compose.js';

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const drifted = await schemaDrift();
    if (drifted.length) {
      console.error(`schema/ is out of date: ${drifted.join(', ')}. Run \`npm run schema\` and commit the result.`);
      process.exit(1);
    }
    console.log('schema/ matches the code.');
    return;
  }
  const { files } = await composeSchemas();
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(SCHEMA_DIR, name), content);
  console.log(
    `Wrote ${Object.keys(files)
      .map((name) => `schema/${name}`)
      .join(', ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
