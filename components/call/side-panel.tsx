'use client';
import type { ReactNode } from 'react';
import { useDismissablePanel } from '@/lib/client/use-dismissable-panel';

type Props = { title: string; onClose: () => void; children: ReactNode; footer?: ReactNode };

/**
 * People or Chat beside the tiles on a wide screen, over them on a phone — covering the whole stage,
 * square corners and all, so no tile shows around it. Escape closes it; focus moves into it when it opens.
 */
export function SidePanel({ title, onClose, children, footer }: Props) {
  const panel = useDismissablePanel<HTMLElement>('[data-autofocus], button', onClose);
  return (
    <aside
      ref={panel}
      aria-label={title}
      className={
        'absolute inset-0 z-20 flex flex-col bg-slate-900 ' +
        'md:static md:w-80 md:shrink-0 md:rounded-2xl md:ring-1 md:ring-slate-700'
      }
    >
      <div className="flex items-center justify-between border-b border-slate-800 px-4 py-3">
        <h2 className="font-semibold">{title}</h2>
        <button
          type="button"
          onClick={onClose}
          aria-label={`Close ${title.toLowerCase()}`}
          className="rounded-lg px-2 py-1 text-slate-300 hover:bg-slate-800"
        >
          ✕
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-3">{children}</div>
      {footer && <div className="border-t border-slate-800 p-3">{footer}</div>}
    </aside>
  );
}
