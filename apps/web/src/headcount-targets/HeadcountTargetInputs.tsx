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

export const validateTarget = (values: { low?: number; high?: number }) =>
  values.low != null && values.high != null && values.low > values.high ? { low: `Must not be above ${values.high}` } : {};

export function HeadcountTargetInputs() {
  return (
    <>
      <ReferenceInput source="organizationId" reference="organizations">
        <AutocompleteInput optionText="name" filterToQuery={search} validate={required()} />
      </ReferenceInput>
      <NumberInput source="low" validate={[required(), minValue(0)]} step={1} />
      <NumberInput source="high" validate={[required(), minValue(0)]} step={1} />
      <SelectInput source="population" choices={populationChoices} validate={required()} defaultValue="researchers" />
      <DateInput source="dueBy" />
      <DateInput source="statedOn" />
      <ReferenceArrayInput source="sourceIds" reference="sources">
        <AutocompleteArrayInput filterToQuery={search} />
      </ReferenceArrayInput>
    </>
  );
}
