import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CrudService } from '../common/crud.service';
import { byArrayElement, byValue, ListSpec, search } from '../common/list-query';
import { CreatePersonDto } from './dto/create-person.dto';
import { UpdatePersonDto } from './dto/update-person.dto';
import { Person } from './person.entity';

@Injectable()
export class PeopleService extends CrudService<Person, CreatePersonDto, UpdatePersonDto> {
  protected readonly resource = 'people';
  protected readonly listSpec: ListSpec = {
    sortable: {
      name: 'people.name',
      orcid: 'people.orcid',
      createdAt: 'people.createdAt',
      updatedAt: 'people.updatedAt',
    },
    defaultSort: ['name', 'ASC'],
    filters: {
      q: search('people.name'),
      orcid: byValue('people.orcid', 'orcid'),
      field: byArrayElement('people.fields', 'field'),
    },
  };

  constructor(@InjectRepository(Person) repository: Repository<Person>) {
    super(repository);
  }
}
