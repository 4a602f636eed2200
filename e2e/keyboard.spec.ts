import { connectionStatus, openPanel } from './support/call-page';
import { expect, test } from './support/fixtures';

// Using the call from the keyboard alone: Enter joins, focus lands in the call, the microphone and
// camera shortcuts work from inside the chat box without taking plain typing, Escape leaves the chat.

test('Enter in the name field joins; focus lands on the call; Ctrl+D and Ctrl+E work from the chat box', async ({
  page,
}) => {
  // Escape returns to the Chat button.
  await page.goto(`/call/keys-${Date.now()}`);
  await expect(page.getByRole('button', { name: 'Join call' })).toBeEnabled({ timeout: 20_000 });
  const name = page.getByLabel('Your name');
  await name.fill('Kay');
  await name.press('Enter');
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Mute microphone' })).toBeFocused();

  const chat = await openPanel(page, 'Chat');
  const box = chat.getByLabel('Message', { exact: true });
  await expect(box).toBeFocused();
  await box.pressSequentially('dee');
  await expect(box).toHaveValue('dee');
  await expect(
    page.getByRole('button', { name: 'Mute microphone' }),
    'plain letters type, they do not toggle',
  ).toBeVisible();

  await box.press('ControlOrMeta+d');
  await expect(page.getByRole('button', { name: 'Unmute microphone' })).toBeVisible();
  await box.press('ControlOrMeta+e');
  await expect(page.getByRole('button', { name: 'Turn camera on' })).toBeVisible();
  await expect(box).toHaveValue('dee');
  await expect(box).toBeFocused();

  await box.press('Escape');
  await expect(page.getByRole('complementary', { name: 'Chat' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Chat', exact: true })).toBeFocused();
});
