// The call page asks for the camera and microphone while the page is still loading, before React
// is up, and shows the camera in the preview's <video> at once; the app then adopts those captures
// instead of asking again. Rendered as an inline script by the call page (server), claimed by the
// browser's capture (lib/client/capture.ts).

/** The id of the prejoin preview's <video>, which the early capture plays into. */
export const PREVIEW_VIDEO_ID = 'preview-video';

const KEY = '__agoraCallsEarlyCapture';

export const EARLY_CAPTURE_SCRIPT = `(function () {
  performance.mark('call:early-capture');
  var devices = navigator.mediaDevices;
  if (!devices || !devices.getUserMedia || window.isSecureContext === false) return;
  var grab = function (constraints) {
    return devices.getUserMedia(constraints).then(function (stream) { return stream.getTracks()[0]; });
  };
  var early = (window.${KEY} = { video: grab({ video: true }), audio: grab({ audio: true }) });
  early.audio.catch(function () {});
  early.video.then(function (track) {
    performance.mark('call:early-camera');
    var video = document.getElementById('${PREVIEW_VIDEO_ID}');
    if (video && !video.srcObject) {
      video.srcObject = new MediaStream([track]);
      video.play().catch(function () {});
    }
  }, function () {});
})();`;

type Early = Record<'video' | 'audio', Promise<MediaStreamTrack> | undefined>;

/** The early capture of this kind, once (a later start asks the browser again); null if none. */
export function claimEarlyCapture(kind: 'video' | 'audio'): Promise<MediaStreamTrack> | null {
  const early = (globalThis as typeof globalThis & { [KEY]?: Early })[KEY];
  const claimed = early?.[kind];
  if (!early || !claimed) return null;
  early[kind] = undefined;
  return claimed;
}
