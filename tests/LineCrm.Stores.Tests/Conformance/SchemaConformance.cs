namespace LineCrm.Stores.Tests.Conformance;

/// <summary>Versioned schemas, as every engine must keep them: migrated once, and a newer schema refused at start-up.</summary>
public abstract class SchemaConformance(StoreHarness harness) : StoreConformance(harness)
{
    [Fact]
    public async Task Opening_a_database_written_by_a_newer_release_fails_with_both_versions_named()
    {
        var current = await CurrentVersionAsync();
        await Harness.SetSchemaVersionAsync(Stores, current + 1, Ct);

        var error = await Assert.ThrowsAsync<StoreSchemaException>(ReopenAsync);

        Assert.Equal(Harness.Engine, error.Engine);
        Assert.Equal(current + 1, error.DatabaseVersion);
        Assert.Equal(current, error.CodeVersion);
        Assert.Contains($"version {current + 1}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopening_a_migrated_database_keeps_its_data_and_migrates_nothing_twice()
    {
        Assert.True(await Stores.Checkpoints.CreateJobAsync(Messaging.Client.BulkSendJob.Create([], [new Messaging.Messages.TextMessage("hi")]), Ct));
        Assert.Equal([true], await Stores.Inbox.AddAsync([new("kept", "U1", "{}", Start)], Ct));

        await ReopenAsync();
        await ReopenAsync();

        Assert.Equal([false], await Stores.Inbox.AddAsync([new("kept", "U1", "{}", Start)], Ct));
        Assert.Equal(1, (await Stores.Inbox.CountAsync(Ct)).Pending);
    }

    private async Task<int> CurrentVersionAsync()
    {
        // A store that opened is at the newest version its code knows; the harness reports it the engine's way.
        await Stores.Inbox.CountAsync(Ct);
        return Harness.CodeSchemaVersion;
    }
}
