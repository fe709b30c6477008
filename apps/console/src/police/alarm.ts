/**
 * The board's audible alert: a short two-tone chime from the Web Audio API (no sound file to ship).
 * Browsers let a page make sound only after the user has interacted with it, so the board asks for one
 * click ("开启提示音") when it opens; the visible alert works without it.
 */
let context: AudioContext | null = null;

export function enableSound(): boolean {
  context ??= new AudioContext();
  void context.resume();
  return context.state !== 'closed';
}

export const soundEnabled = (): boolean => context?.state === 'running';

export function chime(): void {
  if (!context || context.state !== 'running') return;
  const start = context.currentTime;
  [880, 660, 880].forEach((frequency, i) => {
    const osc = context!.createOscillator();
    const gain = context!.createGain();
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + i * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.25 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.25 + 0.22);
    osc.connect(gain).connect(context!.destination);
    osc.start(start + i * 0.25);
    osc.stop(start + i * 0.25 + 0.24);
  });
}
