import { Role } from '@talentflow/domain';
import { Column, Entity, Index } from 'typeorm';
import { StoredRecord } from '../common/entity-base';

@Entity({ name: 'users' })
export class User extends StoredRecord {
  /** Stored lower-cased: one account per address, however it is typed. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  /** An argon2id hash; never selected unless asked for, never serialised. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash?: string;

  /** A disabled user cannot sign in, and their sessions end. */
  @Column({ type: 'boolean', default: false })
  disabled: boolean;
}
