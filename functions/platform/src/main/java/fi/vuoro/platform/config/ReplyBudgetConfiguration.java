package fi.vuoro.platform.config;

import fi.vuoro.domain.sms.ReplyBudget;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * A sender's reply budget ({@code vuoro.reply-budget.*}; the template sets {@code VUORO_REPLY_BUDGET_PER_HOUR}). See
 * {@link ReplyBudget} for what counts; a budget below 1 stops the function at start.
 */
@ConfigurationProperties("vuoro.reply-budget")
public class ReplyBudgetConfiguration {

    private int perHour = ReplyBudget.DEFAULT.perHour();

    public ReplyBudget budget() {
        return new ReplyBudget(perHour);
    }

    /** Counted replies one sender gets in a clock hour before they are silenced for the rest of it. */
    public int getPerHour() {
        return perHour;
    }

    public void setPerHour(int perHour) {
        this.perHour = perHour;
    }
}
