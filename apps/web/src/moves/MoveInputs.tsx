import { DateInput, required, SelectInput, TextInput } from 'react-admin';
import { moveStatusChoices, roleCategoryChoices } from '../common/choices';
import { PartialDateInput } from '../common/PartialDateInput';
import { OrganizationReferenceInput, PersonReferenceInput, SourcesReferenceInput } from '../common/reference-inputs';

/** A move must name at least one organisation, and two different ones (the API checks the same). */
export const validateMove = (values: Record<string, unknown>) => {
  if (!values.fromOrganizationId && !values.toOrganizationId) {
    return { toOrganizationId: 'talentflow.validation.noOrganization' };
  }
  if (values.fromOrganizationId && values.fromOrganizationId === values.toOrganizationId) {
    return { toOrganizationId: 'talentflow.validation.sameOrganization' };
  }
  return {};
};

/** Everything a move needs, in the order an article gives it; missing people, organisations and sources are created inline. */
export function MoveInputs() {
  return (
    <>
      <PersonReferenceInput source="personId" isRequired />
      <OrganizationReferenceInput source="fromOrganizationId" />
      <OrganizationReferenceInput source="toOrganizationId" />
      <TextInput source="role" fullWidth />
      <SelectInput source="roleCategory" choices={roleCategoryChoices} validate={required()} />
      <PartialDateInput source="effectiveOn" />
      <DateInput source="announcedOn" />
      <SelectInput source="status" choices={moveStatusChoices} validate={required()} />
      <SourcesReferenceInput />
      <TextInput source="notes" multiline fullWidth />
    </>
  );
}

/** What a new move starts with. */
export const MOVE_DEFAULTS = { roleCategory: 'researcher', datePrecision: 'day', status: 'announced', sourceIds: [] };
