'use client';
import { useState } from 'react';

const SCRIPT_ID = 'early-capture';

/**
 * The call page's early capture (lib/shared/early-capture.ts) as an inline script. It only runs when the
 * server rendered it into the page (a loaded link). On a navigation inside the app React renders on
 * the client, where a script would not run and React warns, so it renders nothing then and the
 * preview captures the usual way.
 */
export function EarlyCaptureScript({ code }: { code: string }) {
  const [inServerHtml] = useState(() => typeof document === 'undefined' || document.getElementById(SCRIPT_ID) !== null);
  return inServerHtml ? <script id={SCRIPT_ID} dangerouslySetInnerHTML={{ __html: code }} /> : null;
}
