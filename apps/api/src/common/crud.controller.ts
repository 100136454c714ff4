import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res, Type, ValidationPipe } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProperty, OmitType } from '@nestjs/swagger';
import { Type as Nested } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { Role } from '@talentflow/domain';
import { Allow, CurrentActor } from '../auth/access.decorators';
import type { Actor } from '../auth/actor';
import { CrudService } from './crud.service';
import { RecoverableRecord } from './entity-base';
import { ListQueryDto, MAX_PAGE_SIZE } from './list-query';
import { VALIDATION_OPTIONS } from './validation';
import { VersionDto } from './version.dto';

interface CrudControllerOptions<CreateDto, UpdateDto> {
  create: Type<CreateDto>;
  update: Type<UpdateDto>;
  /** Named in the OpenAPI summaries, e.g. "move". */
  noun: string;
}

/**
 * The routes of react-admin's simple REST dialect, the same for every resource, each with its rule:
 * viewers read (`GET /R` with sort, range, filter → Content-Range; `GET /R/:id`), editors write
 * (`POST /R`, `PUT /R/:id` with the version it is based on — or none, for a change not based on a
 * read —, `DELETE /R/:id` recoverably), admins
 * restore (`POST /R/:id/restore`) and delete for good (`DELETE /R/:id/permanent`); editors also set
 * the same fields on many records at once (`PATCH /R` with `{ ids, changes }`).
 * A resource's controller extends the class this returns and adds its @Controller path.
 */
export function CrudController<E extends RecoverableRecord, CreateDto extends object, UpdateDto extends VersionDto>(
  options: CrudControllerOptions<CreateDto, UpdateDto>,
) {
  // A generic parameter's type is erased, so each body names its DTO class for validation.
  const validateCreate = new ValidationPipe({ ...VALIDATION_OPTIONS, expectedType: options.create });
  const validateUpdate = new ValidationPipe({ ...VALIDATION_OPTIONS, expectedType: options.update });

  /** A bulk change's fields: any of an update's, without the version and the read-only ones. */
  class BulkChanges extends OmitType(options.update as Type<VersionDto>, [
    'version',
    'id',
    'createdAt',
    'updatedAt',
    'deletedAt',
    'importId',
  ] as const) {}
  class BulkUpdate {
    @ApiProperty({ type: [String], description: 'The records to change (at most 1000)' })
    @IsArray()
    @ArrayNotEmpty()
    @ArrayMaxSize(MAX_PAGE_SIZE)
    @IsUUID('all', { each: true, message: 'ids must be a list of record ids' })
    ids: string[];

    @ApiProperty({ type: BulkChanges })
    @IsObject({ message: 'changes must be an object of the fields to set' })
    @ValidateNested()
    @Nested(() => BulkChanges)
    changes: BulkChanges;
  }
  const validateBulk = new ValidationPipe({ ...VALIDATION_OPTIONS, expectedType: BulkUpdate });

  abstract class ResourceController {
    protected constructor(protected readonly service: CrudService<E, CreateDto, UpdateDto>) {}

    @Allow(Role.Viewer)
    @Get()
    @ApiOperation({ summary: `List ${options.noun} records: sort, range and filter as JSON; the total is in Content-Range` })
    async list(@Query() query: ListQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response) {
      return (await this.service.list(query, actor)).answer(response, this);
    }

    @Allow(Role.Viewer)
    @Get(':id')
    @ApiOperation({ summary: `Read one ${options.noun}` })
    findOne(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
      return this.service.findOne(id, actor);
    }

    @Allow(Role.Editor)
    @Post()
    @ApiOperation({ summary: `Create a ${options.noun}` })
    @ApiBody({ type: options.create })
    create(@Body(validateCreate) dto: CreateDto, @CurrentActor() actor: Actor) {
      return this.service.create(dto, actor);
    }

    @Allow(Role.Editor)
    @Put(':id')
    @ApiOperation({ summary: `Change some or all fields of a ${options.noun}; 409 if its version is not the one given` })
    @ApiBody({ type: options.update })
    update(@Param('id', ParseUUIDPipe) id: string, @Body(validateUpdate) dto: UpdateDto, @CurrentActor() actor: Actor) {
      return this.service.update(id, dto, actor);
    }

    @Allow(Role.Editor)
    @Patch()
    @ApiOperation({ summary: `Set the same fields on many ${options.noun} records at once, all or none; answers their ids` })
    @ApiBody({ type: BulkUpdate })
    updateMany(@Body(validateBulk) { ids, changes }: BulkUpdate, @CurrentActor() actor: Actor) {
      return this.service.updateMany(ids, changes as unknown as Omit<UpdateDto, 'version'>, actor);
    }

    @Allow(Role.Editor)
    @Delete(':id')
    @ApiOperation({ summary: `Delete a ${options.noun} recoverably; 409 while other records still point to it` })
    @ApiOkResponse({ description: 'The deleted record' })
    remove(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
      return this.service.remove(id, actor);
    }

    @Allow(Role.Admin)
    @Post(':id/restore')
    @HttpCode(200)
    @ApiOperation({ summary: `Restore a deleted ${options.noun}` })
    restore(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
      return this.service.restore(id, actor);
    }

    @Allow(Role.Admin)
    @Delete(':id/permanent')
    @ApiOperation({ summary: `Delete a ${options.noun} for good; 409 while any record points to it` })
    purge(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
      return this.service.purge(id, actor);
    }
  }
  return ResourceController;
}
