import { ApiPropertyOptional } from '@nestjs/swagger';
import { Sector } from '@talentflow/domain';
import { Transform } from 'class-transformer';
import { IsObject, IsOptional } from 'class-validator';
import { IsRecordOf } from '../../common/validators';
import { FileImportDto, json } from './file-import.dto';

/** `POST /api/imports/ror`, as multipart/form-data: a ROR schema v2 dump (JSON, or gzipped; at most 100 MB) and these fields. */
export class RorImportDto extends FileImportDto {
  @ApiPropertyOptional({ description: 'JSON: ROR type → sector, over the default mapping, e.g. {"company":"big_tech"}' })
  @IsOptional()
  @Transform(json)
  @IsObject({ message: 'sectors must be a JSON object of ROR type → sector' })
  @IsRecordOf(Object.values(Sector), { message: `sectors must map ROR types to one of ${Object.values(Sector).join(', ')}` })
  sectors?: Record<string, Sector>;

  @ApiPropertyOptional({ description: 'JSON: ROR id → the organization id it is, or "new", for records the preview found ambiguous' })
  @IsOptional()
  @Transform(json)
  @IsObject({ message: 'matches must be a JSON object of ROR id → organization id or "new"' })
  @IsRecordOf(/^(new|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/, {
    message: 'matches must map ROR ids to an organization id or "new"',
  })
  matches?: Record<string, string>;
}
