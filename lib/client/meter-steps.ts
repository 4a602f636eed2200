// What a level meter shows: whole steps, moved only when the level has left the step shown.

/** Percent per step: 20 steps, about what a meter's segments would be. */
export const METER_STEP = 5;

/**
 * The percent (0–100, a multiple of METER_STEP) a meter showing `shown` should show for `level`
 * (0–1). It stays put while the level is less than a step away: a microphone's noise in a quiet room
 * wanders between 2 and 4 %, and following it repainted the page 14 times a second for nothing
 * anyone could see.
 */
export function meterPercent(shown: number, level: number): number {
  const percent = Math.min(100, Math.max(0, level * 100));
  if (Math.abs(percent - shown) < METER_STEP) return shown;
  return Math.round(percent / METER_STEP) * METER_STEP;
}
