'use client';
// Decodes a token in the browser (lib/shared/token/decode.ts, no network) as its text changes. Decoding is
// asynchronous (inflate), so an older, slower answer never replaces a newer one.
import { useEffect, useState } from 'react';
import type { TokenInspection } from '../shared/token/decode';

export function useDecodedToken(text: string | null): TokenInspection | null {
  const [result, setResult] = useState<{ text: string; inspection: TokenInspection } | null>(null);
  useEffect(() => {
    if (!text?.trim()) return;
    let current = true;
    // Loaded on demand: pages that only sometimes decode (the call page) do not carry it up front.
    void import('../shared/token/decode')
      .then(({ inspectToken }) => inspectToken(text))
      .then((inspection) => {
        if (current) setResult({ text, inspection });
      });
    return () => {
      current = false;
    };
  }, [text]);
  return text?.trim() && result?.text === text ? result.inspection : null;
}
