import { AutocompleteInput, DateInput, ReferenceInput, required, SelectInput, TextArrayInput, TextInput } from 'react-admin';
import { sectorChoices } from '../common/choices';
import { searchByQ } from '../common/reference-inputs';
import { validateCountry, validateRorId, validateUrl, validateWikidataId } from '../common/validation';

/** The fields of an organisation, shared by its Create and Edit forms. */
export function OrganizationInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <TextArrayInput source="aliases" />
      <SelectInput source="sector" choices={sectorChoices} validate={required()} />
      <TextInput source="country" validate={validateCountry} />
      <TextInput source="city" />
      <ReferenceInput source="parentId" reference="organizations">
        <AutocompleteInput optionText="name" filterToQuery={searchByQ} />
      </ReferenceInput>
      <TextInput source="website" validate={validateUrl} />
      <DateInput source="foundedOn" />
      <TextInput source="rorId" validate={validateRorId} />
      <TextInput source="wikidataId" validate={validateWikidataId} />
    </>
  );
}
