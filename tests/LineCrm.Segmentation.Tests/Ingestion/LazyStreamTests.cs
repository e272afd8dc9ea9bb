using System.Globalization;
using System.Text;
using LineCrm.Segmentation.Ingestion;

namespace LineCrm.Segmentation.Tests.Ingestion;

/// <summary>
/// The event streams are lazy: nothing is read before the first event is asked for, and the first event costs a
/// chunk of the text, not the text.
/// </summary>
public sealed class LazyStreamTests
{
    private const int Rows = 100_000; // about 3.5 MB of text: far more than one read chunk

    private static string CsvText()
    {
        var text = new StringBuilder("order_id,customer,ordered_at,amount\n");
        for (var i = 0; i < Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"O-{i},web:M-{i % 977},2026-01-05T10:30,{i}.50\n");
        }

        return text.ToString();
    }

    private static string CdnowText()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i % 977:D5} 1997{1 + (i % 12):D2}15 1 {i % 100}.77\n");
        }

        return text.ToString();
    }

    [Fact]
    public async Task The_first_csv_event_reads_far_less_than_the_file()
    {
        var reader = new CountingTextReader(CsvText());
        var events = OrderCsvReader.ReadEventsAsync(reader, EventStreams.Options(TimeZoneInfo.Utc), cancellationToken: TestContext.Current.CancellationToken);

        await using var enumerator = events.GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.Equal(0, reader.Consumed); // asking for the stream reads nothing
        Assert.True(await enumerator.MoveNextAsync());

        Assert.Equal("order:O-0", enumerator.Current.Id.Value);
        Assert.True(reader.Consumed < reader.Length / 100, $"the first event read {reader.Consumed:N0} of {reader.Length:N0} characters");
    }

    [Fact]
    public async Task The_first_cdnow_event_reads_far_less_than_the_file()
    {
        var reader = new CountingTextReader(CdnowText());
        var events = CdnowReader.ReadEventsAsync(reader, EventStreams.Options(TimeZoneInfo.Utc), cancellationToken: TestContext.Current.CancellationToken);

        await using var enumerator = events.GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.Equal(0, reader.Consumed);
        Assert.True(await enumerator.MoveNextAsync());

        Assert.Equal("cdnow:00000:19970115:1", enumerator.Current.Id.Value);
        Assert.True(reader.Consumed < reader.Length / 100, $"the first event read {reader.Consumed:N0} of {reader.Length:N0} characters");
    }

    [Fact]
    public async Task Reading_on_consumes_the_file_as_the_events_are_taken()
    {
        var reader = new CountingTextReader(CsvText());
        var taken = 0;
        var consumedAtHalf = 0L;
        await foreach (var _ in OrderCsvReader.ReadEventsAsync(reader, EventStreams.Options(TimeZoneInfo.Utc), cancellationToken: TestContext.Current.CancellationToken))
        {
            if (++taken == Rows / 2)
            {
                consumedAtHalf = reader.Consumed;
            }
        }

        Assert.Equal(Rows, taken);
        Assert.InRange(consumedAtHalf, reader.Length * 0.45, reader.Length * 0.55);
        Assert.Equal(reader.Length, reader.Consumed);
    }
}
