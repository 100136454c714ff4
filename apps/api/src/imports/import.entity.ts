import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What an import did, per kind of row: created, updated, unchanged, skipped. */
export interface ImportTotals {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** One committed import: who ran it, on which file, and what it did. Previews leave no record. */
@Entity({ name: 'imports' })
export class Import {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What was imported, e.g. `ror` (a Research Organization Registry dump). */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  /** SHA-256 of the file as uploaded, hex. */
  @Index('ix_imports_file_sha256')
  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256: string;

  /** Who ran it: a user, or none for the command line (`userEmail` then says which). */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'user_email', type: 'text', nullable: true })
  userEmail: string | null;

  @Column({ type: 'jsonb' })
  totals: ImportTotals;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When an admin undid it (its records deleted), if one did. */
  @Column({ name: 'undone_at', type: 'timestamptz', nullable: true })
  undoneAt: Date | null;
}
