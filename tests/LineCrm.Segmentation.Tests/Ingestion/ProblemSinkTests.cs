using LineCrm.Segmentation.Ingestion;

namespace LineCrm.Segmentation.Tests.Ingestion;

/// <summary>
/// The problems of a stream: every kind reaches the caller's <see cref="IProgress{T}"/> with its line, column and
/// field, before the next event; strict mode throws <see cref="OrderFileFormatException"/> naming the line once the
/// events before it were taken; a cancelled token stops the stream.
/// </summary>
public sealed class ProblemSinkTests
{
    private const string CsvHeader = "order_id,customer,ordered_at,amount,currency,quantity,store_id";

    private static string Csv(string badRow) => $"{CsvHeader}\nO-1,web:M-1,2026-01-05,100,JPY,1,\n{badRow}\nO-3,web:M-3,2026-01-06,300,JPY,1,\n";

    private static string Cdnow(string badRow) => $"00001 19970101 1 11.77\n{badRow}\n00003 19970103 2 5.00\n";

    /// <summary>The kinds of problem <see cref="BadRowTests"/> does not list (it lists the values that once aborted a load).</summary>
    public static TheoryData<string, string, int, string> MoreCsvRows => new()
    {
        { "O-2,web:M-2,2026-01-05,200,JPY,1", "UTC", 0, "" },
        { ",web:M-2,2026-01-05,200,JPY,1,", "UTC", 1, "order_id" },
        { "O-1,web:M-2,2026-01-05,200,JPY,1,", "UTC", 1, "order_id" },
        { "O-2,M-2,2026-01-05,200,JPY,1,", "UTC", 2, "customer" },
        { "O-2,web:M-2,2026-13-05,200,JPY,1,", "UTC", 3, "ordered_at" },
        { "O-2,web:M-2,2026-03-08T02:30,200,JPY,1,", "America/New_York", 3, "ordered_at" },
        { "O-2,web:M-2,2026-01-05,2OO,JPY,1,", "UTC", 4, "amount" },
        { "O-2,web:M-2,2026-01-05,200,USD,1,", "UTC", 5, "currency" },
        { "O-2,web:M-2,2026-01-05,200,JPY,0,", "UTC", 6, "quantity" },
        { "O-2,web:M-2,2026-01-05,200,JPY,\"1\"x,", "UTC", 6, "quantity" },
        { "O-2,web:M-2,2026-01-05,200,JPY,1,a\u0001b", "UTC", 7, "store_id" },
        { "O-2,web:M-2,2026-01-05,200,JPY,1,a\"b", "UTC", 7, "store_id" },
    };

    [Theory]
    [MemberData(nameof(BadRowTests.CsvRows), MemberType = typeof(BadRowTests))]
    [MemberData(nameof(MoreCsvRows))]
    public async Task Each_kind_of_csv_problem_reaches_the_sink_with_its_position_before_the_next_event(string row, string zone, int column, string field)
    {
        var problems = new ProblemList();
        var events = OrderCsvReader.ReadEventsAsync(new StringReader(Csv(row)), EventStreams.Options(TimeZoneInfo.FindSystemTimeZoneById(zone)), problems,
            TestContext.Current.CancellationToken);
        await using var enumerator = events.GetAsyncEnumerator(TestContext.Current.CancellationToken);

        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("order:O-1", enumerator.Current.Id.Value);
        Assert.Empty(problems);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal("order:O-3", enumerator.Current.Id.Value);
        var problem = Assert.Single(problems);
        Assert.Equal((3, column, field), (problem.Line, problem.Column, problem.Field));
        Assert.False(await enumerator.MoveNextAsync());
    }

    [Theory]
    [MemberData(nameof(BadRowTests.CsvRows), MemberType = typeof(BadRowTests))]
    [MemberData(nameof(MoreCsvRows))]
    public async Task A_csv_problem_in_strict_mode_throws_naming_its_line_after_the_events_before_it(string row, string zone, int column, string field)
    {
        var problems = new ProblemList();
        var events = OrderCsvReader.ReadEventsAsync(new StringReader(Csv(row)), EventStreams.Options(TimeZoneInfo.FindSystemTimeZoneById(zone), strict: true),
            problems, TestContext.Current.CancellationToken);
        await using var enumerator = events.GetAsyncEnumerator(TestContext.Current.CancellationToken);

        Assert.True(await enumerator.MoveNextAsync());
        var error = await Assert.ThrowsAsync<OrderFileFormatException>(async () => await enumerator.MoveNextAsync());

        Assert.Equal((3, column, field), (error.Problem.Line, error.Problem.Column, error.Problem.Field));
        Assert.StartsWith("line 3", error.Message, StringComparison.Ordinal);
        Assert.Empty(problems); // strict mode throws instead of reporting
    }

    public static TheoryData<string, string, int, string> MoreCdnowRows => new()
    {
        { "00002 19970102 1", "UTC", 0, "" },
        { "00002 19970102 1 1.00 x", "UTC", 0, "" },
        { "A0002 19970102 1 1.00", "UTC", 1, "customer_id" },
        { "00002 1997-01-02 1 1.00", "UTC", 2, "date" },
        { "00002 19970102 0 1.00", "UTC", 3, "number_of_cds" },
        { "00002 19970102 1 $1.00", "UTC", 4, "dollar_value" },
    };

    [Theory]
    [MemberData(nameof(BadRowTests.CdnowRows), MemberType = typeof(BadRowTests))]
    [MemberData(nameof(MoreCdnowRows))]
    public async Task Each_kind_of_cdnow_problem_reaches_the_sink_with_its_position(string row, string zone, int column, string field)
    {
        var problems = new ProblemList();

        var events = await CdnowReader.ReadEventsAsync(new StringReader(Cdnow(row)), EventStreams.Options(TimeZoneInfo.FindSystemTimeZoneById(zone)), problems,
            TestContext.Current.CancellationToken).ToListAsync();

        Assert.Equal(["cdnow:00001:19970101:1", "cdnow:00003:19970103:1"], events.Select(e => e.Id.Value));
        var problem = Assert.Single(problems);
        Assert.Equal((2, column, field), (problem.Line, problem.Column, problem.Field));
    }

    [Theory]
    [MemberData(nameof(BadRowTests.CdnowRows), MemberType = typeof(BadRowTests))]
    [MemberData(nameof(MoreCdnowRows))]
    public async Task A_cdnow_problem_in_strict_mode_throws_naming_its_line(string row, string zone, int column, string field)
    {
        var events = CdnowReader.ReadEventsAsync(new StringReader(Cdnow(row)), EventStreams.Options(TimeZoneInfo.FindSystemTimeZoneById(zone), strict: true),
            cancellationToken: TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<OrderFileFormatException>(() => events.ToListAsync());

        Assert.Equal((2, column, field), (error.Problem.Line, error.Problem.Column, error.Problem.Field));
        Assert.StartsWith("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_past_the_limit_reaches_the_sink_as_a_problem_of_the_whole_line()
    {
        var problems = new ProblemList();
        var options = new OrderFileOptions(TimeZoneInfo.Utc) { MaxLineLength = 80 };

        var events = await OrderCsvReader.ReadEventsAsync(new StringReader(Csv($"O-2,web:M-2,2026-01-05,200,JPY,1,{new string('s', 100)}")), options, problems,
            TestContext.Current.CancellationToken).ToListAsync();

        Assert.Equal(["order:O-1", "order:O-3"], events.Select(e => e.Id.Value));
        var problem = Assert.Single(problems);
        Assert.Equal("line 3: line 3 is longer than the limit of 80 characters (OrderFileOptions.MaxLineLength); it was skipped unread.", problem.ToString());
        Assert.Equal((0, ""), (problem.Column, problem.Field));
    }

    [Fact]
    public async Task The_sink_hears_every_problem_whatever_MaxReportedProblems_keeps()
    {
        var problems = new ProblemList();
        var options = new OrderFileOptions(TimeZoneInfo.Utc) { MaxReportedProblems = 1 };

        await OrderCsvReader.ReadEventsAsync(new StringReader(Csv("O-2,x,1,1,JPY,1,\nO-4,web:M-4,x,1,JPY,1,\nO-5,web:M-5,2026-01-05,x,JPY,1,")), options, problems,
            TestContext.Current.CancellationToken).ToListAsync();

        Assert.Equal([3, 4, 5], problems.Select(p => p.Line));
    }

    [Fact]
    public async Task A_wrong_header_throws_from_the_first_MoveNextAsync_in_any_mode()
    {
        var problems = new ProblemList();
        var events = OrderCsvReader.ReadEventsAsync(new StringReader("order_id,customer,ordered_at,amount,stor_id\nO-1,web:M-1,2026-01-05,100,\n"),
            EventStreams.Options(TimeZoneInfo.Utc), problems, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<OrderFileFormatException>(() => events.ToListAsync());

        Assert.Equal((1, 5, "stor_id"), (error.Problem.Line, error.Problem.Column, error.Problem.Field));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Cancelling_after_the_first_event_stops_the_stream_even_within_a_chunk_already_read()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var events = OrderCsvReader.ReadEventsAsync(new StringReader(Csv("O-2,web:M-2,2026-01-05,200,JPY,1,")), EventStreams.Options(TimeZoneInfo.Utc),
            cancellationToken: cancel.Token);
        await using var enumerator = events.GetAsyncEnumerator(TestContext.Current.CancellationToken);

        Assert.True(await enumerator.MoveNextAsync());
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await enumerator.MoveNextAsync());
    }

    [Fact]
    public async Task A_token_given_to_the_enumerator_stops_the_stream_too()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var events = CdnowReader.ReadEventsAsync(new StringReader(Cdnow("00002 19970102 1 1.00")), EventStreams.Options(TimeZoneInfo.Utc), cancellationToken: CancellationToken.None);
        await using var enumerator = events.GetAsyncEnumerator(cancel.Token);

        Assert.True(await enumerator.MoveNextAsync());
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await enumerator.MoveNextAsync());
    }

    [Fact]
    public async Task A_token_cancelled_before_the_first_event_reads_nothing()
    {
        var reader = new CountingTextReader(Csv("O-2,web:M-2,2026-01-05,200,JPY,1,"));
        var events = OrderCsvReader.ReadEventsAsync(reader, EventStreams.Options(TimeZoneInfo.Utc), cancellationToken: new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => events.ToListAsync());

        Assert.Equal(0, reader.Consumed);
    }

    [Fact]
    public async Task The_table_readers_stop_on_a_cancelled_token()
    {
        var cancelled = new CancellationToken(canceled: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => OrderCsvReader.ReadAsync(new StringReader(Csv("")), EventStreams.Options(TimeZoneInfo.Utc), cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CdnowReader.ReadAsync(new StringReader(Cdnow("")), EventStreams.Options(TimeZoneInfo.Utc), cancelled));
    }
}
