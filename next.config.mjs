// Hosts the Agora Web SDK talks to (gateways, media edges, stats), over HTTPS and WebSockets.
const AGORA_HOSTS = ['*.agora.io', '*.sd-rtn.com', '*.rtnsvc.com', '*.rtesvc.com'];

function contentSecurityPolicy() {
  const external = process.env.NEXT_PUBLIC_TOKEN_SERVER_URL ? new URL(process.env.NEXT_PUBLIC_TOKEN_SERVER_URL).origin : '';
  const agora = AGORA_HOSTS.flatMap((host) => [`https://${host}`, `wss://${host}`]).join(' ');
  return [
    "default-src 'self'",
    // Next's hydration data is inline script; the SDK compiles WebAssembly for audio processing.
    "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
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

/** @type {import('next').NextConfig} */
const nextConfig = {
  // scripts/check-secret-leak.mjs builds a second copy beside the normal one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The Go token service's URLs end in "/": answer both forms directly instead of redirecting.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      {
        // Pages: what the browser may load and do. API answers are JSON that no browser renders.
        source: '/:path((?!api/).*)',
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy() },
          { key: 'Permissions-Policy', value: 'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
        ],
      },
      {
        source: '/api/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
        ],
      },
    ];
  },
};

export default nextConfig;
