import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { byValue, findPage, ListQueryDto, ListSpec, Page } from '../common/list-query';
import { Import } from './import.entity';

/** The history of imports. */
@Injectable()
export class ImportsService {
  private readonly listSpec: ListSpec = {
    sortable: { createdAt: 'imports.createdAt', kind: 'imports.kind', fileName: 'imports.fileName' },
    defaultSort: ['createdAt', 'DESC'],
    filters: { kind: byValue('imports.kind', 'kind'), fileSha256: byValue('imports.file_sha256', 'fileSha256') },
  };

  constructor(@InjectRepository(Import) private readonly repository: Repository<Import>) {}

  list(query: ListQueryDto): Promise<Page<Import>> {
    return findPage(this.repository.createQueryBuilder('imports'), query, this.listSpec);
  }
}
