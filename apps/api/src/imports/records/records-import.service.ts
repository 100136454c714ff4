import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, type FieldChanges, type RecordKind } from '@talentflow/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, type EntityTarget, In } from 'typeorm';
import { conflict, fieldErrors } from '../../common/api-errors';
import { CreateHeadcountObservationDto } from '../../headcount/dto/create-headcount-observation.dto';
import { CreateHeadcountTargetDto } from '../../headcount/dto/create-headcount-target.dto';
import { HeadcountObservation } from '../../headcount/headcount-observation.entity';
import { HeadcountTarget } from '../../headcount/headcount-target.entity';
import { CreateOrganizationDto } from '../../organizations/dto/create-organization.dto';
import { Organization } from '../../organizations/organization.entity';
import { CreatePersonDto } from '../../people/dto/create-person.dto';
import { Person } from '../../people/person.entity';
import { CreateSourceDto } from '../../sources/dto/create-source.dto';
import { Source } from '../../sources/source.entity';
import { canonicalSourceUrl } from '../../sources/source-url';
import type { ImportTotals } from '../import.entity';
import { ImportProgressReport } from '../import-progress';
import { auditImport, blockingRows, CITATIONS, type ImportActor, type ImportOptions, previewOrCommit, recordImport, sha256, writeInChunks } from '../import-writes';
import { byNames, IDENTIFIERS, organizationsNamed, peopleNamed, rorIdIn, similarOrganizations, SUGGESTED_NAMES } from '../matching';
import { normalized } from '../names';
import { readRecordsFile, type RecordRow } from './record-file';

export interface RecordsImportOptions extends ImportOptions {
  /** Header in the file → column (see RECORD_COLUMNS), or "ignore". */
  columns?: Record<string, string>;
  /** `organization:<name as in the file>` or `person:<name>` → the id of the record it is, or "new". */
  matches?: Record<string, string>;
}

/** What one row does: creates a record, fills in what a stored one lacks, repeats one, or cannot. */
export interface RecordsImportRow {
  row: number;
  action: 'create' | 'update' | 'skip' | 'ambiguous' | 'error';
  /** The record, as a list shows it. */
  name?: string;
  /** The record it is or will be, and how it was found. */
  record?: { id: string; by: 'ror id' | 'identifier' | 'name' | 'address' | 'organization and date' | 'chosen' | 'new' };
  /** For an update: the fields it fills in (empty ones) or adds to (lists). */
  changes?: FieldChanges;
  /** Values the file gives that differ from the stored ones, which an import keeps. */
  kept?: Record<string, string>;
  duplicateOf?: string;
  ask?: { key: string; candidates: { id: string; name: string }[] }[];
  /** For an organisation not found: stored ones of similar names, which `matches` may choose. */
  suggest?: { key: string; candidates: { id: string; name: string }[] }[];
  errors?: Record<string, string>;
}

export interface RecordsImportResult {
  importId: string | null;
  dryRun: boolean;
  kind: RecordKind;
  fileName: string;
  fileSha256: string;
  columns: { header: string; column: string | null }[];
  totals: ImportTotals & { ambiguous: number; errors: number; sourcesCreated: number };
  rows: RecordsImportRow[];
}

type Fields = Record<string, unknown>;

/** Each kind: its table's entity, the create request a row must pass, the fields it writes, and its name in a list. */
const KINDS: Record<RecordKind, { entity: EntityTarget<object>; dto: new () => object; fields: string[]; label: (input: Fields) => string }> = {
  organizations: {
    entity: Organization,
    dto: CreateOrganizationDto,
    fields: ['name', 'aliases', 'sector', 'country', 'city', 'parentId', 'website', 'foundedOn', 'rorId', 'wikidataId'],
    label: (input) => String(input.name),
  },
  people: {
    entity: Person,
    dto: CreatePersonDto,
    fields: ['name', 'aliases', ...IDENTIFIERS, 'homepage', 'fields', 'notes'],
    label: (input) => String(input.name),
  },
  sources: {
    entity: Source,
    dto: CreateSourceDto,
    fields: ['url', 'title', 'publisher', 'publishedOn', 'language', 'excerpt'],
    label: (input) => String(input.title ?? input.url),
  },
  'headcount-targets': {
    entity: HeadcountTarget,
    dto: CreateHeadcountTargetDto,
    fields: ['organizationId', 'low', 'high', 'population', 'dueBy', 'statedOn'],
    label: (input) => `${input.organization}: ${input.low === input.high ? input.low : `${input.low}–${input.high}`} ${input.population}${input.dueBy ? ` by ${input.dueBy}` : ''}`,
  },
  'headcount-observations': {
    entity: HeadcountObservation,
    dto: CreateHeadcountObservationDto,
    fields: ['organizationId', 'observedOn', 'count', 'population'],
    label: (input) => `${input.organization}: ${input.count} ${input.population} on ${input.observedOn}`,
  },
};

const empty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a row adds to the stored record it is: the fields the record leaves empty, and the items of
 * a list (aliases, fields, cited sources) it lacks. Values that differ from stored ones are kept as
 * stored and reported: an import never overwrites what someone entered.
 */
function fillIn(stored: Fields, input: Fields, fields: string[]): { changes: FieldChanges; kept: Record<string, string> } {
  const changes: FieldChanges = {};
  const kept: Record<string, string> = {};
  for (const field of [...fields, 'sourceIds']) {
    const [before, value] = [stored[field], input[field]];
    if (empty(value)) continue;
    if (Array.isArray(value)) {
      const union = [...new Set([...((before as unknown[]) ?? []), ...value])];
      if (union.length > ((before as unknown[]) ?? []).length) changes[field] = { before: before ?? [], after: union };
    } else if (empty(before)) {
      changes[field] = { before: null, after: value };
    } else if (!same(before, value)) {
      kept[field] = `${before} (the file says ${value})`;
    }
  }
  return { changes, kept };
}

/**
 * Imports a spreadsheet of one kind of record: organisations, people, sources, headcount targets or
 * observed headcounts, one per row. Each row passes the same checks as a create request, then:
 * - is found among stored records (organisations by ROR id, else name or alias; people by any
 *   identifier, else name; sources by address; headcounts by organisation, population and date):
 *   found, it fills in what the stored record lacks (an update, audited) or else is skipped as a
 *   repeat; several found, it is asked; none, it creates a record;
 * - names its organisation (headcounts) or parent (organisations) by name or ROR id, among stored
 *   organisations or, for a parent, the file's own rows; and its source by address, created if new.
 * Rows that are the same record as an earlier row are skipped, naming it.
 */
@Injectable()
export class RecordsImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run(kind: RecordKind, file: Buffer, fileName: string, options: RecordsImportOptions, actor: ImportActor): Promise<RecordsImportResult> {
    const progress = new ImportProgressReport(this.dataSource, options.progress, actor.id);
    return progress.around(async () => {
      const { columns, rows } = await readRecordsFile(kind, file, options.columns);
      const meta = { kind, fileName, fileSha256: sha256(file), columns };
      return previewOrCommit(
        this.dataSource,
        progress,
        options.dryRun,
        (manager) => this.plan(manager, kind, rows, options.matches ?? {}, meta),
        (plan) => blockingRows(plan),
        (manager, plan) => this.commit(manager, plan, actor, progress),
      );
    });
  }

  private async plan(
    manager: EntityManager,
    kind: RecordKind,
    rows: RecordRow[],
    matches: Record<string, string>,
    meta: Pick<RecordsImportResult, 'kind' | 'fileName' | 'fileSha256' | 'columns'>,
  ) {
    const spec = KINDS[kind];
    const readable = rows.filter((row) => Object.keys(row.errors).length === 0);
    const chosenIds = Object.values(matches).filter((id) => id !== 'new');

    // The organisations rows point at (a headcount's, an organisation's parent), and, for a file of
    // organisations, the stored ones its rows may be: one lookup.
    const pointedAt = readable.flatMap((row) => (row.organization ? [row.organization] : []));
    const ownNames = kind === 'organizations' ? readable.map((row) => String(row.input.name)) : [];
    const named = [...pointedAt, ...ownNames];
    const organizations = await organizationsNamed(manager, {
      rorIds: [...new Set([...named.flatMap((n) => rorIdIn(n) ?? []), ...readable.flatMap((row) => (row.input.rorId ? [String(row.input.rorId)] : []))])],
      names: [...new Set(named.filter((n) => !rorIdIn(n)).map(normalized))],
      ids: chosenIds,
    });
    const orgsByName = byNames(organizations.filter((o) => !o.withdrawn));
    const orgByRor = new Map(organizations.flatMap((o) => (o.rorId ? [[o.rorId, o] as const] : [])));
    const orgById = new Map(organizations.map((o) => [o.id, o]));
    const unknown = [...new Set(pointedAt.filter((n) => !rorIdIn(n) && !orgsByName.has(normalized(n))))];
    const suggestions = await similarOrganizations(manager, unknown.slice(0, SUGGESTED_NAMES));

    // The people a file of people may be.
    const people =
      kind === 'people'
        ? await peopleNamed(manager, {
            identifiers: Object.fromEntries(IDENTIFIERS.map((k) => [k, [...new Set(readable.flatMap((r) => (r.input[k] ? [String(r.input[k])] : [])))]])) as never,
            names: [...new Set(readable.map((row) => normalized(String(row.input.name))))],
            ids: chosenIds,
          })
        : [];
    const peopleByName = byNames(people);

    // Sources, by address: those a file of sources may be, and those headcounts cite.
    const urls = [
      ...new Set(readable.flatMap((row) => [row.sourceUrl, kind === 'sources' ? row.input.url : undefined].filter((u) => typeof u === 'string')).map((u) => canonicalSourceUrl(u) as string)),
    ];
    const storedSources = urls.length ? await manager.find(Source, { where: { url: In(urls) } }) : [];
    const sourceByUrl = new Map(storedSources.map((s) => [s.url, s]));
    const newSources = new Map<string, { id: string; url: string }>();

    const ask: Record<number, NonNullable<RecordsImportRow['ask']>> = {};
    const suggest: Record<number, NonNullable<RecordsImportRow['suggest']>> = {};
    const asking = (row: number, key: string, candidates: { id: string; name: string }[]) => (ask[row] ??= []).push({ key, candidates });

    /** The organisation a name or ROR id points at: its id, or an error, or a question. */
    const organizationOf = (row: RecordRow, field: string, errors: Record<string, string>, fromFile: Map<string, string>): string | undefined => {
      const name = row.organization as string;
      const rorId = rorIdIn(name);
      if (rorId) {
        const found = orgByRor.get(rorId)?.id ?? fromFile.get(`ror:${rorId}`);
        if (!found) errors[field] = `no organization has the ROR id ${rorId}: import the registry or create it first`;
        return found;
      }
      const key = `organization:${name}`;
      if (matches[key] && matches[key] !== 'new') {
        if (!orgById.has(matches[key])) errors[field] = `matches["${key}"] is not a live organization`;
        return matches[key];
      }
      const found = orgsByName.get(normalized(name)) ?? [];
      if (found.length === 1) return found[0].id;
      if (found.length > 1) return void asking(row.row, key, found.map(({ id, name }) => ({ id, name })));
      const own = fromFile.get(`name:${normalized(name)}`);
      if (own) return own;
      const similar = suggestions.get(name) ?? [];
      if (similar.length) suggest[row.row] = [{ key, candidates: similar }];
      errors[field] =
        `"${name}" is not in Talentflow: create it first` +
        (similar.length ? `, or choose one of ${similar.map((s) => `${s.name} (${s.id})`).join(', ')} in matches["${key}"]` : '');
      return undefined;
    };

    // The id each row of organisations will have (stored or new), for parents named in the file.
    const fileOrganizations = new Map<string, string>();
    const recordIds = new Map<number, string>();
    const storedOrganizations = new Map<number, ReturnType<RecordsImportService['storedOrganization']>>();
    if (kind === 'organizations') {
      for (const row of readable) {
        const keys = [`name:${normalized(String(row.input.name))}`, ...((row.input.aliases as string[]) ?? []).map((a) => `name:${normalized(a)}`)];
        if (row.input.rorId) keys.unshift(`ror:${row.input.rorId}`);
        // A row of the same ROR id, or else of the same name, as an earlier one is the same organisation.
        const earlier = fileOrganizations.get(keys[0]);
        const stored = this.storedOrganization(row, matches, orgByRor, orgsByName);
        storedOrganizations.set(row.row, stored);
        const id = stored?.id ?? earlier ?? randomUUID();
        recordIds.set(row.row, id);
        for (const key of keys) if (!fileOrganizations.has(key)) fileOrganizations.set(key, id);
      }
    }

    // Each row's fields, its references resolved, checked as a create request is.
    const checked = await Promise.all(
      rows.map(async (row) => {
        if (Object.keys(row.errors).length > 0) return { row, errors: row.errors };
        const errors: Record<string, string> = {};
        const input: Fields = { ...row.input };
        if (row.organization) {
          const field = kind === 'organizations' ? 'parent' : 'organization';
          const id = organizationOf(row, field, errors, fileOrganizations);
          if (id) input[kind === 'organizations' ? 'parentId' : 'organizationId'] = id;
          if (id && id === recordIds.get(row.row)) errors.parent = 'is the organization itself';
        }
        if (row.sourceUrl) {
          const url = canonicalSourceUrl(row.sourceUrl) as string;
          if (!/^https?:\/\/\S+$/.test(url)) errors.sourceUrl = `"${row.sourceUrl}" is not an address starting with http:// or https://`;
          else {
            const source = sourceByUrl.get(url) ?? newSources.get(url) ?? { id: randomUUID(), url };
            if (!sourceByUrl.has(url)) newSources.set(url, source);
            input.sourceIds = [source.id];
          }
        }
        const dto = plainToInstance(spec.dto, input);
        Object.assign(errors, fieldErrors(await validate(dto, { whitelist: true, forbidNonWhitelisted: true })));
        // The request as checked and transformed (addresses made canonical), without the fields it leaves out.
        return { row, errors, input: Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) };
      }),
    );

    // Stored headcounts of the organisations named, and the people and sources found, in full.
    const storedById = new Map<string, Fields>();
    const load = async (entity: EntityTarget<object>, where: object) => {
      for (const record of (await manager.find(entity, { where })) as Fields[]) storedById.set(String(record.id), record);
    };
    const organizationIds = [...new Set(checked.flatMap((c) => (c.input?.organizationId ? [String(c.input.organizationId)] : [])))];
    if (kind === 'organizations') await load(Organization, { id: In([...recordIds.values()]) });
    if (kind === 'people') await load(Person, { id: In([...people.map((p) => p.id), ...chosenIds]) });
    if (kind === 'sources') for (const source of storedSources) storedById.set(source.id, source as unknown as Fields);
    const isHeadcount = kind === 'headcount-targets' || kind === 'headcount-observations';
    if (isHeadcount) await load(spec.entity, { organizationId: In(organizationIds) });
    const headcountKey = (r: Fields) =>
      kind === 'headcount-targets' ? `${r.organizationId}|${r.population}|${r.dueBy ?? ''}` : `${r.organizationId}|${r.population}|${r.observedOn}`;
    const headcounts = new Map(isHeadcount ? [...storedById.values()].map((r) => [headcountKey(r), String(r.id)]) : []);

    const creates: Fields[] = [];
    const updates: { id: string; version: number; fields: Fields; changes: FieldChanges }[] = [];
    const firstRowOf = new Map<string, number>();
    const planned: RecordsImportRow[] = checked.map(({ row, errors, input }) => {
      if (!input || Object.keys(errors).length > 0) return { row: row.row, action: 'error', errors, ...(suggest[row.row] ? { suggest: suggest[row.row] } : {}) };
      // Headcounts are shown with their organisation's stored name.
      const organization = orgById.get(String(input.organizationId))?.name ?? row.organization;
      const out: RecordsImportRow = { row: row.row, action: 'create', name: spec.label({ ...input, organization }) };
      // The stored record it is, if any, and how it was found; or the identity a new one has in the file.
      let found: { id: string; by: NonNullable<RecordsImportRow['record']>['by'] } | undefined;
      let identity: string;
      if (kind === 'organizations') {
        const stored = storedOrganizations.get(row.row);
        if (stored?.ambiguous) asking(row.row, `organization:${input.name}`, stored.ambiguous);
        found = stored && !stored.ambiguous ? { id: stored.id as string, by: stored.by } : undefined;
        identity = recordIds.get(row.row) as string;
      } else if (kind === 'people') {
        const key = `person:${input.name}`;
        const byIdentifier = [...new Set(IDENTIFIERS.flatMap((k) => (input[k] ? people.filter((p) => p[k] === input[k]) : [])))];
        const namesakes = (peopleByName.get(normalized(String(input.name))) ?? []).filter((p) => IDENTIFIERS.every((k) => !p[k] || !input[k] || p[k] === input[k]));
        if (matches[key] && matches[key] !== 'new') found = { id: matches[key], by: 'chosen' };
        else if (byIdentifier.length > 1) errors.name = `its identifiers name ${byIdentifier.length} different people: ${byIdentifier.map((p) => p.name).join(', ')}`;
        else if (byIdentifier.length === 1) found = { id: byIdentifier[0].id, by: 'identifier' };
        else if (matches[key] !== 'new' && namesakes.length > 1) asking(row.row, key, namesakes.map(({ id, name }) => ({ id, name })));
        else if (matches[key] !== 'new' && namesakes.length === 1) found = { id: namesakes[0].id, by: 'name' };
        const identifier = IDENTIFIERS.find((k) => input[k]);
        identity = found?.id ?? (identifier ? `${identifier}:${input[identifier]}` : `name:${normalized(String(input.name))}`);
      } else if (kind === 'sources') {
        const stored = sourceByUrl.get(String(input.url));
        found = stored && { id: stored.id, by: 'address' };
        identity = String(input.url);
      } else {
        const stored = headcounts.get(headcountKey(input));
        found = stored ? { id: stored, by: 'organization and date' } : undefined;
        identity = headcountKey(input);
      }
      if (Object.keys(errors).length > 0) return { ...out, action: 'error', errors };
      if (ask[row.row]) return { ...out, action: 'ambiguous', ask: ask[row.row] };

      const key = found?.id ?? identity;
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) return { ...out, action: 'skip', duplicateOf: `row ${earlier}`, record: found };
      firstRowOf.set(key, row.row);
      if (!found) {
        const id = kind === 'organizations' ? identity : randomUUID();
        creates.push({ id, ...input });
        return { ...out, record: { id, by: 'new' } };
      }
      const stored = storedById.get(found.id);
      if (!stored) return { ...out, action: 'error', errors: { [kind === 'people' ? 'name' : 'record']: `${found.id} is not a live record of ${kind}` } };
      const { changes, kept } = fillIn(stored, input, spec.fields);
      const keptToo = Object.keys(kept).length ? { kept } : {};
      if (Object.keys(changes).length === 0) return { ...out, action: 'skip', record: found, duplicateOf: found.id, ...keptToo };
      updates.push({ id: found.id, version: Number(stored.version), fields: Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, c.after])), changes });
      return { ...out, action: 'update', record: found, changes, ...keptToo };
    });

    // Only the sources a row that will be written cites are created.
    const cited = new Set([...creates, ...updates.map((u) => u.fields)].flatMap((r) => (r.sourceIds as string[] | undefined) ?? []));
    const sources = [...newSources.values()].filter((s) => cited.has(s.id));
    const count = (action: RecordsImportRow['action']) => planned.filter((r) => r.action === action).length;
    const result: RecordsImportResult = {
      importId: null,
      dryRun: true,
      ...meta,
      totals: {
        created: creates.length,
        updated: updates.length,
        unchanged: 0,
        skipped: count('skip'),
        ambiguous: count('ambiguous'),
        errors: count('error'),
        sourcesCreated: sources.length,
      },
      rows: planned,
    };
    return { result, creates, updates, sources };
  }

  /** The stored organisation a row of organisations is: by ROR id, else a choice, else by name or alias. */
  private storedOrganization(
    row: RecordRow,
    matches: Record<string, string>,
    orgByRor: Map<string, { id: string; name: string }>,
    orgsByName: Map<string, { id: string; name: string; rorId: string | null }[]>,
  ): { id?: string; by: 'ror id' | 'chosen' | 'name'; ambiguous?: { id: string; name: string }[] } | undefined {
    const rorId = row.input.rorId as string | undefined;
    const byRor = rorId ? orgByRor.get(rorId) : undefined;
    if (byRor) return { id: byRor.id, by: 'ror id' };
    const choice = matches[`organization:${row.input.name}`];
    if (choice === 'new') return undefined;
    if (choice) return { id: choice, by: 'chosen' };
    // Another registry record of the same name is another organisation.
    const found = (orgsByName.get(normalized(String(row.input.name))) ?? []).filter((o) => !rorId || !o.rorId);
    if (found.length === 1) return { id: found[0].id, by: 'name' };
    if (found.length > 1) return { by: 'name', ambiguous: found.map(({ id, name }) => ({ id, name })) };
    return undefined;
  }

  /**
   * Writes the plan: new sources, new records (a statement per chunk of rows), then what stored
   * records gain, each update audited and refused (409) if the record changed since the plan.
   */
  private async commit(
    manager: EntityManager,
    { result, creates, updates, sources }: Awaited<ReturnType<RecordsImportService['plan']>>,
    actor: ImportActor,
    progress: ImportProgressReport,
  ): Promise<RecordsImportResult> {
    const spec = KINDS[result.kind];
    const metadata = manager.connection.getMetadata(spec.entity);
    const table = metadata.tableName;
    const column = (field: string) => metadata.findColumnWithPropertyName(field)?.databaseName as string;
    const { ambiguous: _a, errors: _e, sourcesCreated: _s, ...totals } = result.totals;
    const importId = await recordImport(manager, result.kind, result, actor, totals);
    await progress.stage('writing', sources.length + creates.length + updates.length);

    await writeInChunks(progress, sources, (chunk) =>
      manager.query(`INSERT INTO sources (id, url, import_id) SELECT unnest($1::uuid[]), unnest($2::text[]), $3`, [
        chunk.map((s) => s.id),
        chunk.map((s) => s.url),
        importId,
      ]),
    );
    // Rows as the table's own record type takes them: json_populate_recordset reads the columns by name.
    const asRow = (record: Fields) => Object.fromEntries(Object.entries(record).filter(([field]) => field !== 'sourceIds').map(([field, value]) => [column(field), value]));
    const columns = ['id', ...spec.fields].map(column);
    const lists = Object.fromEntries(spec.fields.filter((f) => f === 'aliases' || f === 'fields').map((f) => [f, []]));
    const insert = (chunk: Fields[]) =>
      manager.query(
        `INSERT INTO ${table} (${columns.join(', ')}, import_id)
         SELECT ${columns.map((c) => `x.${c}`).join(', ')}, $2 FROM json_populate_recordset(NULL::${table}, $1) AS x`,
        // Lists the row leaves out are empty lists, as a create request leaves them.
        [JSON.stringify(chunk.map((record) => asRow({ ...lists, ...record }))), importId],
      );
    // A file of organisations in one statement: a parent may be a row after its children (foreign
    // keys are checked at the statement's end).
    if (result.kind === 'organizations' && creates.length) await insert(creates).then(() => progress.advance(creates.length));
    else await writeInChunks(progress, creates, insert);

    await writeInChunks(progress, updates, async (chunk) => {
      const [, changed] = await manager.query(
        `UPDATE ${table} t SET ${spec.fields.map((f) => `${column(f)} = COALESCE(x.${column(f)}, t.${column(f)})`).join(', ')},
                version = t.version + 1, updated_at = now()
         FROM json_populate_recordset(NULL::${table}, $1) AS x WHERE t.id = x.id AND t.version = x.version AND t.deleted_at IS NULL`,
        [JSON.stringify(chunk.map((u) => ({ ...asRow(u.fields), id: u.id, version: u.version })))],
      );
      if (changed !== chunk.length) throw conflict(`Some ${result.kind} records changed while the file was imported: preview it again; nothing was written`);
    });

    const citations = CITATIONS.find((citation) => citation.owner === table);
    if (citations) {
      const links = [...creates, ...updates.map((u): Fields => ({ id: u.id, ...u.fields }))].flatMap((r) => ((r.sourceIds as string[]) ?? []).map((s) => [r.id, s]));
      await manager.query(
        `INSERT INTO ${citations.table} (${citations.ownerColumn}, source_id) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
        [links.map(([id]) => id), links.map(([, source]) => source)],
      );
    }
    await auditImport(manager, actor, result.kind, updates.map(({ id, changes }) => ({ action: AuditAction.Update, id, changes })));
    return { ...result, importId, dryRun: false };
  }
}
