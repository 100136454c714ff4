import { AUDIT_ACTIONS, DATE_PRECISIONS, MOVE_STATUSES, POPULATIONS, ROLE_CATEGORIES, ROLES, SECTORS } from '@talentflow/domain';

/** Choices for a SelectInput, labelled through i18n: `talentflow.<kind>.<value>`. */
const choicesOf = (kind: string, values: readonly string[]) =>
  values.map((value) => ({ id: value, name: `talentflow.${kind}.${value}` }));

export const sectorChoices = choicesOf('sector', SECTORS);
export const roleCategoryChoices = choicesOf('roleCategory', ROLE_CATEGORIES);
export const datePrecisionChoices = choicesOf('datePrecision', DATE_PRECISIONS);
export const moveStatusChoices = choicesOf('status', MOVE_STATUSES);
export const populationChoices = choicesOf('population', POPULATIONS);
export const roleChoices = choicesOf('role', ROLES);
export const auditActionChoices = choicesOf('action', AUDIT_ACTIONS);
