package fi.vuoro.platform.dynamodb.feedback;

import static fi.vuoro.platform.dynamodb.Keys.key;

import fi.vuoro.domain.feedback.AnonymousAnswer;
import fi.vuoro.domain.feedback.FeedbackInvitation;
import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VisitTraits;
import fi.vuoro.domain.report.VisitCount;
import fi.vuoro.platform.dynamodb.Attributes;
import fi.vuoro.platform.dynamodb.Keys;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A site's tallies: one partition per site, one item per day (or week) and combination of traits, its counters
 * added to atomically as visits end and answers come, so a report of any period is one Query per kind.
 *
 * <pre>
 *   PK SITE#&lt;site&gt;#REPORT   SK DAY#&lt;yyyy-mm-dd&gt;#&lt;topic&gt;#&lt;language&gt;#&lt;Y|N&gt;
 *        served, noShows, left, h00..h23 (joined in that hour), w&lt;minutes&gt; (waited that long), interpreterRequests,
 *        interpretersFound
 *   PK SITE#&lt;site&gt;#REPORT   SK WEEK#&lt;yyyy-Www&gt;#&lt;topic&gt;#&lt;language&gt;#&lt;Y|N&gt;
 *        invited, responses, &lt;question&gt;_&lt;point&gt; (e.g. helped_5)
 * </pre>
 */
final class ReportItems {

    static final String DAY = "DAY#";
    static final String WEEK = "WEEK#";
    /** Sorts after every cell key, to end a range. */
    static final String END = "#~";
    private static final String NO_TOPIC = "-";

    private ReportItems() {
    }

    static String reportKey(String siteId) {
        return Keys.site(siteId) + "#REPORT";
    }

    static String cell(VisitTraits traits) {
        return traits.topic().orElse(NO_TOPIC) + "#" + traits.language() + "#" + (traits.interpreterUsed() ? "Y" : "N");
    }

    static String dayKey(LocalDate day, VisitTraits traits) {
        return DAY + day + "#" + cell(traits);
    }

    static String weekKey(ServiceWeek week, VisitTraits traits) {
        return WEEK + week + "#" + cell(traits);
    }

    static void putTraits(Map<String, AttributeValue> item, VisitTraits traits) {
        traits.topic().ifPresent(topic -> item.put("topic", AttributeValue.fromS(topic)));
        item.put("language", AttributeValue.fromS(traits.language()));
        item.put("interpreter", AttributeValue.fromBool(traits.interpreterUsed()));
    }

    static VisitTraits traitsOf(Map<String, AttributeValue> item) {
        return new VisitTraits(Attributes.optionalString(item, "topic"), Attributes.string(item, "language"),
                Attributes.bool(item, "interpreter"));
    }

    static Update countInvited(String table, FeedbackInvitation invitation) {
        Counters counters = new Counters().add("invited");
        return counters.update(table, reportKey(invitation.siteId()), weekKey(invitation.week(), invitation.traits()),
                invitation.traits(), "week", invitation.week().toString());
    }

    static Update countAnswer(String table, AnonymousAnswer answer) {
        Counters counters = new Counters().add("responses");
        answer.answers().scores().forEach((question, point) -> counters.add(pointCounter(question, point)));
        return counters.update(table, reportKey(answer.siteId()), weekKey(answer.week(), answer.traits()),
                answer.traits(), "week", answer.week().toString());
    }

    static Update countVisit(String table, String siteId, LocalDate day, VisitTraits traits, VisitCount count) {
        Counters counters = new Counters();
        switch (count.outcome()) {
            case SERVED -> counters.add("served");
            case NO_SHOW -> counters.add("noShows");
            default -> counters.add("left");
        }
        counters.add(String.format("h%02d", count.hourJoined()));
        count.waitMinutes().ifPresent(minutes -> counters.add("w" + minutes));
        if (count.interpreterRequested()) {
            counters.add("interpreterRequests");
        }
        if (count.interpreterFound()) {
            counters.add("interpretersFound");
        }
        return counters.update(table, reportKey(siteId), dayKey(day, traits), traits, "day", day.toString());
    }

    static String pointCounter(FeedbackQuestion question, int point) {
        return question.field() + "_" + point;
    }

    static long counter(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    /** Counters to add one to, and the item's descriptive attributes to set, in one UpdateItem. */
    private static final class Counters {
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();
        private final Map<String, String> names = new LinkedHashMap<>();
        private final StringBuilder add = new StringBuilder();

        Counters add(String counter) {
            String alias = "#c" + names.size();
            names.put(alias, counter);
            add.append(add.length() == 0 ? "ADD " : ", ").append(alias).append(" :one");
            return this;
        }

        Update update(String table, String pk, String sk, VisitTraits traits, String periodName, String period) {
            values.put(":one", AttributeValue.fromN("1"));
            StringBuilder set = new StringBuilder(" SET #period = :period, #language = :language, #interpreter = :interpreter");
            names.put("#period", periodName);
            names.put("#language", "language");
            names.put("#interpreter", "interpreter");
            values.put(":period", AttributeValue.fromS(period));
            values.put(":language", AttributeValue.fromS(traits.language()));
            values.put(":interpreter", AttributeValue.fromBool(traits.interpreterUsed()));
            Optional<String> topic = traits.topic();
            if (topic.isPresent()) {
                set.append(", #topic = :topic");
                names.put("#topic", "topic");
                values.put(":topic", AttributeValue.fromS(topic.get()));
            }
            return Update.builder().tableName(table).key(key(pk, sk))
                    .updateExpression(add + set.toString())
                    .expressionAttributeNames(names).expressionAttributeValues(values).build();
        }
    }
}
