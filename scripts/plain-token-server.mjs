// Baseline for `npm run bench:api`: the same RTC token from a bare node:http server, no framework,
// and an empty /api/ping beside it, so the run shows what minting costs where nothing else does.
import http from 'node:http';
import agoraToken from 'agora-token';

const { RtcRole, RtcTokenBuilder } = agoraToken;
const appId = process.env.AGORA_APP_ID || '0c0a1d0e0000400080000000000000a1';
const appCertificate = process.env.AGORA_APP_CERTIFICATE || '10ca1ce47000400080000000000000ce';
// The caller's port (argument or PORT), else one the OS picks; the line printed names it.
const port = Number(process.argv[2] ?? process.env.PORT ?? 0);

http
  .createServer((request, response) => {
    if (request.url === '/api/ping') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end('{"message":"pong"}');
      return;
    }
    const url = new URL(request.url, 'http://localhost');
    const [, , , channel, , , uid] = url.pathname.split('/');
    const expiry = Number(url.searchParams.get('expiry') ?? 86400);
    const rtcToken = RtcTokenBuilder.buildTokenWithUid(
      appId,
      appCertificate,
      decodeURIComponent(channel ?? ''),
      Number(uid),
      RtcRole.PUBLISHER,
      expiry,
      expiry,
    );
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ rtcToken }));
  })
  .listen(port, '127.0.0.1', function listening() {
    console.log(`plain token server on ${this.address().port}`);
  });
