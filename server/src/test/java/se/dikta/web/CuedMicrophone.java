package se.dikta.web;

import java.util.Base64;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import se.dikta.testing.ToneWavWriter;
import se.dikta.testing.ToneWavWriter.ToneAudio;

/**
 * A microphone that says the script when the test cues it, as a person starts speaking when the page says
 * "Spelar in". Chromium's file microphone starts its recording the moment {@code getUserMedia} opens it, while
 * the page is still building its capture graph: on a loaded machine the first word is over before the page
 * listens. This replaces {@code getUserMedia} on the loaded page with a Web Audio stream (silence until cued) that
 * goes through the page's own capture worklet, socket and server like a real microphone's.
 */
final class CuedMicrophone {

    static final int RATE = 48000;

    private CuedMicrophone() {
    }

    /** Installs the microphone saying {@code script}; call on the loaded page before recording starts. */
    static void install(WebDriver browser, String script) {
        ToneAudio audio = new ToneWavWriter(PageFixture.toneModel()).render(script, RATE);
        ((JavascriptExecutor) browser).executeScript(
                "const bin = atob(arguments[0]); const rate = arguments[1]; const n = bin.length / 2;"
                + "const samples = new Float32Array(n);"
                + "for (let i = 0; i < n; i++) {"
                + "  let v = bin.charCodeAt(2 * i) | (bin.charCodeAt(2 * i + 1) << 8);"
                + "  samples[i] = (v >= 32768 ? v - 65536 : v) / 32768; }"
                + "window.__mic = { opened: 0, cued: 0, gate: null };"
                + "navigator.mediaDevices.getUserMedia = async () => {"
                + "  if (window.__mic.gate) await window.__mic.gate.promise;"
                + "  const ctx = new AudioContext({ sampleRate: rate });"
                + "  if (ctx.state === 'suspended') await ctx.resume();"
                + "  const out = ctx.createMediaStreamDestination(); out.channelCount = 1;"
                + "  window.__mic.opened++; window.__mic.stream = out.stream;"
                + "  window.__mic.speak = () => {"
                + "    const buffer = ctx.createBuffer(1, n, rate); buffer.copyToChannel(samples, 0);"
                + "    const source = ctx.createBufferSource(); source.buffer = buffer; source.connect(out);"
                + "    source.start(); window.__mic.cued++; };"
                + "  return out.stream; };",
                Base64.getEncoder().encodeToString(audio.pcm()), RATE);
    }

    /** From now on the microphone opens only at {@link #grant}, as when the browser asks the user first. */
    static void holdOpening(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("let release;"
                + "const promise = new Promise((r) => { release = r; });"
                + "window.__mic.gate = { promise, release };");
    }

    /** Lets a held microphone open. */
    static void grant(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript(
                "const g = window.__mic.gate; window.__mic.gate = null; if (g) g.release();");
    }

    /** Whether the page has stopped every track of the microphone it opened. */
    static boolean closedByPage(WebDriver browser) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "const s = window.__mic && window.__mic.stream;"
                + "return !!s && s.getTracks().every((t) => t.readyState === 'ended');"));
    }

    /** Says the script now (the page must have opened the microphone). */
    static void speak(WebDriver browser) {
        Object opened = ((JavascriptExecutor) browser).executeScript(
                "if (!window.__mic || !window.__mic.speak) return false; window.__mic.speak(); return true;");
        if (!Boolean.TRUE.equals(opened)) {
            throw new IllegalStateException("The page has not opened the cued microphone");
        }
    }
}
