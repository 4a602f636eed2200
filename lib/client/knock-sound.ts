// A short two-note chime for a host when someone knocks: made with WebAudio, so no sound file to
// load. Browsers allow it once the page has had a click (the host pressed Join); where they do not,
// or there is no WebAudio, it stays silent: the badge on People and the words still say it.
let context: AudioContext | null = null;

export function playKnockSound() {
  try {
    const Context = window.AudioContext ?? (window as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Context) return;
    context ??= new Context();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const start = context.currentTime;
    [660, 880].forEach((frequency, index) => {
      const at = start + index * 0.14;
      const tone = context!.createOscillator();
      const volume = context!.createGain();
      tone.frequency.value = frequency;
      volume.gain.setValueAtTime(0.0001, at);
      volume.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.12);
      tone.connect(volume).connect(context!.destination);
      tone.start(at);
      tone.stop(at + 0.13);
    });
  } catch {
    // No sound is not a failure: the badge and the words are there.
  }
}
