'use client';

/** A short confirmation at the top of the screen, read out politely by screen readers. */
export function Toast({ message }: { message: string | null }) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label="Notification"
      className="pointer-events-none fixed inset-x-0 top-3 z-50 flex justify-center px-3"
    >
      {message && (
        <p
          className={
            'max-w-full rounded-xl bg-slate-100 px-4 py-2 text-sm font-medium break-all text-slate-900 shadow-lg'
          }
        >
          {message}
        </p>
      )}
    </div>
  );
}
