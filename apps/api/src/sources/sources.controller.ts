import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller';
import { CreateSourceDto } from './dto/create-source.dto';
import { UpdateSourceDto } from './dto/update-source.dto';
import { SourcesService } from './sources.service';

/** Filters: q (title, URL, publisher, excerpt), id, url, publisher, language, publishedAfter, publishedBefore. */
@ApiTags('sources')
@Controller('sources')
export class SourcesController extends CrudController({ create: CreateSourceDto, update: UpdateSourceDto, noun: 'source' }) {
  constructor(sources: SourcesService) {
    super(sources);
  }
}
