import {
  AutocompleteArrayInput,
  AutocompleteInput,
  DateInput,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
} from 'react-admin';
import { populationChoices } from '../common/choices';

const search = (q: string) => ({ q });

export function HeadcountObservationInputs() {
  return (
    <>
      <ReferenceInput source="organizationId" reference="organizations">
        <AutocompleteInput optionText="name" filterToQuery={search} validate={required()} />
      </ReferenceInput>
      <DateInput source="observedOn" validate={required()} />
      <NumberInput source="count" validate={[required(), minValue(0)]} step={1} />
      <SelectInput source="population" choices={populationChoices} validate={required()} defaultValue="researchers" />
      <ReferenceArrayInput source="sourceIds" reference="sources">
        <AutocompleteArrayInput filterToQuery={search} />
      </ReferenceArrayInput>
    </>
  );
}
