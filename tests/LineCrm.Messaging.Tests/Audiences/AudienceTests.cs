using System.Globalization;
using System.Text.Json;
using LineCrm.Messaging.Audiences;
using LineCrm.Messaging.Client;
using LineCrm.Messaging.Serialization;
using LineCrm.Messaging.Testing;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.Audiences;

public sealed class AudienceTests
{
    private static string UserId(int i) => "U" + i.ToString("x32", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_small_segment_is_one_json_upload_with_rejected_ids_reported()
    {
        await using var line = await FakeLineHarness.StartAsync();
        string[] ids = [UserId(1), UserId(2), "not-a-user", UserId(1), "U" + new string('A', 32)];

        var result = await line.Client.UploadAudienceAsync("VIP October", ids, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(AudienceUploadMode.Json, result.Mode);
        Assert.Equal(2, result.IdsSent);
        Assert.Equal(1, result.Requests);
        Assert.Equal(
            [("not-a-user", AudienceIds.NotAUserId), (UserId(1), AudienceIds.Duplicate), ("U" + new string('A', 32), AudienceIds.NotAUserId)],
            result.Rejected.Select(r => (r.Id, r.Reason)));
        var audience = line.Server.Platform.Audiences[result.AudienceGroupId];
        Assert.Equal("VIP October", audience.Description);
        Assert.Equal([UserId(1), UserId(2)], audience.Members.Order(StringComparer.Ordinal));
        var request = Assert.Single(line.Server.RequestsOf("createAudienceGroup"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(2, body.RootElement.GetProperty("audiences").GetArrayLength());
    }

    [Fact]
    public async Task Json_mode_splits_at_10000_ids_per_request()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ids = Enumerable.Range(0, 25_001).Select(UserId).ToArray();

        var result = await line.Client.UploadAudienceAsync(
            "big json", ids, new AudienceUploadOptions { Mode = AudienceUploadMode.Json }, TestContext.Current.CancellationToken);

        Assert.Equal(3, result.Requests); // 10,000 + 10,000 + 5,001
        var adds = line.Server.RequestsOf("addAudienceToAudienceGroup");
        Assert.Equal(2, adds.Count);
        Assert.Equal(10_000, Count(Assert.Single(line.Server.RequestsOf("createAudienceGroup")).Body));
        Assert.Equal([10_000, 5_001], adds.Select(r => Count(r.Body)));
        Assert.Equal(25_001, line.Server.Platform.Audiences[result.AudienceGroupId].Members.Count);
    }

    [Fact]
    public async Task A_large_segment_goes_as_a_text_file_to_the_data_host()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ids = Enumerable.Range(0, 12_345).Select(UserId).ToArray();

        var result = await line.Client.UploadAudienceAsync("big file", ids, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(AudienceUploadMode.File, result.Mode);
        Assert.Equal(1, result.Requests);
        var request = Assert.Single(line.Server.RequestsOf("createAudienceForUploadingUserIds"));
        Assert.Equal(FakeLineHost.Data, request.Host);
        Assert.Contains("Content-Type: text/plain", request.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(12_345, line.Server.Platform.Audiences[result.AudienceGroupId].Members.Count);
        Assert.Empty(line.Server.RequestsOf("createAudienceGroup"));
    }

    [Fact]
    public async Task Adding_to_an_audience_then_waiting_for_ready_uses_the_clients_clock()
    {
        var time = new TimerSignalingTimeProvider(ignored: TimeSpan.FromSeconds(10));
        await using var line = await FakeLineHarness.StartAsync(time: time);
        line.Server.Platform.AudienceReadsBeforeReady = 2;
        var ct = TestContext.Current.CancellationToken;
        var created = await line.Client.UploadAudienceAsync("grow", [UserId(1)], cancellationToken: ct);
        await line.Client.AddToAudienceAsync(created.AudienceGroupId, [UserId(2), UserId(3)], cancellationToken: ct);

        var started = time.GetUtcNow();
        var ready = await time.RunAsync(
            line.Client.WaitForAudienceReadyAsync(created.AudienceGroupId, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), ct), ct);

        Assert.Equal(TimeSpan.FromSeconds(60), time.GetUtcNow() - started);
        Assert.Equal(AudienceGroupStatus.Ready, ready.Status);
        Assert.Equal(3, ready.AudienceCount);
        Assert.Equal(3, line.Server.RequestsOf("getAudienceData").Count);
    }

    [Fact]
    public async Task Waiting_gives_up_after_the_timeout_and_a_failed_audience_says_why()
    {
        var time = new TimerSignalingTimeProvider(ignored: TimeSpan.FromSeconds(10));
        await using var line = await FakeLineHarness.StartAsync(time: time);
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.AudienceReadsBeforeReady = 1_000;
        var slow = await line.Client.UploadAudienceAsync("slow", [UserId(1)], cancellationToken: ct);
        line.Server.Platform.AudienceReadsBeforeReady = -1;
        var failing = await line.Client.UploadAudienceAsync("failing", [UserId(1)], cancellationToken: ct);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => time.RunAsync(
            line.Client.WaitForAudienceReadyAsync(slow.AudienceGroupId, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(20), ct), ct));

        Assert.Contains("IN_PROGRESS", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(4, line.Server.RequestsOf("getAudienceData").Count); // at 0, 20, 40 and 45 seconds
        var failed = await Assert.ThrowsAsync<AudienceNotReadyException>(() =>
            line.Client.WaitForAudienceReadyAsync(failing.AudienceGroupId, TimeSpan.FromMinutes(1), cancellationToken: ct));
        Assert.Contains("AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT", failed.Message, StringComparison.Ordinal);
        Assert.Equal((failing.AudienceGroupId, AudienceGroupStatus.Failed), (failed.Audience.AudienceGroupId, failed.Audience.Status));
        Assert.Equal("AUDIENCE_GROUP_AUDIENCE_INSUFFICIENT", failed.Audience.FailedType?.Value);
    }

    [Fact]
    public async Task Listing_follows_pages_to_the_end_and_filters()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 7; i++)
        {
            await line.Client.CreateAudienceGroupAsync(new CreateAudienceGroupRequest(i % 2 == 0 ? $"even {i}" : $"odd {i}", []), ct);
        }

        var all = await line.Client.GetAllAudienceGroupsAsync(new AudienceGroupQuery { Size = 3 }, ct).ToListAsync(ct);
        var even = await line.Client.GetAllAudienceGroupsAsync(new AudienceGroupQuery { Size = 3, Description = "even" }, ct).ToListAsync(ct);

        Assert.Equal(7, all.Count);
        Assert.Equal(7, all.Select(a => a.AudienceGroupId).Distinct().Count());
        Assert.Equal(["page=1", "page=2", "page=3"], line.Server.RequestsOf("getAudienceGroups").Take(3).Select(r => r.PathAndQuery.Split('?')[1].Split('&')[0]));
        Assert.Equal(4, even.Count);
        Assert.All(all, a => Assert.Equal(AudienceGroupType.From("UPLOAD"), a.Type));
    }

    [Fact]
    public async Task Click_and_impression_audiences_rename_delete_and_404()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var click = (await line.Client.CreateClickBasedAudienceGroupAsync(
            new CreateClickBasedAudienceGroupRequest("clicked", "req-1") { ClickUrl = "https://shop.example/sale" }, ct)).Value;
        var imp = (await line.Client.CreateImpBasedAudienceGroupAsync(new CreateImpBasedAudienceGroupRequest("seen", "req-1"), ct)).Value;
        await line.Client.UpdateAudienceGroupDescriptionAsync(click.AudienceGroupId, "clicked the sale", ct);
        var read = (await line.Client.GetAudienceDataAsync(click.AudienceGroupId, ct)).Value;
        await line.Client.DeleteAudienceGroupAsync(imp.AudienceGroupId, ct);
        var gone = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetAudienceDataAsync(imp.AudienceGroupId, ct));

        Assert.Equal(AudienceGroupType.Click, click.Type);
        Assert.Equal(AudienceGroupType.Imp, imp.Type);
        Assert.Equal("clicked the sale", read.AudienceGroup.Description);
        Assert.Equal("req-1", read.AudienceGroup.RequestId);
        Assert.Equal(404, (int)gone.StatusCode);
        Assert.Equal("getAudienceData", gone.OperationId);
    }

    [Fact]
    public async Task Shared_audiences_are_read_and_listed_apart()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        line.Server.Platform.Audiences[42] = new FakeAudience(42, "UPLOAD", 1_700_000_000_000) { Description = "from HQ", Shared = true, ReadsBeforeReady = 0 };

        var shared = (await line.Client.GetSharedAudienceDataAsync(42, ct)).Value;
        var listed = await line.Client.GetAllSharedAudienceGroupsAsync(cancellationToken: ct).ToListAsync(ct);
        var page = (await line.Client.GetSharedAudienceGroupsAsync(1, null, ct)).Value;

        Assert.Equal("Shop HQ", shared.Owner?.Name);
        Assert.Equal(AudienceGroupAccess.Read, shared.AudienceGroup.Permission);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), shared.AudienceGroup.Created);
        Assert.Equal(42, Assert.Single(listed).AudienceGroupId);
        Assert.False(page.HasNextPage);
    }

    [Fact]
    public async Task Limits_are_checked_before_sending_and_lines_400_and_429_are_handled()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.CreateAudienceGroupAsync(
            new CreateAudienceGroupRequest("x", [.. Enumerable.Range(0, 10_001).Select(i => new AudienceMember(UserId(i)))]), ct));
        var longName = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.UploadAudienceAsync(new string('n', 121), [UserId(1)], cancellationToken: ct));
        var badPage = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => line.Client.GetAudienceGroupsAsync(1, new AudienceGroupQuery { Size = 41 }, ct));
        Assert.Empty(line.Server.Requests);
        Assert.Contains("10,000", tooMany.Message, StringComparison.Ordinal);
        Assert.Contains("10,001", tooMany.Message, StringComparison.Ordinal);
        Assert.Contains("120", longName.Message, StringComparison.Ordinal);
        Assert.Contains("size", badPage.Message, StringComparison.Ordinal);

        var missing = await Assert.ThrowsAsync<LineApiException>(() => line.Client.AddAudienceToAudienceGroupAsync(
            new AddAudienceToAudienceGroupRequest(999, [new AudienceMember(UserId(1))]), ct));
        Assert.Equal(404, (int)missing.StatusCode);

        line.Server.EnqueueFault(new FakeLineFault(FakeLineFaultKind.TooManyRequests, "getAudienceGroups"));
        var page = await line.Client.GetAudienceGroupsAsync(cancellationToken: ct);
        Assert.Equal(200, page.Status);
        Assert.Equal([429, 200], line.Server.RequestsOf("getAudienceGroups").Select(r => r.Status));
    }

    [Fact]
    public async Task An_unknown_status_from_line_is_kept()
    {
        var status = JsonSerializer.Deserialize(
            """{"audienceGroupId":1,"type":"SOMETHING_NEW","status":"PAUSED","audienceCount":0,"created":0}""",
            LinePlatformJsonContext.Default.AudienceGroup);

        Assert.Equal("PAUSED", status!.Status.Value);
        Assert.Equal(AudienceGroupType.From("SOMETHING_NEW"), status.Type);
        Assert.NotEqual(AudienceGroupStatus.Ready, status.Status);
    }

    private static int Count(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("audiences").GetArrayLength();
    }
}
