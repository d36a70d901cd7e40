package fi.vuoro.local;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The demo staff accounts of the local runtime, documented in the README: development values for this
 * machine only. In AWS staff sign in against the Cognito user pool, and these accounts do not exist.
 * Their groups are named as in the user pool: {@code site-<siteId>} grants a site's queue,
 * {@code coordinator-<siteId>} makes its member the site's coordinator too.
 */
@Singleton
public final class LocalStaffAccounts {

    public static final String DEMO_PASSWORD = "vuoro-demo";

    /** A member of staff and the user-pool groups they belong to. */
    public record Account(String username, List<String> groups) {

        public Account {
            groups = List.copyOf(groups);
        }

        /** The sites the {@code site-} and {@code coordinator-} groups grant, sorted. */
        public List<String> sites() {
            return groups.stream().filter(g -> g.startsWith("site-") || g.startsWith("coordinator-"))
                    .map(g -> g.substring(g.indexOf('-') + 1)).distinct().sorted().toList();
        }
    }

    /** Staff of the demo site. */
    public static final Account ANNA = new Account("anna", List.of("site-demo"));
    /** Staff of a site the demo does not seed: signed in, yet refused the demo site's queue. */
    public static final Account OLLI = new Account("olli", List.of("site-hervanta"));
    /** Coordinator (and so staff) of both sites. */
    public static final Account COORDINATOR = new Account("coordinator",
            List.of("coordinator-demo", "coordinator-hervanta"));

    private static final byte[] NO_ACCOUNT = digest("no account has this password \u0000");

    private final Map<String, Account> accounts = Stream.of(ANNA, OLLI, COORDINATOR)
            .collect(Collectors.toUnmodifiableMap(Account::username, Function.identity()));
    private final Map<String, byte[]> passwordDigests = Map.of(
            ANNA.username(), digest(DEMO_PASSWORD),
            OLLI.username(), digest(DEMO_PASSWORD),
            COORDINATOR.username(), digest(DEMO_PASSWORD));

    /**
     * The account whose username and password these are. The password is compared in constant time,
     * and an unknown username costs the same comparison.
     */
    public Optional<Account> signIn(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        byte[] expected = passwordDigests.getOrDefault(username, NO_ACCOUNT);
        boolean matches = MessageDigest.isEqual(expected, digest(password));
        return matches && expected != NO_ACCOUNT ? Optional.ofNullable(accounts.get(username)) : Optional.empty();
    }

    private static byte[] digest(String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
