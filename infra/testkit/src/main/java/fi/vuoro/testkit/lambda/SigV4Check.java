package fi.vuoro.testkit.lambda;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an AWS Signature Version 4 {@code Authorization} header as AWS does, written from AWS's description of the
 * signing process (canonical request, string to sign, derived key) and independent of the SDK's signer: a stand-in
 * that accepts a request only when this check passes proves the request would be accepted by the real service.
 * Covers what Vuoro's requests use: a POST with a body to a path without a query, headers with plain values.
 */
public final class SigV4Check {

    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?"
                    + "Signature=([0-9a-f]{64})");

    /** What the header claims: who signed, for which region and service, over which headers. */
    public record Claim(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
                        String signature) {
    }

    private SigV4Check() {
    }

    /** The header's claim, if it is a SigV4 header at all. */
    public static Optional<Claim> claim(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher m = AUTHORIZATION.matcher(authorization.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Claim(m.group(1), m.group(2), m.group(3), m.group(4),
                List.of(m.group(5).split(";")), m.group(6)));
    }

    /**
     * Whether the signature is the one the secret key makes over this request.
     *
     * @param headers every header of the request as sent (names in any case), {@code host} included
     */
    public static boolean verifies(Claim claim, String secretAccessKey, String method, String path,
                                   Map<String, List<String>> headers, byte[] body) {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), String.join(",",
                values.stream().map(v -> v.trim().replaceAll(" +", " ")).toList())));
        List<String> signed = new ArrayList<>(claim.signedHeaders());
        if (!signed.contains("host") || !signed.contains("x-amz-date") || !lower.keySet().containsAll(signed)) {
            return false;
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signed) {
            canonicalHeaders.append(name).append(':').append(lower.get(name)).append('\n');
        }
        String amzDate = lower.get("x-amz-date");
        String canonicalRequest = method + "\n" + (path == null || path.isEmpty() ? "/" : path) + "\n\n"
                + canonicalHeaders + "\n" + String.join(";", signed) + "\n" + hex(sha256(body));
        String scope = claim.date() + "/" + claim.region() + "/" + claim.service() + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), claim.date());
        key = hmac(key, claim.region());
        key = hmac(key, claim.service());
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        return amzDate.startsWith(claim.date()) && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), claim.signature().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
