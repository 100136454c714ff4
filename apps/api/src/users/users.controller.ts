import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { Role } from '@talentflow/domain';
import { Allow, CurrentActor } from '../auth/access.decorators';
import type { Actor } from '../auth/actor';
import { ListQueryDto } from '../common/list-query';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';

/** Admins manage users: create, rename, change role, disable (users are never deleted: the audit log names them). */
@ApiTags('users')
@Allow(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Filters: q (email, name), role, disabled. */
  @Get()
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) response: Response) {
    return (await this.users.list(query)).answer(response, this);
  }

  @Get(':id')
  findOne(@Param('id', ParseUUIDPipe) id: string) {
    return this.users.findOne(id);
  }

  @Post()
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor) {
    return this.users.create(dto, actor);
  }

  @Put(':id')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor) {
    return this.users.update(id, dto, actor);
  }
}
