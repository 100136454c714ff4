import { AuditAction, type FieldChanges } from '@talentflow/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the audit log: who did what to which record, and what changed. Appended in the same
 * transaction as the write it describes; the API has no route to change or delete it, and a
 * trigger refuses UPDATE and DELETE in the database itself.
 */
@Entity({ name: 'audit_entries' })
@Index('ix_audit_entries_record', ['resource', 'recordId'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('ix_audit_entries_at')
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** Who: null for a failed sign-in by an unknown address. */
  @Index('ix_audit_entries_user_id')
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  /** Kept as it was then, so that the log reads the same if the user later changes it. */
  @Column({ name: 'user_email', type: 'text', nullable: true })
  userEmail: string | null;

  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action: AuditAction;

  /** The resource, e.g. "moves", "users", "auth". */
  @Column({ type: 'text' })
  resource: string;

  @Column({ name: 'record_id', type: 'text', nullable: true })
  recordId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  changes: FieldChanges | null;
}
