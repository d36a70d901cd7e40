package fi.vuoro.local;

import fi.vuoro.domain.account.SiteRole;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local staff sign-in against the accounts in the table ({@link LocalStaffDirectory}): the three demo accounts
 * documented in the README, seeded at start, and every account a coordinator makes through the staff API. In AWS
 * staff sign in against the Cognito user pool, and none of this exists. The sites an account has are named as the
 * user pool's groups: {@code site-<siteId>} grants a site's queue, {@code coordinator-<siteId>} makes its member the
 * site's coordinator too.
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

    private final LocalStaffDirectory directory;

    public LocalStaffAccounts(LocalStaffDirectory directory) {
        this.directory = directory;
    }

    /** Makes the demo accounts with their sites and password, unless they exist already (then leaves them be). */
    public void seedDemoAccounts() {
        for (Account demo : List.of(ANNA, OLLI, COORDINATOR)) {
            Map<String, SiteRole> roles = new HashMap<>();
            for (String siteId : demo.sites()) {
                roles.put(siteId, demo.groups().contains("coordinator-" + siteId) ? SiteRole.COORDINATOR
                        : SiteRole.STAFF);
            }
            directory.create(demo.username(), LocalPasswords.hash(DEMO_PASSWORD), null, roles);
        }
    }

    /**
     * The account whose username and password these are, with the sites it has now. The password is compared in
     * constant time, and an unknown username costs the same. Usernames are matched exactly, as stored (lower case).
     */
    public Optional<Account> signIn(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<LocalStaffDirectory.StoredAccount> stored = directory.account(username);
        if (!LocalPasswords.matches(password, stored.map(LocalStaffDirectory.StoredAccount::password).orElse(null))) {
            return Optional.empty();
        }
        return Optional.of(account(stored.get()));
    }

    /**
     * The account with the sites it has now, whatever its password: for tokens of a sign-in checked elsewhere, as a
     * Cognito user pool checks it in AWS (tests sign in against a loopback Cognito and get their tokens from here).
     */
    public Optional<Account> account(String username) {
        return username == null ? Optional.empty() : directory.account(username).map(LocalStaffAccounts::account);
    }

    private static Account account(LocalStaffDirectory.StoredAccount stored) {
        List<String> groups = new ArrayList<>();
        stored.roles().forEach((siteId, role) ->
                groups.add((role == SiteRole.COORDINATOR ? "coordinator-" : "site-") + siteId));
        groups.sort(null);
        return new Account(stored.username(), groups);
    }
}
