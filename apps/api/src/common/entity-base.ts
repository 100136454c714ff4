import { Column, CreateDateColumn, DeleteDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn, VirtualColumn } from 'typeorm';

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

/**
 * The name and aliases, accent- and case-free, that `q` searches on people and organisations (a
 * trigram index covers it): a column PostgreSQL keeps from `search_text(name, aliases)`, never read
 * or written by the app (see the SearchTextColumns migration).
 */
export function SearchTextColumn(): PropertyDecorator {
  return Column({
    name: 'search_text',
    type: 'text',
    generatedType: 'STORED',
    asExpression: 'search_text(name, aliases)',
    select: false,
    insert: false,
    update: false,
    nullable: true,
  });
}

/**
 * The ids of the sources a record cites, from its join table (`table`, the record's id in
 * `column`), read in the record's own SELECT: a list page is one query, where @RelationId sent a
 * second one with a condition per row.
 */
export function CitedSourceIds(table: string, column: string): PropertyDecorator {
  return VirtualColumn({
    type: 'uuid',
    query: (alias) => `SELECT coalesce(array_agg(c.source_id ORDER BY c.source_id), '{}') FROM ${table} c WHERE c.${column} = ${alias}.id`,
  });
}
