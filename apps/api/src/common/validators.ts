import { DBLP_ID, GOOGLE_SCHOLAR_ID, isIsoCalendarDate, isValidOrcid, OPENALEX_AUTHOR_ID, ROR_ID, WIKIDATA_ID } from '@talentflow/domain';
import { buildMessage, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

/** An ISO calendar date, `YYYY-MM-DD`, that exists (no 2023-02-30). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => typeof value === 'string' && isIsoCalendarDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a real date written YYYY-MM-DD`, options),
      },
    },
    options,
  );
}

export function IsOrcid(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOrcid',
      validator: {
        validate: (value) => typeof value === 'string' && isValidOrcid(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be an ORCID iD such as 0000-0002-1825-0097 with a valid check digit`,
          options,
        ),
      },
    },
    options,
  );
}

export function IsWikidataId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isWikidataId',
      validator: {
        validate: (value) => typeof value === 'string' && WIKIDATA_ID.test(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a Wikidata item id such as Q42`, options),
      },
    },
    options,
  );
}

export function IsRorId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRorId',
      validator: {
        validate: (value) => typeof value === 'string' && ROR_ID.test(value),
        defaultMessage: buildMessage(
          (each) => `${each}$property must be a ROR id in its short form, such as 02kvxyf05`,
          options,
        ),
      },
    },
    options,
  );
}

/** A value matching `pattern`, or a 400 that shows an example of the identifier (`what`). */
function IsIdentifier(name: string, pattern: RegExp, what: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value) => typeof value === 'string' && pattern.test(value),
        defaultMessage: buildMessage((each) => `${each}$property must be ${what}`, options),
      },
    },
    options,
  );
}

export const IsGoogleScholarId = (options?: ValidationOptions) =>
  IsIdentifier('isGoogleScholarId', GOOGLE_SCHOLAR_ID, 'a Google Scholar profile id (the user= of its address), such as 8ObLPWEAAAAJ', options);
export const IsDblpId = (options?: ValidationOptions) =>
  IsIdentifier('isDblpId', DBLP_ID, 'a DBLP person id, such as 65/5936 or h/GeoffreyEHinton', options);
export const IsOpenAlexId = (options?: ValidationOptions) =>
  IsIdentifier('isOpenAlexId', OPENALEX_AUTHOR_ID, 'an OpenAlex author id, such as A5023888391', options);

/**
 * The field may be left out, but not sent as `null`: for optional fields whose column is NOT NULL
 * (lists such as aliases, flags). `@IsOptional()` would let `null` through to the database.
 */
export function IsOmittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}

/** An object whose every value is one of `allowed` (a list, or a pattern the value matches). */
export function IsRecordOf(allowed: readonly string[] | RegExp, options?: ValidationOptions): PropertyDecorator {
  const ok = (value: unknown) => typeof value === 'string' && (Array.isArray(allowed) ? allowed.includes(value) : (allowed as RegExp).test(value));
  return ValidateBy(
    {
      name: 'isRecordOf',
      validator: {
        validate: (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(ok),
        defaultMessage: buildMessage((each) => `${each}$property has a value that is not allowed`, options),
      },
    },
    options,
  );
}
