using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Stores.IdentityCrashHost;

/// <summary>
/// The crash test's work, shared by the child process and the test (which runs it in process for the expected
/// state): batch <c>b</c> is a fixed, seeded list of graph calls (links, refused links, unlinks, removals, forgets,
/// lone identifiers), saved as change record <c>b</c>; every seventh batch is followed by a snapshot too.
/// </summary>
internal static class IdentityWork
{
    public const int CallsPerBatch = 40;

    private const int Universe = 3_000;

    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A graph whose refusal times are fixed, so the child's and the test's refusals carry the same time.</summary>
    public static IdentityGraph NewGraph() => new(IdentityRules.Default, new FixedTime());

    /// <summary>
    /// Runs the batches after the journal's last stored one up to <paramref name="last"/>, saving each; calls
    /// <paramref name="saved"/> once a batch's save has returned.
    /// </summary>
    public static async Task RunAsync(IdentityGraph graph, IdentityGraphJournal journal, long last, Action<long> saved, CancellationToken cancellationToken)
    {
        // A store that held nothing gets its first snapshot (of the empty graph) here, as record 0.
        await journal.SaveChangesAsync(cancellationToken);
        for (var batch = journal.LastSequence + 1; batch <= last; batch++)
        {
            Apply(graph, batch);
            await journal.SaveChangesAsync(cancellationToken);
            if (batch % 7 == 0)
            {
                await journal.SaveSnapshotAsync(cancellationToken);
            }

            saved(batch);
        }
    }

    private static void Apply(IdentityGraph graph, long batch)
    {
        var random = new Random((int)batch);

        // A link first: always recorded, so every batch is a record.
        graph.Link(Link(random, 0));
        for (var i = 1; i < CallsPerBatch; i++)
        {
            var kind = random.Next(20);
            var a = Id(random.Next(Universe));
            switch (kind)
            {
                case < 14:
                    graph.Link(Link(random, i));
                    break;
                case < 16:
                    graph.Unlink(a, Id(random.Next(Universe)) is var b && b != a ? b : Id((random.Next(Universe - 1) + 1) % Universe));
                    break;
                case 16:
                    graph.RemoveIdentifier(a);
                    break;
                case 17:
                    if (graph.TryResolve(a, out var person))
                    {
                        graph.Forget(person);
                    }

                    break;
                case 18:
                    graph.TryAddIdentifier(a, out _);
                    break;
                default:
                    graph.AddLinks([Link(random, i), Link(random, i + 1), Link(random, i + 2)]);
                    break;
            }
        }
    }

    private static IdentityLink Link(Random random, int minute)
    {
        var a = random.Next(Universe);
        var b = (a + 1 + random.Next(Universe - 1)) % Universe;
        return new IdentityLink(Id(a), Id(b), T0.AddMinutes(minute), LinkSource.PointOfSale);
    }

    // LINE ids, web members and store cards, and one blocked card, so that rules refuse some calls.
    private static Identifier Id(int n) => n == 0
        ? Identifier.StoreCard("unknown")
        : (n % 3) switch
        {
            0 => Identifier.LineUser($"U{n + 0x1000:x32}"),
            1 => Identifier.WebMember($"M-{n}"),
            _ => Identifier.StoreCard($"C-{n}"),
        };

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => T0;
    }
}
