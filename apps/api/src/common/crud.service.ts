import { DeepPartial, FindOptionsWhere, Repository } from 'typeorm';
import { invalid, notFound } from './api-errors';
import { StoredRecord } from './entity-base';
import { findPage, ListQueryDto, ListSpec, Page } from './list-query';

/**
 * What every resource's service does the same way: list a page, read, create, update, delete.
 * A resource adds its list spec, and where it has them, its rules across fields (`ruleErrors`)
 * and the translation of its DTO into entity fields (`toEntityFields`, e.g. source ids → sources).
 */
export abstract class CrudService<E extends StoredRecord, CreateDto extends object, UpdateDto extends object> {
  protected abstract readonly resource: string;
  protected abstract readonly listSpec: ListSpec;

  protected constructor(protected readonly repository: Repository<E>) {}

  list(query: ListQueryDto): Promise<Page<E>> {
    return findPage(this.repository.createQueryBuilder(this.repository.metadata.tableName), query, this.listSpec);
  }

  async findOne(id: string): Promise<E> {
    const entity = await this.repository.findOneBy({ id } as FindOptionsWhere<E>);
    if (!entity) throw notFound(this.resource, id);
    return entity;
  }

  async create(dto: CreateDto): Promise<E> {
    const entity = this.repository.create((await this.toEntityFields(dto)) as DeepPartial<E>);
    await this.assertRules(entity);
    const saved = await this.repository.save(entity);
    return this.findOne(saved.id);
  }

  async update(id: string, dto: UpdateDto): Promise<E> {
    const entity = await this.findOne(id);
    this.repository.merge(entity, (await this.toEntityFields(dto)) as DeepPartial<E>);
    await this.assertRules(entity);
    await this.repository.save(entity);
    return this.findOne(id);
  }

  async remove(id: string): Promise<E> {
    const entity = await this.findOne(id);
    await this.repository.delete(id);
    return entity;
  }

  /** DTO fields → entity fields; the default copies them as they are. */
  protected async toEntityFields(dto: CreateDto | UpdateDto): Promise<DeepPartial<E>> {
    return dto as unknown as DeepPartial<E>;
  }

  /** Rules that span fields or records, checked on the record as it would be stored. */
  protected async ruleErrors(_entity: E): Promise<Record<string, string>> {
    return {};
  }

  private async assertRules(entity: E): Promise<void> {
    const errors = await this.ruleErrors(entity);
    if (Object.keys(errors).length > 0) throw invalid(errors);
  }
}
