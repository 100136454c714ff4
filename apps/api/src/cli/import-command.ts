import { HttpException, type INestApplicationContext, ValidationPipe } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { RECORD_KINDS } from '@talentflow/domain';
import { VALIDATION_OPTIONS } from '../common/validation';
import { MovesImportDto } from '../imports/dto/moves-import.dto';
import { RorImportDto } from '../imports/dto/ror-import.dto';
import { RecordsImportDto } from '../imports/dto/records-import.dto';
import { RosterImportDto } from '../imports/dto/roster-import.dto';
import type { ImportActor } from '../imports/import-writes';
import { ImportsService } from '../imports/imports.service';
import { RecordsImportService } from '../imports/records/records-import.service';
import { RosterImportService } from '../imports/rosters/roster-import.service';
import { TABLE_FILE_LIMIT_BYTES } from '../imports/table-file';
import { MovesImportService } from '../imports/moves/moves-import.service';
import { RorImportService } from '../imports/ror/ror-import.service';
import { ROR_FILE_LIMIT_BYTES } from '../imports/ror/ror-records';

export const IMPORT_USAGE = `usage: npm run import -- --kind KIND --file FILE [--dry-run] [--json] [options]
  --kind ror     a Research Organization Registry dump (schema v2, JSON or JSON gzipped)
  --kind moves   a CSV or XLSX file of moves, with the people, organizations and sources they name
  --kind roster  a CSV or XLSX lab roster over time: dated snapshots of who is in which lab
  --kind organizations|people|sources|headcount-targets|headcount-observations
                 a CSV or XLSX file of such records, one per row
  --dry-run      preview only: print what each record or row would do, write nothing
  --json         print the whole answer (every record or row) as JSON, as the API gives it
  --sectors      (ror) ROR type → sector over the default mapping, e.g. '{"company":"big_tech"}'
  --columns      (spreadsheets) header → column, e.g. '{"Who":"person"}'
  --matches      the answers to what a preview asked, as JSON (see the README)`;

type Run = (
  app: INestApplicationContext,
  file: Buffer,
  fileName: string,
  options: never,
  actor: ImportActor,
) => Promise<{ rows: { row: number; action: string }[]; totals: object; dryRun: boolean; importId: string | null }>;

/** Each kind: the options it takes (checked as the API checks them), its size limit and how it runs. */
const KINDS: Record<string, { options: new () => object; limit: number; run: Run }> = {
  ror: { options: RorImportDto, limit: ROR_FILE_LIMIT_BYTES, run: (app, ...args) => app.get(RorImportService).run(...args) },
  moves: { options: MovesImportDto, limit: TABLE_FILE_LIMIT_BYTES, run: (app, ...args) => app.get(MovesImportService).run(...args) },
  roster: { options: RosterImportDto, limit: TABLE_FILE_LIMIT_BYTES, run: (app, ...args) => app.get(RosterImportService).run(...args) },
  ...Object.fromEntries(
    RECORD_KINDS.map((kind) => [
      kind,
      { options: RecordsImportDto, limit: TABLE_FILE_LIMIT_BYTES, run: ((app, ...args) => app.get(RecordsImportService).run(kind, ...args)) as Run },
    ]),
  ),
};

export interface ImportArguments {
  kind: string;
  file: string;
  json: boolean;
  options: Record<string, string | undefined>;
}

/** The arguments of `main.js import …`, read before anything starts: null (and the usage printed) if wrong. */
export function importArguments(argv: string[]): ImportArguments | null {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        kind: { type: 'string' },
        file: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        sectors: { type: 'string' },
        columns: { type: 'string' },
        matches: { type: 'string' },
      },
    });
    if (!values.file || !(values.kind && values.kind in KINDS)) throw new Error(`--kind (${Object.keys(KINDS).join(', ')}) and --file are required`);
    const { sectors, columns, matches } = values;
    return {
      kind: values.kind,
      file: values.file,
      json: values.json,
      options: { dryRun: String(values['dry-run']), sectors, columns, matches },
    };
  } catch (error) {
    console.error(`${(error as Error).message}\n${IMPORT_USAGE}`);
    return null;
  }
}

/** Prints each change of an import's stage or count on stderr, asking once a second, until stopped. */
function printProgress(imports: ImportsService, key: string, actor: ImportActor): { stop: () => void } {
  let last = '';
  const timer = setInterval(async () => {
    const now = await imports.progress(key, actor).catch(() => null);
    const line = now && (now.stage === 'writing' ? `writing: ${now.done.toLocaleString('en')} of ${now.total.toLocaleString('en')} records` : now.stage);
    if (line && line !== last) console.error((last = line));
  }, 1000);
  return { stop: () => clearInterval(timer) };
}

/**
 * Runs an import in the app's context (its database, its rules and its audit log) without serving
 * HTTP; the audit log names the command line's user and host. Returns the exit code.
 */
export async function runImport(app: INestApplicationContext, args: ImportArguments): Promise<number> {
  const kind = KINDS[args.kind];
  if ((await stat(args.file)).size > kind.limit) {
    console.error(`${args.file} is larger than ${kind.limit / 1024 / 1024} MB, the most this import takes`);
    return 2;
  }
  const actor = { id: null, email: `npm run import (${userInfo().username}@${hostname()})` };
  try {
    const defined = Object.fromEntries(Object.entries(args.options).filter(([, value]) => value !== undefined));
    const options = await new ValidationPipe({ ...VALIDATION_OPTIONS, expectedType: kind.options }).transform(defined, { type: 'body' });
    // The import reports its progress as it does to the web app; the command prints it on stderr.
    const progress = randomUUID();
    const printing = printProgress(app.get(ImportsService), progress, actor);
    const result = await kind
      .run(app, await readFile(args.file), basename(args.file), { ...options, progress } as never, actor)
      .finally(() => printing.stop());
    if (args.json) {
      console.log(JSON.stringify(result, null, 2));
      return 0;
    }
    for (const row of result.rows) {
      if (row.action !== 'create' && row.action !== 'update' && row.action !== 'unchanged') console.log(JSON.stringify(row));
    }
    console.log(`${result.dryRun ? 'Preview, nothing written' : `Imported as ${result.importId}`}: ${JSON.stringify(result.totals)}`);
    return 0;
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    const body = error.getResponse() as { message: string };
    console.error(body.message);
    return 1;
  }
}
