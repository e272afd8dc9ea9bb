using LineCrm.Messaging.Client;
using LineCrm.Messaging.Tests.Support;

namespace LineCrm.Messaging.Tests.AggregationUnits;

public sealed class AggregationUnitTests
{
    [Fact]
    public async Task Usage_counts_the_units_and_names_are_followed_across_pages()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        string[] names = ["autumn_sale", "birthday", "cart_reminder", "restock", "vip_only", "welcome", "winback"];
        foreach (var name in names)
        {
            line.Server.Platform.AggregationUnits[name] = true;
        }

        var usage = (await line.Client.GetAggregationUnitUsageAsync(ct)).Value;
        var all = await line.Client.GetAllAggregationUnitNamesAsync(pageSize: 3, ct).ToListAsync(ct);

        Assert.Equal(7, usage.NumOfCustomAggregationUnits);
        Assert.Equal(names, all);
        var requests = line.Server.RequestsOf("getAggregationUnitNameList");
        Assert.Equal(3, requests.Count);
        Assert.Equal("/v2/bot/message/aggregation/list?limit=3", requests[0].PathAndQuery);
        Assert.Equal("/v2/bot/message/aggregation/list?limit=3&start=fake-page-3", requests[1].PathAndQuery);
    }

    [Fact]
    public async Task One_page_without_a_limit_and_an_empty_month()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var empty = (await line.Client.GetAggregationUnitNameListAsync(cancellationToken: ct)).Value;
        var none = await line.Client.GetAllAggregationUnitNamesAsync(cancellationToken: ct).ToListAsync(ct);

        Assert.Empty(empty.CustomAggregationUnits);
        Assert.Null(empty.Next);
        Assert.Empty(none);
        Assert.Equal("/v2/bot/message/aggregation/list", line.Server.RequestsOf("getAggregationUnitNameList")[0].PathAndQuery);
    }

    [Fact]
    public async Task A_limit_below_1_is_refused_before_sending_and_one_line_refuses_is_400_with_details()
    {
        await using var line = await FakeLineHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;

        var zero = await Assert.ThrowsAsync<ArgumentException>(() => line.Client.GetAggregationUnitNameListAsync(limit: 0, cancellationToken: ct));
        Assert.Throws<ArgumentException>(() => line.Client.GetAllAggregationUnitNamesAsync(pageSize: -1, TestContext.Current.CancellationToken));
        Assert.Empty(line.Server.Requests);
        var tooMany = await Assert.ThrowsAsync<LineApiException>(() => line.Client.GetAggregationUnitNameListAsync(limit: 101, cancellationToken: ct));

        Assert.Equal("limit", zero.ParamName);
        Assert.Equal(400, (int)tooMany.StatusCode);
        Assert.Equal("limit", Assert.Single(tooMany.Details).Property);
        Assert.Equal("getAggregationUnitNameList", tooMany.OperationId);
    }
}
