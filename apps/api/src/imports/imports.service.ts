import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AuditAction } from '@talentflow/domain';
import { DataSource, Repository } from 'typeorm';
import { conflict, notFound } from '../common/api-errors';
import { byValue, findPage, ListQueryDto, ListSpec, Page } from '../common/list-query';
import { REFERENCES } from '../common/references';
import { Import } from './import.entity';
import { ImportProgress } from './import-progress.entity';
import { auditImport, CITATIONS, type ImportActor, lockImports } from './import-writes';

/** The tables whose records an import creates, in the order an undo deletes them (what points first). */
const IMPORTED_TABLES = ['headcount_targets', 'headcount_observations', 'moves', 'sources', 'people', 'organizations'] as const;

/** The history of imports, and undoing one. */
@Injectable()
export class ImportsService {
  private readonly listSpec: ListSpec = {
    sortable: { createdAt: 'imports.createdAt', kind: 'imports.kind', fileName: 'imports.fileName' },
    defaultSort: ['createdAt', 'DESC'],
    filters: { kind: byValue('imports.kind', 'kind'), fileSha256: byValue('imports.file_sha256', 'fileSha256') },
  };

  constructor(
    @InjectRepository(Import) private readonly repository: Repository<Import>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  list(query: ListQueryDto): Promise<Page<Import>> {
    return findPage(this.repository.createQueryBuilder('imports'), query, this.listSpec);
  }

  /** How far the caller's import under `key` has got; another user's, or an unknown key, is not found. */
  async progress(key: string, actor: ImportActor): Promise<Omit<ImportProgress, 'userId'>> {
    const found = await this.dataSource.manager.findOne(ImportProgress, { where: { key } });
    if (!found || found.userId !== actor.id) throw notFound('import progress', key);
    const { userId: _userId, ...progress } = found;
    return progress;
  }

  /**
   * Deletes (recoverably, as a delete does) every record the import created, all or none, if
   * nothing has changed since: none of them edited or deleted, no other live record pointing at one
   * (a move entered by hand for an imported person, a source cited by another move), and no
   * existing record changed by the import itself (a registry import's updates cannot be taken back).
   */
  async undo(id: string, actor: ImportActor): Promise<Import> {
    return this.dataSource.transaction(async (manager) => {
      await lockImports(manager);
      const found = await manager.findOne(Import, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw notFound('imports', id);
      if (found.undoneAt) throw conflict(`This import was undone on ${found.undoneAt.toISOString()}`);
      if (found.totals.updated > 0) {
        throw conflict(`This import changed ${found.totals.updated} records that were there before it: it cannot be undone`);
      }
      for (const table of IMPORTED_TABLES) {
        const [{ changed }] = await manager.query(
          `SELECT count(*)::int AS changed FROM ${table} WHERE import_id = $1 AND (version > 1 OR deleted_at IS NOT NULL)`,
          [id],
        );
        if (changed > 0) throw conflict(`${changed} ${table} records of this import were changed or deleted since: it cannot be undone`);
      }
      // Foreign keys, and the tables of cited sources (whose record is the citing one's).
      const citations = CITATIONS.map((citation) => ({ ...citation, column: 'source_id', target: 'sources' }));
      const pointers = [...REFERENCES, ...citations].filter((r) => (IMPORTED_TABLES as readonly string[]).includes(r.target));
      for (const reference of pointers) {
        const citation = 'owner' in reference ? reference : undefined;
        const live = citation ? '' : ' AND r.deleted_at IS NULL';
        // The import of the record that points (none for a table imports do not fill).
        const importOf = citation
          ? `(SELECT import_id FROM ${citation.owner} WHERE id = r.${citation.ownerColumn})`
          : (IMPORTED_TABLES as readonly string[]).includes(reference.table)
            ? 'r.import_id'
            : 'NULL';
        const [{ count }] = await manager.query(
          `SELECT count(*)::int AS count FROM ${reference.table} r JOIN ${reference.target} t ON t.id = r.${reference.column}
           WHERE t.import_id = $1${live} AND ${importOf} IS DISTINCT FROM $1`,
          [id],
        );
        if (count > 0) throw conflict(`${count} records in ${reference.table} added since point at records of this import: it cannot be undone`);
      }
      const deleted: Record<string, number> = {};
      for (const table of IMPORTED_TABLES) {
        const [, count] = await manager.query(`UPDATE ${table} SET deleted_at = now(), version = version + 1, updated_at = now() WHERE import_id = $1`, [id]);
        deleted[table] = count;
      }
      await manager.update(Import, id, { undoneAt: () => 'now()' });
      await auditImport(manager, actor, 'imports', [{ action: AuditAction.Delete, id, changes: { deleted: { before: null, after: deleted } } }]);
      return manager.findOneOrFail(Import, { where: { id } });
    });
  }
}
