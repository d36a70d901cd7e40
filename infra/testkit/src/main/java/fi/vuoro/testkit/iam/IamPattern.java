package fi.vuoro.testkit.iam;

import java.util.regex.Pattern;

/**
 * IAM's wildcard matching of actions and resources.
 *
 * <p>Actions match case-insensitively, {@code *} standing for any characters and {@code ?} for one. Resources
 * match case-sensitively and, as the IAM user guide describes wildcards in ARNs ("Resource" element), segment by
 * segment: a wildcard stays within its colon-separated segment, except a {@code *} that ends a segment (or the
 * whole ARN), which may extend across colons; {@code ?} never matches a colon. Where the guide leaves room, this takes
 * the stricter reading, so a check built on it errs towards refusing rather than passing by accident.
 */
final class IamPattern {

    private IamPattern() {}

    static boolean matchesAction(String pattern, String action) {
        return compile(pattern, false).matcher(action).matches();
    }

    static boolean matchesResource(String pattern, String resource) {
        return compile(pattern, true).matcher(resource).matches();
    }

    private static Pattern compile(String pattern, boolean segmented) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '*' && c != '?') {
                literal.append(c);
                continue;
            }
            if (literal.length() > 0) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            boolean endsSegment = i == pattern.length() - 1 || pattern.charAt(i + 1) == ':';
            if (c == '*') {
                regex.append(segmented && !endsSegment ? "[^:]*" : ".*");
            } else {
                regex.append(segmented ? "[^:]" : ".");
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        int flags = Pattern.DOTALL | (segmented ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(regex.toString(), flags);
    }
}
