package fi.vuoro.domain.report;

import fi.vuoro.domain.feedback.ServiceWeek;
import fi.vuoro.domain.feedback.VisitTraits;

/** A comment written on the feedback form, with only what its answer carries. */
public record FeedbackComment(ServiceWeek week, VisitTraits traits, String text) {
}
