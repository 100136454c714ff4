import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller';
import { CreatePersonDto } from './dto/create-person.dto';
import { UpdatePersonDto } from './dto/update-person.dto';
import { PeopleService } from './people.service';

/** Filters: q (name), id, orcid, field. */
@ApiTags('people')
@Controller('people')
export class PeopleController extends CrudController({ create: CreatePersonDto, update: UpdatePersonDto, noun: 'person' }) {
  constructor(people: PeopleService) {
    super(people);
  }
}
