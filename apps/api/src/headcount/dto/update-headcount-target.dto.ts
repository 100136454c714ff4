import { PartialType } from '@nestjs/swagger';
import { CreateHeadcountTargetDto } from './create-headcount-target.dto';

export class UpdateHeadcountTargetDto extends PartialType(CreateHeadcountTargetDto) {}
