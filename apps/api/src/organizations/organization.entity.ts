import { Sector } from '@talentflow/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecoverableRecord, SearchTextColumn } from '../common/entity-base';
import { Import } from '../imports/import.entity';

@Entity({ name: 'organizations' })
// The list's default order, from a hand-written migration (partial index): kept out of TypeORM's diffs.
@Index('ix_organizations_list_order', { synchronize: false })
@Index('ix_organizations_search_text', { synchronize: false }) // gin (search_text gin_trgm_ops), see the migrations
@Check('ck_organizations_not_own_parent', 'parent_id IS NULL OR parent_id <> id')
export class Organization extends RecoverableRecord {
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @SearchTextColumn()
  searchText?: string;

  @Index('ix_organizations_sector')
  @Column({ type: 'enum', enum: Sector, enumName: 'sector' })
  sector: Sector;

  /** ISO 3166-1 alpha-2, upper case. */
  @Index('ix_organizations_country')
  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Index('ix_organizations_parent_id')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_organizations_parent' })
  parent?: Organization;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ name: 'founded_on', type: 'date', nullable: true })
  foundedOn: string | null;

  @Index('uq_organizations_ror_id', { unique: true })
  @Column({ name: 'ror_id', type: 'text', nullable: true })
  rorId: string | null;

  @Column({ name: 'wikidata_id', type: 'text', nullable: true })
  wikidataId: string | null;

  /**
   * Its status in the Research Organization Registry, for records imported from it: inactive and
   * withdrawn records are kept, and a withdrawn one is never matched by name.
   */
  @Column({ name: 'ror_status', type: 'enum', enum: ['active', 'inactive', 'withdrawn'], enumName: 'ror_status', nullable: true })
  rorStatus: 'active' | 'inactive' | 'withdrawn' | null;

  /** The import that created it, if one did. */
  @Index('ix_organizations_import_id')
  @Column({ name: 'import_id', type: 'uuid', nullable: true })
  importId: string | null;

  @ManyToOne(() => Import, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_organizations_import' })
  import?: Import;
}
