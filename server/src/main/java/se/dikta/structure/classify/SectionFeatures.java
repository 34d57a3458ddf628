package se.dikta.structure.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;
import org.apache.lucene.analysis.sv.SwedishLightStemmer;

/**
 * Features of one sentence for the section categoriser: words, bigrams, Swedish stems (Lucene's light
 * stemmer, so "bedömer", "bedömningen" and "bedömde" share evidence), the opening words, and the sentence's
 * position in the note, passed as extra information under {@link #POSITION}. Stateless, so the instance
 * OpenNLP creates from the model manifest can be shared; it needs a public no-argument constructor for that.
 */
public final class SectionFeatures implements FeatureGenerator {

    /** Bump when the features change so that cached models trained with the old ones are not reused. */
    public static final String VERSION = "sections-2";

    /** Extra-information key: the sentence's {@link Position} in its note. */
    public static final String POSITION = "position";

    /** Where a sentence stands in its note; the first sentences tend to be KONTAKT, the last PLANERING. */
    public enum Position {
        FIRST, SECOND, EARLY, MIDDLE, LATE, LAST;

        public static Position of(int index, int count) {
            if (index == 0) {
                return FIRST;
            }
            if (index == count - 1) {
                return LAST;
            }
            if (index == 1) {
                return SECOND;
            }
            double relative = (double) index / (count - 1);
            return relative < 0.34 ? EARLY : relative < 0.67 ? MIDDLE : LATE;
        }
    }

    private final SwedishLightStemmer stemmer = new SwedishLightStemmer();

    public SectionFeatures() {
    }

    @Override
    public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>(words.length * 3 + 4);
        for (int i = 0; i < words.length; i++) {
            features.add("w=" + words[i]);
            features.add("s=" + stem(words[i]));
            if (i + 1 < words.length) {
                features.add("b=" + words[i] + "_" + words[i + 1]);
            }
        }
        if (words.length > 0) {
            features.add("f=" + words[0]);
            features.add("f2=" + words[0] + "_" + (words.length > 1 ? words[1] : "</s>"));
        }
        Object position = extraInformation.get(POSITION);
        if (position != null) {
            features.add("pos=" + position);
        }
        return features;
    }

    private String stem(String word) {
        char[] chars = word.toCharArray();
        int length = stemmer.stem(chars, chars.length);
        return new String(chars, 0, length);
    }
}
