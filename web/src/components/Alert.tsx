import type { ReactNode } from 'react';

type AlertProps = {
  tone?: 'error' | 'success' | 'warning';
  children: ReactNode;
};

/** A message about the whole page or form; errors are announced to screen readers at once. */
export function Alert({ tone = 'error', children }: AlertProps) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
