import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where an import stands: reading the file, waiting for another import to end (a commit), matching
 * its rows with what is stored, writing, then done or failed.
 */
export type ImportStage = 'reading' | 'waiting' | 'matching' | 'writing' | 'done' | 'failed';

/**
 * How far a running import has got, under a key its client chose, for the client to poll while
 * the request runs. Written outside the import's transaction, so that others see it at once, and
 * in any process: kept in PostgreSQL (an unlogged table: nothing here outlives a crash usefully).
 */
@Entity({ name: 'import_progress' })
export class ImportProgress {
  /** The key the client sent with its file (a UUID it made up). */
  @PrimaryColumn('uuid')
  key: string;

  /** Who runs the import: only they can read its progress. Null for the command line. */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text' })
  stage: ImportStage;

  /** Rows or records handled so far in this stage, of `total` (0 when the stage does not count). */
  @Column({ type: 'int', default: 0 })
  done: number;

  @Column({ type: 'int', default: 0 })
  total: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
