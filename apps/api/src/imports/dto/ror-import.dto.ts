import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Sector } from '@talentflow/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional } from 'class-validator';
import { IsRecordOf } from '../../common/validators';

/** A multipart field holding JSON: parsed, or left as the string so that validation names the field. */
const json = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/** `POST /api/imports/ror`, as multipart/form-data: the file and these fields. */
export class RorImportDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'A ROR schema v2 data dump (JSON, or JSON gzipped), at most 100 MB' })
  @IsOptional()
  file?: unknown;

  @ApiPropertyOptional({ description: 'true: preview only, nothing is written' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;

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
