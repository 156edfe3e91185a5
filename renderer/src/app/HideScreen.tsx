import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './HideScreen.module.css';

/**
 * F8 covers the whole window at once (someone walked up to the desk); F8 again uncovers it.
 * The page underneath is also made inert so the keyboard cannot reach it while covered.
 */
export function HideScreen({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F8' || event.repeat) return;
      event.preventDefault();
      event.stopPropagation();
      setHidden((h) => !h);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  useEffect(() => {
    document.body.classList.toggle(classes.bodyHidden!, hidden);
  }, [hidden]);

  return (
    <>
      <div inert={hidden} aria-hidden={hidden || undefined}>
        {children}
      </div>
      {hidden && (
        <div className={classes.cover} role="status" data-testid="hide-screen">
          <p className={classes.message}>{t('hideScreen.message')}</p>
        </div>
      )}
    </>
  );
}
