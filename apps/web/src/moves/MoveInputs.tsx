import {
  AutocompleteArrayInput,
  AutocompleteInput,
  DateInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { datePrecisionChoices, moveStatusChoices, roleCategoryChoices } from '../common/choices';

const search = (q: string) => ({ q });

/** A move must name at least one organisation, and two different ones (the API checks the same). */
export const validateMove = (values: Record<string, unknown>) => {
  if (!values.fromOrganizationId && !values.toOrganizationId) {
    return { toOrganizationId: 'A move needs at least one organization, where the person came from or went to' };
  }
  if (values.fromOrganizationId && values.fromOrganizationId === values.toOrganizationId) {
    return { toOrganizationId: 'Must differ from the organization the person came from' };
  }
  return {};
};

export function MoveInputs() {
  return (
    <>
      <ReferenceInput source="personId" reference="people">
        <AutocompleteInput optionText="name" filterToQuery={search} validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="fromOrganizationId" reference="organizations">
        <AutocompleteInput optionText="name" filterToQuery={search} />
      </ReferenceInput>
      <ReferenceInput source="toOrganizationId" reference="organizations">
        <AutocompleteInput optionText="name" filterToQuery={search} />
      </ReferenceInput>
      <TextInput source="role" fullWidth />
      <SelectInput source="roleCategory" choices={roleCategoryChoices} validate={required()} defaultValue="researcher" />
      <DateInput source="effectiveOn" />
      <SelectInput source="datePrecision" choices={datePrecisionChoices} validate={required()} defaultValue="day" />
      <DateInput source="announcedOn" />
      <SelectInput source="status" choices={moveStatusChoices} validate={required()} defaultValue="announced" />
      <ReferenceArrayInput source="sourceIds" reference="sources">
        <AutocompleteArrayInput filterToQuery={search} />
      </ReferenceArrayInput>
      <TextInput source="notes" multiline fullWidth />
    </>
  );
}

