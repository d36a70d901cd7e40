package fi.vuoro.local.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.vuoro.domain.feedback.FeedbackPage;
import fi.vuoro.domain.feedback.FeedbackQuestion;
import fi.vuoro.domain.feedback.FeedbackService;
import fi.vuoro.domain.feedback.FeedbackSubmission;
import fi.vuoro.domain.feedback.FeedbackTokens;
import fi.vuoro.domain.language.MessageCatalogue;
import fi.vuoro.domain.language.MessageKey;
import fi.vuoro.domain.report.Reports;
import fi.vuoro.domain.report.SiteReport;
import fi.vuoro.domain.site.SiteDirectory;
import fi.vuoro.local.DemoSite;
import fi.vuoro.testkit.FakeTwilioApi;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Flow 5 on the local runtime and DynamoDB Local: serving a visitor sends one feedback SMS with one link; the link's
 * answer (or a digit in reply) is stored once; the site's report counts it, showing the answers once five exist;
 * and no item a feedback round leaves behind leads back to a visitor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedbackRoundIT extends StaffApiSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("http://localhost:(\\d+)/f/([A-Za-z0-9_-]+)");
    /** Every visitor of this suite, their ticket code and number hash: no feedback or report item may hold one. */
    private static final List<String> traces = new ArrayList<>();
    private static final List<String> links = new ArrayList<>();

    private static FeedbackService feedback() {
        return runtime.context().getBean(FeedbackService.class);
    }

    /** A visitor texts the join word, is called and served; returns the feedback SMS they get. */
    private static FakeTwilioApi.RecordedMessage servedVisitor(String phone, String join) throws Exception {
        String code = text(phone, join).ticketCode();
        traces.add(code);
        traces.add(phoneHash(phone));
        traces.add(phone);
        // Called by its number: a visitor waiting for an interpreter is one "call next" passes by.
        String ticket = "/staff/api/sites/demo/tickets/" + numberOf(code);
        HttpResponse<String> called = post(ticket + "/call", token("anna"), "{\"desk\":\"1\"}");
        assertEquals(200, called.statusCode(), called.body());
        HttpResponse<String> served = post(ticket + "/served", token("anna"), "");
        assertEquals(200, served.statusCode(), served.body());
        return awaitSms(phone, message -> message.body().contains("/f/"));
    }

    private static int numberOf(String code) throws Exception {
        HttpResponse<String> queue = get("/staff/api/sites/demo/queue", token("anna"));
        assertEquals(200, queue.statusCode(), queue.body());
        for (JsonNode ticket : JSON.readTree(queue.body()).get("tickets")) {
            if (ticket.get("code").asText().equals(code)) {
                return ticket.get("number").asInt();
            }
        }
        throw new AssertionError("no ticket " + code + " in " + queue.body());
    }

    private static String tokenOf(FakeTwilioApi.RecordedMessage sms) {
        Matcher link = LINK.matcher(sms.body());
        assertTrue(link.find(), "a link: " + sms.body());
        assertEquals(Integer.toString(runtime.port()), link.group(1), "the local runtime's own port");
        assertFalse(link.find(), "exactly one link: " + sms.body());
        Matcher again = LINK.matcher(sms.body());
        again.find();
        links.add(again.group(0));
        return again.group(2);
    }

    private static SiteReport report() {
        return runtime.context().getBean(Reports.class).report(
                runtime.context().getBean(SiteDirectory.class).findById("demo").orElseThrow(),
                LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-29"));
    }

    @Test
    @Order(1)
    void aServedVisitor_getsOneSmsInTheirLanguage_withOneLinkToTheLocalForm() throws Exception {
        FakeTwilioApi.RecordedMessage sms = servedVisitor(newPhone(), "JONO");

        assertEquals(DemoSite.NUMBER, sms.from());
        assertTrue(sms.body().startsWith("Vuoro Demo: millainen käyntisi oli?"), sms.body());
        assertTrue(sms.body().length() <= 2 * 153, "at most two segments: " + sms.body().length());
        String token = tokenOf(sms);
        assertEquals(FeedbackTokens.LENGTH, token.length());
        FeedbackPage form = feedback().open(token, clock.instant());
        assertEquals("fi", form.language().code());
        assertTrue(form instanceof FeedbackPage.Form, form.toString());
    }

    @Test
    @Order(2)
    void theFormsAnswer_isStoredOnce_andASecondSubmitChangesNothing() throws Exception {
        String token = tokenOf(servedVisitor(newPhone(), "JOIN"));
        FeedbackSubmission answers = new FeedbackSubmission(Map.of(FeedbackQuestion.HELPED, "5",
                FeedbackQuestion.UNDERSTOOD, "4", FeedbackQuestion.KNOWS, "3"), "Good advice on housing", false, "");

        assertTrue(feedback().submit(token, answers, clock.instant()) instanceof FeedbackPage.Thanks);
        assertTrue(feedback().submit(token, answers, clock.instant()) instanceof FeedbackPage.AlreadyAnswered);
        assertTrue(feedback().open(token, clock.instant()) instanceof FeedbackPage.AlreadyAnswered);
        assertEquals(1, answerItems().size());
    }

    private static List<Map<String, AttributeValue>> answerItems() {
        return dynamo().query(b -> b.tableName(TABLE).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SITE#demo#FEEDBACK")))).items();
    }

    @Test
    @Order(3)
    void aDigitInReply_answersTheFirstQuestion_thenADigitIsALanguageChoiceAgain() throws Exception {
        String phone = newPhone();
        servedVisitor(phone, "طابور");

        String thanks = text(phone, "٤").text();
        MessageCatalogue catalogue = runtime.context().getBean(MessageCatalogue.class);
        assertEquals(catalogue.render(catalogue.language("ar").orElseThrow(), MessageKey.FEEDBACK_THANKS), thanks,
                "an Arabic-Indic four, thanked in Arabic");
        String again = text(phone, "4").text();
        assertNotEquals(thanks, again, "the window closed with the answer: a digit is an ordinary message again");
        assertEquals(2, answerItems().size());
    }

    @Test
    @Order(4)
    void theReport_countsTheVisitsAndAnswers_andShowsTheAnswersOnlyOnceFiveExist() throws Exception {
        SiteReport before = report();
        assertEquals(3, before.visits().served());
        assertEquals(2, before.feedback().responses());
        assertTrue(before.feedback().suppressed(), "two answers: nothing but the counts");
        assertTrue(before.feedback().comments().isEmpty());

        for (int i = 0; i < 3; i++) {
            String token = tokenOf(servedVisitor(newPhone(), "JONO"));
            feedback().submit(token, new FeedbackSubmission(Map.of(FeedbackQuestion.HELPED, "4"), "", false, ""),
                    clock.instant());
        }

        SiteReport after = report();
        assertEquals(6, after.visits().served());
        assertEquals(6, after.feedback().invited());
        assertEquals(5, after.feedback().responses());
        assertFalse(after.feedback().suppressed());
        SiteReport.Question helped = after.feedback().questions().get(0);
        assertEquals(List.of(0L, 0L, 0L, 4L, 1L), helped.points(), "a 5, a digit 4 and three 4s");
        assertEquals(List.of("Good advice on housing"),
                after.feedback().comments().stream().map(SiteReport.Comment::text).toList());
        assertEquals(List.of(), after.feedback().byLanguage(), "three Finnish, one English, one Arabic answer: no"
                + " language has five, so none is shown on its own");
        assertEquals(List.of("without"), after.feedback().byInterpreter().stream()
                .map(SiteReport.FeedbackGroup::group).toList(), "all five were visits without an interpreter");
    }

    @Test
    @Order(5)
    void noItemAFeedbackRoundLeaves_leadsBackToAVisitor() {
        // Every item of the table (a test may read it whole; the service never does).
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo().scanPaginator(b -> b.tableName(TABLE)).items().forEach(items::add);
        Set<String> answerAttributes = Set.of("PK", "SK", "week", "topic", "language", "interpreter", "helped",
                "understood", "knows", "comment", "expiresAt");
        int answers = 0;
        for (Map<String, AttributeValue> item : items) {
            String pk = item.get("PK").s();
            if (pk.equals("SITE#demo#FEEDBACK")) {
                answers++;
                assertTrue(answerAttributes.containsAll(item.keySet()), "an answer holds only " + answerAttributes
                        + ": " + item.keySet());
            }
            if (pk.startsWith("SITE#demo#FEEDBACK") || pk.startsWith("SITE#demo#REPORT")) {
                for (AttributeValue value : item.values()) {
                    for (String trace : traces) {
                        assertFalse(trace.equals(value.s()) || (value.s() != null && value.s().contains(trace)
                                && trace.length() > 3), "a feedback or report item holds " + trace + ": " + item);
                    }
                }
            }
            if (pk.startsWith("FEEDBACK#")) {
                assertTrue(item.containsKey("expiresAt"), "an open invitation expires: " + item);
                assertFalse(item.keySet().stream().anyMatch(name -> name.toLowerCase().contains("phone")),
                        "an invitation knows no number: " + item);
            }
            for (String link : links) {
                String token = link.substring(link.lastIndexOf('/') + 1);
                assertFalse(!pk.startsWith("OUTBOX#") && item.values().stream()
                                .anyMatch(v -> v.s() != null && v.s().contains(token)),
                        "the token itself is stored nowhere but in the outbox's SMS: " + item.keySet());
            }
        }
        assertEquals(5, answers);
        long openInvitations = items.stream().filter(item -> item.get("PK").s().startsWith("FEEDBACK#")).count();
        assertEquals(1, openInvitations, "the only unanswered invitation of the suite; answered ones are deleted");
    }
}
