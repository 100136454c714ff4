import { DBLP_ID, GOOGLE_SCHOLAR_ID, isValidOrcid, OPENALEX_AUTHOR_ID, ROR_ID, WIKIDATA_ID } from '@talentflow/domain';
import { regex } from 'react-admin';

/** The same checks as the API's, so a form says what is wrong before it is sent. */
export const validateOrcid = (value: string | null | undefined) =>
  value && !isValidOrcid(value) ? 'talentflow.validation.orcid' : undefined;
export const validateWikidataId = regex(WIKIDATA_ID, 'talentflow.validation.wikidata');
export const validateRorId = regex(ROR_ID, 'talentflow.validation.ror');
export const validateGoogleScholarId = regex(GOOGLE_SCHOLAR_ID, 'talentflow.validation.googleScholar');
export const validateDblpId = regex(DBLP_ID, 'talentflow.validation.dblp');
export const validateOpenAlexId = regex(OPENALEX_AUTHOR_ID, 'talentflow.validation.openalex');
export const validateCountry = regex(/^[A-Za-z]{2}$/, 'talentflow.validation.country');
export const validateUrl = regex(/^https?:\/\/\S+$/, 'talentflow.validation.url');
