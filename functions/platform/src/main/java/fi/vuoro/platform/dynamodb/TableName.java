package fi.vuoro.platform.dynamodb;

/** The name of Vuoro's single DynamoDB table, as the template hands it to each function. */
public record TableName(String value) {

    public TableName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The table name is required (VUORO_TABLE_NAME)");
        }
    }
}
