package fi.vuoro.platform.dynamodb.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.vuoro.domain.feedback.AnonymousAnswer;
import fi.vuoro.domain.feedback.DigitReply;
import fi.vuoro.domain.feedback.FeedbackAnswers;
import fi.vuoro.domain.feedback.FeedbackInvitation;
import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.FeedbackTokens;
import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VisitTraits;
import fi.vuoro.domain.feedback.VolunteerOffer;
import fi.vuoro.domain.queue.TicketStatus;
import fi.vuoro.domain.report.DayTally;
import fi.vuoro.domain.report.VisitCount;
import fi.vuoro.domain.report.WeekTally;
import fi.vuoro.platform.dynamodb.TableName;
import fi.vuoro.testkit.CloudFormationTemplate;
import fi.vuoro.testkit.DynamoDbLocalServer;
import fi.vuoro.testkit.TemplateTables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Feedback and tallies on AWS's DynamoDB Local: one answer per link however many arrive at once, exact sums. */
class DynamoFeedbackStoreIT {

    private static final TableName TABLE = new TableName("VuoroTable");
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final ServiceWeek WEEK = ServiceWeek.parse("2026-W49");
    private static DynamoDbLocalServer server;
    private static DynamoFeedbackStore feedback;
    private static DynamoReportStore reports;

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();
        // Its clock is set to a fixed day, which DynamoDB Local's clock leaves behind: it would delete items under it.
        TemplateTables.createAllWithoutTimeToLive(server.client(),
                CloudFormationTemplate.load(CloudFormationTemplate.locate()));
        feedback = new DynamoFeedbackStore(server.client(), TABLE);
        reports = new DynamoReportStore(server.client(), TABLE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static FeedbackInvitation invitation(String siteId, VisitTraits traits) {
        return new FeedbackInvitation(FeedbackTokens.hash(UUID.randomUUID().toString()), siteId, WEEK, traits,
                NOW.plusSeconds(7 * 86_400));
    }

    @Test
    void twentyAnswersOfOneLinkAtOnce_storeExactlyOne() throws Exception {
        String site = "site-" + UUID.randomUUID();
        VisitTraits traits = new VisitTraits(Optional.of("KELA"), "ar", true);
        FeedbackInvitation invitation = invitation(site, traits);
        feedback.invite(invitation, Optional.of(new DigitReply("hash-" + site, invitation.tokenHash(), "ar",
                NOW.plusSeconds(86_400))), Optional.empty());
        assertTrue(feedback.find(invitation.tokenHash(), NOW).isPresent());
        assertTrue(feedback.digitReplyOf("hash-" + site, NOW).isPresent());

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int point = 1 + i % 5;
            tries.add(pool.submit(() -> {
                start.await();
                return feedback.answer(invitation, AnonymousAnswer.of(invitation, FeedbackAnswers.digit(point)),
                        Optional.empty());
            }));
        }
        start.countDown();
        int stored = 0;
        for (Future<Boolean> attempt : tries) {
            stored += attempt.get() ? 1 : 0;
        }
        pool.shutdown();

        assertEquals(1, stored, "the first answer wins; every other is told it was answered");
        assertTrue(feedback.find(invitation.tokenHash(), NOW).isEmpty(), "the invitation is gone");
        List<WeekTally> weeks = reports.weeks(site, WEEK, WEEK);
        assertEquals(1, weeks.size());
        assertEquals(1, weeks.get(0).invited());
        assertEquals(1, weeks.get(0).responses());
        assertEquals(1, weeks.get(0).points().get(FeedbackQuestion.HELPED).stream().mapToLong(Long::longValue).sum());
        assertEquals(traits, weeks.get(0).traits());
        assertEquals(1, answers(site).size());
    }

    @Test
    void anAnswerAndAnAdvisorOffer_shareNothingButTheSite() {
        String site = "site-" + UUID.randomUUID();
        FeedbackInvitation invitation = invitation(site, new VisitTraits(Optional.empty(), "fi", false));
        feedback.invite(invitation, Optional.empty(), Optional.empty());

        assertTrue(feedback.answer(invitation, AnonymousAnswer.of(invitation, new FeedbackAnswers(
                        Map.of(FeedbackQuestion.KNOWS, 2), Optional.of("Hyvä"))),
                Optional.of(new VolunteerOffer(site, "fi", "maija@example.org", NOW, NOW.plusSeconds(86_400 * 365L)))));

        Map<String, AttributeValue> answer = answers(site).get(0);
        List<Map<String, AttributeValue>> offers = server.client().query(b -> b.tableName(TABLE.value())
                .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk",
                        AttributeValue.fromS("SITE#" + site + "#VOLUNTEERS")))).items();
        assertEquals(1, offers.size());
        Map<String, AttributeValue> offer = offers.get(0);
        assertEquals("maija@example.org", offer.get("contact").s());
        assertEquals("2026-12-02", offer.get("consentedOn").s(), "the day, not the moment");
        for (AttributeValue value : offer.values()) {
            assertFalse(answer.containsValue(value) && value.s() != null && !value.s().equals("fi"),
                    "the offer repeats nothing of the answer: " + value);
        }
        assertFalse(answer.get("SK").s().contains(offer.get("SK").s()));
        List<VolunteerOffer> kept = feedback.volunteersOf(site, NOW);
        assertEquals(1, kept.size());
        assertEquals("maija@example.org", kept.get(0).contact());
        assertTrue(feedback.volunteersOf(site, NOW.plusSeconds(86_400 * 367L)).isEmpty(), "gone after its retention");
        assertEquals(String.valueOf(WEEK.monday().plusYears(2).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond()),
                answer.get("expiresAt").n(), "the answer's expiry tells only its week");
    }

    @Test
    void visitCounts_addUpPerDayAndTraits_andAReportReadsOnlyItsPeriod() {
        String site = "site-" + UUID.randomUUID();
        VisitTraits fi = new VisitTraits(Optional.empty(), "fi", false);
        LocalDate day = LocalDate.of(2026, 12, 2);
        for (int i = 0; i < 7; i++) {
            reports.countVisit(site, day, fi, new VisitCount(i == 6 ? TicketStatus.NO_SHOW : TicketStatus.SERVED, 9,
                    Optional.of(i), false, false));
        }
        reports.countVisit(site, day.plusDays(1), fi, new VisitCount(TicketStatus.LEFT, 13, Optional.empty(), false,
                false));
        reports.countVisit(site, day.minusDays(40), fi, new VisitCount(TicketStatus.SERVED, 9, Optional.of(3), false,
                false));

        List<DayTally> days = reports.days(site, day, day.plusDays(1));

        assertEquals(2, days.size());
        DayTally first = days.get(0);
        assertEquals(day, first.day());
        assertEquals(6, first.served());
        assertEquals(1, first.noShows());
        assertEquals(7, first.joinedByHour().get(9));
        assertEquals(7, first.waits().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(1, days.get(1).left());
        assertEquals(1, days.get(1).joinedByHour().get(13));
    }

    private static List<Map<String, AttributeValue>> answers(String site) {
        return server.client().query(b -> b.tableName(TABLE.value()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SITE#" + site + "#FEEDBACK")))).items();
    }
}
