// The station's sounds, made on the tablet (Web Audio): a short high tone for a right item, a loud low
// buzz three times for a refusal — told apart without looking, over a stockroom's noise. No file to load.
let audio: AudioContext | null = null;

function context(): AudioContext | null {
  if (typeof window === "undefined" || !("AudioContext" in window)) return null;
  audio ??= new AudioContext();
  if (audio.state === "suspended") void audio.resume();
  return audio;
}

function tone(ctx: AudioContext, at: number, frequency: number, seconds: number, type: OscillatorType, volume: number) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(volume, at);
  gain.gain.exponentialRampToValueAtTime(0.001, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds);
}

/** Made when the station opens an order (it starts silent until the first scan, a person's gesture, resumes it): the first scan does not wait for it. */
export function warmAudio() {
  context();
}

// Played after the scan's words are on screen: the sound never delays what the person reads.
const later = (play: () => void) => setTimeout(play, 0);

export function soundOk() {
  later(() => {
    const ctx = context();
    if (ctx) tone(ctx, ctx.currentTime, 1320, 0.09, "sine", 0.3);
    navigator.vibrate?.(30);
  });
}

export function soundRefused() {
  later(() => {
    const ctx = context();
    if (ctx) for (let i = 0; i < 3; i++) tone(ctx, ctx.currentTime + i * 0.22, 180, 0.18, "square", 0.6);
    navigator.vibrate?.([200, 80, 200, 80, 200]);
  });
}
