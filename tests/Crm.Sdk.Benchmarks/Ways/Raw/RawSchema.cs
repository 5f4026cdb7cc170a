namespace Crm.Sdk.Benchmarks.Ways.Raw;

/// <summary>
/// The hand-written schema: one table per record type with a JSON body, typed columns only for what the scenarios
/// filter, order or aggregate on, and the same composite indexes the SDK declares for those queries.
/// </summary>
internal static class RawSchema
{
    public const string Sql = """
        CREATE TABLE customers (id BLOB NOT NULL PRIMARY KEY, email TEXT NOT NULL, body TEXT NOT NULL);
        CREATE INDEX ix_customers_email ON customers (email);

        CREATE TABLE pipelines (id BLOB NOT NULL PRIMARY KEY, body TEXT NOT NULL);

        CREATE TABLE deals (id BLOB NOT NULL PRIMARY KEY, customer_id BLOB NOT NULL, pipeline_id BLOB NOT NULL, stage_id BLOB NOT NULL,
            status TEXT NOT NULL, amount INTEGER NOT NULL, currency TEXT NOT NULL, body TEXT NOT NULL);
        CREATE INDEX ix_deals_pipeline_stage ON deals (pipeline_id, stage_id, id);
        CREATE INDEX ix_deals_customer_status ON deals (customer_id, status, id);

        CREATE TABLE tickets (id BLOB NOT NULL PRIMARY KEY, version INTEGER NOT NULL, customer_id BLOB NOT NULL, status TEXT NOT NULL,
            is_open INTEGER NOT NULL, rating INTEGER, body TEXT NOT NULL);
        CREATE INDEX ix_tickets_customer_open ON tickets (customer_id, is_open, id);

        CREATE TABLE interactions (id BLOB NOT NULL PRIMARY KEY, customer_id BLOB NOT NULL, occurred_at INTEGER NOT NULL, kind TEXT NOT NULL,
            amount INTEGER, currency TEXT, rating INTEGER, body TEXT NOT NULL);
        CREATE INDEX ix_interactions_customer_time ON interactions (customer_id, occurred_at, id);
        CREATE INDEX ix_interactions_customer_kind_time ON interactions (customer_id, kind, occurred_at, id);
        """;

    /// <summary>Amounts are stored as whole ten-thousandths (the SDK's layout too), so SQLite sums them exactly.</summary>
    public const decimal AmountScale = 10_000m;
}
