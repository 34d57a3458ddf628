// The microphone: getUserMedia (echo cancellation, noise suppression and auto gain on) → the capture
// worklet → 100 ms frames of 16 kHz 16-bit mono PCM handed to `onFrame(ArrayBuffer)`, with `onLevel(0..1)`.

export class MicrophoneError extends Error {}

export class Microphone {
  constructor({ onFrame, onLevel }) {
    this.onFrame = onFrame;
    this.onLevel = onLevel || (() => {});
    this.context = null;
    this.stream = null;
    this.node = null;
    this.source = null;
  }

  async start() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      throw new MicrophoneError('Webbläsaren ger inte tillgång till mikrofonen. Använd en aktuell version av Chrome, Edge eller Firefox via https.');
    }
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 }
      });
    } catch (e) {
      const denied = e && (e.name === 'NotAllowedError' || e.name === 'SecurityError');
      throw new MicrophoneError(denied
        ? 'Dikta fick inte använda mikrofonen. Tillåt mikrofonen i webbläsarens adressfält och försök igen.'
        : 'Ingen mikrofon hittades. Anslut en mikrofon och försök igen.');
    }
    this.context = new AudioContext();
    await this.context.audioWorklet.addModule('/capture-worklet.js');
    this.source = this.context.createMediaStreamSource(this.stream);
    this.node = new AudioWorkletNode(this.context, 'dikta-capture', {
      numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit'
    });
    this.node.port.onmessage = (e) => {
      if (e.data.pcm) {
        this.onFrame(e.data.pcm);
        this.onLevel(Math.min(1, e.data.peak * 1.2));
      } else if (e.data.flushed && this.flushed) {
        this.flushed();
      }
    };
    this.source.connect(this.node);
    if (this.context.state === 'suspended') await this.context.resume();
    return this.context.sampleRate;
  }

  /** Stops capture; resolves after the last partial frame has been handed over. */
  async stop() {
    if (!this.node) return;
    const node = this.node;
    const flushed = new Promise((resolve) => {
      this.flushed = resolve;
      setTimeout(resolve, 500);
    });
    node.port.postMessage('flush');
    await flushed;
    this.flushed = null;
    try { this.source.disconnect(); } catch (e) { /* already gone */ }
    node.port.onmessage = null;
    this.stream.getTracks().forEach((t) => t.stop());
    await this.context.close().catch(() => {});
    this.node = null;
    this.source = null;
    this.stream = null;
    this.context = null;
    this.onLevel(0);
  }
}
