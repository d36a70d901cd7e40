package fi.vuoro.domain.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void normalize_shouldIgnoreCaseAndAccents_whenLatin() {
        assertEquals("ko", TextNormalizer.normalize("KÖ"));
        assertEquals("ko", TextNormalizer.normalize("Kö"));
        assertEquals("lamna", TextNormalizer.normalize("LÄMNA"));
        assertEquals("strasse", TextNormalizer.normalize("Straße"));
    }

    @Test
    void normalize_shouldIgnoreCaseAndMarks_whenCyrillic() {
        assertEquals("очередь", TextNormalizer.normalize("ОЧЕРЕДЬ"));
        assertEquals(TextNormalizer.normalize("ВЫЙТИ"), TextNormalizer.normalize("выйти"));
        assertEquals(TextNormalizer.normalize("УКРАЇНСЬКА"), TextNormalizer.normalize("українська"));
    }

    @Test
    void normalize_shouldSeparateWords_whenSpacesPunctuationAndEmojiSurroundThem() {
        assertEquals("jono", TextNormalizer.normalize("  jono!! "));
        assertEquals("jono", TextNormalizer.normalize("Jono."));
        assertEquals("join ar", TextNormalizer.normalize("JOIN 🙂  «AR»"));
        assertEquals("ka bax", TextNormalizer.normalize("ka-bax"));
    }

    @Test
    void normalize_shouldRemoveHarakatAndTatweel_whenArabic() {
        assertEquals(TextNormalizer.normalize("طابور"), TextNormalizer.normalize("طَابُـــور"));
    }

    @Test
    void normalize_shouldUnifyYehKafAlefAndTehMarbuta_whenArabicScript() {
        assertEquals(TextNormalizer.normalize("وضعيت"), TextNormalizer.normalize("وضعیت")); // Arabic / Persian yeh
        assertEquals(TextNormalizer.normalize("كمك"), TextNormalizer.normalize("کمک")); // Arabic / Persian kaf
        assertEquals(TextNormalizer.normalize("اللغة"), TextNormalizer.normalize("إللغه"));
        assertEquals(TextNormalizer.normalize("آ أ إ ٱ"), "ا ا ا ا");
        assertEquals(TextNormalizer.normalize("مساعدى"), TextNormalizer.normalize("مساعدي"));
    }

    @Test
    void normalize_shouldUnfoldPresentationForms_whenAnOldKeyboardSendsThem() {
        assertEquals(TextNormalizer.normalize("لغة"), TextNormalizer.normalize("\uFEDF\uFED0\uFE94"));
        assertEquals(TextNormalizer.normalize("لا"), TextNormalizer.normalize("\uFEFB"));
        assertEquals("join", TextNormalizer.normalize("ＪＯＩＮ"));
    }

    @Test
    void normalize_shouldDropInvisibleJoinersAndDirectionMarks_withoutSplittingTheWord() {
        assertEquals(TextNormalizer.normalize("میخواهم"), TextNormalizer.normalize("می\u200Cخواهم"));
        assertEquals("jono", TextNormalizer.normalize("\u200Fjo\u200Bno\u200E"));
    }

    @Test
    void normalize_shouldWriteWesternDigits_whenDigitsOfAnyScript() {
        assertEquals("3", TextNormalizer.normalize("٣"));
        assertEquals("12", TextNormalizer.normalize("۱۲"));
        assertEquals("3", TextNormalizer.normalize("3️⃣"));
    }

    @Test
    void normalize_shouldKeepMarks_whenTheyChangeTheWord() {
        assertEquals("सहायता", TextNormalizer.normalize("सहायता"));
        assertEquals("도움", TextNormalizer.normalize("도움"));
    }

    @Test
    void words_shouldBeEmpty_whenNullBlankOrOnlySymbols() {
        assertEquals(List.of(), TextNormalizer.words(null));
        assertEquals(List.of(), TextNormalizer.words(""));
        assertEquals(List.of(), TextNormalizer.words("   \n\t"));
        assertEquals(List.of(), TextNormalizer.words("🙂👍🏽!!?"));
    }

    @Test
    void words_shouldNotThrow_whenTextIsArbitraryCodePoints() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                char c = (char) random.nextInt(Character.MAX_VALUE + 1); // includes lone surrogates
                text.append(c);
            }
            List<String> words = TextNormalizer.words(text.toString());
            assertTrue(words.stream().noneMatch(String::isEmpty));
        }
    }
}
