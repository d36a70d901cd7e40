package fi.vuoro.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nayuki.qrcodegen.QrCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrSvgTest {

    private static final String LINK = "https://vuoro.example.org/f/Qm9vb2JvYmJvYm9ib2JvYm9ib2Jv";

    @Test
    void of_shouldDrawEveryDarkModuleOfTheCode_insideAQuietZone() {
        QrCode code = QrCode.encodeText(LINK, QrCode.Ecc.MEDIUM);
        int dark = 0;
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                dark += code.getModule(x, y) ? 1 : 0;
            }
        }

        String svg = QrSvg.of(LINK);

        int side = code.size + 2 * QrSvg.QUIET_ZONE;
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side + "\""),
                svg);
        assertTrue(svg.endsWith("</svg>"));
        Matcher squares = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        int drawn = 0;
        while (squares.find()) {
            drawn++;
            int x = Integer.parseInt(squares.group(1)) - QrSvg.QUIET_ZONE;
            int y = Integer.parseInt(squares.group(2)) - QrSvg.QUIET_ZONE;
            assertTrue(code.getModule(x, y), "only dark modules are drawn");
        }
        assertEquals(dark, drawn);
    }

    @Test
    void of_shouldCarryNothingOfTheLinkAsText() {
        assertTrue(!QrSvg.of(LINK).contains("vuoro.example.org"), "the image is the code only");
    }
}
