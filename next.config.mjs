import { networkInterfaces } from 'node:os';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

// Hosts the Agora Web SDK talks to (gateways, media edges, stats), over HTTPS and WebSockets.
const AGORA_HOSTS = ['*.agora.io', '*.sd-rtn.com', '*.rtnsvc.com', '*.rtesvc.com'];

/** `dev`: React's development build evaluates code (call stacks, the overlay); production never may. */
function contentSecurityPolicy(dev) {
  const external = process.env.NEXT_PUBLIC_TOKEN_SERVER_URL
    ? new URL(process.env.NEXT_PUBLIC_TOKEN_SERVER_URL).origin
    : '';
  const agora = AGORA_HOSTS.flatMap((host) => [`https://${host}`, `wss://${host}`]).join(' ');
  return [
    "default-src 'self'",
    // Next's hydration data is inline script; the SDK compiles WebAssembly for audio processing.
    `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    `connect-src 'self' ${agora} ${external}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Hosts `next dev` serves to other devices: this machine's own network addresses (the "Network:"
 * line it prints) plus ALLOWED_DEV_ORIGINS, so a phone on the same network can load the app.
 */
function devOrigins() {
  const own = Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && !address.internal)
    .map((address) => (address.family === 'IPv6' ? `[${address.address}]` : address.address));
  const extra = (process.env.ALLOWED_DEV_ORIGINS ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean);
  // Next prints localhost; 127.0.0.1 is the same machine, and without it the page never hydrates.
  return ['127.0.0.1', ...own, ...extra];
}

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  // scripts/check-secret-leak.mjs builds a second copy beside the normal one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The Go token service's URLs end in "/": answer both forms directly instead of redirecting.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  ...(phase === PHASE_DEVELOPMENT_SERVER && { allowedDevOrigins: devOrigins() }),
  // Bottom corners belong to the call controls on a phone.
  devIndicators: { position: 'top-right' },
  reactStrictMode: true,
  experimental: {
    inlineCss: true,
    // No Turbopack cache restored across `next dev` runs: a cache left by earlier runs made the
    // runtime chunk list answer every HMR subscription with "restart", so the page reloaded itself
    // in a loop (hundreds of times a minute) until `.next/dev` was deleted (issue #26).
    turbopackFileSystemCacheForDev: false,
    // Production chunking. With the default (50 kB), once any page uses next/link, Next's built-in error
    // page (5 kB of the code every page loads) is put in a chunk of its own (seen in an empty app too).
    // At 100 kB it joins the framework chunk beside it: one request (~0.4 kB of headers) fewer on every
    // page, and no page loads more (issue #26).
    turbopackChunking: { minChunkSize: 100_000 },
  },
  async headers() {
    const nosniff = { key: 'X-Content-Type-Options', value: 'nosniff' };
    const hsts = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' };
    return [
      {
        // Documents: what the browser may load and do. Not API answers (JSON no browser renders) and
        // not Next's static chunks: a CSP costs ~0.8 kB per response, and a script is no document.
        source: '/:path((?!api/|_next/static/).*)',
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy(phase === PHASE_DEVELOPMENT_SERVER) },
          {
            key: 'Permissions-Policy',
            value: 'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()',
          },
          nosniff,
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          hsts,
        ],
      },
      { source: '/api/:path*', headers: [nosniff, hsts] },
      // Scripts and styles: the browser must not guess their type; nothing else applies to them.
      { source: '/_next/static/:path*', headers: [nosniff] },
    ];
  },
});

export default nextConfig;
