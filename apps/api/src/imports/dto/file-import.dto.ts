import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

/** A multipart field holding JSON: parsed, or left as the string so that validation names the field. */
export const json = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

/** What every import's multipart form holds: the file, whether to preview only, and a key to follow it by. */
export class FileImportDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The file to import' })
  @IsOptional()
  file?: unknown;

  @ApiPropertyOptional({ description: 'true: preview only, nothing is written' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'A UUID the client makes up, to follow the import at GET /api/imports/progress/{key} while it runs' })
  @IsOptional()
  @IsUUID('all', { message: 'progress must be a UUID' })
  progress?: string;
}
