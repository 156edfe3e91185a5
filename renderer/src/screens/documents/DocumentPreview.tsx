import { Alert, Box, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { FormError } from '../../components/FormError';
import { base64ToBytes, renderDocx } from './docx';
import classes from './DocumentPreview.module.css';

/**
 * A stored version as its pages, rendered in the app. The bytes are not kept once the
 * preview closes (no cache time).
 */
export function DocumentPreview({ id, versionNo }: { id: string; versionNo: number }) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const [renderFailed, setRenderFailed] = useState(false);
  const [rendered, setRendered] = useState(false);
  const content = useQuery({
    // Outside the ['documents'] keys: a stored version never changes, so a change to the register
    // must not fetch (and audit) it again.
    queryKey: ['documentContent', id, versionNo],
    queryFn: () => call('documents.content', { id, versionNo, purpose: 'preview' }),
    staleTime: Infinity,
    gcTime: 0,
  });

  useEffect(() => {
    const target = holder.current;
    if (!content.data || !target) return;
    let cancelled = false;
    setRendered(false);
    setRenderFailed(false);
    // Rendered aside and swapped in only if still wanted: a slower earlier version never
    // overwrites the one now chosen.
    const pages = document.createElement('div');
    renderDocx(base64ToBytes(content.data.base64), pages)
      .then(() => {
        if (cancelled) return;
        target.replaceChildren(pages);
        setRendered(true);
      })
      .catch(() => !cancelled && setRenderFailed(true));
    return () => {
      cancelled = true;
      target.replaceChildren();
    };
  }, [content.data]);

  if (content.isError) return <FormError error={content.error} />;
  return (
    <Box className={classes.frame} data-testid="document-preview" data-rendered={rendered || undefined} aria-busy={!rendered}>
      {!rendered && !renderFailed && <Loader size="sm" m="md" aria-label={t('documents.preview.loading')} />}
      {renderFailed && (
        <Alert color="yellow" variant="light" m="md">
          {t('documents.preview.failed')}
        </Alert>
      )}
      <div ref={holder} />
    </Box>
  );
}
