package fi.vuoro.platform.dynamodb.feedback;

import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VisitTraits;
import fi.vuoro.domain.report.DayTally;
import fi.vuoro.domain.report.FeedbackComment;
import fi.vuoro.domain.report.ReportStore;
import fi.vuoro.domain.report.VisitCount;
import fi.vuoro.domain.report.WeekTally;
import fi.vuoro.platform.dynamodb.Attributes;
import fi.vuoro.platform.dynamodb.TableName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** A site's tallies in DynamoDB ({@link ReportItems}): one UpdateItem per counted event, one Query per kind read. */
public final class DynamoReportStore implements ReportStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReportStore(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void countVisit(String siteId, LocalDate day, VisitTraits traits, VisitCount count) {
        Update update = ReportItems.countVisit(table, siteId, day, traits, count);
        dynamo.updateItem(b -> b.tableName(update.tableName()).key(update.key())
                .updateExpression(update.updateExpression())
                .expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues()));
    }

    @Override
    public List<DayTally> days(String siteId, LocalDate from, LocalDate to) {
        return between(siteId, ReportItems.DAY + from, ReportItems.DAY + to + ReportItems.END).map(item -> {
            List<Long> hours = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                hours.add(ReportItems.counter(item, String.format("h%02d", hour)));
            }
            Map<Integer, Long> waits = new HashMap<>();
            item.forEach((name, value) -> {
                if (name.matches("w[0-9]{1,3}") && value.n() != null) {
                    waits.put(Integer.parseInt(name.substring(1)), Long.parseLong(value.n()));
                }
            });
            return new DayTally(LocalDate.parse(Attributes.string(item, "day")), ReportItems.traitsOf(item),
                    ReportItems.counter(item, "served"), ReportItems.counter(item, "noShows"),
                    ReportItems.counter(item, "left"), hours, waits, ReportItems.counter(item, "interpreterRequests"),
                    ReportItems.counter(item, "interpretersFound"));
        }).toList();
    }

    @Override
    public List<WeekTally> weeks(String siteId, ServiceWeek from, ServiceWeek to) {
        return between(siteId, ReportItems.WEEK + from, ReportItems.WEEK + to + ReportItems.END).map(item -> {
            Map<FeedbackQuestion, List<Long>> points = new EnumMap<>(FeedbackQuestion.class);
            for (FeedbackQuestion question : FeedbackQuestion.values()) {
                List<Long> counts = new ArrayList<>();
                for (int point = 1; point <= 5; point++) {
                    counts.add(ReportItems.counter(item, ReportItems.pointCounter(question, point)));
                }
                points.put(question, counts);
            }
            return new WeekTally(ServiceWeek.parse(Attributes.string(item, "week")), ReportItems.traitsOf(item),
                    ReportItems.counter(item, "invited"), ReportItems.counter(item, "responses"), points);
        }).toList();
    }

    @Override
    public List<FeedbackComment> comments(String siteId, ServiceWeek from, ServiceWeek to) {
        return dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                        .filterExpression("attribute_exists(#comment)")
                        .expressionAttributeNames(Map.of("#comment", "comment"))
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(DynamoFeedbackStore.answersKey(siteId)),
                                ":from", AttributeValue.fromS(from.toString()),
                                ":to", AttributeValue.fromS(to + ReportItems.END))))
                .items().stream()
                .map(item -> new FeedbackComment(ServiceWeek.parse(Attributes.string(item, "week")),
                        ReportItems.traitsOf(item), Attributes.string(item, "comment")))
                .toList();
    }

    private Stream<Map<String, AttributeValue>> between(String siteId, String from, String to) {
        return dynamo.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                        .expressionAttributeValues(Map.of(
                                ":pk", AttributeValue.fromS(ReportItems.reportKey(siteId)),
                                ":from", AttributeValue.fromS(from),
                                ":to", AttributeValue.fromS(to))))
                .items().stream();
    }
}
