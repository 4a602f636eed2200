// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { NameField } from '@/components/prejoin/name-field';
import { EARLY_TYPED_NAME } from '@/lib/client/remembered-name';

afterEach(cleanup);

const early = window as unknown as Record<string, unknown>;

it('keeps what was typed before React was up even when the field itself was set back to empty', () => {
  // The page's script saw "Grace Hoppe" typed; hydration then set the field back to its server value.
  early[EARLY_TYPED_NAME] = 'Grace Hoppe';
  const onChange = vi.fn();
  render(<NameField value="" suggestion="Calm Willow" onChange={onChange} />);
  expect(onChange).toHaveBeenCalledWith('Grace Hoppe');
  expect(early[EARLY_TYPED_NAME]).toBeUndefined();
});

it('with nothing typed early, takes what the field holds (the remembered name the script put there)', () => {
  const onChange = vi.fn();
  render(<NameField value="" suggestion="Calm Willow" onChange={onChange} />);
  expect(onChange).not.toHaveBeenCalled();
});
