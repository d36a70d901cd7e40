package fi.vuoro.testkit.lambda;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Where a reader stands in each shard of one stream, so every read returns only records it has not returned before.
 *
 * <p>Shards that exist when the reader starts are entered at the starting position (at {@code LATEST}, the iterator
 * taken then points just past the last record, as it does in DynamoDB Local); shards that appear later hold only newer
 * records and are read from their start, a parent before its children, as Lambda does. DynamoDB Local returns a
 * record from {@code GetRecords} as soon as the write that made it has returned, so a read that comes back empty
 * means the shard has nothing more for now. Should an iterator expire (after 15 minutes in AWS), reading resumes after
 * the last record returned.
 */
final class StreamShards {

    private static final int PAGE_SIZE = 1000;

    /** One shard's next iterator, or null once a closed shard has been read to its end. */
    private static final class Position {
        String iterator;
        String lastSequenceNumber;
        boolean finished;
    }

    private final DynamoDbStreamsClient client;
    private final String streamArn;
    private final Map<String, Position> positions = new HashMap<>();

    StreamShards(DynamoDbStreamsClient client, String streamArn, ShardIteratorType start) {
        this.client = client;
        this.streamArn = streamArn;
        for (Shard shard : shards()) {
            Position position = new Position();
            position.iterator = iterator(shard.shardId(), start, null);
            position.finished = position.iterator == null;
            positions.put(shard.shardId(), position);
        }
    }

    /** The records written since the last read, shard by shard, each shard's in stream order. */
    List<List<Record>> readNew() {
        List<List<Record>> byShard = new ArrayList<>();
        for (Shard shard : parentsFirst(shards())) {
            Position position = positions.computeIfAbsent(shard.shardId(), id -> {
                Position fresh = new Position();
                fresh.iterator = iterator(id, ShardIteratorType.TRIM_HORIZON, null);
                fresh.finished = fresh.iterator == null;
                return fresh;
            });
            if (!position.finished) {
                List<Record> records = read(shard.shardId(), position);
                if (!records.isEmpty()) {
                    byShard.add(records);
                }
            }
        }
        return byShard;
    }

    private List<Record> read(String shardId, Position position) {
        List<Record> records = new ArrayList<>();
        while (position.iterator != null) {
            GetRecordsResponse page = page(shardId, position);
            records.addAll(page.records());
            if (!page.records().isEmpty()) {
                position.lastSequenceNumber = page.records().get(page.records().size() - 1).dynamodb().sequenceNumber();
            }
            position.iterator = page.nextShardIterator();
            if (page.records().isEmpty()) {
                break;
            }
        }
        position.finished = position.iterator == null;
        return records;
    }

    private GetRecordsResponse page(String shardId, Position position) {
        try {
            return client.getRecords(request -> request.shardIterator(position.iterator).limit(PAGE_SIZE));
        } catch (ExpiredIteratorException e) {
            if (position.lastSequenceNumber == null) {
                throw new IllegalStateException("The iterator of shard " + shardId + " expired before any record was"
                        + " read; its starting point is lost. Open a new reader.", e);
            }
            position.iterator = iterator(shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, position.lastSequenceNumber);
            String resumed = position.iterator;
            return client.getRecords(request -> request.shardIterator(resumed).limit(PAGE_SIZE));
        }
    }

    private String iterator(String shardId, ShardIteratorType type, String sequenceNumber) {
        return client.getShardIterator(request -> request
                        .streamArn(streamArn)
                        .shardId(shardId)
                        .shardIteratorType(type)
                        .sequenceNumber(sequenceNumber))
                .shardIterator();
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String after = null;
        do {
            String exclusiveStart = after;
            StreamDescription page = client.describeStream(request -> request
                    .streamArn(streamArn)
                    .exclusiveStartShardId(exclusiveStart)).streamDescription();
            shards.addAll(page.shards());
            after = page.lastEvaluatedShardId();
        } while (after != null);
        return shards;
    }

    /** Orders shards so that each comes after its parent when both are listed. */
    private static List<Shard> parentsFirst(List<Shard> shards) {
        Map<String, Shard> byId = new LinkedHashMap<>();
        shards.forEach(shard -> byId.put(shard.shardId(), shard));
        Set<String> ordered = new LinkedHashSet<>();
        for (String id : byId.keySet()) {
            addWithAncestors(id, byId, ordered);
        }
        return ordered.stream().map(byId::get).toList();
    }

    private static void addWithAncestors(String id, Map<String, Shard> byId, Set<String> ordered) {
        if (ordered.contains(id)) {
            return;
        }
        String parent = byId.get(id).parentShardId();
        if (parent != null && byId.containsKey(parent) && !parent.equals(id)) {
            addWithAncestors(parent, byId, ordered);
        }
        ordered.add(id);
    }
}
