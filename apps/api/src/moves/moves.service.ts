import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '../audit/audit.service';
import { DatePrecision, MOVE_STATUSES, MoveStatus, ROLE_CATEGORIES, SECTORS } from '@talentflow/domain';
import { DataSource, DeepPartial, EntityManager, Repository } from 'typeorm';
import { CrudService } from '../common/crud.service';
import { conflict, invalid } from '../common/api-errors';
import { byDate, byId, byValue, calendarDate, citing, type FilterApplier, ListSpec, search, uuidList } from '../common/list-query';
import { SourcesService } from '../sources/sources.service';
import { CreateMoveDto } from './dto/create-move.dto';
import { UpdateMoveDto } from './dto/update-move.dto';
import { Move } from './move.entity';

/** 2023-11-17 with precision month → 2023-11-01; with precision year → 2023-01-01. */
export function truncateToPrecision(date: string, precision: DatePrecision): string {
  if (precision === DatePrecision.Year) return `${date.slice(0, 4)}-01-01`;
  if (precision === DatePrecision.Month) return `${date.slice(0, 7)}-01`;
  return date;
}

const PERSON_NAME = '(SELECT p.name FROM people p WHERE p.id = moves.person_id)';
const ORGANIZATION_NAMES = (column: string) =>
  `(SELECT o.name || ' ' || array_to_string(o.aliases, ' ') FROM organizations o WHERE o.id = moves.${column})`;

/** Moves whose origin (or destination) organisation has one of the given sectors or countries. */
function bySide(side: 'from' | 'to', column: 'sector' | 'country', field: string, allowed?: readonly string[]): FilterApplier {
  return (qb, value, param) => {
    const values = (Array.isArray(value) ? value : [value]).map(String);
    if (values.length === 0 || (allowed && values.some((v) => !allowed.includes(v)))) {
      throw invalid({ [`filter.${field}`]: allowed ? `must be among ${allowed.join(', ')}` : 'must be a value or a list of values' });
    }
    qb.andWhere(
      `EXISTS (SELECT 1 FROM organizations o WHERE o.id = moves.${side}_organization_id AND o.${column}::text IN (:...${param}))`,
      { [param]: values },
    );
  };
}

/** The day after a move's period: its date plus a day, a month or a year, as its precision says. */
const periodEnd = (alias: string) => `(${alias}.effective_on + ('1 ' || ${alias}.date_precision::text)::interval)`;

/**
 * The one rule for "in this period", the dashboards' too: a move counts in a range if its period
 * overlaps it — its date at its precision, so a move known only as 2024 is all of 2024 and counts in
 * 2024-03-15 – 2024-09-20. `effectiveBefore` (its period starts on or before) is a plain bound;
 * `effectiveAfter` is this: its period ends on or after the day. The first condition lets the index
 * on the date narrow the rows (no period is longer than a year).
 */
const periodEndsOnOrAfter: FilterApplier = (qb, value, param) => {
  qb.andWhere(`moves.effective_on > (:${param})::date - interval '1 year' AND ${periodEnd('moves')} > (:${param})::date`, {
    [param]: calendarDate(value, 'effectiveAfter'),
  });
};


function byRoot(side: 'from' | 'to'): FilterApplier {
  return (qb, value, param) =>
    qb.andWhere(
      `moves.${side}_organization_id IN (
         WITH RECURSIVE tree AS (SELECT id FROM organizations WHERE id IN (:...${param})
                                 UNION SELECT o.id FROM organizations o JOIN tree t ON o.parent_id = t.id)
         SELECT id FROM tree)`,
      { [param]: uuidList(value, `${side}RootId`) },
    );
}

@Injectable()
export class MovesService extends CrudService<Move, CreateMoveDto, UpdateMoveDto> {
  protected readonly resource = 'moves';
  protected readonly listSpec: ListSpec = {
    sortable: {
      effectiveOn: 'moves.effectiveOn',
      announcedOn: 'moves.announcedOn',
      status: 'moves.status',
      roleCategory: 'moves.roleCategory',
      role: 'moves.role',
      createdAt: 'moves.createdAt',
      updatedAt: 'moves.updatedAt',
    },
    defaultSort: ['effectiveOn', 'DESC'],
    filters: {
      q: search(PERSON_NAME, 'moves.role', ORGANIZATION_NAMES('from_organization_id'), ORGANIZATION_NAMES('to_organization_id')),
      personId: byId('moves.person_id', 'personId'),
      fromOrganizationId: byId('moves.from_organization_id', 'fromOrganizationId'),
      toOrganizationId: byId('moves.to_organization_id', 'toOrganizationId'),
      /** Either side: everyone who joined or left. */
      organizationId: (qb, value, param) =>
        qb.andWhere(`(moves.from_organization_id IN (:...${param}) OR moves.to_organization_id IN (:...${param}))`, {
          [param]: uuidList(value, 'organizationId'),
        }),
      status: byValue('moves.status', 'status', MOVE_STATUSES),
      roleCategory: byValue('moves.role_category', 'roleCategory', ROLE_CATEGORIES),
      // "In this period" as the dashboards count it: the move's period overlaps the range.
      effectiveAfter: periodEndsOnOrAfter,
      effectiveBefore: byDate('moves.effective_on', 'effectiveBefore', 'before'),
      // Either side by the kind of organisation: what a dashboard's Sankey link opens.
      fromSector: bySide('from', 'sector', 'fromSector', SECTORS),
      toSector: bySide('to', 'sector', 'toSector', SECTORS),
      fromCountry: bySide('from', 'country', 'fromCountry'),
      toCountry: bySide('to', 'country', 'toCountry'),
      /** Moves from an organisation or any of its sub-organisations, however deep. */
      fromRootId: byRoot('from'),
      toRootId: byRoot('to'),
      /** The moves a source supports. */
      sourceId: citing('move_sources', 'move_id', 'moves'),
      importId: byId('moves.import_id', 'importId'),
    },
  };

  constructor(
    @InjectRepository(Move) repository: Repository<Move>,
    @InjectDataSource() dataSource: DataSource,
    audit: AuditService,
    private readonly sources: SourcesService,
  ) {
    super(repository, dataSource, audit);
  }

  protected override toEntityFields(dto: CreateMoveDto | UpdateMoveDto): Promise<DeepPartial<Move>> {
    return this.sources.withCitations(dto);
  }

  /** Only what the precision says is known is kept: 2023-11-17 at month precision is 2023-11-01. */
  protected override normalize(move: Move): void {
    if (move.effectiveOn) move.effectiveOn = truncateToPrecision(move.effectiveOn, move.datePrecision);
  }

  /**
   * The same person between the same two ends over an overlapping period is the same move: a second
   * one would count twice. Periods follow the date's precision (2023 overlaps 2023-11 and 2023-11-17);
   * two moves without a date are the same period. Cancelled moves count for nothing and block nothing.
   * The person's moves are serialised by an advisory lock, so that two such creates at once cannot
   * both pass.
   */
  protected override async assertNotDuplicate(manager: EntityManager, move: Move): Promise<void> {
    if (move.status === MoveStatus.Cancelled) return;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('moves of ' || $1))`, [move.personId]);
    const [same]: { id: string }[] = await manager.query(
      `SELECT m.id FROM moves m
       WHERE m.person_id = $1 AND m.deleted_at IS NULL AND m.status <> 'cancelled' AND m.id IS DISTINCT FROM $2
         AND m.from_organization_id IS NOT DISTINCT FROM $3 AND m.to_organization_id IS NOT DISTINCT FROM $4
         AND CASE WHEN m.effective_on IS NULL OR $5::date IS NULL THEN m.effective_on IS NULL AND $5::date IS NULL
                  ELSE m.effective_on < $5::date + ('1 ' || $6)::interval AND $5::date < ${periodEnd('m')} END
       ORDER BY m.created_at LIMIT 1`,
      [move.personId, move.id ?? null, move.fromOrganizationId ?? null, move.toOrganizationId ?? null, move.effectiveOn ?? null, move.datePrecision],
    );
    if (same) {
      throw conflict(`This move is already recorded (${same.id}): the same person, between the same organizations, over the same period`, {
        effectiveOn: `the same move is already recorded as ${same.id}`,
      });
    }
  }

  protected override async ruleErrors(move: Move): Promise<Record<string, string>> {
    if (!move.fromOrganizationId && !move.toOrganizationId) {
      return { toOrganizationId: 'a move needs at least one organization, where the person came from or went to' };
    }
    if (move.fromOrganizationId === move.toOrganizationId) {
      return { toOrganizationId: 'must differ from the organization the person came from' };
    }
    return {};
  }
}
