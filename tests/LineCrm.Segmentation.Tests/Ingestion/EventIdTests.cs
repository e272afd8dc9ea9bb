using LineCrm.Segmentation.Ingestion;

namespace LineCrm.Segmentation.Tests.Ingestion;

/// <summary>
/// The event ids are idempotent: derived from the row alone, so reading a file again, or the same order in another
/// file, gives the same id; and a repeated order id is one event and one problem.
/// </summary>
public sealed class EventIdTests
{
    private const string Header = "order_id,customer,ordered_at,amount\n";

    private static readonly OrderFileOptions Utc = EventStreams.Options(TimeZoneInfo.Utc);

    private static Task<List<LineCrm.Events.CustomerEventEnvelope>> Csv(string text, IProgress<OrderFileProblem>? problems = null)
        => OrderCsvReader.ReadEventsAsync(new StringReader(text), Utc, problems, TestContext.Current.CancellationToken).ToListAsync();

    private static Task<List<LineCrm.Events.CustomerEventEnvelope>> Cdnow(string text, IProgress<OrderFileProblem>? problems = null)
        => CdnowReader.ReadEventsAsync(new StringReader(text), Utc, problems, TestContext.Current.CancellationToken).ToListAsync();

    [Fact]
    public async Task A_repeated_order_id_is_one_event_and_one_problem_on_the_line_of_the_repeat()
    {
        var problems = new ProblemList();

        var events = await Csv(Header + "O-1,web:M-1,2026-01-05,100\nO-2,web:M-2,2026-01-05,200\nO-1,web:M-9,2026-02-01,999\nO-3,web:M-3,2026-01-06,300\n", problems);

        Assert.Equal(["order:O-1", "order:O-2", "order:O-3"], events.Select(e => e.Id.Value));
        Assert.Equal(100m, events[0].Purchase().Amount); // the first row wins; the repeat is not merged into it
        var problem = Assert.Single(problems);
        Assert.Equal((4, 1, "order_id"), (problem.Line, problem.Column, problem.Field));
        Assert.Equal("line 4, column 1 (order_id): 'O-1' appeared before, on line 2.", problem.ToString());
    }

    [Fact]
    public async Task The_table_reader_counts_a_repeated_order_id_once_too()
    {
        var file = await OrderCsvReader.ReadAsync(new StringReader(Header + "O-1,web:M-1,2026-01-05,100\nO-1,web:M-1,2026-01-05,100\n"), Utc,
            TestContext.Current.CancellationToken);

        Assert.Equal((2, 1, 1), (file.DataRows, file.InvalidRows, file.Orders.Count));
        Assert.Equal(3, Assert.Single(file.Problems).Line);
    }

    [Fact]
    public async Task Reading_a_csv_file_twice_gives_the_same_ids()
    {
        const string Text = Header + "O-1,web:M-1,2026-01-05,100\nO-2,web:M-1,2026-01-05,100\n\"O,3\",store:CARD-1,2026-01-05T10:00,5\n";

        var first = await Csv(Text);
        var second = await Csv(Text);

        Assert.Equal(["order:O-1", "order:O-2", "order:O,3"], first.Select(e => e.Id.Value));
        Assert.Equal(first.Select(e => e.Id), second.Select(e => e.Id));
        Assert.Equal(first.Select(e => e.Event), second.Select(e => e.Event)); // Purchase is a record: equal values
    }

    [Fact]
    public async Task An_order_redelivered_in_another_file_has_the_same_id()
    {
        var monday = await Csv(Header + "O-7,web:M-1,2026-01-05,100\nO-8,web:M-2,2026-01-05,200\n");
        var tuesday = await Csv("amount,order_id,ordered_at,customer\n50,O-9,2026-01-06,web:M-3\n100,O-7,2026-01-05,web:M-1\n");

        Assert.Equal(monday[0].Id, tuesday[1].Id);
        Assert.Equal(monday[0].Event, tuesday[1].Event);
    }

    [Fact]
    public async Task Reading_a_cdnow_file_twice_gives_the_same_ids_and_same_day_orders_are_numbered_in_file_order()
    {
        const string Text = "00001 19970101 1 11.77\n00002 19970101 1 5.00\n00001 19970101 2 20.00\n00001 19970102 1 3.00\n00001 19970101 1 -4.00\n";

        var first = await Cdnow(Text);
        var second = await Cdnow(Text);

        Assert.Equal(
            ["cdnow:00001:19970101:1", "cdnow:00002:19970101:1", "cdnow:00001:19970101:2", "cdnow:00001:19970102:1", "cdnow:00001:19970101:3"],
            first.Select(e => e.Id.Value));
        Assert.Equal(first.Select(e => e.Id), second.Select(e => e.Id));
        Assert.Equal("00001:19970101:2", first[2].Purchase().OrderId);
    }

    [Fact]
    public async Task A_cdnow_row_with_a_bad_amount_keeps_its_ordinal_so_fixing_it_changes_no_other_id()
    {
        var problems = new ProblemList();

        var broken = await Cdnow("00001 19970101 1 11.77\n00001 19970101 1 1e400\n00001 19970101 1 3.00\n", problems);
        var fixedFile = await Cdnow("00001 19970101 1 11.77\n00001 19970101 1 2.00\n00001 19970101 1 3.00\n");

        Assert.Equal(["cdnow:00001:19970101:1", "cdnow:00001:19970101:3"], broken.Select(e => e.Id.Value));
        Assert.Equal(["cdnow:00001:19970101:1", "cdnow:00001:19970101:2", "cdnow:00001:19970101:3"], fixedFile.Select(e => e.Id.Value));
        Assert.Equal((2, 4, "dollar_value"), (problems[0].Line, problems[0].Column, problems[0].Field));
    }
}
