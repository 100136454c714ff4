import { ForbiddenException } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import type { Response } from 'express';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { isIsoCalendarDate } from '@talentflow/domain';
import { IsOptional, IsString } from 'class-validator';
import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { invalid } from './api-errors';
import { assertCleanInput } from './clean-input';

/**
 * react-admin's simple REST dialect, parsed and answered in this one place:
 * `?sort=["field","ASC"]&range=[0,24]&filter={"q":"jegou"}` → a page and its total.
 */
export class ListQueryDto {
  @ApiPropertyOptional({ description: 'JSON: ["field","ASC"|"DESC"]', example: '["name","ASC"]' })
  @IsOptional()
  @IsString()
  sort?: string;

  @ApiPropertyOptional({ description: 'JSON: [first, last], both included', example: '[0,24]' })
  @IsOptional()
  @IsString()
  range?: string;

  @ApiPropertyOptional({ description: 'JSON object of filters; "q" searches accent-insensitively', example: '{"q":"jegou"}' })
  @IsOptional()
  @IsString()
  filter?: string;
}

/** The most rows one request may ask for. */
export const MAX_PAGE_SIZE = 1000;
const DEFAULT_PAGE_SIZE = 25;

/** One page of a list, with what the Content-Range header needs. */
export class Page<T> {
  constructor(
    readonly items: T[],
    readonly start: number,
    readonly total: number,
  ) {}

  /**
   * The answer of a list route: the items, with `Content-Range: moves 0-24/319` set on the response,
   * the total that react-admin's simple REST data provider reads, named after the path of the
   * route's controller (its @Controller). Each list route calls it, with `@Res({ passthrough: true })`
   * and itself: `page.answer(response, this)`, rather than a global interceptor, which would wrap
   * every route's handler in one more rxjs Observable.
   */
  answer(response: Response, controller: object): T[] {
    const resource = String(Reflect.getMetadata(PATH_METADATA, controller.constructor));
    const span = this.items.length > 0 ? `${this.start}-${this.start + this.items.length - 1}` : '*';
    response.setHeader('Content-Range', `${resource} ${span}/${this.total}`);
    return this.items;
  }
}

/** Adds one filter's condition to the query; throws `invalid(...)` for a value it cannot use. */
export type FilterApplier = (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown, param: string) => void;

export interface ListSpec {
  /** Sortable fields besides `id`: the JSON field name → the entity property path (`alias.property`). */
  sortable: Record<string, string>;
  defaultSort: [string, 'ASC' | 'DESC'];
  /** Filters beyond `id`, which every resource takes. */
  filters: Record<string, FilterApplier>;
}

interface ParsedListQuery {
  sort: [string, 'ASC' | 'DESC'];
  start: number;
  end: number;
  filter: Record<string, unknown>;
}

function parseJson(raw: string | undefined, field: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw invalid({ [field]: 'must be valid JSON' });
  }
  assertCleanInput(value, field);
  return value;
}

/** For recoverable records: whether this caller may list the deleted ones (`filter={"deleted":true}`). */
export interface RecoverableListOptions {
  deleted: boolean;
}

const BUILT_IN_FILTERS = ['id', 'deleted'];

/**
 * `record[key]` when `key` is the record's own property, else undefined. Every name that comes from a
 * request (a sort field, a filter key) is looked up this way: `"__proto__"`, `"constructor"` or
 * `"toString"` must not reach Object.prototype.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function parseListQuery(query: ListQueryDto, spec: ListSpec, recoverable?: RecoverableListOptions): ParsedListQuery {
  const sort = parseJson(query.sort, 'sort') ?? spec.defaultSort;
  if (
    !Array.isArray(sort) ||
    sort.length !== 2 ||
    typeof sort[0] !== 'string' ||
    !['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())
  ) {
    throw invalid({ sort: 'must be ["field", "ASC" or "DESC"]' });
  }
  if (sort[0] !== 'id' && ownValue(spec.sortable, sort[0]) === undefined) {
    throw invalid({
      sort: `cannot sort on "${sort[0]}"; sortable fields: id, ${Object.keys(spec.sortable).join(', ')}`,
    });
  }

  const filter = parseJson(query.filter, 'filter') ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw invalid({ filter: 'must be a JSON object' });
  }
  const builtIn = recoverable ? BUILT_IN_FILTERS : ['id'];
  const unknown = Object.keys(filter).filter((key) => !builtIn.includes(key) && ownValue(spec.filters, key) === undefined);
  if (unknown.length > 0) {
    throw invalid({
      [`filter.${unknown[0]}`]: `is not a filter here; filters: ${[...builtIn, ...Object.keys(spec.filters)].join(', ')}`,
    });
  }

  // Many by id (react-admin's getMany asks without a range): every record asked for, not a page of them.
  const ids = (filter as Record<string, unknown>).id;
  if (Array.isArray(ids) && ids.length > MAX_PAGE_SIZE) {
    throw invalid({ 'filter.id': `may list at most ${MAX_PAGE_SIZE} ids` });
  }
  const range = parseJson(query.range, 'range') ?? [0, (Array.isArray(ids) ? Math.max(ids.length, 1) : DEFAULT_PAGE_SIZE) - 1];
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((n) => Number.isInteger(n) && n >= 0) ||
    range[1] < range[0]
  ) {
    throw invalid({ range: 'must be [first, last] with 0 <= first <= last' });
  }
  if (range[1] - range[0] + 1 > MAX_PAGE_SIZE) {
    throw invalid({ range: `may span at most ${MAX_PAGE_SIZE} rows` });
  }

  return {
    sort: [sort[0], String(sort[1]).toUpperCase() as 'ASC' | 'DESC'],
    start: range[0],
    end: range[1],
    filter: filter as Record<string, unknown>,
  };
}

/** Applies sort, range and filters to `qb` (whose alias is the entity's) and reads one page and the total. */
export async function findPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQueryDto,
  spec: ListSpec,
  recoverable?: RecoverableListOptions,
): Promise<Page<T>> {
  const { sort, start, end, filter } = parseListQuery(query, spec, recoverable);
  const alias = qb.alias;
  if (filter.deleted === true) {
    if (!recoverable?.deleted) {
      throw new ForbiddenException({ statusCode: 403, message: 'Only admins list deleted records' });
    }
    qb.withDeleted().andWhere(`${alias}.deleted_at IS NOT NULL`);
  }
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'deleted' || value === undefined || value === null || value === '') continue;
    const apply = key === 'id' ? byId(`${alias}.id`) : ownValue(spec.filters, key);
    apply?.(qb as unknown as SelectQueryBuilder<ObjectLiteral>, value, `f_${key.replace(/\W/g, '_')}`);
  }
  // Every resource sorts on id too: react-admin's reference inputs ask for it by default.
  qb.orderBy(ownValue(spec.sortable, sort[0]) ?? `${alias}.id`, sort[1], 'NULLS LAST')
    .addOrderBy(`${alias}.id`, 'ASC')
    .skip(start)
    .take(end - start + 1);
  // The page and its total at once, on two connections: the answer waits for the slower, not both.
  const [items, counted] = await Promise.all([qb.getMany(), countRows(qb)]);
  // A short first page is the whole list, whatever an estimate said.
  const total = start === 0 && items.length < end - start + 1 ? items.length : counted;
  return new Page(items, start, total);
}

/** Lists up to this many rows are counted exactly; beyond, the total is PostgreSQL's estimate. */
export const EXACT_COUNT_LIMIT = 10_000;

/**
 * The list's total, deliberately: an exact count that stops at EXACT_COUNT_LIMIT + 1 rows (cheap
 * whatever the table's size), and past that the planner's estimate of the filtered rows, which is
 * near enough for "1–25 of about 1,000,000" and costs no scan of a million rows. The estimate is
 * asked beside the count, not after it, so a long list's answer does not wait for the two one after
 * the other; a short list's estimate is wasted.
 */
async function countRows<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<number> {
  const [sql, params] = qb.clone().orderBy().skip(undefined).take(undefined).select(`${qb.alias}.id`).getQueryAndParameters();
  const [[{ count }], [{ 'QUERY PLAN': plan }]] = await Promise.all([
    qb.connection.query(`SELECT count(*)::int AS count FROM (${sql} LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`, params),
    qb.connection.query(`EXPLAIN (FORMAT JSON) ${sql}`, params),
  ]);
  if (count <= EXACT_COUNT_LIMIT) return count;
  return Math.max(count, Math.round(plan[0].Plan['Plan Rows']));
}

// ---- Filter builders: each validates its value, then adds a parameterised condition. ----

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** The filter's value as a list of UUIDs: one id or a list of them; anything else is a 400. */
export function uuidList(value: unknown, field: string): string[] {
  const ids = asList(value);
  if (ids.length === 0 || !ids.every((id) => typeof id === 'string' && UUID.test(id))) {
    throw invalid({ [`filter.${field}`]: 'must be a UUID or a list of UUIDs' });
  }
  return ids as string[];
}

/** Matches one id or any of a list of ids: `filter={"id":[...]}`, `filter={"personId":"..."}`. */
export function byId(expression: string, field = 'id'): FilterApplier {
  return (qb, value, param) => {
    qb.andWhere(`${expression} IN (:...${param})`, { [param]: uuidList(value, field) });
  };
}

/** Matches one allowed value or any of a list of them. */
export function byValue(expression: string, field: string, allowed?: readonly string[]): FilterApplier {
  return (qb, value, param) => {
    const values = asList(value);
    const bad = values.find((v) => typeof v !== 'string' || (allowed !== undefined && !allowed.includes(v)));
    if (values.length === 0 || bad !== undefined) {
      throw invalid({
        [`filter.${field}`]: allowed ? `must be one of ${allowed.join(', ')}` : 'must be a string or a list of strings',
      });
    }
    qb.andWhere(`${expression} IN (:...${param})`, { [param]: values });
  };
}

/** A date bound, inclusive: `after` → expression >= value, `before` → expression <= value. */
export function byDate(expression: string, field: string, bound: 'after' | 'before'): FilterApplier {
  return (qb, value, param) => {
    qb.andWhere(`${expression} ${bound === 'after' ? '>=' : '<='} :${param}`, { [param]: calendarDate(value, field) });
  };
}

/** The filter's value as a real date written YYYY-MM-DD; anything else is a 400. */
export function calendarDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isIsoCalendarDate(value)) {
    throw invalid({ [`filter.${field}`]: 'must be a real date written YYYY-MM-DD' });
  }
  return value;
}

/** Escapes LIKE's wildcards so that a user's "%" or "_" means itself. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The accent- and case-insensitive search `q`: "jegou" finds "Hervé Jégou". Each expression is
 * SQL text over the query's aliases; `immutable_unaccent` comes from the first migration and has
 * trigram indexes on the searched columns.
 */
export function search(...expressions: string[]): FilterApplier {
  return searchNormalised(...expressions.map((expression) => `immutable_unaccent(lower(${expression}))`));
}

/** The same on a name and its aliases, through their stored, indexed `search_text` column. */
export function searchNameAndAliases(alias: string): FilterApplier {
  return searchNormalised(`${alias}.search_text`);
}

/** `q` against expressions already accent- and case-free: every word must match one of them. */
function searchNormalised(...expressions: string[]): FilterApplier {
  return (qb, value, param) => {
    if (typeof value !== 'string') throw invalid({ 'filter.q': 'must be a string' });
    const words = value.trim().split(/\s+/).filter(Boolean);
    words.forEach((word, index) => {
      const p = `${param}_${index}`;
      qb.andWhere(
        new Brackets((or) => {
          for (const expression of expressions) {
            or.orWhere(`${expression} LIKE immutable_unaccent(lower(:${p}))`, {
              [p]: likePattern(word),
            });
          }
        }),
      );
    });
  };
}

/** Matches records whose array column holds the value, e.g. people working in "computer vision". */
export function byArrayElement(expression: string, field: string): FilterApplier {
  return (qb, value, param) => {
    if (typeof value !== 'string') throw invalid({ [`filter.${field}`]: 'must be a string' });
    qb.andWhere(`:${param} = ANY(${expression})`, { [param]: value });
  };
}

/** Matches records that cite one of the given sources through their join table, e.g. `move_sources`. */
export function citing(joinTable: string, ownColumn: string, alias: string): FilterApplier {
  return (qb, value, param) =>
    qb.andWhere(
      `EXISTS (SELECT 1 FROM ${joinTable} j WHERE j.${ownColumn} = ${alias}.id AND j.source_id IN (:...${param}))`,
      { [param]: uuidList(value, 'sourceId') },
    );
}
