using LineCrm.Stores.PostgreSql;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace LineCrm.Stores.Tests.PostgreSql;

/// <summary>What a store does before it reaches a server: check its options, and open nothing until it is used.</summary>
public sealed class PostgreSqlStoreCreationTests
{
    [Fact]
    public async Task Creating_a_store_opens_nothing_and_an_unreachable_server_shows_at_first_use()
    {
        // Port 1 on loopback: nothing listens, so a connection attempt fails at once; the constructor makes none.
        await using var store = new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2" }, new FakeTimeProvider());

        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await store.InitializeAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await store.WebhookInbox.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData("LineCrm")]
    [InlineData("linecrm; DROP TABLE users")]
    [InlineData("x\"y")]
    [InlineData("caf\u00e9")]
    [InlineData("trailing_newline\n")]
    [InlineData("1abc")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void A_schema_that_is_not_a_plain_lowercase_identifier_is_refused_when_the_store_is_created(string schema)
    {
        var error = Assert.Throws<OptionsValidationException>(() => new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = "Host=127.0.0.1;Database=x", Schema = schema }, new FakeTimeProvider()));

        Assert.Contains(nameof(PostgreSqlStoreOptions.Schema), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("linecrm")]
    [InlineData("_tenant_42")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public async Task A_plain_lowercase_schema_of_up_to_63_characters_is_accepted(string schema)
    {
        await using var store = new PostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = "Host=127.0.0.1;Database=x", Schema = schema }, new FakeTimeProvider());

        Assert.NotNull(store.Events);
    }

    [Fact]
    public void An_empty_connection_string_is_refused_when_the_store_is_created()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new PostgreSqlStore(new PostgreSqlStoreOptions(), new FakeTimeProvider()));

        Assert.Contains(nameof(PostgreSqlStoreOptions.ConnectionString), error.Message, StringComparison.Ordinal);
    }
}
