package fi.vuoro.staff;

import io.nayuki.qrcodegen.QrCode;

/** A QR code as a small SVG image: one path of dark squares on white, with the quiet zone scanners need. */
final class QrSvg {

    /** Modules of white around the code, as the QR standard asks. */
    static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    static String of(String text) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = code.size + QUIET_ZONE * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + side + "\" height=\"" + side
                + "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
