import type { ReactNode } from 'react';

type Props = {
  title: string;
  /** What happened and what to do, read out as an alert when `alert` is set. */
  children?: ReactNode;
  alert?: boolean;
  actions?: ReactNode;
};

/** A full-page message with its actions: bad links, a deployment that is not configured, after leaving. */
export function StatusScreen({ title, children, alert = false, actions }: Props) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col items-center justify-center gap-5 p-6 text-center">
      <h1 className="text-2xl font-semibold sm:text-3xl">{title}</h1>
      {children && (
        <div role={alert ? 'alert' : undefined} className="text-slate-300">
          {children}
        </div>
      )}
      {actions && <div className="flex flex-wrap justify-center gap-3">{actions}</div>}
    </main>
  );
}

export const primaryAction =
  'rounded-xl bg-sky-500 px-5 py-2.5 font-semibold text-slate-950 ' +
  'hover:bg-sky-400 focus:outline-2 focus:outline-offset-2 focus:outline-sky-300';
export const secondaryAction =
  'rounded-xl bg-slate-800 px-5 py-2.5 font-semibold ' +
  'hover:bg-slate-700 focus:outline-2 focus:outline-offset-2 focus:outline-sky-400';
