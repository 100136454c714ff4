import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller';
import { CreateMoveDto } from './dto/create-move.dto';
import { UpdateMoveDto } from './dto/update-move.dto';
import { MovesService } from './moves.service';

/**
 * Filters: q (person, role, organisations), id, personId, fromOrganizationId, toOrganizationId,
 * organizationId (either side), status, roleCategory, effectiveAfter, effectiveBefore, sourceId.
 */
@ApiTags('moves')
@Controller('moves')
export class MovesController extends CrudController({ create: CreateMoveDto, update: UpdateMoveDto, noun: 'move' }) {
  constructor(moves: MovesService) {
    super(moves);
  }
}
