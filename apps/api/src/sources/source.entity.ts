import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RecoverableRecord } from '../common/entity-base';
import { Import } from '../imports/import.entity';

/** The evidence: an article, a press release, a page that says a move or a target happened. */
@Entity({ name: 'sources' })
export class Source extends RecoverableRecord {
  @Index('uq_sources_url', { unique: true })
  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  publisher: string | null;

  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  /** ISO 639-1 code of the text's language, e.g. fr. */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Column({ type: 'text', nullable: true })
  excerpt: string | null;

  /** The import that created it, if one did. */
  @Index('ix_sources_import_id')
  @Column({ name: 'import_id', type: 'uuid', nullable: true })
  importId: string | null;

  @ManyToOne(() => Import, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_sources_import' })
  import?: Import;
}
