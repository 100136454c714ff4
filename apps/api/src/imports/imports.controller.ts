import { applyDecorators, BadRequestException, Body, Controller, Delete, Get, NotFoundException, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RECORD_KINDS, type RecordKind, Role } from '@talentflow/domain';
import type { Response } from 'express';
import { Allow, CurrentActor } from '../auth/access.decorators';
import type { Actor } from '../auth/actor';
import { ListQueryDto } from '../common/list-query';
import { MovesImportDto } from './dto/moves-import.dto';
import { RecordsImportDto } from './dto/records-import.dto';
import { RosterImportDto } from './dto/roster-import.dto';
import { RecordsImportService } from './records/records-import.service';
import { RosterImportService } from './rosters/roster-import.service';
import { RorImportDto } from './dto/ror-import.dto';
import { MovesImportService } from './moves/moves-import.service';
import { TABLE_FILE_LIMIT_BYTES } from './table-file';
import { FileLimitFilter } from './file-limit.filter';
import { ImportsService } from './imports.service';
import { RorImportService } from './ror/ror-import.service';
import { ROR_FILE_LIMIT_BYTES } from './ror/ror-records';

/** An uploaded file, as multer hands it over (kept in memory, within the route's limit). */
interface UploadedFileData {
  originalname: string;
  buffer: Buffer;
}

/** A multipart upload of one file, at most `limit` bytes (a larger one gets 413 naming the limit), and a few fields. */
const FileUpload = (limit: number) =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    UseInterceptors(FileInterceptor('file', { limits: { fileSize: limit, files: 1, fields: 10 } })),
    UseFilters(new FileLimitFilter(limit)),
  );

function required(file: UploadedFileData | undefined): UploadedFileData {
  if (!file) throw new BadRequestException({ statusCode: 400, message: 'Invalid input. file: a file to import is required', errors: { file: 'is required' } });
  return file;
}

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly ror: RorImportService,
    private readonly moves: MovesImportService,
    private readonly rosters: RosterImportService,
    private readonly records: RecordsImportService,
  ) {}

  /** The imports committed, newest first: who ran them, on which file, and what they did (editors). */
  @Allow(Role.Editor)
  @Get()
  async list(@Query() query: ListQueryDto, @Res({ passthrough: true }) response: Response) {
    return (await this.imports.list(query)).answer(response, this);
  }

  /** How far a running import has got, under the key its client sent with the file (`progress`). */
  @Allow(Role.Editor)
  @Get('progress/:key')
  progress(@Param('key', ParseUUIDPipe) key: string, @CurrentActor() actor: Actor) {
    return this.imports.progress(key, actor);
  }

  /** Undoes an import that nothing has changed since: its records deleted, as a delete does (admins). */
  @Allow(Role.Admin)
  @Delete(':id')
  undo(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor) {
    return this.imports.undo(id, actor);
  }

  @Allow(Role.Admin)
  @Post('ror')
  @ApiOperation({
    summary:
      'Import a Research Organization Registry dump (schema v2) as organizations (admins): with dryRun=true, the preview ' +
      '(what each record would do) and nothing written; without it, all of it in one transaction (201) or nothing',
  })
  @FileUpload(ROR_FILE_LIMIT_BYTES)
  async importRor(
    @UploadedFile() file: UploadedFileData | undefined,
    @Body() options: RorImportDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.ror.run(required(file).buffer, required(file).originalname, options, actor);
    response.status(result.dryRun ? 200 : 201);
    return result;
  }

  @Allow(Role.Editor)
  @Post('moves')
  @ApiOperation({
    summary:
      'Import a CSV or XLSX file of moves, with the people, organizations and sources they name (editors): with dryRun=true, the ' +
      'preview (what each row would do) and nothing written; without it, all of it in one transaction (201) or nothing',
  })
  @FileUpload(TABLE_FILE_LIMIT_BYTES)
  async importMoves(
    @UploadedFile() file: UploadedFileData | undefined,
    @Body() options: MovesImportDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.moves.run(required(file).buffer, required(file).originalname, options, actor);
    response.status(result.dryRun ? 200 : 201);
    return result;
  }

  @Allow(Role.Editor)
  @Post('roster')
  @ApiOperation({
    summary:
      'Import a lab roster over time (CSV or XLSX: a date, a person, an affiliation, optionally identifiers, a role and "now at"; editors): ' +
      'consecutive snapshots diffed into moves, arrivals and departures, and one headcount per lab, population and snapshot; with ' +
      'dryRun=true the preview, without it all of it in one transaction (201) or nothing',
  })
  @FileUpload(TABLE_FILE_LIMIT_BYTES)
  async importRoster(
    @UploadedFile() file: UploadedFileData | undefined,
    @Body() options: RosterImportDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    const result = await this.rosters.run(required(file).buffer, required(file).originalname, options, actor);
    response.status(result.dryRun ? 200 : 201);
    return result;
  }

  @Allow(Role.Editor)
  @Post(':kind')
  @ApiParam({ name: 'kind', enum: RECORD_KINDS })
  @ApiOperation({
    summary:
      'Import a CSV or XLSX file of one kind of record, one per row (editors): each row creates a record, or fills in what the ' +
      'stored record it is lacks, or repeats it; with dryRun=true the preview, without it all of it in one transaction (201) or nothing',
  })
  @FileUpload(TABLE_FILE_LIMIT_BYTES)
  async importRecords(
    @Param('kind') kind: string,
    @UploadedFile() file: UploadedFileData | undefined,
    @Body() options: RecordsImportDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!(RECORD_KINDS as readonly string[]).includes(kind)) {
      throw new NotFoundException({ statusCode: 404, message: `Nothing imports "${kind}": ror, moves, roster, ${RECORD_KINDS.join(', ')}` });
    }
    const result = await this.records.run(kind as RecordKind, required(file).buffer, required(file).originalname, options, actor);
    response.status(result.dryRun ? 200 : 201);
    return result;
  }
}
