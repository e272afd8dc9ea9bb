using LineCrm.Segmentation.Ingestion;
using static LineCrm.Segmentation.Tests.Ingestion.GeneratedTextReader;

namespace LineCrm.Segmentation.Tests.Ingestion;

/// <summary>Measures allocation over the whole process, so it runs alone.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class AllocationMeasured;

/// <summary>
/// <see cref="OrderFileOptions.MaxLineLength"/>: a longer line is a problem of its own and is skipped without being
/// held in memory, and the rows after it load.
/// </summary>
[Collection(typeof(AllocationMeasured))]
public sealed class LineLimitTests
{
    private const long SixtyFourMiB = 64L * 1024 * 1024;

    [Fact]
    public async Task A_64_MiB_line_is_skipped_without_being_held_and_the_rows_after_it_load()
    {
        var reader = new GeneratedTextReader(
            Text("order_id,customer,ordered_at,amount\nO-1,web:M-1,2026-01-05,100\nO-2,web:M-2,2026-01-05,"),
            Repeated('9', SixtyFourMiB),
            Text("\r\nO-3,web:M-3,2026-01-05,300\r\nO-4,web:M-4,2026-01-05,400"));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var file = await OrderCsvReader.ReadAsync(reader, new OrderFileOptions(TimeZoneInfo.Utc), TestContext.Current.CancellationToken);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal((4, 1), (file.DataRows, file.InvalidRows));
        Assert.Equal([100m, 300m, 400m], file.Orders.Amounts.ToArray());
        var problem = Assert.Single(file.Problems);
        Assert.Equal("line 3: line 3 is longer than the limit of 1048576 characters (OrderFileOptions.MaxLineLength); it was skipped unread.", problem.ToString());
        Assert.True(allocated < 16L * 1024 * 1024, $"reading a 64 MiB line allocated {allocated:N0} bytes; the limit is 1 MiB characters (2 MiB) and a 16 KiB chunk");
    }

    [Fact]
    public async Task A_cdnow_line_past_the_limit_is_skipped_and_the_rows_after_it_load()
    {
        var reader = new GeneratedTextReader(Text("00001 19970101 1 1.00\n00002 "), Repeated(' ', 5_000), Text("19970101 1 2.00\n00003 19970101 1 3.00\n"));

        var file = await CdnowReader.ReadAsync(reader, new OrderFileOptions(TimeZoneInfo.Utc) { MaxLineLength = 4_096 }, TestContext.Current.CancellationToken);

        Assert.Equal((3, 1), (file.DataRows, file.InvalidRows));
        Assert.Equal([1.00m, 3.00m], file.Orders.Amounts.ToArray());
        Assert.Equal((2, 0), (file.Problems[0].Line, file.Problems[0].Column));
    }

    [Fact]
    public async Task A_header_past_the_limit_is_an_error()
    {
        var error = await Assert.ThrowsAsync<OrderFileFormatException>(() => OrderCsvReader.ReadAsync(
            new StringReader("order_id,customer,ordered_at,amount\n"), new OrderFileOptions(TimeZoneInfo.Utc) { MaxLineLength = 10 }, TestContext.Current.CancellationToken));

        Assert.Contains("header: line 1 is longer than the limit of 10 characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_limit_must_be_more_than_zero(int limit)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new OrderFileOptions(TimeZoneInfo.Utc) { MaxLineLength = limit });

    [Fact]
    public void The_default_limit_is_one_mebi_characters() => Assert.Equal(1_048_576, new OrderFileOptions(TimeZoneInfo.Utc).MaxLineLength);
}
