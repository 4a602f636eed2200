'use client';
import type { QualityMark } from '@/lib/client/network-quality';

const COLOR = [
  'bg-slate-500',
  'bg-emerald-400',
  'bg-emerald-400',
  'bg-amber-400',
  'bg-rose-400',
  'bg-rose-500',
  'bg-rose-600',
];

/** Three bars, filled by how good the connection is; the tooltip says it in words. */
export function QualityBars({ mark }: { mark: QualityMark | undefined }) {
  const level = mark?.level ?? 0;
  const filled = level === 0 ? 0 : level <= 2 ? 3 : level <= 4 ? 2 : 1;
  return (
    <span
      role="img"
      aria-label={mark?.description ?? 'Connection: not measured yet'}
      title={mark?.description}
      className="flex items-end gap-0.5"
    >
      {[1, 2, 3].map((bar) => (
        <span
          key={bar}
          className={`w-1 rounded-sm ${bar <= filled ? COLOR[level] : 'bg-slate-600'}`}
          style={{ height: `${bar * 4}px` }}
        />
      ))}
    </span>
  );
}
