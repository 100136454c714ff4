import { Population } from '@talentflow/domain';
import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { CitedSourceIds, RecoverableRecord } from '../common/entity-base';
import { Import } from '../imports/import.entity';
import { Organization } from '../organizations/organization.entity';
import { Source } from '../sources/source.entity';

/** What an organisation says it will reach: "40 to 50 researchers", "about 30 researchers by 2025". */
@Entity({ name: 'headcount_targets' })
@Check('ck_headcount_targets_low_not_above_high', 'low >= 0 AND low <= high')
export class HeadcountTarget extends RecoverableRecord {
  @Index('ix_headcount_targets_organization_id')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_headcount_targets_organization' })
  organization?: Organization;

  @Column({ type: 'integer' })
  low: number;

  @Column({ type: 'integer' })
  high: number;

  @Column({ type: 'enum', enum: Population, enumName: 'population' })
  population: Population;

  @Column({ name: 'due_by', type: 'date', nullable: true })
  dueBy: string | null;

  @Column({ name: 'stated_on', type: 'date', nullable: true })
  statedOn: string | null;

  @ManyToMany(() => Source)
  @JoinTable({
    name: 'headcount_target_sources',
    joinColumn: { name: 'headcount_target_id', foreignKeyConstraintName: 'fk_headcount_target_sources_target' },
    inverseJoinColumn: { name: 'source_id', foreignKeyConstraintName: 'fk_headcount_target_sources_source' },
  })
  sources?: Source[];

  @CitedSourceIds('headcount_target_sources', 'headcount_target_id')
  sourceIds: string[];

  /** The import that created it (a spreadsheet of targets), if one did. */
  @Index('ix_headcount_targets_import_id')
  @Column({ name: 'import_id', type: 'uuid', nullable: true })
  importId: string | null;

  @ManyToOne(() => Import, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_headcount_targets_import' })
  import?: Import;
}
