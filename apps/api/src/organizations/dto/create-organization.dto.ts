import { OrganizationInput, Sector } from '@talentflow/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsCalendarDate, IsOmittable, IsRorId, IsWikidataId } from '../../common/validators';

const upperCase = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value);

export class CreateOrganizationDto implements OrganizationInput {
  /** The name it goes by, e.g. "Kyutai". */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  /** Other names and acronyms, e.g. "FAIR". */
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  aliases?: string[];

  @IsEnum(Sector, { message: `sector must be one of ${Object.values(Sector).join(', ')}` })
  sector: Sector;

  /** ISO 3166-1 alpha-2 code, e.g. FR. */
  @IsOptional()
  @Transform(upperCase)
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as FR' })
  country?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  city?: string | null;

  /** The organisation it belongs to, e.g. Meta for Meta FAIR. */
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be the id of an organization' })
  parentId?: string | null;

  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'website must be a URL starting with http:// or https://' })
  website?: string | null;

  @IsOptional()
  @IsCalendarDate()
  foundedOn?: string | null;

  /** Research Organization Registry id, short form, e.g. 02kvxyf05 (Inria). */
  @IsOptional()
  @IsRorId()
  rorId?: string | null;

  @IsOptional()
  @IsWikidataId()
  wikidataId?: string | null;
}
