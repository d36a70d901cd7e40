package fi.vuoro.local;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.account.SiteMember;
import fi.vuoro.domain.account.SiteRole;
import fi.vuoro.domain.account.StaffDirectory;
import fi.vuoro.platform.dynamodb.Attributes;
import fi.vuoro.platform.dynamodb.Keys;
import fi.vuoro.platform.dynamodb.TableName;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The local stand-in for the Cognito user pool's accounts and site groups, in the table like everything else
 * (docs/table-design.md, "Local staff accounts"): an account item with its password hash, and each of its sites
 * twice, under the account (read at sign-in) and under the site (listed by its coordinators), written together.
 */
@Singleton
public final class LocalStaffDirectory implements StaffDirectory {

    static final String ACCOUNT = "ACCOUNT";
    private static final String ACCOUNT_PREFIX = "ACCOUNT#";
    private static final String SITE_PREFIX = "SITE#";

    /** An account as sign-in reads it: its password hash and its role at each of its sites. */
    record StoredAccount(String username, LocalPasswords.Hash password, Map<String, SiteRole> roles) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public LocalStaffDirectory(DynamoDbClient dynamo, TableName table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table.value();
        this.clock = clock;
    }

    static String accountKey(String username) {
        return ACCOUNT_PREFIX + username;
    }

    static String siteStaffKey(String siteId) {
        return Keys.site(siteId) + "#STAFF";
    }

    @Override
    public List<SiteMember> members(String siteId) {
        List<SiteMember> members = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(siteStaffKey(siteId)))))
                .items().forEach(item -> members.add(new SiteMember(Attributes.string(item, "username"),
                        SiteRole.valueOf(Attributes.string(item, "role")))));
        return members;
    }

    @Override
    public Grant grant(String siteId, String username, SiteRole role, String emailForNewAccount) {
        boolean exists = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(accountKey(username), ACCOUNT)).projectionExpression("PK")).hasItem();
        if (!exists && emailForNewAccount == null) {
            return Grant.noAccount();
        }
        if (exists) {
            write(TransactWriteItem.builder().conditionCheck(b -> b.tableName(table)
                    .key(key(accountKey(username), ACCOUNT)).conditionExpression("attribute_exists(PK)")).build(),
                    siteId, username, role);
            return Grant.toExistingAccount();
        }
        String password = LocalPasswords.initial();
        if (create(username, LocalPasswords.hash(password), emailForNewAccount, Map.of(siteId, role))) {
            return Grant.toNewAccount(password);
        }
        // Made meanwhile by another coordinator: give the site to that account.
        return grant(siteId, username, role, null);
    }

    @Override
    public void revoke(String siteId, String username) {
        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(key(accountKey(username), SITE_PREFIX + siteId))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(key(siteStaffKey(siteId), accountKey(username)))).build()));
    }

    /**
     * Makes the account with its sites in one step, unless an account has the username already (false: nothing is
     * written).
     */
    boolean create(String username, LocalPasswords.Hash password, String email, Map<String, SiteRole> roles) {
        Map<String, AttributeValue> account = new HashMap<>(key(accountKey(username), ACCOUNT));
        account.put("username", AttributeValue.fromS(username));
        account.put("passwordHash", AttributeValue.fromS(Base64.getEncoder().encodeToString(password.key())));
        account.put("passwordSalt", AttributeValue.fromS(Base64.getEncoder().encodeToString(password.salt())));
        account.put("passwordIterations", AttributeValue.fromN(Integer.toString(password.iterations())));
        account.put("createdAt", AttributeValue.fromS(clock.instant().toString()));
        if (email != null) {
            account.put("email", AttributeValue.fromS(email));
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(b -> b.tableName(table).item(account)
                .conditionExpression("attribute_not_exists(PK)")).build());
        roles.forEach((siteId, role) -> items.addAll(memberships(siteId, username, role)));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && "ConditionalCheckFailed".equals(codeOf(e.cancellationReasons().get(0)))) {
                return false;
            }
            throw e;
        }
    }

    /** The account for sign-in, with every site it has: one Query of its partition. */
    Optional<StoredAccount> account(String username) {
        Map<String, AttributeValue> account = null;
        Map<String, SiteRole> roles = new HashMap<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(accountKey(username))))).items()) {
            String sk = Attributes.string(item, Keys.SK);
            if (ACCOUNT.equals(sk)) {
                account = item;
            } else if (sk.startsWith(SITE_PREFIX)) {
                roles.put(sk.substring(SITE_PREFIX.length()), SiteRole.valueOf(Attributes.string(item, "role")));
            }
        }
        if (account == null) {
            return Optional.empty();
        }
        LocalPasswords.Hash hash = new LocalPasswords.Hash(
                Base64.getDecoder().decode(Attributes.string(account, "passwordSalt")),
                (int) Attributes.number(account, "passwordIterations"),
                Base64.getDecoder().decode(Attributes.string(account, "passwordHash")));
        return Optional.of(new StoredAccount(username, hash, Map.copyOf(roles)));
    }

    private void write(TransactWriteItem check, String siteId, String username, SiteRole role) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(check);
        items.addAll(memberships(siteId, username, role));
        dynamo.transactWriteItems(b -> b.transactItems(items));
    }

    private List<TransactWriteItem> memberships(String siteId, String username, SiteRole role) {
        Map<String, AttributeValue> underAccount = new HashMap<>(key(accountKey(username), SITE_PREFIX + siteId));
        underAccount.put("role", AttributeValue.fromS(role.name()));
        Map<String, AttributeValue> underSite = new HashMap<>(key(siteStaffKey(siteId), accountKey(username)));
        underSite.put("username", AttributeValue.fromS(username));
        underSite.put("role", AttributeValue.fromS(role.name()));
        return List.of(TransactWriteItem.builder().put(b -> b.tableName(table).item(underAccount)).build(),
                TransactWriteItem.builder().put(b -> b.tableName(table).item(underSite)).build());
    }

    private static String codeOf(CancellationReason reason) {
        return reason == null ? null : reason.code();
    }
}
