let audio: AudioContext | undefined;

/**
 * A short chime made with WebAudio (no audio file to fetch). `urgent` is louder, longer and
 * repeated, for alerts. Browsers refuse sound before the user has interacted with the page:
 * then it stays silent, which is all we can do.
 */
export function playChime(urgent = false): void {
  if (typeof AudioContext === 'undefined') return;
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
    const beeps = urgent ? 3 : 1;
    for (let index = 0; index < beeps; index++) beep(audio, index * 0.45, urgent);
  } catch {
    // No audio device, or refused: the notification itself still shows.
  }
}

function beep(context: AudioContext, delay: number, urgent: boolean) {
  const start = context.currentTime + delay;
  const length = urgent ? 0.35 : 0.18;
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = urgent ? 'square' : 'sine';
  oscillator.frequency.setValueAtTime(urgent ? 880 : 660, start);
  gain.gain.setValueAtTime(urgent ? 0.25 : 0.12, start);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(start);
  oscillator.stop(start + length);
}
