package fi.vuoro.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Which items a DynamoDB request names, as key shapes with the ids left out ({@code SITE#…#DAY#…/TICKET#…}), so
 * the requests of an action can be told apart without showing a phone hash or a date.
 */
final class KeyShapes {

    private KeyShapes() {
    }

    static String of(SdkRequest request) {
        if (request instanceof GetItemRequest get) {
            return key(get.key());
        }
        if (request instanceof PutItemRequest put) {
            return key(put.item());
        }
        if (request instanceof UpdateItemRequest update) {
            return key(update.key());
        }
        if (request instanceof DeleteItemRequest delete) {
            return key(delete.key());
        }
        if (request instanceof QueryRequest query) {
            String values = query.expressionAttributeValues().values().stream().map(AttributeValue::s)
                    .filter(v -> v != null && v.contains("#")).map(KeyShapes::shape).collect(Collectors.joining(" "));
            return (query.indexName() == null ? "" : query.indexName() + ": ") + values
                    + (Boolean.TRUE.equals(query.consistentRead()) ? " (consistent)" : "")
                    + (query.select() == null ? "" : " " + query.select());
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return "[" + transaction.transactItems().stream().map(KeyShapes::item).collect(Collectors.joining(", "))
                    + "]";
        }
        return "";
    }

    private static String item(TransactWriteItem item) {
        if (item.put() != null) {
            return "Put " + key(item.put().item());
        }
        if (item.update() != null) {
            return "Update " + key(item.update().key());
        }
        if (item.delete() != null) {
            return "Delete " + key(item.delete().key());
        }
        if (item.conditionCheck() != null) {
            return "Check " + key(item.conditionCheck().key());
        }
        return "?";
    }

    private static String key(Map<String, AttributeValue> key) {
        AttributeValue pk = key.get("PK");
        AttributeValue sk = key.get("SK");
        return (pk == null ? "?" : shape(pk.s())) + (sk == null ? "" : "/" + shape(sk.s()));
    }

    /** Keeps the upper-case key words and puts … for every id, number, date or hash between them. */
    static String shape(String value) {
        if (value == null) {
            return "?";
        }
        return List.of(value.split("#", -1)).stream()
                .map(part -> part.matches("[A-Z_]+") ? part : "…")
                .collect(Collectors.joining("#"));
    }
}
