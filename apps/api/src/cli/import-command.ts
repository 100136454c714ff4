import type { INestApplicationContext } from '@nestjs/common';
import { userInfo, hostname } from 'node:os';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { HttpException } from '@nestjs/common';
import { RorImportService } from '../imports/ror/ror-import.service';
import { ROR_FILE_LIMIT_BYTES } from '../imports/ror/ror-records';

export const IMPORT_USAGE = `usage: npm run import -- --kind ror --file FILE [--dry-run] [--sectors JSON] [--matches JSON] [--json]
  --kind ror     a Research Organization Registry dump (schema v2, JSON or JSON gzipped)
  --dry-run      preview only: print what each record would do, write nothing
  --sectors      ROR type → sector over the default mapping, e.g. '{"company":"big_tech"}'
  --matches      ROR id → organization id or "new", for records the preview found ambiguous
  --json         print the whole answer (every record) as JSON, as the API gives it`;

/** The arguments of `main.js import …`, checked before anything starts: null (and the usage printed) if wrong. */
export function importArguments(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        kind: { type: 'string' },
        file: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        sectors: { type: 'string' },
        matches: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (values.kind !== 'ror' || !values.file) throw new Error(values.kind && values.kind !== 'ror' ? `--kind ${values.kind}: only ror can be imported from the command line` : '--kind and --file are required');
    return {
      file: values.file,
      dryRun: values['dry-run'],
      json: values.json,
      sectors: values.sectors ? JSON.parse(values.sectors) : undefined,
      matches: values.matches ? JSON.parse(values.matches) : undefined,
    };
  } catch (error) {
    console.error(`${(error as Error).message}\n${IMPORT_USAGE}`);
    return null;
  }
}

/**
 * Runs an import in the app's context (its database, its rules and its audit log) without serving
 * HTTP; the audit log names the command line's user and host. Returns the exit code.
 */
export async function runImport(app: INestApplicationContext, args: NonNullable<ReturnType<typeof importArguments>>): Promise<number> {
  if ((await stat(args.file)).size > ROR_FILE_LIMIT_BYTES) {
    console.error(`${args.file} is larger than ${ROR_FILE_LIMIT_BYTES / 1024 / 1024} MB`);
    return 2;
  }
  const actor = { id: null, email: `npm run import (${userInfo().username}@${hostname()})` };
  try {
    const result = await app.get(RorImportService).run(await readFile(args.file), basename(args.file), args, actor);
    if (args.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      for (const row of result.rows.filter((r) => r.action === 'ambiguous' || r.action === 'skip')) {
        console.log(`record ${row.row} ${row.rorId} ${row.name}: ${row.action}${row.reason ? `, ${row.reason}` : ''}${row.candidates ? ` (${row.candidates.map((c) => `${c.id} ${c.name}`).join('; ')})` : ''}`);
      }
      const { created, updated, unchanged, skipped, ambiguous, linksOutside } = result.totals;
      console.log(
        `${result.dryRun ? 'Preview, nothing written' : `Imported as ${result.importId}`}: ${created} created, ${updated} updated, ` +
          `${unchanged} unchanged, ${skipped} skipped, ${ambiguous} ambiguous; ${linksOutside} links to records outside the file`,
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    console.error((error.getResponse() as { message: string }).message);
    return 1;
  }
}
