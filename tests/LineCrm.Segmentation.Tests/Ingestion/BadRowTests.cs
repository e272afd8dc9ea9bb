using LineCrm.Segmentation.Ingestion;

namespace LineCrm.Segmentation.Tests.Ingestion;

/// <summary>
/// One bad row never costs the rest: each value that once threw out of the whole load (a local time whose instant
/// falls outside years 1 to 9999, an identifier over its length limit, an amount past decimal's range) is reported
/// with its line, column and field and skipped, and the rows around it still load.
/// </summary>
public sealed class BadRowTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Kiritimati = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati");

    private static Task<OrderFile> Csv(string badRow, TimeZoneInfo zone, bool strict = false)
        => OrderCsvReader.ReadAsync(
            new StringReader($"order_id,customer,ordered_at,amount,currency,quantity,store_id\nO-1,web:M-1,2026-01-05,100,JPY,1,\n{badRow}\nO-3,web:M-3,2026-01-06,300,JPY,1,\n"),
            new OrderFileOptions(zone) { Strict = strict }, TestContext.Current.CancellationToken);

    private static Task<OrderFile> Cdnow(string badRow, TimeZoneInfo zone, bool strict = false)
        => CdnowReader.ReadAsync(new StringReader($"00001 19970101 1 11.77\n{badRow}\n00003 19970103 2 5.00\n"),
            new OrderFileOptions(zone) { Strict = strict }, TestContext.Current.CancellationToken);

    public static TheoryData<string, string, int, string> CsvRows => new()
    {
        { "O-2,web:M-2,0001-01-01T00:00:00,200,JPY,1,", "Asia/Tokyo", 3, "ordered_at" },
        { "O-2,web:M-2,9999-12-31T23:59:59,200,JPY,1,", "America/New_York", 3, "ordered_at" },
        { "O-2,web:M-2,0001-01-01,200,JPY,1,", "Pacific/Kiritimati", 3, "ordered_at" },
        { $"O-2,web:{new string('m', 300)},2026-01-05,200,JPY,1,", "Asia/Tokyo", 2, "customer" },
        { $"O-2,web:M-2,2026-01-05,200,JPY,1,{new string('s', 300)}", "Asia/Tokyo", 7, "store_id" },
        { "O-2,web:M-2,2026-01-05,1e400,JPY,1,", "Asia/Tokyo", 4, "amount" },
        { "O-2,web:M-2,2026-01-05,79228162514264337593543950336,JPY,1,", "Asia/Tokyo", 4, "amount" },
        { "O-2,web:M-2,2026-01-05,-79228162514264337593543950336,JPY,1,", "Asia/Tokyo", 4, "amount" },
        { "O-2,web:M-2,2026-01-05,0.00001,JPY,1,", "Asia/Tokyo", 4, "amount" },
        { "O-2,web:M-2,2026-01-05,922337203685477.5808,JPY,1,", "Asia/Tokyo", 4, "amount" },
        { "O-2,web:M-2,2026-01-05,-1000000000000000,JPY,1,", "Asia/Tokyo", 4, "amount" },
        { "O-2,web:M-2,2026-01-05,200,JPY,2147483648,", "Asia/Tokyo", 6, "quantity" },
        { $"{new string('o', 300)},web:M-2,2026-01-05,200,JPY,1,", "Asia/Tokyo", 1, "order_id" },
        { "O-2,web:M-2,2026-01-05,200,YEN!,1,", "Asia/Tokyo", 5, "currency" },
        { "O-2,web:M-2,2026-01-05,200,JP,1,", "Asia/Tokyo", 5, "currency" },
        { "O-2,web:M-2,2026-01-05,200,JPY,1,\"  \"", "Asia/Tokyo", 7, "store_id" },
    };

    [Theory]
    [MemberData(nameof(CsvRows))]
    public async Task A_bad_csv_row_is_reported_and_skipped_and_its_neighbours_load(string row, string zone, int column, string field)
    {
        var file = await Csv(row, TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal((3, 1), (file.DataRows, file.InvalidRows));
        Assert.Equal([100m, 300m], file.Orders.Amounts.ToArray());
        var problem = Assert.Single(file.Problems);
        Assert.Equal((3, column, field), (problem.Line, problem.Column, problem.Field));
    }

    [Theory]
    [MemberData(nameof(CsvRows))]
    public async Task A_bad_csv_row_in_strict_mode_throws_naming_its_line(string row, string zone, int column, string field)
    {
        var error = await Assert.ThrowsAsync<OrderFileFormatException>(() => Csv(row, TimeZoneInfo.FindSystemTimeZoneById(zone), strict: true));

        Assert.Equal((3, column, field), (error.Problem.Line, error.Problem.Column, error.Problem.Field));
        Assert.StartsWith("line 3, ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unterminated_quote_in_the_last_field_of_the_last_line_is_that_rows_problem()
    {
        var file = await OrderCsvReader.ReadAsync(new StringReader("order_id,customer,ordered_at,amount\nO-1,web:M-1,2026-01-05,100\nO-2,web:M-2,2026-01-05,\"200"),
            new OrderFileOptions(Tokyo), TestContext.Current.CancellationToken);

        Assert.Equal((2, 1), (file.DataRows, file.InvalidRows));
        Assert.Equal((3, 4, "amount"), (file.Problems[0].Line, file.Problems[0].Column, file.Problems[0].Field));
        Assert.Contains("not closed", file.Problems[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.00001", "more than 4 decimal places")]
    [InlineData("922337203685477.5808", "outside -922337203685477.5808 to 922337203685477.5807")]
    public async Task An_amount_the_member_table_cannot_keep_exactly_is_the_rows_problem_and_says_why(string amount, string why)
    {
        var file = await Csv($"O-2,web:M-2,2026-01-05,{amount},JPY,1,", Tokyo);

        var problem = Assert.Single(file.Problems);
        Assert.Equal((3, 4, "amount"), (problem.Line, problem.Column, problem.Field));
        Assert.Contains($"'{amount}'", problem.Message, StringComparison.Ordinal);
        Assert.Contains(why, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_largest_and_smallest_amounts_the_member_table_keeps_load()
    {
        var file = await OrderCsvReader.ReadAsync(
            new StringReader("order_id,customer,ordered_at,amount\nO-1,web:M-1,2026-01-05,922337203685477.5807\nO-2,web:M-2,2026-01-05,-922337203685477.5808\nO-3,web:M-3,2026-01-05,0.0001\n"),
            new OrderFileOptions(Tokyo), TestContext.Current.CancellationToken);

        Assert.Empty(file.Problems);
        Assert.Equal([922337203685477.5807m, -922337203685477.5808m, 0.0001m], file.Orders.Amounts.ToArray());
    }

    public static TheoryData<string, string, int, string> CdnowRows => new()
    {
        { "00002 00010101 1 1.00", "Pacific/Kiritimati", 2, "date" },
        { "00002 99991231 1 1.00", "Etc/GMT+12", 2, "date" },
        { $"{new string('7', 300)} 19970102 1 1.00", "UTC", 1, "customer_id" },
        { "00002 19970102 1 79228162514264337593543950336", "UTC", 4, "dollar_value" },
        { "00002 19970102 1 1e400", "UTC", 4, "dollar_value" },
        { "00002 19970102 1 11.77001", "UTC", 4, "dollar_value" },
        { "00002 19970102 1 922337203685477.5808", "UTC", 4, "dollar_value" },
        { "00002 19970102 2147483648 1.00", "UTC", 3, "number_of_cds" },
    };

    [Theory]
    [MemberData(nameof(CdnowRows))]
    public async Task A_bad_cdnow_row_is_reported_and_skipped_and_its_neighbours_load(string row, string zone, int column, string field)
    {
        var file = await Cdnow(row, TimeZoneInfo.FindSystemTimeZoneById(zone));

        Assert.Equal((3, 1), (file.DataRows, file.InvalidRows));
        Assert.Equal([11.77m, 5.00m], file.Orders.Amounts.ToArray());
        var problem = Assert.Single(file.Problems);
        Assert.Equal((2, column, field), (problem.Line, problem.Column, problem.Field));
    }

    [Theory]
    [MemberData(nameof(CdnowRows))]
    public async Task A_bad_cdnow_row_in_strict_mode_throws_naming_its_line(string row, string zone, int column, string field)
    {
        var error = await Assert.ThrowsAsync<OrderFileFormatException>(() => Cdnow(row, TimeZoneInfo.FindSystemTimeZoneById(zone), strict: true));

        Assert.Equal((2, column, field), (error.Problem.Line, error.Problem.Column, error.Problem.Field));
    }
}
