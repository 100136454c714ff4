import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/** A multipart field holding JSON: parsed, or left as the string so that validation names the field. */
export const json = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/** What every import's multipart form holds: the file, and whether to preview only. */
export class FileImportDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The file to import' })
  @IsOptional()
  file?: unknown;

  @ApiPropertyOptional({ description: 'true: preview only, nothing is written' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}
