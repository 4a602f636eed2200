'use client';
import { useEffect } from 'react';
import { announceSignedOut } from '@/lib/client/signed-out-signal';

/** Rendered once the sign-out is done: this browser's call pages learn it at once. */
export function SignedOutSignal() {
  useEffect(announceSignedOut, []);
  return null;
}
