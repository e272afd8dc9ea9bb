using LineCrm.Stores.Tests.Conformance;

namespace LineCrm.Stores.Tests.PostgreSql;

public sealed class PostgreSqlCustomerEventLogTests() : CustomerEventLogConformance(new PostgreSqlHarness());

public sealed class PostgreSqlWebhookInboxTests() : WebhookInboxConformance(new PostgreSqlHarness());

public sealed class PostgreSqlBulkSendCheckpointTests() : BulkSendCheckpointConformance(new PostgreSqlHarness());

public sealed class PostgreSqlIdentityGraphStoreTests() : IdentityGraphStoreConformance(new PostgreSqlHarness());

public sealed class PostgreSqlSchemaTests() : SchemaConformance(new PostgreSqlHarness());
