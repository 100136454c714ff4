import { CreateDateColumn, DeleteDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The columns every stored record has. */
export abstract class StoredRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Increases with each write: an update names the version it was based on, so no edit is silently lost. */
  @VersionColumn({ default: 1 })
  version: number;
}

/** A record that a delete hides rather than erases, until an admin restores or purges it. */
export abstract class RecoverableRecord extends StoredRecord {
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
