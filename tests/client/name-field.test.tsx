// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { NameField } from '@/components/prejoin/name-field';

afterEach(cleanup);

// While React is still hydrating the page, the name's store does not reach the field yet: what was
// typed must stay in the field, not be set back after each key.
it('keeps what is typed even while the owner has not passed the new name back yet', () => {
  const onChange = vi.fn();
  render(<NameField value="" suggestion="Calm Willow" onChange={onChange} />);
  const field = screen.getByLabelText('Your name') as HTMLInputElement;
  fireEvent.change(field, { target: { value: 'Grace' } });
  expect(onChange).toHaveBeenLastCalledWith('Grace');
  expect(field.value).toBe('Grace');
  fireEvent.change(field, { target: { value: 'Grace H' } });
  expect(field.value).toBe('Grace H');
});

it('shows the name it is given when nothing was typed (the remembered name)', () => {
  render(<NameField value="Ada Lovelace" suggestion="Calm Willow" onChange={() => {}} />);
  expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('Ada Lovelace');
});
