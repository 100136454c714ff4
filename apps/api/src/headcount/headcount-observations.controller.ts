import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller';
import { CreateHeadcountObservationDto } from './dto/create-headcount-observation.dto';
import { UpdateHeadcountObservationDto } from './dto/update-headcount-observation.dto';
import { HeadcountObservationsService } from './headcount-observations.service';

/** Filters: q (organisation name), id, organizationId, population, observedAfter, observedBefore. */
@ApiTags('headcount')
@Controller('headcount-observations')
export class HeadcountObservationsController extends CrudController({
  create: CreateHeadcountObservationDto,
  update: UpdateHeadcountObservationDto,
  noun: 'headcount observation',
}) {
  constructor(observations: HeadcountObservationsService) {
    super(observations);
  }
}
