import { DataSource } from 'typeorm';

/**
 * The analytics answers worked out in plain TypeScript by counting the moves themselves, one by one,
 * as read from PostgreSQL: what the analytics engine must give, written a second, independent way.
 */
type Organization = { id: string; name: string; sector: string; country: string; parentId: string | null };
type Move = {
  from: string | null;
  to: string | null;
  fields: string[];
  status: string;
  roleCategory: string;
  effectiveOn: string | null;
  datePrecision: 'day' | 'month' | 'year';
};
type Query = Record<string, string>;
type Level = 'organization' | 'parent' | 'sector' | 'country';

const list = (value?: string) => (value ? value.split(',') : undefined);
const compare = (a: string | number | null, b: string | number | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1;

/** The day after the period a move's date stands for. */
function periodEnd({ effectiveOn, datePrecision }: Move): string | null {
  if (!effectiveOn) return null;
  const date = new Date(`${effectiveOn}T00:00:00Z`);
  if (datePrecision === 'year') date.setUTCFullYear(date.getUTCFullYear() + 1);
  else if (datePrecision === 'month') date.setUTCMonth(date.getUTCMonth() + 1);
  else date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export class CountedMoves {
  private constructor(
    private readonly organizations: Map<string, Organization>,
    private readonly moves: Move[],
  ) {}

  static async read(dataSource: DataSource): Promise<CountedMoves> {
    const organizations: Organization[] = await dataSource.query(
      `SELECT id, name, sector, country, parent_id AS "parentId" FROM organizations`,
    );
    const moves: Move[] = await dataSource.query(
      `SELECT m.from_organization_id AS "from", m.to_organization_id AS "to", p.fields, m.status, m.role_category AS "roleCategory",
              m.effective_on::text AS "effectiveOn", m.date_precision AS "datePrecision"
       FROM moves m JOIN people p ON p.id = m.person_id WHERE m.deleted_at IS NULL`,
    );
    return new CountedMoves(new Map(organizations.map((o) => [o.id, o])), moves);
  }

  private root(id: string): string {
    let organization = this.organizations.get(id) as Organization;
    while (organization.parentId) organization = this.organizations.get(organization.parentId) as Organization;
    return organization.id;
  }

  private keyOf(id: string | null, level: Level): string | null {
    if (id === null) return null;
    const organization = this.organizations.get(id) as Organization;
    return { organization: id, parent: this.root(id), sector: organization.sector, country: organization.country }[level];
  }

  private nameOf(key: string, level: Level): string {
    return level === 'organization' || level === 'parent' ? (this.organizations.get(key) as Organization).name : key;
  }

  /** Whether a move counts under the filters (`ends`: the organisation filters too). */
  private keeps(move: Move, query: Query, ends = true): boolean {
    const statuses = list(query.statuses) ?? ['announced', 'confirmed'];
    if (!statuses.includes(move.status)) return false;
    if (query.roleCategories && !list(query.roleCategories)?.includes(move.roleCategory)) return false;
    if (query.from && !(periodEnd(move) && (periodEnd(move) as string) > query.from)) return false;
    if (query.to && !(move.effectiveOn && move.effectiveOn <= query.to)) return false;
    if (query.fields && !move.fields.some((field) => list(query.fields)?.includes(field))) return false;
    if (!ends || !(query.countries || query.sectors || query.organizationIds)) return true;
    const passes = (id: string | null) => {
      if (id === null) return false;
      const organization = this.organizations.get(id) as Organization;
      if (query.countries && !list(query.countries)?.map((c) => c.toUpperCase()).includes(organization.country)) return false;
      if (query.sectors && !list(query.sectors)?.includes(organization.sector)) return false;
      if (query.organizationIds && !list(query.organizationIds)?.some((wanted) => wanted === id || wanted === this.root(id))) return false;
      return true;
    };
    return passes(move.from) || passes(move.to);
  }

  /** Links as the analytics tests print them: "source → target: value", sorted. */
  flows(query: Query): string[] {
    const level = (query.level ?? 'sector') as Level;
    const pairs = new Map<string, { from: string | null; to: string | null; value: number }>();
    for (const move of this.moves.filter((m) => this.keeps(m, query))) {
      const [from, to] = [this.keyOf(move.from, level), this.keyOf(move.to, level)];
      const pair = pairs.get(`${from}|${to}`) ?? { from, to, value: 0 };
      pair.value++;
      pairs.set(`${from}|${to}`, pair);
    }
    const name = (key: string | null) => (key === null ? 'Unknown' : this.nameOf(key, level));
    return [...pairs.values()]
      .sort((a, b) => b.value - a.value || compare(a.from, b.from) || compare(a.to, b.to))
      .slice(0, Number(query.limit ?? 100))
      .map((pair) => `${name(pair.from)} → ${name(pair.to)}: ${pair.value}`)
      .sort();
  }

  /** Net flows, rows as the API gives them. */
  netFlows(query: Query): Record<string, unknown>[] {
    const level = (query.level ?? 'sector') as Level;
    const period = query.period ?? 'none';
    const [sort, order] = [query.sort ?? 'balance', query.order ?? 'DESC'];
    type Row = { key: string; name: string; period?: string | null; span?: string; arrivals: number; departures: number; balance: number };
    const totals = new Map<string, Row>();
    const periods = new Map<string, Row>();
    const add = (key: string | null, move: Move, arrivals: number, departures: number) => {
      if (key === null) return;
      const total = totals.get(key) ?? { key, name: this.nameOf(key, level), arrivals: 0, departures: 0, balance: 0 };
      totals.set(key, { ...total, arrivals: total.arrivals + arrivals, departures: total.departures + departures, balance: total.balance + arrivals - departures });
      if (period === 'none') return;
      // A move known only to its year: its whole year, in a breakdown by month or quarter.
      const span = move.datePrecision === 'year' ? 'year' : period;
      const start = move.effectiveOn && startOf(move.effectiveOn, span);
      const row = periods.get(`${key}|${start}|${span}`) ?? { key, name: total.name, period: start, span, arrivals: 0, departures: 0, balance: 0 };
      periods.set(`${key}|${start}|${span}`, { ...row, arrivals: row.arrivals + arrivals, departures: row.departures + departures, balance: row.balance + arrivals - departures });
    };
    for (const move of this.moves.filter((m) => this.keeps(m, query))) {
      add(this.keyOf(move.to, level), move, 1, 0);
      add(this.keyOf(move.from, level), move, 0, 1);
    }
    const bySort = (a: Row, b: Row) => {
      const first = compare(a[sort as keyof Row] as string | number, b[sort as keyof Row] as string | number);
      return (order === 'DESC' ? -first : first) || compare(a.name, b.name) || compare(a.key, b.key);
    };
    const ranked = [...totals.values()].sort(bySort).slice(0, Number(query.limit ?? 100));
    if (period === 'none') return ranked.map(({ key, name, arrivals, departures, balance }) => ({ key, name, arrivals, departures, balance }));
    const keys = new Set(ranked.map((row) => row.key));
    return [...periods.values()]
      .filter((row) => keys.has(row.key))
      .sort((a, b) => compare(a.period ?? null, b.period ?? null) || Number(a.span === period) - Number(b.span === period) || bySort(a, b))
      .map(({ key, name, period: start, span, arrivals, departures, balance }) => ({ key, name, period: start, span, arrivals, departures, balance }));
  }

  /** The top origins or destinations of one organisation, rows as the API gives them. */
  top(query: Query): Record<string, unknown>[] {
    const [mine, other] = query.direction === 'destinations' ? (['from', 'to'] as const) : (['to', 'from'] as const);
    const counts = new Map<string | null, number>();
    for (const move of this.moves.filter((m) => m[mine] === query.organizationId && this.keeps(m, query, false))) {
      counts.set(move[other], (counts.get(move[other]) ?? 0) + 1);
    }
    return [...counts.entries()]
      .map(([id, moves]) => {
        const organization = id === null ? undefined : this.organizations.get(id);
        return { id: id ?? 'unknown', name: organization?.name ?? 'Unknown', sector: organization?.sector ?? null, country: organization?.country ?? null, moves };
      })
      .sort((a, b) => b.moves - a.moves || compare(a.name, b.name))
      .slice(0, Number(query.limit ?? 10));
  }
}

/** The first day of the month, quarter or year holding a date. */
function startOf(date: string, span: string): string {
  const [year, month] = [date.slice(0, 4), Number(date.slice(5, 7))];
  if (span === 'year') return `${year}-01-01`;
  const first = span === 'quarter' ? month - ((month - 1) % 3) : month;
  return `${year}-${String(first).padStart(2, '0')}-01`;
}
