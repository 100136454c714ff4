import { required, TextArrayInput, TextInput } from 'react-admin';
import { validateDblpId, validateGoogleScholarId, validateOpenAlexId, validateOrcid, validateUrl, validateWikidataId } from '../common/validation';

export function PersonInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <TextArrayInput source="aliases" />
      <TextInput source="orcid" validate={validateOrcid} helperText="0000-0002-1825-0097" />
      <TextInput source="wikidataId" validate={validateWikidataId} />
      <TextInput source="googleScholarId" validate={validateGoogleScholarId} helperText="8ObLPWEAAAAJ" />
      <TextInput source="dblpId" validate={validateDblpId} helperText="65/5936" />
      <TextInput source="openalexId" validate={validateOpenAlexId} helperText="A5023888391" />
      <TextInput source="homepage" validate={validateUrl} />
      <TextArrayInput source="fields" />
      <TextInput source="notes" multiline fullWidth />
    </>
  );
}
