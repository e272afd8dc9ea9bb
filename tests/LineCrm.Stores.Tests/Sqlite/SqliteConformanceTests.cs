using LineCrm.Stores.Tests.Conformance;

namespace LineCrm.Stores.Tests.Sqlite;

public sealed class SqliteCustomerEventLogTests() : CustomerEventLogConformance(new SqliteHarness());

public sealed class SqliteWebhookInboxTests() : WebhookInboxConformance(new SqliteHarness());

public sealed class SqliteBulkSendCheckpointTests() : BulkSendCheckpointConformance(new SqliteHarness());

public sealed class SqliteIdentityGraphStoreTests() : IdentityGraphStoreConformance(new SqliteHarness());

public sealed class SqliteSchemaTests() : SchemaConformance(new SqliteHarness());
