using LineCrm.Messaging.Audiences;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.RichMenus;
using NSubstitute;

namespace LineCrm.Messaging.Tests.Client;

/// <summary>
/// What the docs promise: a mocking library's setup on the convenience overloads users call is honoured. Were one
/// of them not virtual, the substitute would run the real method, which throws (no transport) instead of answering.
/// </summary>
public sealed class MockingTests
{
    private const string UserId = "U4af4980629a1b2c3d4e5f60718293a4b";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task PushMessageAsync_by_user_id_answers_as_set_up()
    {
        var client = Substitute.For<LineMessagingClient>();
        var answer = new LineResponse<PushMessageResponse>(200, "req-1", new PushMessageResponse([new SentMessage("m1")]));
        client.PushMessageAsync(UserId, Arg.Any<IReadOnlyList<Message>>(), Arg.Any<CancellationToken>()).Returns(answer);

        var response = await client.PushMessageAsync(UserId, [new TextMessage("hi")], None);

        Assert.Same(answer, response);
        await client.Received(1).PushMessageAsync(UserId, Arg.Is<IReadOnlyList<Message>>(m => ((TextMessage)m[0]).Text == "hi"), None);
    }

    [Fact]
    public async Task ReplyTextAsync_and_ReplyMessageAsync_by_token_answer_as_set_up()
    {
        var client = Substitute.For<LineMessagingClient>();
        var text = new LineResponse<ReplyMessageResponse>(200, "req-text", new ReplyMessageResponse([new SentMessage("t")]));
        var messages = new LineResponse<ReplyMessageResponse>(200, "req-messages", new ReplyMessageResponse([new SentMessage("m")]));
        client.ReplyTextAsync("reply-token", "thanks", Arg.Any<CancellationToken>()).Returns(text);
        client.ReplyMessageAsync("reply-token", Arg.Any<IReadOnlyList<Message>>(), Arg.Any<CancellationToken>()).Returns(messages);

        Assert.Same(text, await client.ReplyTextAsync("reply-token", "thanks", None));
        Assert.Same(messages, await client.ReplyMessageAsync("reply-token", [new TextMessage("a")], None));
    }

    [Fact]
    public async Task The_audience_helpers_answer_as_set_up()
    {
        var client = Substitute.For<LineMessagingClient>();
        var uploaded = new AudienceUploadResult(42, AudienceUploadMode.Json, 1, 1, []);
        var added = uploaded with { IdsSent = 2 };
        var ready = new AudienceGroup(42, AudienceGroupType.Upload, "vip", AudienceGroupStatus.Ready, 1);
        client.UploadAudienceAsync("vip", Arg.Any<IEnumerable<string>>(), Arg.Any<AudienceUploadOptions?>(), Arg.Any<CancellationToken>()).Returns(uploaded);
        client.AddToAudienceAsync(42, Arg.Any<IEnumerable<string>>(), Arg.Any<AudienceUploadOptions?>(), Arg.Any<CancellationToken>()).Returns(added);
        client.WaitForAudienceReadyAsync(42, Arg.Any<TimeSpan>(), Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>()).Returns(ready);

        Assert.Same(uploaded, await client.UploadAudienceAsync("vip", [UserId], cancellationToken: None));
        Assert.Same(added, await client.AddToAudienceAsync(42, [UserId], cancellationToken: None));
        Assert.Same(ready, await client.WaitForAudienceReadyAsync(42, TimeSpan.FromMinutes(1), cancellationToken: None));
    }

    [Fact]
    public async Task WaitForRichMenuBatchAsync_answers_as_set_up()
    {
        var client = Substitute.For<LineMessagingClient>();
        var done = new RichMenuBatchProgress(RichMenuBatchProgressPhase.Succeeded, DateTimeOffset.UnixEpoch);
        client.WaitForRichMenuBatchAsync("batch-1", Arg.Any<TimeSpan>(), Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>()).Returns(done);

        Assert.Same(done, await client.WaitForRichMenuBatchAsync("batch-1", TimeSpan.FromMinutes(1), cancellationToken: None));
    }

    [Fact]
    public async Task The_GetAll_pagers_yield_what_is_set_up()
    {
        var client = Substitute.For<LineMessagingClient>();
        client.GetAllFollowerIdsAsync(Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(_ => Yield(UserId, "U0000000000000000000000000000000f"));
        client.GetAllGroupMemberIdsAsync("group-1", Arg.Any<CancellationToken>()).Returns(_ => Yield(UserId));
        client.GetAllAudienceGroupsAsync(Arg.Any<AudienceGroupQuery?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Yield(new AudienceGroup(7, AudienceGroupType.Upload, "a", AudienceGroupStatus.Ready, 3)));

        Assert.Equal([UserId, "U0000000000000000000000000000000f"], await client.GetAllFollowerIdsAsync(cancellationToken: None).ToListAsync(None));
        Assert.Equal([UserId], await client.GetAllGroupMemberIdsAsync("group-1", None).ToListAsync(None));
        Assert.Equal(7, (await client.GetAllAudienceGroupsAsync(cancellationToken: None).SingleAsync(None)).AudienceGroupId);
    }

    private static async IAsyncEnumerable<T> Yield<T>(params T[] items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
