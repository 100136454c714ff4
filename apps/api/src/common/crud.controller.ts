import { Body, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Type, ValidationPipe } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { StoredRecord } from './entity-base';
import { CrudService } from './crud.service';
import { ListQueryDto } from './list-query';
import { VALIDATION_OPTIONS } from './validation';

interface CrudControllerOptions<CreateDto, UpdateDto> {
  create: Type<CreateDto>;
  update: Type<UpdateDto>;
  /** Named in the OpenAPI summaries, e.g. "move". */
  noun: string;
}

/**
 * The five routes of react-admin's simple REST dialect, the same for every resource:
 * `GET /R` (sort, range, filter → Content-Range), `GET /R/:id`, `POST /R`, `PUT /R/:id`, `DELETE /R/:id`.
 * A resource's controller extends the class this returns and adds its @Controller path.
 */
export function CrudController<E extends StoredRecord, CreateDto extends object, UpdateDto extends object>(
  options: CrudControllerOptions<CreateDto, UpdateDto>,
) {
  // A generic parameter's type is erased, so each body names its DTO class for validation.
  const validateCreate = new ValidationPipe({ ...VALIDATION_OPTIONS, expectedType: options.create });
  const validateUpdate = new ValidationPipe({ ...VALIDATION_OPTIONS, expectedType: options.update });

  abstract class ResourceController {
    protected constructor(protected readonly service: CrudService<E, CreateDto, UpdateDto>) {}

    @Get()
    @ApiOperation({ summary: `List ${options.noun} records: sort, range and filter as JSON; the total is in Content-Range` })
    list(@Query() query: ListQueryDto) {
      return this.service.list(query);
    }

    @Get(':id')
    @ApiOperation({ summary: `Read one ${options.noun}` })
    findOne(@Param('id', ParseUUIDPipe) id: string) {
      return this.service.findOne(id);
    }

    @Post()
    @ApiOperation({ summary: `Create a ${options.noun}` })
    @ApiBody({ type: options.create })
    create(@Body(validateCreate) dto: CreateDto) {
      return this.service.create(dto);
    }

    @Put(':id')
    @ApiOperation({ summary: `Change some or all fields of a ${options.noun}` })
    @ApiBody({ type: options.update })
    update(@Param('id', ParseUUIDPipe) id: string, @Body(validateUpdate) dto: UpdateDto) {
      return this.service.update(id, dto);
    }

    @Delete(':id')
    @ApiOperation({ summary: `Delete a ${options.noun}; 409 while other records still point to it` })
    @ApiOkResponse({ description: 'The deleted record' })
    remove(@Param('id', ParseUUIDPipe) id: string) {
      return this.service.remove(id);
    }
  }
  return ResourceController;
}
