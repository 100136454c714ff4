import { SourceInput } from '@talentflow/domain';
import { Transform } from 'class-transformer';
import { IsISO6391, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/validators';
import { canonicalSourceUrl } from '../source-url';

export class CreateSourceDto implements SourceInput {
  /** The address of the article or page; one source per address (its host's case and a trailing slash aside). */
  @Transform(({ value }) => canonicalSourceUrl(value))
  @IsUrl({ require_protocol: true }, { message: 'url must be a URL starting with http:// or https://' })
  @MaxLength(2000)
  url: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  publisher?: string | null;

  @IsOptional()
  @IsCalendarDate()
  publishedOn?: string | null;

  /** ISO 639-1 code, e.g. fr. */
  @IsOptional()
  @IsISO6391({ message: 'language must be an ISO 639-1 code such as fr or en' })
  language?: string | null;

  /** The passage that supports the records citing this source. */
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  excerpt?: string | null;
}
