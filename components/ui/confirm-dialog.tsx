'use client';
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

type Props = {
  /** The question, e.g. "Remove Ada from the call?": the dialog's accessible name. */
  title: string;
  /** What will happen, in words: the dialog's description. */
  children: ReactNode;
  /** The button that does it, in the words of the action ("Remove", "End call for everyone"). */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Where focus goes back to when the dialog closes (what opened it). */
  returnFocus?: RefObject<HTMLElement | null>;
};

/**
 * A question before something that cannot be undone. Focus starts on Cancel, stays inside (Tab
 * cycles), and Escape cancels; aria-modal tells assistive technology the rest of the page waits.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, returnFocus }: Props) {
  const titleId = useId();
  const bodyId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialog.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const back = returnFocus?.current;
    return () => back?.focus();
  }, [returnFocus]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation(); // closes the dialog only, not the panel under it
      onCancel();
    } else if (event.key === 'Tab') {
      const buttons = [...(dialog.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = (at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length;
      event.preventDefault();
      buttons[next]?.focus();
    }
  };

  return createPortal(
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/70 p-4">
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={onKeyDown}
        className="flex w-full max-w-md flex-col gap-4 rounded-2xl bg-slate-900 p-5 shadow-2xl ring-1 ring-slate-700"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={bodyId} className="text-sm text-slate-300">
          {children}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            onClick={onCancel}
            className={
              'rounded-lg px-4 py-2 font-medium ring-1 ring-slate-600 ' +
              'hover:bg-slate-800 focus:outline-2 focus:outline-sky-400'
            }
          >
            Cancel
          </button>
          <button
            type="button"
            onClick={onConfirm}
            className={
              'rounded-lg bg-rose-600 px-4 py-2 font-medium text-white ' +
              'hover:bg-rose-500 focus:outline-2 focus:outline-offset-2 focus:outline-rose-300'
            }
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
