import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Role } from '@talentflow/domain';
import { Allow, CurrentActor } from '../auth/access.decorators';
import type { Actor } from '../auth/actor';
import { CrudController } from '../common/crud.controller';
import { MergeDto } from '../common/merge';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationsService } from './organizations.service';

/** Filters: q (name and aliases), id, sector, country, city, parentId, rorId, rorStatus, importId. */
@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController extends CrudController({
  create: CreateOrganizationDto,
  update: UpdateOrganizationDto,
  noun: 'organization',
}) {
  constructor(private readonly organizations: OrganizationsService) {
    super(organizations);
  }

  /** Its links as a registry states them (parent, child, related, successor, predecessor), to live organizations. */
  @Allow(Role.Viewer)
  @Get(':id/relations')
  relations(@Param('id', ParseUUIDPipe) id: string) {
    return this.organizations.relations(id);
  }

  /** Merges a duplicate into this record (admins): links repointed, names kept as aliases, one audit entry. */
  @Allow(Role.Admin)
  @Post(':id/merge')
  @HttpCode(200)
  merge(@Param('id', ParseUUIDPipe) id: string, @Body() { duplicateId }: MergeDto, @CurrentActor() actor: Actor) {
    return this.organizations.merge(id, duplicateId, actor);
  }
}
