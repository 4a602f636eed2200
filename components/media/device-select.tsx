'use client';

type Props = {
  label: string;
  devices: MediaDeviceInfo[];
  value: string | null;
  onChange: (deviceId: string) => void;
  disabled?: boolean;
};

export function DeviceSelect({ label, devices, value, onChange, disabled }: Props) {
  if (devices.length === 0) return null;
  return (
    <label className="flex flex-col gap-1 text-sm text-slate-300">
      {label}
      <select
        className={
          'rounded-lg border border-slate-700 bg-slate-900 px-3 py-2 text-slate-100 ' +
          'focus:outline-2 focus:outline-sky-400'
        }
        value={value ?? devices[0]?.deviceId ?? ''}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
      >
        {devices.map((device, index) => (
          <option key={device.deviceId || index} value={device.deviceId}>
            {device.label || `${label} ${index + 1}`}
          </option>
        ))}
      </select>
    </label>
  );
}
