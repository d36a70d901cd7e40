package fi.vuoro.domain.account;

import java.util.List;

/**
 * Where staff accounts and their sites are kept: the Cognito user pool in AWS (a site's groups), the table locally.
 * It stores what it is told; {@link StaffAccountAdmin} decides who may tell it what.
 */
public interface StaffDirectory {

    /** The site's members with their roles, in no particular order; none for a site nobody has been given yet. */
    List<SiteMember> members(String siteId);

    /**
     * Gives the account the role at the site, replacing any role it had there. When no account has the username,
     * creates it if an email is given, or else returns {@link Grant#noAccount()} and changes nothing.
     */
    Grant grant(String siteId, String username, SiteRole role, String emailForNewAccount);

    /** Takes the account's role at the site away; the account itself stays. */
    void revoke(String siteId, String username);

    /**
     * What a grant did: whether it made the account, and the initial password if the directory hands it to the
     * coordinator (locally) rather than sending it to the new member itself (Cognito emails it).
     */
    record Grant(boolean granted, boolean accountCreated, String initialPassword) {

        public static Grant toExistingAccount() {
            return new Grant(true, false, null);
        }

        public static Grant toNewAccount(String initialPassword) {
            return new Grant(true, true, initialPassword);
        }

        public static Grant noAccount() {
            return new Grant(false, false, null);
        }
    }
}
