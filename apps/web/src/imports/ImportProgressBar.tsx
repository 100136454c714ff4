import { Box, LinearProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { ImportProgress, TalentflowDataProvider } from '../providers/dataProvider';

/** How often a running import's progress is asked for. */
const POLL_MS = 500;

/** A key for the API to report an import's progress under: a random UUID, also over plain HTTP. */
export function progressKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The progress of the import running under `progressOf`: the stage it is in, and while it writes,
 * how many records of how many (a bar that fills). Polls the API until unmounted.
 */
export function ImportProgressBar({ progressOf }: { progressOf: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<TalentflowDataProvider>();
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  useEffect(() => {
    let live = true;
    const poll = async () => {
      const now = await dataProvider.importProgress(progressOf).catch(() => null);
      if (live && now) setProgress(now);
    };
    const timer = setInterval(poll, POLL_MS);
    return () => ((live = false), clearInterval(timer));
  }, [dataProvider, progressOf]);

  const stage = progress?.stage ?? 'sending';
  const counted = stage === 'writing' && progress && progress.total > 0;
  const label = translate(`talentflow.imports.stage.${stage}`, {
    done: progress?.done.toLocaleString() ?? 0,
    total: progress?.total.toLocaleString() ?? 0,
  });
  return (
    <Box>
      <LinearProgress
        aria-label={label}
        variant={counted ? 'determinate' : 'indeterminate'}
        value={counted ? (100 * progress.done) / progress.total : undefined}
      />
      <Typography variant="body2" role="status" sx={{ mt: 0.5 }}>
        {label}
      </Typography>
    </Box>
  );
}
