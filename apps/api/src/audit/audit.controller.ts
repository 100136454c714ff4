import { Controller, Get, Param, Query } from '@nestjs/common';
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
  list(@Query() query: ListQueryDto, @CurrentActor() actor: Actor) {
    return this.audit.list(query, actor);
  }

  @Allow(Role.Admin)
  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.audit.findOne(id);
  }
}
