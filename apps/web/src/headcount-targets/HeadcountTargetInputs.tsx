import {
  DateInput,
  minValue,
  NumberInput,
  required,
  SelectInput,
} from 'react-admin';
import { populationChoices } from '../common/choices';
import { OrganizationReferenceInput, SourcesReferenceInput } from '../common/reference-inputs';

export const validateTarget = (values: { low?: number; high?: number }) =>
  values.low != null && values.high != null && values.low > values.high ? { low: 'talentflow.validation.lowAboveHigh' } : {};

export function HeadcountTargetInputs() {
  return (
    <>
      <OrganizationReferenceInput source="organizationId" isRequired />
      <NumberInput source="low" validate={[required(), minValue(0)]} step={1} />
      <NumberInput source="high" validate={[required(), minValue(0)]} step={1} />
      <SelectInput source="population" choices={populationChoices} validate={required()} defaultValue="researchers" />
      <DateInput source="dueBy" />
      <DateInput source="statedOn" />
      <SourcesReferenceInput />
    </>
  );
}
