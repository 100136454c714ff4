import { PersonInput } from '@talentflow/domain';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { IsDblpId, IsGoogleScholarId, IsOmittable, IsOpenAlexId, IsOrcid, IsWikidataId } from '../../common/validators';

export class CreatePersonDto implements PersonInput {
  /** Full name as usually written, accents included: "Hervé Jégou". */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  aliases?: string[];

  /** ORCID iD, e.g. 0000-0002-1825-0097; its check digit is verified. */
  @IsOptional()
  @IsOrcid()
  orcid?: string | null;

  @IsOptional()
  @IsWikidataId()
  wikidataId?: string | null;

  /** Google Scholar profile id, the `user=` of its address, e.g. 8ObLPWEAAAAJ. */
  @IsOptional()
  @IsGoogleScholarId()
  googleScholarId?: string | null;

  /** DBLP person id, e.g. 65/5936. */
  @IsOptional()
  @IsDblpId()
  dblpId?: string | null;

  /** OpenAlex author id, e.g. A5023888391. */
  @IsOptional()
  @IsOpenAlexId()
  openalexId?: string | null;

  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'homepage must be a URL starting with http:// or https://' })
  homepage?: string | null;

  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  fields?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string | null;
}
