import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecoverableRecord, SearchTextColumn } from '../common/entity-base';
import { Import } from '../imports/import.entity';

@Entity({ name: 'people' })
// The list's default order, from a hand-written migration (partial index): kept out of TypeORM's diffs.
@Index('ix_people_list_order', { synchronize: false })
@Index('ix_people_search_text', { synchronize: false }) // gin (search_text gin_trgm_ops), see the migrations
@Index('ix_people_fields', { synchronize: false }) // (fields, id), for the analytics' research-field filter: see the migrations
export class Person extends RecoverableRecord {
  @Column({ type: 'text' })
  name: string;

  /** Other spellings of the name, e.g. "Herve Jegou", or a merged duplicate's name. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @SearchTextColumn()
  searchText?: string;

  @Index('uq_people_orcid', { unique: true })
  @Column({ type: 'text', nullable: true })
  orcid: string | null;

  @Column({ name: 'wikidata_id', type: 'text', nullable: true })
  wikidataId: string | null;

  /** The `user=` of a Google Scholar profile's address. */
  @Index('uq_people_google_scholar_id', { unique: true })
  @Column({ name: 'google_scholar_id', type: 'text', nullable: true })
  googleScholarId: string | null;

  /** A DBLP person id (pid). */
  @Index('uq_people_dblp_id', { unique: true })
  @Column({ name: 'dblp_id', type: 'text', nullable: true })
  dblpId: string | null;

  /** An OpenAlex author id. */
  @Index('uq_people_openalex_id', { unique: true })
  @Column({ name: 'openalex_id', type: 'text', nullable: true })
  openalexId: string | null;

  @Column({ type: 'text', nullable: true })
  homepage: string | null;

  /** Research fields, e.g. "computer vision". */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  fields: string[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The import that created it, if one did. */
  @Index('ix_people_import_id')
  @Column({ name: 'import_id', type: 'uuid', nullable: true })
  importId: string | null;

  @ManyToOne(() => Import, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_people_import' })
  import?: Import;
}
