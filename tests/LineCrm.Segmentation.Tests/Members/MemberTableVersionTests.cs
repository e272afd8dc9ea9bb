using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Members;

/// <summary>
/// The table's contract: one writer, many readers, and a reader (a segment evaluation) reads one version
/// throughout: the one before a write or the one after it, never half of it.
/// </summary>
public sealed class MemberTableVersionTests
{
    // True of every person in every version the writer below makes; a reader that saw half of an append (the
    // purchase counted, the total not yet moved, or a region being moved) would see it false for someone.
    private const string TrueInEveryVersion =
        "double(purchases.size()) == totalSpend && purchases.all(p, p.amount == 1.0) && lastPurchaseAt >= firstPurchaseAt";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reader_evaluating_while_the_writer_appends_sees_one_whole_version()
    {
        var table = new MemberTable();
        var persons = new List<PersonId>();
        for (var i = 0; i < 500; i++)
        {
            persons.Add(table.Append(Order(i, 0)));
        }

        var segment = Segment.Compile(TrueInEveryVersion);
        Assert.Equal(persons.Count, segment.Evaluate(table, T0).Members.Count);
        using var readersDone = new CancellationTokenSource();
        using var started = new Barrier(3);
        var versionAtStart = table.Version;

        // The writer: appends to existing persons (regions fill up and move) and adds new ones, until the readers are done.
        var writer = Run(() =>
        {
            Assert.True(started.SignalAndWait(Bound));
            for (var n = 1; !readersDone.IsCancellationRequested; n++)
            {
                table.Append(Order(n % 700, n));
            }
        });
        var wrongEvaluations = 0;
        var batch = Run(() =>
        {
            Assert.True(started.SignalAndWait(Bound));
            for (var round = 0; round < 1_000; round++)
            {
                var result = segment.Evaluate(table, T0);
                if (result.Failed.Count != 0 || result.Members.Count != result.Members.Rows)
                {
                    wrongEvaluations++;
                }
            }
        });
        var wrongIncludes = 0;
        var events = Run(() =>
        {
            Assert.True(started.SignalAndWait(Bound));
            for (var round = 0; round < 100_000; round++)
            {
                if (!segment.Includes(table, persons[round % persons.Count], T0))
                {
                    wrongIncludes++;
                }
            }
        });

        try
        {
            await Task.WhenAll(batch, events).WaitAsync(Bound, TestContext.Current.CancellationToken);
        }
        finally
        {
            await readersDone.CancelAsync();
            await writer.WaitAsync(Bound, TestContext.Current.CancellationToken);
        }

        Assert.Equal((0, 0), (wrongEvaluations, wrongIncludes));
        Assert.True(table.Version > versionAtStart + 100, "The writer hardly wrote while the readers read.");
    }

    [Fact]
    public void A_read_that_a_write_overlapped_is_read_again_at_the_new_version()
    {
        var table = new MemberTable();
        table.Append(Order(1, 0));
        var attempts = new List<long>();

        var seen = table.Read(attempts, (tried, version) =>
        {
            tried.Add(version);
            if (tried.Count == 1)
            {
                // The writer (here on the same thread, for a deterministic overlap) appends in the middle of the read.
                table.Append(Order(2, 1));
            }

            return table.Count;
        });

        Assert.Equal(2, seen);
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1] > attempts[0]);
        Assert.True(table.IsUnchangedSince(attempts[1]));
    }

    [Fact]
    public void An_exception_from_a_read_that_no_write_overlapped_is_the_answer()
    {
        var table = new MemberTable();
        var segment = Segment.Compile("attributes[\"plan\"] == \"gold\"");
        var person = table.Append(Order(1, 0));

        Assert.Throws<CelEvaluationException>(() => segment.Includes(table, person, T0));
        Assert.Throws<ArgumentException>(() => segment.Includes(table, new PersonId(999), T0));
    }

    private static Task Run(Action body) =>
        Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Purchase Order(int customer, int n)
    {
        var who = Identifier.WebMember("m" + customer.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new Purchase("o" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), who, T0.AddMinutes(-n), 1m, "JPY", PurchaseChannel.Web);
    }
}
