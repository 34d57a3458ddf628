// AudioWorklet: microphone audio at the context's rate (typically 44.1 or 48 kHz) → low-pass filtered,
// resampled 16 kHz 16-bit mono PCM, posted to the page in 100 ms frames (1600 samples) with the frame's
// level. The filter is a windowed-sinc interpolator whose cutoff lies below the new Nyquist frequency
// (0.45 × 16 kHz), so nothing above 7.2 kHz folds back into the speech band.

const OUT_RATE = 16000;
const FRAME = 1600;          // 100 ms at 16 kHz
const HALF = 24;             // taps each side of the interpolation point (input samples)

class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.ratio = sampleRate / OUT_RATE;                     // input samples per output sample
    this.cutoff = Math.min(1, 1 / this.ratio) * 0.45 * 2;   // cutoff as a fraction of the input Nyquist
    this.buf = new Float32Array(8192);
    this.len = 0;
    this.pos = HALF;            // next output time, in input samples relative to buf[0]
    this.out = new Int16Array(FRAME);
    this.outLen = 0;
    this.sumSquares = 0;
    this.peak = 0;
    this.port.onmessage = (e) => {
      if (e.data === 'flush') this.flush();
    };
  }

  kernel(x) {
    if (x === 0) return this.cutoff;
    const a = Math.PI * x;
    const sinc = Math.sin(this.cutoff * a) / a;
    const w = 0.5 + 0.5 * Math.cos(Math.PI * x / HALF); // Hann window over ±HALF
    return sinc * w;
  }

  push(samples) {
    if (this.len + samples.length > this.buf.length) {
      const bigger = new Float32Array(Math.max(this.buf.length * 2, this.len + samples.length));
      bigger.set(this.buf.subarray(0, this.len));
      this.buf = bigger;
    }
    this.buf.set(samples, this.len);
    this.len += samples.length;
    while (this.pos + HALF < this.len) {
      const center = Math.floor(this.pos);
      let acc = 0;
      for (let k = center - HALF + 1; k <= center + HALF; k++) {
        const d = this.pos - k;
        if (d <= -HALF || d >= HALF) continue;
        acc += this.buf[k] * this.kernel(d);
      }
      this.emit(acc);
      this.pos += this.ratio;
    }
    // Drop input no longer needed by the filter.
    const drop = Math.floor(this.pos) - HALF;
    if (drop > 0) {
      this.buf.copyWithin(0, drop, this.len);
      this.len -= drop;
      this.pos -= drop;
    }
  }

  emit(v) {
    const s = Math.max(-1, Math.min(1, v));
    this.sumSquares += s * s;
    const a = Math.abs(s);
    if (a > this.peak) this.peak = a;
    this.out[this.outLen++] = s < 0 ? Math.round(s * 32768) : Math.round(s * 32767);
    if (this.outLen === FRAME) this.send();
  }

  send() {
    if (this.outLen === 0) return;
    const pcm = this.out.slice(0, this.outLen);
    const rms = Math.sqrt(this.sumSquares / this.outLen);
    this.port.postMessage({ pcm: pcm.buffer, rms, peak: this.peak }, [pcm.buffer]);
    this.outLen = 0;
    this.sumSquares = 0;
    this.peak = 0;
  }

  flush() {
    this.send();
    this.port.postMessage({ flushed: true });
  }

  process(inputs) {
    const input = inputs[0];
    if (input && input.length > 0 && input[0].length > 0) {
      if (input.length === 1) {
        this.push(input[0]);
      } else {
        const mono = new Float32Array(input[0].length);
        for (let c = 0; c < input.length; c++) {
          const ch = input[c];
          for (let i = 0; i < ch.length; i++) mono[i] += ch[i] / input.length;
        }
        this.push(mono);
      }
    }
    return true;
  }
}

registerProcessor('dikta-capture', CaptureProcessor);
