package com.sellavie.ai.provider.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The content words of a text as stems, English and French: "shipping", "ships" and "shipped" all give
 * {@code ship}, "livraisons" gives {@code livraison}. Lucene's analyzers do the stemming (Porter for
 * English, the light French stemmer); the stop words are theirs plus the words every customer question
 * has ("do you", "can I", "est-ce que"), so that two texts share a term only when they share a subject.
 */
final class Terms {

    private static final List<String> QUESTION_WORDS = List.of("do", "does", "did", "you", "your", "yours", "can",
            "could", "would", "should", "i", "i'm", "i'd", "me", "my", "we", "our", "us", "what", "how", "when",
            "where", "which", "who", "why", "much", "many", "have", "has", "had", "please", "hi", "hello", "hey",
            "any", "get", "got", "like", "want", "know", "tell", "thanks", "thank", "there", "here", "is", "are",
            "est", "ce", "que", "qui", "quoi", "quand", "comment", "combien", "pourquoi", "vous", "votre", "vos",
            "je", "j", "moi", "mon", "ma", "mes", "nous", "avez", "pouvez", "peux", "puis", "faites", "bonjour",
            "salut", "merci", "svp", "plait", "il", "y", "a");
    private static final CharArraySet STOP_WORDS = stopWords();
    private static final List<Analyzer> ANALYZERS = List.of(new EnglishAnalyzer(STOP_WORDS), new FrenchAnalyzer(STOP_WORDS));

    private Terms() {
    }

    /** The stems of {@code text}'s content words in both languages (a word may give two stems). */
    static Set<String> of(String text) {
        Set<String> stems = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return stems;
        }
        String plain = plain(text);
        for (Analyzer analyzer : ANALYZERS) {
            try (TokenStream tokens = analyzer.tokenStream("text", plain)) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    stems.add(term.toString());
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException("analysing a string cannot fail", e);
            }
        }
        return stems;
    }

    /** Lower case, without accents, curly apostrophes made straight: "Où livrez-vous ?" -> "ou livrez-vous ?". */
    static String plain(String text) {
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('\u2019', '\''), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(FrenchAnalyzer.getDefaultStopSet());
        words.addAll(QUESTION_WORDS);
        return CharArraySet.unmodifiableSet(words);
    }
}
