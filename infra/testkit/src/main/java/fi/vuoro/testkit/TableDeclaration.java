package fi.vuoro.testkit;

import static fi.vuoro.testkit.TemplateValues.bool;
import static fi.vuoro.testkit.TemplateValues.list;
import static fi.vuoro.testkit.TemplateValues.map;
import static fi.vuoro.testkit.TemplateValues.number;
import static fi.vuoro.testkit.TemplateValues.rejectUnknownKeys;
import static fi.vuoro.testkit.TemplateValues.required;
import static fi.vuoro.testkit.TemplateValues.string;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The properties of one {@code AWS::DynamoDB::Table} translated into the DynamoDB API calls that create it.
 * The table is named by its logical id, so local configuration does not depend on stack naming.
 */
record TableDeclaration(CreateTableRequest createRequest, Optional<String> timeToLiveAttribute) {

    private static final Set<String> TRANSLATED = Set.of(
            "KeySchema", "AttributeDefinitions", "GlobalSecondaryIndexes", "LocalSecondaryIndexes",
            "BillingMode", "ProvisionedThroughput", "StreamSpecification", "TimeToLiveSpecification");

    // Settings with no observable effect on a local table's data or queries.
    private static final Set<String> IGNORED = Set.of(
            "TableName", "Tags", "PointInTimeRecoverySpecification", "SSESpecification",
            "DeletionProtectionEnabled", "TableClass", "ContributorInsightsSpecification",
            "ResourcePolicy", "OnDemandThroughput", "WarmThroughput");

    private static final Set<String> KNOWN = union(TRANSLATED, IGNORED);

    private static final Set<String> INDEX_KEYS = Set.of(
            "IndexName", "KeySchema", "Projection", "ProvisionedThroughput",
            "ContributorInsightsSpecification", "OnDemandThroughput", "WarmThroughput");

    static TableDeclaration from(String logicalId, Map<String, Object> properties) {
        String where = logicalId + ".Properties";
        rejectUnknownKeys(properties, KNOWN, where);

        BillingMode billingMode = enumValue(
                properties.getOrDefault("BillingMode", "PAY_PER_REQUEST"), BillingMode::fromValue,
                BillingMode.UNKNOWN_TO_SDK_VERSION, where + ".BillingMode");
        boolean provisioned = billingMode == BillingMode.PROVISIONED;

        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(logicalId)
                .billingMode(billingMode)
                .keySchema(keySchema(required(properties, "KeySchema", where), where + ".KeySchema"))
                .attributeDefinitions(attributeDefinitions(
                        required(properties, "AttributeDefinitions", where), where + ".AttributeDefinitions"));

        Optional<ProvisionedThroughput> throughput =
                throughput(properties.get("ProvisionedThroughput"), provisioned, where);
        throughput.ifPresent(request::provisionedThroughput);

        Object globalIndexes = properties.get("GlobalSecondaryIndexes");
        if (globalIndexes != null) {
            request.globalSecondaryIndexes(globalIndexes(globalIndexes, provisioned, where + ".GlobalSecondaryIndexes"));
        }
        Object localIndexes = properties.get("LocalSecondaryIndexes");
        if (localIndexes != null) {
            request.localSecondaryIndexes(localIndexes(localIndexes, where + ".LocalSecondaryIndexes"));
        }
        Object stream = properties.get("StreamSpecification");
        if (stream != null) {
            request.streamSpecification(stream(stream, where + ".StreamSpecification"));
        }
        Optional<String> ttlAttribute = timeToLive(properties.get("TimeToLiveSpecification"),
                where + ".TimeToLiveSpecification");
        return new TableDeclaration(request.build(), ttlAttribute);
    }

    private static List<KeySchemaElement> keySchema(Object value, String where) {
        List<KeySchemaElement> elements = new ArrayList<>();
        List<?> entries = list(value, where);
        for (int i = 0; i < entries.size(); i++) {
            String at = where + "[" + i + "]";
            Map<String, Object> entry = map(entries.get(i), at);
            rejectUnknownKeys(entry, Set.of("AttributeName", "KeyType"), at);
            elements.add(KeySchemaElement.builder()
                    .attributeName(string(required(entry, "AttributeName", at), at + ".AttributeName"))
                    .keyType(enumValue(required(entry, "KeyType", at), KeyType::fromValue,
                            KeyType.UNKNOWN_TO_SDK_VERSION, at + ".KeyType"))
                    .build());
        }
        return elements;
    }

    private static List<AttributeDefinition> attributeDefinitions(Object value, String where) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        List<?> entries = list(value, where);
        for (int i = 0; i < entries.size(); i++) {
            String at = where + "[" + i + "]";
            Map<String, Object> entry = map(entries.get(i), at);
            rejectUnknownKeys(entry, Set.of("AttributeName", "AttributeType"), at);
            definitions.add(AttributeDefinition.builder()
                    .attributeName(string(required(entry, "AttributeName", at), at + ".AttributeName"))
                    .attributeType(enumValue(required(entry, "AttributeType", at), ScalarAttributeType::fromValue,
                            ScalarAttributeType.UNKNOWN_TO_SDK_VERSION, at + ".AttributeType"))
                    .build());
        }
        return definitions;
    }

    private static List<GlobalSecondaryIndex> globalIndexes(Object value, boolean provisioned, String where) {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        List<?> entries = list(value, where);
        for (int i = 0; i < entries.size(); i++) {
            String at = where + "[" + i + "]";
            Map<String, Object> entry = map(entries.get(i), at);
            rejectUnknownKeys(entry, INDEX_KEYS, at);
            GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                    .indexName(string(required(entry, "IndexName", at), at + ".IndexName"))
                    .keySchema(keySchema(required(entry, "KeySchema", at), at + ".KeySchema"))
                    .projection(projection(required(entry, "Projection", at), at + ".Projection"));
            throughput(entry.get("ProvisionedThroughput"), provisioned, at).ifPresent(index::provisionedThroughput);
            indexes.add(index.build());
        }
        return indexes;
    }

    private static List<LocalSecondaryIndex> localIndexes(Object value, String where) {
        List<LocalSecondaryIndex> indexes = new ArrayList<>();
        List<?> entries = list(value, where);
        for (int i = 0; i < entries.size(); i++) {
            String at = where + "[" + i + "]";
            Map<String, Object> entry = map(entries.get(i), at);
            rejectUnknownKeys(entry, Set.of("IndexName", "KeySchema", "Projection"), at);
            indexes.add(LocalSecondaryIndex.builder()
                    .indexName(string(required(entry, "IndexName", at), at + ".IndexName"))
                    .keySchema(keySchema(required(entry, "KeySchema", at), at + ".KeySchema"))
                    .projection(projection(required(entry, "Projection", at), at + ".Projection"))
                    .build());
        }
        return indexes;
    }

    private static Projection projection(Object value, String where) {
        Map<String, Object> projection = map(value, where);
        rejectUnknownKeys(projection, Set.of("ProjectionType", "NonKeyAttributes"), where);
        Projection.Builder builder = Projection.builder()
                .projectionType(enumValue(required(projection, "ProjectionType", where), ProjectionType::fromValue,
                        ProjectionType.UNKNOWN_TO_SDK_VERSION, where + ".ProjectionType"));
        Object nonKeyAttributes = projection.get("NonKeyAttributes");
        if (nonKeyAttributes != null) {
            List<String> names = new ArrayList<>();
            List<?> entries = list(nonKeyAttributes, where + ".NonKeyAttributes");
            for (int i = 0; i < entries.size(); i++) {
                names.add(string(entries.get(i), where + ".NonKeyAttributes[" + i + "]"));
            }
            builder.nonKeyAttributes(names);
        }
        return builder.build();
    }

    /** Throughput belongs to provisioned tables only; DynamoDB rejects it on on-demand ones. */
    private static Optional<ProvisionedThroughput> throughput(Object value, boolean provisioned, String where) {
        String at = where + ".ProvisionedThroughput";
        if (!provisioned) {
            if (value != null) {
                throw new IllegalArgumentException(at + " is set but BillingMode is PAY_PER_REQUEST");
            }
            return Optional.empty();
        }
        if (value == null) {
            throw new IllegalArgumentException(at + " is required when BillingMode is PROVISIONED");
        }
        Map<String, Object> throughput = map(value, at);
        rejectUnknownKeys(throughput, Set.of("ReadCapacityUnits", "WriteCapacityUnits"), at);
        return Optional.of(ProvisionedThroughput.builder()
                .readCapacityUnits(number(required(throughput, "ReadCapacityUnits", at), at + ".ReadCapacityUnits"))
                .writeCapacityUnits(number(required(throughput, "WriteCapacityUnits", at), at + ".WriteCapacityUnits"))
                .build());
    }

    private static StreamSpecification stream(Object value, String where) {
        Map<String, Object> stream = map(value, where);
        // A stream's resource policy only governs cross-account access.
        rejectUnknownKeys(stream, Set.of("StreamViewType", "ResourcePolicy"), where);
        return StreamSpecification.builder()
                .streamEnabled(true)
                .streamViewType(enumValue(required(stream, "StreamViewType", where), StreamViewType::fromValue,
                        StreamViewType.UNKNOWN_TO_SDK_VERSION, where + ".StreamViewType"))
                .build();
    }

    private static Optional<String> timeToLive(Object value, String where) {
        if (value == null) {
            return Optional.empty();
        }
        Map<String, Object> ttl = map(value, where);
        rejectUnknownKeys(ttl, Set.of("AttributeName", "Enabled"), where);
        if (!bool(required(ttl, "Enabled", where), where + ".Enabled")) {
            return Optional.empty();
        }
        return Optional.of(string(required(ttl, "AttributeName", where), where + ".AttributeName"));
    }

    private static <E extends Enum<E>> E enumValue(Object value, Function<String, E> fromValue, E unknown, String where) {
        String text = string(value, where);
        E parsed = fromValue.apply(text);
        if (parsed == null || parsed == unknown) {
            throw new IllegalArgumentException(where + " has an unknown value '" + text + "'");
        }
        return parsed;
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }
}
