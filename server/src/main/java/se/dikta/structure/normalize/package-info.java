/**
 * Stage 3 of the structuring pipeline: spoken Swedish numbers to their written forms
 * (../shared/swedish-written-forms.md), and the rule entities DATE, TIME, AMOUNT, PERSONNUMMER, PHONE.
 * <p>
 * Entry point: {@link se.dikta.structure.normalize.SpokenNumberNormalizer#normalize}, one sentence of
 * recogniser words in, {@link se.dikta.structure.normalize.WrittenToken}s out, each with the word range it
 * came from. A multi-word construct is one token whose text may contain spaces ("den 12 mars",
 * "klockan 9.15", "3 500 kronor"); every other word passes through unchanged, in its original spelling.
 * Sentence capitals, full stops, names and street-name capitals are left to the pipeline.
 * <p>
 * Decisions beyond the spec, so the pipeline and the evaluation agree with them:
 * <ul>
 *   <li>Years are DATE entities ("2022", and inside "den 5 maj 2026"); percent, ages, counts, street numbers
 *       and law references carry no entity.</li>
 *   <li>An AMOUNT token includes its currency word ("3 500 kronor"); round millions are written
 *       "2 miljoner kronor".</li>
 *   <li>Phone numbers: area code 08, a three-digit code from a fixed list, else four digits; the subscriber
 *       number grouped from the right in pairs, a leading three when odd (070-123 45 67, 08-123 456 78).</li>
 *   <li>Ten digits starting with 0 are a phone number unless "personnummer"/"född" precedes them.</li>
 *   <li>"N år" under 13 is an age (digits) unless a duration word is next to it ("i tre år", "för två år
 *       sedan"); "ett år" needs "är/blir/fyller" or "gammal".</li>
 *   <li>Ordinals of 13 or more outside dates are written 13:e, 21:a.</li>
 *   <li>Decimals need "komma" between digits and a unit after them ("två komma fem procent" → "2,5 procent");
 *       if the pipeline turns "komma" into a comma first, this reading is lost.</li>
 * </ul>
 */
package se.dikta.structure.normalize;
