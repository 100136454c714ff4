import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { DatePrecision, MoveStatus, RoleCategory, Sector } from '@talentflow/domain';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { addAnalyticsTime } from '../common/server-timing';
import { appConfig, type AppConfig } from '../config/app.config';

/**
 * The copy of the moves that analytics read: one row per live move, in an in-memory DuckDB of this
 * process. PostgreSQL stays the system of record; the copy follows it through `analytics_changes`.
 *
 * - `organizations`: every organisation with an integer `key`, its name, sector, country and the
 *   key of its top-level parent (`root_key`).
 * - `facts`: each live move with both ends' organisation, top-level parent, sector and country, the
 *   mover's research fields, status, role category, effective date, its precision and `period_end`,
 *   the day after the period the date stands for (a move known to the year 2024: 2025-01-01).
 */
const SCHEMA = `
  CREATE TABLE organizations (key INTEGER PRIMARY KEY, id UUID UNIQUE, name VARCHAR, sector sector, country country, root_key INTEGER);
  CREATE TABLE facts (
    move_id UUID, person_id UUID,
    from_key INTEGER, to_key INTEGER, from_root INTEGER, to_root INTEGER,
    from_sector sector, to_sector sector, from_country country, to_country country,
    fields VARCHAR[], status status, role_category role_category,
    effective_on DATE, date_precision date_precision, period_end DATE
  );`;

const enumOf = (values: readonly string[]) => `ENUM (${values.map((value) => `'${value}'`).join(', ')})`;
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/**
 * The copy's categories as enumerations, which DuckDB filters and groups several times faster than
 * strings. `country` holds every two-letter code, so that any ISO 3166-1 alpha-2 code fits.
 */
const TYPES = `
  CREATE TYPE sector AS ${enumOf(Object.values(Sector))};
  CREATE TYPE country AS ${enumOf(LETTERS.flatMap((first) => LETTERS.map((second) => first + second)))};
  CREATE TYPE status AS ${enumOf(Object.values(MoveStatus))};
  CREATE TYPE role_category AS ${enumOf(Object.values(RoleCategory))};
  CREATE TYPE date_precision AS ${enumOf(Object.values(DatePrecision))};`;

/**
 * Organisations as PostgreSQL has them, each with its top-level parent (`ids`: only these and their
 * sub-organisations). A country that is not two capital letters, which the API never stores, reads as unknown.
 */
const organizationsSql = (ids?: string) => `
  WITH RECURSIVE ${ids ? `affected AS (
    SELECT id FROM organizations WHERE id IN (${ids})
    UNION SELECT o.id FROM organizations o JOIN affected a ON o.parent_id = a.id
  ), ` : ''}up AS (
    SELECT id AS organization_id, id, parent_id, 0 AS depth FROM organizations ${ids ? 'WHERE id IN (SELECT id FROM affected)' : ''}
    UNION ALL
    SELECT u.organization_id, o.id, o.parent_id, u.depth + 1 FROM up u JOIN organizations o ON o.id = u.parent_id WHERE u.depth < 50
  )
  SELECT o.id, o.name, o.sector, CASE WHEN o.country ~ '^[A-Z]{2}$' THEN o.country END AS country, r.id AS root_id
  FROM organizations o JOIN up r ON r.organization_id = o.id AND r.parent_id IS NULL`;

/** Live moves as facts with organisation ids (`where`: which moves). */
const movesSql = (where: string) => `
  SELECT m.id, m.person_id, m.from_organization_id, m.to_organization_id, array_to_json(p.fields) AS fields,
         m.status, m.role_category, m.effective_on, m.date_precision
  FROM moves m JOIN people p ON p.id = m.person_id
  WHERE m.deleted_at IS NULL AND (${where})`;

/** The people's research fields (`ids`: which people). */
const peopleSql = (ids: string) => `SELECT id, array_to_json(fields) AS fields FROM people WHERE id IN (${ids})`;

/**
 * UUIDs as SQL literals, for the SQL of a COPY (which takes no parameters) and of DuckDB. Only ids
 * read from PostgreSQL's uuid columns get here; the check keeps it so.
 */
function uuidLiterals(ids: Iterable<string>): string {
  return [...ids]
    .map((id) => {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Error(`not a UUID: ${id}`);
      return `'${id}'`;
    })
    .join(', ');
}

/** A change log row: what changed (`all`: everything, after a TRUNCATE). */
type Change = { seq: string; xid: string; entity: 'move' | 'organization' | 'person' | 'all'; id: string | null };

/** Changes are kept this long; a process that has not read them for half as long reloads everything. */
const RETENTION_HOURS = 24;

@Injectable()
export class MoveFacts implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MoveFacts.name);
  private instance?: DuckDBInstance;
  private writer?: DuckDBConnection;
  private directory?: string;
  /** Transactions from this id on may still commit changes: they are read again at each refresh. */
  private horizon = '0';
  /** The changes at or past the horizon already applied. */
  private applied = new Set<string>();
  private lastRead = 0;
  private lastPruned = 0;
  /** The refresh running now, and the one queued behind it that every new caller shares. */
  private current: Promise<void> = Promise.resolve();
  private next?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    this.instance = await DuckDBInstance.create(':memory:', { threads: String(this.config.analyticsThreads) });
    this.writer = await this.instance.connect();
    await this.writer.run(TYPES);
    this.directory = await mkdtemp(join(tmpdir(), 'talentflow-facts-'));
    await this.reload();
    const [{ moves }] = await this.read<{ moves: number }>('SELECT count(*)::INTEGER AS moves FROM facts');
    this.logger.log(`Analytics hold ${moves} moves, loaded in ${Date.now() - started} ms`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.current.catch(() => undefined);
    this.writer?.closeSync();
    this.instance?.closeSync();
    if (this.directory) await rm(this.directory, { recursive: true, force: true });
  }

  /** Brings the copy up to every write committed before this call. */
  fresh(): Promise<void> {
    this.next ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        this.current = this.refresh();
        return this.current;
      });
    return this.next;
  }

  /** Rows of a query on the copy, as plain objects (dates as ISO strings). */
  async read<T>(sql: string, params: DuckDBValue[] = []): Promise<T[]> {
    const started = performance.now();
    const connection = await this.db().connect();
    try {
      return (await connection.runAndReadAll(sql, params)).getRowObjectsJson() as T[];
    } finally {
      connection.closeSync();
      addAnalyticsTime(performance.now() - started);
    }
  }

  /** Writes a query's rows to a Parquet file and returns its path (the caller deletes it). */
  async parquet(sql: string, params: DuckDBValue[]): Promise<string> {
    const path = join(this.directory as string, `moves-${process.hrtime.bigint()}.parquet`);
    const connection = await this.db().connect();
    try {
      await connection.run(`COPY (${sql}) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`, params);
    } finally {
      connection.closeSync();
    }
    return path;
  }

  private db(): DuckDBInstance {
    if (!this.instance) throw new Error('Analytics are not loaded yet');
    return this.instance;
  }

  /** Applies the changes committed since the last refresh, or reloads everything when it must. */
  private async refresh(): Promise<void> {
    if (Date.now() - this.lastRead > (RETENTION_HOURS / 2) * 3600_000) return this.reload();
    const changes: (Change & { xmin: string })[] = await this.dataSource.query(
      `WITH s AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
       SELECT s.xmin::text AS xmin, c.seq::text AS seq, c.xid::text AS xid, c.entity, c.id
       FROM s LEFT JOIN analytics_changes c ON c.xid >= $1::xid8`,
      [this.horizon],
    );
    this.lastRead = Date.now();
    const xmin = changes[0].xmin;
    const fresh = changes.filter((change) => change.seq !== null && !this.applied.has(change.seq));
    if (fresh.some((change) => change.entity === 'all')) return this.reload();
    if (fresh.length) await this.apply(fresh);
    // Transactions before the new horizon have all ended: their changes are applied for good.
    this.horizon = xmin;
    this.applied = new Set(changes.filter((change) => change.seq !== null && BigInt(change.xid) >= BigInt(xmin)).map((change) => change.seq));
    await this.prune();
  }

  /** Loads every organisation and live move, in one snapshot of PostgreSQL, in place of what was there. */
  private async reload(): Promise<void> {
    const organizations = this.file('organizations');
    const moves = this.file('moves');
    const runner = this.dataSource.createQueryRunner();
    let xmin: string;
    try {
      const client = (await runner.connect()) as PoolClient;
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        // The statement timeout bounds a request; reading every move can take longer on a large database.
        await client.query('SET LOCAL statement_timeout = 0');
        [{ xmin }] = (await client.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`)).rows;
        await this.copy(client, organizationsSql(), organizations);
        await this.copy(client, movesSql('true'), moves);
      } finally {
        await client.query('COMMIT');
      }
    } finally {
      await runner.release();
    }
    await this.transaction(async (db) => {
      await db.run('DROP TABLE IF EXISTS facts; DROP TABLE IF EXISTS organizations;' + SCHEMA);
      await this.upsertOrganizations(db, organizations);
      // In date order, so that a range of dates reads few row groups.
      await db.run(`INSERT INTO facts ${this.factsOf(moves)} ORDER BY effective_on`);
    });
    await Promise.all([rm(organizations, { force: true }), rm(moves, { force: true })]);
    this.horizon = xmin;
    this.applied = new Set();
    this.lastRead = Date.now();
  }

  /** Applies changes: organisations first (new ones get their key), then people's fields, then moves. */
  private async apply(changes: Change[]): Promise<void> {
    const idsOf = (entity: Change['entity']) => new Set(changes.filter((change) => change.entity === entity).map((change) => change.id as string));
    const [organizationIds, personIds, moveIds] = [idsOf('organization'), idsOf('person'), idsOf('move')];
    const files: string[] = [];
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      // One snapshot for the three reads.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        for (const [ids, name, sql] of [
          [organizationIds, 'organizations', organizationsSql],
          [personIds, 'people', peopleSql],
          [moveIds, 'moves', (list: string) => movesSql(`m.id IN (${list})`)],
        ] as const) {
          const path = this.file(name);
          files.push(ids.size ? path : '');
          if (ids.size) await this.copy(client, sql(uuidLiterals(ids)), path);
        }
      } finally {
        await client.query('COMMIT');
      }
    } finally {
      await runner.release();
    }
    const [organizations, people, moves] = files;
    await this.transaction(async (db) => {
      if (organizations) {
        await this.upsertOrganizations(db, organizations);
        // Both ends of the moves of changed organisations (and of their sub-organisations) follow.
        for (const side of ['from', 'to']) {
          await db.run(`
            UPDATE facts SET ${side}_sector = o.sector, ${side}_country = o.country, ${side}_root = o.root_key
            FROM organizations o
            WHERE facts.${side}_key = o.key AND o.id IN (SELECT id FROM ${this.csv(organizations, 'ORGANIZATIONS')})`);
        }
      }
      if (people) {
        await db.run(`UPDATE facts SET fields = from_json(p.fields, '["VARCHAR"]') FROM ${this.csv(people, 'PEOPLE')} p WHERE facts.person_id = p.id`);
      }
      if (moves) {
        await db.run(`DELETE FROM facts WHERE move_id IN (${uuidLiterals(moveIds)})`);
        await db.run(`INSERT INTO facts ${this.factsOf(moves)}`);
      }
    });
    await Promise.all(files.filter(Boolean).map((file) => rm(file, { force: true })));
  }

  /** Organisations from a COPY file: updated in place, new ones keyed after the others, then roots resolved. */
  private async upsertOrganizations(db: DuckDBConnection, file: string): Promise<void> {
    await db.run(`CREATE OR REPLACE TEMP TABLE incoming AS SELECT * FROM ${this.csv(file, 'ORGANIZATIONS')}`);
    await db.run(`UPDATE organizations SET name = i.name, sector = i.sector, country = i.country FROM incoming i WHERE organizations.id = i.id`);
    await db.run(`
      INSERT INTO organizations (key, id, name, sector, country)
      SELECT (SELECT coalesce(max(key), 0) FROM organizations) + row_number() OVER (ORDER BY i.id), i.id, i.name, i.sector, i.country
      FROM incoming i WHERE i.id NOT IN (SELECT id FROM organizations)`);
    await db.run(`UPDATE organizations SET root_key = r.key FROM incoming i JOIN organizations r ON r.id = i.root_id WHERE organizations.id = i.id`);
    await db.run('DROP TABLE incoming');
  }

  /** The facts of the moves of a COPY file, each end resolved to its organisation's key, root, sector and country. */
  private factsOf(file: string): string {
    return `
      SELECT m.id, m.person_id, f.key, t.key, f.root_key, t.root_key, f.sector, t.sector, f.country, t.country,
             from_json(m.fields, '["VARCHAR"]'), m.status, m.role_category, m.effective_on, m.date_precision,
             CAST(m.effective_on + CASE m.date_precision WHEN 'year' THEN INTERVAL 1 YEAR WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 1 DAY END AS DATE)
      FROM ${this.csv(file, 'MOVES')} m
      LEFT JOIN organizations f ON f.id = m.from_organization_id
      LEFT JOIN organizations t ON t.id = m.to_organization_id`;
  }

  /** `read_csv` of a COPY file with its columns' types (PostgreSQL quotes a value that reads as its NULL). */
  private csv(file: string, columns: keyof typeof COLUMNS): string {
    return `read_csv('${file}', header = false, auto_detect = false, columns = ${COLUMNS[columns]},
                      delim = ',', quote = '"', escape = '"', nullstr = '\\N', allow_quoted_nulls = false)`;
  }

  private file(name: string): string {
    return join(this.directory as string, `${name}-${process.hrtime.bigint()}.csv`);
  }

  /** A query's rows from PostgreSQL into a CSV file. */
  private async copy(client: PoolClient, sql: string, path: string): Promise<void> {
    await pipeline(client.query(copyTo(`COPY (${sql}) TO STDOUT (FORMAT csv, NULL '\\N')`)), createWriteStream(path));
  }

  private async transaction(work: (db: DuckDBConnection) => Promise<void>): Promise<void> {
    const db = this.writer as DuckDBConnection;
    await db.run('BEGIN TRANSACTION');
    try {
      await work(db);
      await db.run('COMMIT');
    } catch (error) {
      await db.run('ROLLBACK');
      throw error;
    }
  }

  /** Deletes the changes older than the retention, at most every ten minutes. */
  private async prune(): Promise<void> {
    if (Date.now() - this.lastPruned < 600_000) return;
    this.lastPruned = Date.now();
    await this.dataSource.query(`DELETE FROM analytics_changes WHERE changed_at < now() - make_interval(hours => $1)`, [RETENTION_HOURS]);
  }
}

/** The columns of each COPY, for `read_csv`. */
const COLUMNS = {
  ORGANIZATIONS: `{'id': 'UUID', 'name': 'VARCHAR', 'sector': 'VARCHAR', 'country': 'VARCHAR', 'root_id': 'UUID'}`,
  PEOPLE: `{'id': 'UUID', 'fields': 'VARCHAR'}`,
  MOVES: `{'id': 'UUID', 'person_id': 'UUID', 'from_organization_id': 'UUID', 'to_organization_id': 'UUID', 'fields': 'VARCHAR',
           'status': 'VARCHAR', 'role_category': 'VARCHAR', 'effective_on': 'DATE', 'date_precision': 'VARCHAR'}`,
};
