import { MigrationInterface, QueryRunner } from 'typeorm';
import { MOVE_COUNTS_SYNC } from './1795756600000-PairFieldCounts';
import { ORGANIZATION_MONTH_COUNTS_REBUILD } from './1795757500000-OrganizationFieldMonthCounts';
import { ARRIVAL_MONTH_EXTRAS } from './1795758000000-ParentMonthCounts';

/** The moves trigger's extras as ParentMonthCounts left them. */
export const PARENT_MONTH_EXTRAS = (row: string, delta: number) => [...ARRIVAL_MONTH_EXTRAS(row, delta), `PERFORM move_parent_month_counts_add(${row}, ${delta});`];
/** organization_month_counts_rebuild's extras as OrganizationArrivalMonthCounts left them. */
const ARRIVAL_MONTH_REBUILD = 'SELECT organization_field_month_counts_rebuild();\n        SELECT organization_arrival_month_counts_rebuild();';

/**
 * Written by hand: each organisation's arrivals and departures per year, status and role category,
 * a narrow row each (`organization_month_counts` by year). Ranked from `organization_year_counts`,
 * whose rows carry every status × role in two arrays, net flows with a role filter would read the
 * whole table and sum two array slots per status on every row; here an index on (year, role
 * category, status) hands over the role's rows alone. Kept by the moves trigger (an
 * organisation's sector, country or parent is not in it); rebuilt with `organization_month_counts`.
 */
export class OrganizationYearRoleCounts1795758200000 implements MigrationInterface {
  name = 'OrganizationYearRoleCounts1795758200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization_year_role_counts (
        organization_id uuid NOT NULL, year integer, status move_status NOT NULL, role_category role_category NOT NULL,
        arrivals integer NOT NULL, departures integer NOT NULL
      )
    `);
    // The ranked organisations' years (AnalyticsService.organizationYearEnds, key by key).
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_organization_year_role_counts_key ON organization_year_role_counts (organization_id, year, status, role_category)
      INCLUDE (arrivals, departures) NULLS NOT DISTINCT
    `);
    // Every organisation's rows of some years, roles and statuses.
    await queryRunner.query(`
      CREATE INDEX ix_organization_year_role_counts_year ON organization_year_role_counts (year, role_category, status)
      INCLUDE (organization_id, arrivals, departures)
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_year_role_counts_add(m moves, delta integer) RETURNS void LANGUAGE sql AS $$
        INSERT INTO organization_year_role_counts AS c
        SELECT side.organization_id, extract(year FROM m.effective_on)::integer, m.status, m.role_category, side.arrivals, side.departures
        FROM (VALUES (m.to_organization_id, delta, 0), (m.from_organization_id, 0, delta)) AS side(organization_id, arrivals, departures)
        WHERE side.organization_id IS NOT NULL
        ON CONFLICT (organization_id, year, status, role_category)
        DO UPDATE SET arrivals = c.arrivals + EXCLUDED.arrivals, departures = c.departures + EXCLUDED.departures
      $$
    `);
    await queryRunner.query(`
      CREATE FUNCTION organization_year_role_counts_rebuild() RETURNS void LANGUAGE sql AS $$
        TRUNCATE organization_year_role_counts;
        INSERT INTO organization_year_role_counts
        SELECT organization_id, year, status, role_category, sum(arrivals), sum(departures)
        FROM (
          SELECT to_organization_id AS organization_id, extract(year FROM effective_on)::integer AS year, status, role_category,
                 1 AS arrivals, 0 AS departures
          FROM moves WHERE deleted_at IS NULL AND to_organization_id IS NOT NULL
          UNION ALL
          SELECT from_organization_id, extract(year FROM effective_on)::integer, status, role_category, 0, 1
          FROM moves WHERE deleted_at IS NULL AND from_organization_id IS NOT NULL
        ) sides
        GROUP BY 1, 2, 3, 4;
      $$
    `);
    await queryRunner.query(ORGANIZATION_MONTH_COUNTS_REBUILD(`${ARRIVAL_MONTH_REBUILD}\n        SELECT organization_year_role_counts_rebuild();`));
    await queryRunner.query(
      MOVE_COUNTS_SYNC((row, delta) => [...PARENT_MONTH_EXTRAS(row, delta), `PERFORM organization_year_role_counts_add(${row}, ${delta});`].join('\n      ')),
    );
    await queryRunner.query('SELECT organization_year_role_counts_rebuild()');
    await queryRunner.query('ANALYZE organization_year_role_counts');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(MOVE_COUNTS_SYNC((row, delta) => PARENT_MONTH_EXTRAS(row, delta).join('\n      ')));
    await queryRunner.query(ORGANIZATION_MONTH_COUNTS_REBUILD(ARRIVAL_MONTH_REBUILD));
    await queryRunner.query('DROP FUNCTION organization_year_role_counts_rebuild()');
    await queryRunner.query('DROP FUNCTION organization_year_role_counts_add(moves, integer)');
    await queryRunner.query('DROP TABLE organization_year_role_counts');
  }
}
