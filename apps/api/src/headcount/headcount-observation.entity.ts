import { Population } from '@talentflow/domain';
import { Check, Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne } from 'typeorm';
import { CitedSourceIds, RecoverableRecord } from '../common/entity-base';
import { Organization } from '../organizations/organization.entity';
import { Import } from '../imports/import.entity';
import { Source } from '../sources/source.entity';

/** A headcount someone reported on a given day: "Kyutai has 12 researchers" on 2024-06-01. */
@Entity({ name: 'headcount_observations' })
@Check('ck_headcount_observations_count_not_negative', 'count >= 0')
export class HeadcountObservation extends RecoverableRecord {
  @Index('ix_headcount_observations_organization_id')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_headcount_observations_organization' })
  organization?: Organization;

  @Column({ name: 'observed_on', type: 'date' })
  observedOn: string;

  @Column({ type: 'integer' })
  count: number;

  @Column({ type: 'enum', enum: Population, enumName: 'population' })
  population: Population;

  @ManyToMany(() => Source)
  @JoinTable({
    name: 'headcount_observation_sources',
    joinColumn: { name: 'headcount_observation_id', foreignKeyConstraintName: 'fk_headcount_observation_sources_observation' },
    inverseJoinColumn: { name: 'source_id', foreignKeyConstraintName: 'fk_headcount_observation_sources_source' },
  })
  sources?: Source[];

  @CitedSourceIds('headcount_observation_sources', 'headcount_observation_id')
  sourceIds: string[];

  /** The import that created it (a lab roster or a spreadsheet of observations), if one did. */
  @Index('ix_headcount_observations_import_id')
  @Column({ name: 'import_id', type: 'uuid', nullable: true })
  importId: string | null;

  @ManyToOne(() => Import, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_headcount_observations_import' })
  import?: Import;
}
