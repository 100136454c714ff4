import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { Role } from '@talentflow/domain';
import { Allow, CurrentActor } from '../auth/access.decorators';
import type { Actor } from '../auth/actor';
import { ListQueryDto } from '../common/list-query';
import { AuditService } from './audit.service';

/** Read-only: the log has no route to write, change or delete an entry. */
@ApiTags('audit')
@Controller('audit-entries')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Admins: the whole log. Everyone signed in: one record's history, with filter={"resource":…,"recordId":…}. */
  @Allow(Role.Viewer)
  @Get()
  async list(@Query() query: ListQueryDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response) {
    return (await this.audit.list(query, actor)).answer(response, this);
  }

  @Allow(Role.Admin)
  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.audit.findOne(id);
  }
}
