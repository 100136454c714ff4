import {
  DateInput,
  minValue,
  NumberInput,
  required,
  SelectInput,
} from 'react-admin';
import { populationChoices } from '../common/choices';
import { OrganizationReferenceInput, SourcesReferenceInput } from '../common/reference-inputs';

export function HeadcountObservationInputs() {
  return (
    <>
      <OrganizationReferenceInput source="organizationId" isRequired />
      <DateInput source="observedOn" validate={required()} />
      <NumberInput source="count" validate={[required(), minValue(0)]} step={1} />
      <SelectInput source="population" choices={populationChoices} validate={required()} defaultValue="researchers" />
      <SourcesReferenceInput />
    </>
  );
}
