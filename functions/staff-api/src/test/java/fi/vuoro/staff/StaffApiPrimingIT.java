package fi.vuoro.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.vuoro.testkit.PrimingTable;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The staff API's SnapStart priming on DynamoDB Local: it reads, writes nothing, and closes what it opened. */
class StaffApiPrimingIT {

    private static PrimingTable table;
    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        table = PrimingTable.start();
        context = ApplicationContext.builder().properties(table.settings()).start();
    }

    @AfterAll
    static void stop() {
        context.close();
        table.close();
    }

    @Test
    void prime_shouldAnswerAQueuePollInFullThenUnchanged_writingNothingAndKeepingNoConnection() {
        List<Map<String, AttributeValue>> before = table.items();

        List<HttpResponse<?>> answers = context.getBean(StaffApiPriming.class).prime();

        assertEquals(List.of(200, 304), answers.stream().map(HttpResponse::code).toList());
        assertEquals(0, table.openConnections());
        assertEquals(before, table.items());
    }
}
