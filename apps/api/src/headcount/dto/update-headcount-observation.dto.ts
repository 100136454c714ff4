import { PartialType } from '@nestjs/swagger';
import { CreateHeadcountObservationDto } from './create-headcount-observation.dto';

export class UpdateHeadcountObservationDto extends PartialType(CreateHeadcountObservationDto) {}
