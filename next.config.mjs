/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Go token service's URLs end in "/": answer both forms directly instead of redirecting.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  compress: false,
  reactStrictMode: true,
};

export default nextConfig;
