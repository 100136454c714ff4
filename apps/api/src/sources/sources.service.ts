import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { AuditService } from '../audit/audit.service';
import { DataSource, In, Repository } from 'typeorm';
import { invalid } from '../common/api-errors';
import { CrudService } from '../common/crud.service';
import { byDate, byId, byValue, ListSpec, search } from '../common/list-query';
import { CreateSourceDto } from './dto/create-source.dto';
import { UpdateSourceDto } from './dto/update-source.dto';
import { Source } from './source.entity';
import { canonicalSourceUrl } from './source-url';

@Injectable()
export class SourcesService extends CrudService<Source, CreateSourceDto, UpdateSourceDto> {
  protected readonly resource = 'sources';
  protected readonly listSpec: ListSpec = {
    sortable: {
      title: 'sources.title',
      url: 'sources.url',
      publisher: 'sources.publisher',
      publishedOn: 'sources.publishedOn',
      language: 'sources.language',
      createdAt: 'sources.createdAt',
    },
    defaultSort: ['publishedOn', 'DESC'],
    filters: {
      q: search('sources.title', 'sources.url', 'sources.publisher', 'sources.excerpt'),
      url: (qb, value, param) =>
        byValue('sources.url', 'url')(qb, Array.isArray(value) ? value.map(canonicalSourceUrl) : canonicalSourceUrl(value), param),
      publisher: byValue('sources.publisher', 'publisher'),
      importId: byId('sources.import_id', 'importId'),
      language: byValue('sources.language', 'language'),
      publishedAfter: byDate('sources.published_on', 'publishedAfter', 'after'),
      publishedBefore: byDate('sources.published_on', 'publishedBefore', 'before'),
    },
  };

  constructor(
    @InjectRepository(Source) repository: Repository<Source>,
    @InjectDataSource() dataSource: DataSource,
    audit: AuditService,
  ) {
    super(repository, dataSource, audit);
  }

  /**
   * The sources that other records cite by id (`sourceIds`), all of which must exist;
   * undefined when the input names none, so that an update leaves the citations as they are.
   */
  async resolveCitations(ids: string[] | undefined): Promise<Source[] | undefined> {
    if (ids === undefined) return undefined;
    const unique = [...new Set(ids)];
    const found = unique.length > 0 ? await this.repository.findBy({ id: In(unique) }) : [];
    const missing = unique.filter((id) => !found.some((source) => source.id === id));
    if (missing.length > 0) throw invalid({ sourceIds: `no source has the id ${missing.join(', ')}` });
    return found;
  }

  /** A DTO with `sourceIds` → entity fields with `sources`, checking that each cited source exists. */
  async withCitations<T extends { sourceIds?: string[] }>({ sourceIds, ...fields }: T) {
    return { ...fields, sources: await this.resolveCitations(sourceIds) };
  }
}
