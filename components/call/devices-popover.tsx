'use client';
import type { LocalMedia } from '@/lib/client/use-local-media';
import { useDismissablePanel } from '@/lib/client/use-dismissable-panel';
import { DevicePickers, type DeviceKind } from '../media/device-pickers';

type Props = {
  media: LocalMedia;
  onSelect: (kind: DeviceKind, deviceId: string) => void;
  /** Closes the panel; focus goes back to the button that opened it. */
  onClose: () => void;
};

/** Camera, microphone and speaker choice during a call. Escape closes it. */
export function DevicesPopover({ media, onSelect, onClose }: Props) {
  const panel = useDismissablePanel<HTMLElement>('select, button', onClose);
  const empty = !media.devices.cameras.length && !media.devices.microphones.length && !media.devices.speakers.length;
  return (
    <section
      ref={panel}
      role="dialog"
      aria-label="Devices"
      className="mx-auto grid w-full max-w-3xl gap-3 rounded-2xl bg-slate-900 p-4 ring-1 ring-slate-700 sm:grid-cols-3"
    >
      <DevicePickers media={media} onSelect={onSelect} />
      {empty && <p className="text-sm text-slate-400">No cameras or microphones to choose from.</p>}
      <button
        type="button"
        onClick={onClose}
        className="justify-self-start rounded-lg bg-slate-800 px-3 py-1.5 text-sm hover:bg-slate-700 sm:col-span-3"
      >
        Done
      </button>
    </section>
  );
}
