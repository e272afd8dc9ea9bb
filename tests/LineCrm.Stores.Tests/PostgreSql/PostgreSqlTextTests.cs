using LineCrm.Messaging.Webhooks;
using LineCrm.Stores.PostgreSql;

namespace LineCrm.Stores.Tests.PostgreSql;

/// <summary>Text PostgreSQL is strict about: UTF-8 only, so .NET strings with a lone surrogate need care.</summary>
public sealed class PostgreSqlTextTests : PostgreSqlTest
{
    [Fact]
    public async Task An_error_cut_to_the_limit_inside_a_surrogate_pair_is_still_stored()
    {
        var store = OpenStore();
        await store.InitializeAsync(Ct);
        await store.WebhookInbox.AddAsync([new("emoji", "U", "{}", Time.GetUtcNow())], Ct);
        var lease = Assert.Single(await store.WebhookInbox.LeaseAsync(1, TimeSpan.FromMinutes(1), Ct));

        // The limit falls between the two halves of the emoji.
        var error = new string('x', WebhookInboxLimits.MaxErrorLength - 1) + "\U0001F600 tail";

        Assert.True(await store.WebhookInbox.DeadLetterAsync(lease, error, Ct));
        Assert.Equal(new string('x', WebhookInboxLimits.MaxErrorLength - 1), (await store.WebhookInbox.FindAsync("emoji", Ct))!.LastError);
    }

    [Fact]
    public async Task An_error_with_a_lone_surrogate_is_stored_with_a_replacement_character_and_pairs_kept()
    {
        var store = OpenStore();
        await store.InitializeAsync(Ct);
        await store.WebhookInbox.AddAsync([new("lone", "U", "{}", Time.GetUtcNow())], Ct);
        var lease = Assert.Single(await store.WebhookInbox.LeaseAsync(1, TimeSpan.FromMinutes(1), Ct));

        Assert.True(await store.WebhookInbox.RetryLaterAsync(lease, "bad \uD800 name \U0001F600", Time.GetUtcNow(), Ct));

        Assert.Equal("bad \uFFFD name \U0001F600", (await store.WebhookInbox.FindAsync("lone", Ct))!.LastError);
    }
}
