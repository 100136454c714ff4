import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Role } from '@talentflow/domain';
import { Allow, CurrentActor } from '../auth/access.decorators';
import type { Actor } from '../auth/actor';
import { CrudController } from '../common/crud.controller';
import { MergeDto } from '../common/merge';
import { CreatePersonDto } from './dto/create-person.dto';
import { UpdatePersonDto } from './dto/update-person.dto';
import { PeopleService } from './people.service';

/** Filters: q (name), id, orcid, googleScholarId, dblpId, openalexId, field. */
@ApiTags('people')
@Controller('people')
export class PeopleController extends CrudController({ create: CreatePersonDto, update: UpdatePersonDto, noun: 'person' }) {
  constructor(private readonly people: PeopleService) {
    super(people);
  }

  /** Merges a duplicate into this record (admins): links repointed, names kept as aliases, one audit entry. */
  @Allow(Role.Admin)
  @Post(':id/merge')
  @HttpCode(200)
  merge(@Param('id', ParseUUIDPipe) id: string, @Body() { duplicateId }: MergeDto, @CurrentActor() actor: Actor) {
    return this.people.merge(id, duplicateId, actor);
  }
}
