import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslate } from 'react-admin';

/** One of a few choices as a row of toggle buttons, e.g. the flows' level or the headcount's population. */
export function ChoiceToggle<T extends string>({
  label,
  value,
  choices,
  labelOf,
  onChange,
}: {
  /** The group's accessible name (a translation key). */
  label: string;
  value: T;
  choices: readonly T[];
  /** Each choice's translation key. */
  labelOf: (choice: T) => string;
  onChange: (choice: T) => void;
}) {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup size="small" exclusive value={value} onChange={(_, choice: T | null) => choice && onChange(choice)} aria-label={translate(label)}>
      {choices.map((choice) => (
        <ToggleButton key={choice} value={choice}>
          {translate(labelOf(choice))}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
