using LineCrm.Segmentation.Ingestion;
using LineCrm.Segmentation.Metrics;
using LineCrm.Testing;

namespace LineCrm.Segmentation.Tests.Ingestion;

public sealed class CdnowReaderTests
{
    private static Task<OrderFile> Read(string text, bool strict = false)
        => CdnowReader.ReadAsync(new StringReader(text), new OrderFileOptions(TimeZoneInfo.Utc) { Strict = strict }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Reads_the_header_and_whitespace_separated_rows_with_crlf()
    {
        var file = await Read(" customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  5   77.00\r\n");

        Assert.Equal((2, 0), (file.DataRows, file.InvalidRows));
        Assert.Equal(["cdnow:00001", "cdnow:00002"], file.Customers.Select(c => c.ToString()));
        Assert.Equal([11.77m, 77.00m], file.Orders.Amounts.ToArray());
        Assert.Equal([1, 5], file.Quantities);
        Assert.Equal(new DateTimeOffset(1997, 1, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks, file.Orders.UtcTicks[0]);
    }

    [Fact]
    public async Task Invalid_rows_are_counted_with_line_numbers()
    {
        var file = await Read("customer_id date number_of_cds dollar_value\n00001 19970101 1 11.77\n00001 19970231 1 1.00\n0000A 19970101 1 1.00\n00002 19970101 -1 1.00\n00002 19970101 1\n00003 19970101 1 ten\n");

        Assert.Equal(5, file.InvalidRows);
        Assert.Equal([(3, 2), (4, 1), (5, 3), (6, 0), (7, 4)], file.Problems.Select(p => (p.Line, p.Column)));
        Assert.Single(file.Customers);
    }

    [Fact]
    public async Task Strict_mode_stops_at_the_first_bad_row()
    {
        var error = await Assert.ThrowsAsync<OrderFileFormatException>(() => Read("00001 1997010 1 11.77\n", strict: true));

        Assert.Equal((1, 2, "date"), (error.Problem.Line, error.Problem.Column, error.Problem.Field));
    }

    [Fact]
    public async Task The_real_file_has_23570_customers_69659_purchases_and_first_purchases_only_in_the_first_quarter_of_1997()
    {
        var path = SharedData.Require("data/cdnow/CDNOW_master.txt");

        var file = await CdnowReader.LoadAsync(path, new OrderFileOptions(TimeZoneInfo.Utc), TestContext.Current.CancellationToken);
        var report = PurchaseAnalytics.Compute(file.Orders, TimeZoneInfo.Utc);

        Assert.Equal((69_659, 0), (file.DataRows, file.InvalidRows));
        Assert.Equal(23_570, file.Customers.Count);
        Assert.Equal(69_659, report.Orders);
        Assert.Equal(23_570, report.Customers);
        Assert.Equal(["1997-01", "1997-02", "1997-03"], report.FirstPurchasesByMonth.Select(m => m.Month.ToString()));
        Assert.Equal(23_570, report.FirstPurchasesByMonth.Sum(m => m.Count));
        Assert.Equal(["1997-01", "1997-02", "1997-03"], report.Cohorts.Select(c => c.Month.ToString()));
        Assert.Equal("1998-06", report.RevenueByMonth[^1].Month.ToString()); // purchases up to the end of June 1998
        Assert.Equal(0, report.RevenueByMonth.Skip(3).Sum(m => m.New)); // no new customers after March 1997
    }
}
