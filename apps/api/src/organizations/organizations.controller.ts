import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CrudController } from '../common/crud.controller';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationsService } from './organizations.service';

/** Filters: q (name and aliases), id, sector, country, city, parentId, rorId. */
@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController extends CrudController({
  create: CreateOrganizationDto,
  update: UpdateOrganizationDto,
  noun: 'organization',
}) {
  constructor(organizations: OrganizationsService) {
    super(organizations);
  }
}
