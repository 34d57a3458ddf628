// A WAV file to text: upload with progress, then (for long files, 202) the transcription job polled
// every second with its progress. The <progress> carries data-phase upload|job|done.
import { get, upload } from './api.js';
import { formatClock } from './ui.js';

/** Resolves with the transcription ({transcript, words, audioSeconds, ...}); rejects with a Swedish error. */
export async function transcribeWav(file, noteId, bar, label) {
  bar.value = 0;
  bar.dataset.phase = 'upload';
  label.textContent = 'Laddar upp …';
  // With noteId the server counts the audio seconds into the draft and marks it dictated.
  const { status, data } = await upload('/api/transcriptions?noteId=' + encodeURIComponent(noteId), file, (p) => {
    bar.value = p;
    label.textContent = 'Laddar upp … ' + Math.round(p * 100) + ' %';
  });
  let result = data;
  if (status === 202) {
    bar.dataset.phase = 'job';
    bar.value = 0;
    result = await pollJob(data.id, bar, label);
  }
  bar.dataset.phase = 'done';
  bar.value = 1;
  label.textContent = 'Klart – ' + formatClock(result.audioSeconds || 0) + ' ljud transkriberat.';
  return result;
}

async function pollJob(id, bar, label) {
  label.textContent = 'Transkriberar …';
  for (;;) {
    const job = await get('/api/transcriptions/' + encodeURIComponent(id));
    if (job.status === 'done') return job;
    if (job.status === 'failed') throw new Error(job.error || 'Transkriberingen misslyckades.');
    bar.value = job.progress || 0;
    label.textContent = 'Transkriberar … ' + Math.round((job.progress || 0) * 100) + ' %';
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
