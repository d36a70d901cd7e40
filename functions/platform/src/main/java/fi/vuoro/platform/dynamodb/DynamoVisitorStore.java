package fi.vuoro.platform.dynamodb;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.visitor.VisitorProfile;
import fi.vuoro.domain.visitor.VisitorStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A visitor's chosen language and the topic menu they are to answer, under the keyed hash of their number. */
public final class DynamoVisitorStore implements VisitorStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoVisitorStore(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Optional<VisitorProfile> find(String phoneHash, Instant now) {
        return profileOf(phoneHash, dynamo.getItem(b -> b.tableName(table)
                .key(key(Keys.phone(phoneHash), Keys.PROFILE)).consistentRead(true)).item(), now);
    }

    /** The profile an item holds, unless it is absent or expired. */
    static Optional<VisitorProfile> profileOf(String phoneHash, Map<String, AttributeValue> item, Instant now) {
        if (!Attributes.isLive(item, now)) {
            return Optional.empty();
        }
        Optional<VisitorProfile.TopicMenuSent> menu = item.containsKey("topicMenuSite")
                ? Optional.of(new VisitorProfile.TopicMenuSent(Attributes.string(item, "topicMenuSite"),
                        LocalDate.parse(Attributes.string(item, "topicMenuDay"))))
                : Optional.empty();
        return Optional.of(new VisitorProfile(phoneHash, Attributes.string(item, "language"), menu));
    }

    @Override
    public void save(VisitorProfile profile, Instant expiresAt) {
        dynamo.putItem(b -> b.tableName(table).item(profileItem(profile, expiresAt)));
    }

    /** Only that the number opted out, and when: nothing of the visitor, nothing to tell them by. */
    @Override
    public void optOut(String phoneHash, Instant at, Instant expiresAt) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.phone(phoneHash)),
                Keys.SK, AttributeValue.fromS(Keys.OPTED_OUT),
                "optedOutAt", Attributes.epochMillis(at),
                Attributes.EXPIRES_AT, Attributes.epochSeconds(expiresAt))));
    }

    @Override
    public void optIn(String phoneHash) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(Keys.phone(phoneHash), Keys.OPTED_OUT)));
    }

    /** The profile as it is stored; a join writes it in its ticket's transaction. */
    static Map<String, AttributeValue> profileItem(VisitorProfile profile, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.phone(profile.phoneHash()), Keys.PROFILE));
        item.put("language", AttributeValue.fromS(profile.language()));
        profile.topicMenu().ifPresent(menu -> {
            item.put("topicMenuSite", AttributeValue.fromS(menu.siteId()));
            item.put("topicMenuDay", AttributeValue.fromS(menu.day().toString()));
        });
        item.put(Attributes.EXPIRES_AT, Attributes.epochSeconds(expiresAt));
        return item;
    }
}
