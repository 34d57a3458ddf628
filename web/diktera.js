// /diktera: placeholder until the dictation page lands.
import { startPage } from './shell.js';

await startPage({ roles: ['worker', 'manager'], title: 'Diktera' });
