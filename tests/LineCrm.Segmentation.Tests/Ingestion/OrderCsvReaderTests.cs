using LineCrm.Identity;
using LineCrm.Segmentation.Ingestion;

namespace LineCrm.Segmentation.Tests.Ingestion;

public sealed class OrderCsvReaderTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static Task<OrderFile> Read(string text, bool strict = false, int maxProblems = 100)
        => OrderCsvReader.ReadAsync(new StringReader(text), new OrderFileOptions(Tokyo) { Strict = strict, MaxReportedProblems = maxProblems }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Reads_every_documented_column_and_time_form()
    {
        var file = await Read(""""
            order_id,customer,ordered_at,amount,currency,channel,store_id,campaign_id,quantity
            O-1,web:M-1001,2026-01-05T10:30:00+09:00,1200,jpy,web,,spring,2
            O-2,store:CARD-1,2026-01-05 23:30,-300.50,JPY,store,shibuya,,1
            "O-3","web:M-1001","2026-01-06",500,JPY,web,"umeda, ""east""",,
            """");

        Assert.Equal((3, 0), (file.DataRows, file.InvalidRows));
        Assert.Equal([Identifier.WebMember("M-1001"), Identifier.StoreCard("CARD-1")], file.Customers);
        var orders = file.Orders;
        Assert.Equal([0, 1, 0], orders.Persons.ToArray());
        Assert.Equal([1200m, -300.50m, 500m], orders.Amounts.ToArray());
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 1, 30, 0, TimeSpan.Zero).UtcTicks, orders.UtcTicks[0]);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 14, 30, 0, TimeSpan.Zero).UtcTicks, orders.UtcTicks[1]); // local Tokyo time
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 3, 0, 0, TimeSpan.Zero).UtcTicks, orders.UtcTicks[2]); // a date is local noon
        Assert.Equal(["shibuya", "umeda, \"east\""], orders.StoreNames);
        Assert.Equal(-1, orders.Stores[0]);
        Assert.Equal("spring", orders.CampaignNames[orders.Campaigns[0]]);
        Assert.Equal(["web", "store"], orders.ChannelNames);
        Assert.Equal([2, 1, 0], file.Quantities);
    }

    [Fact]
    public async Task Invalid_rows_are_counted_and_described_with_line_and_column_and_the_rest_is_kept()
    {
        var file = await Read("""
            order_id,customer,ordered_at,amount,quantity
            O-1,web:M-1,2026-01-05,100,1

            O-2,M-2,2026-01-05,100,1
            O-3,web:M-3,2026-02-30,100,1
            O-4,web:M-4,2026-01-05,"1,200",1
            O-5,web:M-5,2026-01-05,100,-2
            O-1,web:M-6,2026-01-05,100,1
            O-7,web:M-7,2026-01-05,100
            O-8,web:M-8,2026-01-05,100,"3
            O-9,web:M-9,2026-01-05,-100,1
            """);

        Assert.Equal(9, file.DataRows); // the blank line is not a row
        Assert.Equal(7, file.InvalidRows);
        Assert.Equal(2, file.Orders.Count);
        Assert.Equal(
            [(4, 2, "customer"), (5, 3, "ordered_at"), (6, 4, "amount"), (7, 5, "quantity"), (8, 1, "order_id"), (9, 0, ""), (10, 5, "quantity")],
            file.Problems.Take(7).Select(p => (p.Line, p.Column, p.Field)));
        Assert.Contains("appeared before, on line 2", file.Problems[4].Message, StringComparison.Ordinal);
        Assert.Equal("line 7, column 5 (quantity): '-2' is not a quantity (a whole number, 1 or more; a refund is a negative amount).", file.Problems[3].ToString());
        Assert.Equal(7, file.Problems.Count);
        Assert.Equal([100m, -100m], file.Orders.Amounts.ToArray());
    }

    [Fact]
    public async Task The_count_stays_exact_when_only_some_problems_are_described()
    {
        var file = await Read("order_id,customer,ordered_at,amount\nA,x,2026-01-01,1\nB,y,2026-01-01,1\nC,z,2026-01-01,1\n", maxProblems: 1);

        Assert.Equal(3, file.InvalidRows);
        Assert.Single(file.Problems);
    }

    [Fact]
    public async Task Strict_mode_throws_on_the_first_invalid_row_with_its_position()
    {
        var error = await Assert.ThrowsAsync<OrderFileFormatException>(() => Read("order_id,customer,ordered_at,amount\nO-1,web:M-1,2026-01-05,abc\n", strict: true));

        Assert.Equal((2, 4, "amount"), (error.Problem.Line, error.Problem.Column, error.Problem.Field));
        Assert.StartsWith("line 2, column 4 (amount): 'abc'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "no header")]
    [InlineData("order_id,customer,ordered_at\n", "no 'amount' column")]
    [InlineData("order_id,customer,ordered_at,amount,stor_id\n", "unknown column 'stor_id'")]
    [InlineData("order_id,customer,ordered_at,amount,amount\n", "appears twice")]
    public async Task A_wrong_header_is_an_error_whatever_the_mode(string text, string expected)
    {
        var error = await Assert.ThrowsAsync<OrderFileFormatException>(() => Read(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mixed_currencies_and_unknown_channel_names_are_rejected()
    {
        var file = await Read("order_id,customer,ordered_at,amount,currency,channel\nA,web:1,2026-01-01,1,JPY,web\nB,web:2,2026-01-01,1,USD,web\nC,web:3,2026-01-01,1,JPY,Bad Channel!\n");

        Assert.Equal(2, file.InvalidRows);
        Assert.Contains("differs from the file's currency JPY", file.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal((4, 6, "channel"), (file.Problems[1].Line, file.Problems[1].Column, file.Problems[1].Field));
    }

    [Fact]
    public async Task A_local_time_skipped_by_daylight_saving_is_reported()
    {
        var file = await OrderCsvReader.ReadAsync(new StringReader("order_id,customer,ordered_at,amount\nA,web:1,2026-03-08T02:30,1\nB,web:1,2026-03-08,1\n"),
            new OrderFileOptions(TimeZoneInfo.FindSystemTimeZoneById("America/New_York")), TestContext.Current.CancellationToken);

        Assert.Equal(1, file.InvalidRows);
        Assert.Contains("does not exist in America/New_York", file.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 16, 0, 0, TimeSpan.Zero).UtcTicks, file.Orders.UtcTicks[0]); // noon EDT
    }
}
