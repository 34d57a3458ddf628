package se.dikta.asr;

/** What decoding a piece of audio produced. */
public sealed interface DecodeEvent {

    /** The current hypothesis of the utterance in progress; it may still change. */
    record Partial(String text) implements DecodeEvent {}

    /** A finished utterance. */
    record Final(FinalResult result) implements DecodeEvent {}
}
