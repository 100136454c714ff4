import { DatePrecision, MoveStatus, RoleCategory } from '@talentflow/domain';
import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { CitedSourceIds, RecoverableRecord } from '../common/entity-base';
import { Organization } from '../organizations/organization.entity';
import { Person } from '../people/person.entity';
import { Source } from '../sources/source.entity';
import { Import } from '../imports/import.entity';

/** A person leaving one organisation for another, as a source reports it. */
@Entity({ name: 'moves' })
// The lists' default order (newest first), as an index: created by a hand-written migration,
// since TypeORM cannot say DESC NULLS LAST or WHERE; `synchronize: false` keeps it out of diffs.
@Index('ix_moves_list_order', { synchronize: false })
// Moves known only to the year, by date, with their ends (migrations YearPrecisionMoves, YearPrecisionMoveEnds): for ranges that cut months.
@Index('ix_moves_year_precision', { synchronize: false })
// The live moves by date with what the analytics read of them (migration MoveDateEnds).
@Index('ix_moves_date_ends', { synchronize: false })
@Check('ck_moves_has_an_organization', 'from_organization_id IS NOT NULL OR to_organization_id IS NOT NULL')
@Check('ck_moves_distinct_organizations', 'from_organization_id IS DISTINCT FROM to_organization_id')
export class Move extends RecoverableRecord {
  @Index('ix_moves_person_id')
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_moves_person' })
  person?: Person;

  /** Where the person came from; null when unknown (joining from nowhere known). */
  @Index('ix_moves_from_organization_id')
  @Column({ name: 'from_organization_id', type: 'uuid', nullable: true })
  fromOrganizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_organization_id', foreignKeyConstraintName: 'fk_moves_from_organization' })
  fromOrganization?: Organization;

  /** Where the person went; null when unknown (leaving to nowhere known). */
  @Index('ix_moves_to_organization_id')
  @Column({ name: 'to_organization_id', type: 'uuid', nullable: true })
  toOrganizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_organization_id', foreignKeyConstraintName: 'fk_moves_to_organization' })
  toOrganization?: Organization;

  /** As the source words it, e.g. "Chief Scientific Officer". */
  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Column({ name: 'role_category', type: 'enum', enum: RoleCategory, enumName: 'role_category' })
  roleCategory: RoleCategory;

  @Column({ name: 'announced_on', type: 'date', nullable: true })
  announcedOn: string | null;

  /** The first day of the period `datePrecision` names: 2023-11 is stored as 2023-11-01. */
  @Index('ix_moves_effective_on')
  @Column({ name: 'effective_on', type: 'date', nullable: true })
  effectiveOn: string | null;

  @Column({ name: 'date_precision', type: 'enum', enum: DatePrecision, enumName: 'date_precision' })
  datePrecision: DatePrecision;

  @Index('ix_moves_status')
  @Column({ type: 'enum', enum: MoveStatus, enumName: 'move_status' })
  status: MoveStatus;

  @ManyToMany(() => Source)
  @JoinTable({
    name: 'move_sources',
    joinColumn: { name: 'move_id', foreignKeyConstraintName: 'fk_move_sources_move' },
    inverseJoinColumn: { name: 'source_id', foreignKeyConstraintName: 'fk_move_sources_source' },
  })
  sources?: Source[];

  @CitedSourceIds('move_sources', 'move_id')
  sourceIds: string[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The import that created it, if one did. */
  @Index('ix_moves_import_id')
  @Column({ name: 'import_id', type: 'uuid', nullable: true })
  importId: string | null;

  @ManyToOne(() => Import, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_moves_import' })
  import?: Import;
}
