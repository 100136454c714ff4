import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller';
import { CreateHeadcountTargetDto } from './dto/create-headcount-target.dto';
import { UpdateHeadcountTargetDto } from './dto/update-headcount-target.dto';
import { HeadcountTargetsService } from './headcount-targets.service';

/** Filters: q (organisation name), id, organizationId, population, dueAfter, dueBefore. */
@ApiTags('headcount')
@Controller('headcount-targets')
export class HeadcountTargetsController extends CrudController({
  create: CreateHeadcountTargetDto,
  update: UpdateHeadcountTargetDto,
  noun: 'headcount target',
}) {
  constructor(targets: HeadcountTargetsService) {
    super(targets);
  }
}
