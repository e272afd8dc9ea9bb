using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.Ids;

namespace LineCrm.Segmentation.Tests.Identity.Journal;

/// <summary>
/// Random calls (identifiers and links added one by one and in batches, refused, unlinked, removed, persons forgotten,
/// the audit log cleared, snapshots loaded over the graph) with saves and restarts among them: what the store holds,
/// loaded into a new graph, is the graph as of the last save, byte for byte in its snapshot.
/// </summary>
public sealed class JournalPropertyTests
{
    // Ten identifiers of every kind, and a blocked one (the default rules refuse "unknown"), so refusals happen.
    private const int Universe = 11;

    private static Identifier Id(int n) => n == Universe - 1 ? Card("unknown") : Mixed(n);

    internal enum Kind
    {
        AddOne,
        AddMany,
        Link,
        AddLinks,
        Unlink,
        Remove,
        Forget,
        ClearAudit,
        SaveChanges,
        SaveSnapshot,
        LoadOwnSnapshot,
        Restart,
    }

    internal sealed record GraphCall(Kind Kind, int A, int B, int[] Batch)
    {
        public override string ToString() => $"{Kind}({A},{B}{(Batch.Length > 0 ? "; " + string.Join(' ', Batch) : string.Empty)})";
    }

    private static Gen<GraphCall> Calls() =>
        from kind in Gen.Frequency(
            (2, Gen.Constant(Kind.AddOne)), (1, Gen.Constant(Kind.AddMany)), (6, Gen.Constant(Kind.Link)),
            (2, Gen.Constant(Kind.AddLinks)), (2, Gen.Constant(Kind.Unlink)), (1, Gen.Constant(Kind.Remove)),
            (1, Gen.Constant(Kind.Forget)), (1, Gen.Constant(Kind.ClearAudit)), (3, Gen.Constant(Kind.SaveChanges)),
            (1, Gen.Constant(Kind.SaveSnapshot)), (1, Gen.Constant(Kind.LoadOwnSnapshot)), (1, Gen.Constant(Kind.Restart)))
        from a in Gen.Choose(0, Universe - 1)
        from offset in Gen.Choose(1, Universe - 1)
        from length in Gen.Choose(0, 8)
        from batch in Gen.ArrayOf(Gen.Choose(0, (Universe * Universe) - 1), length)
        select new GraphCall(kind, a, (a + offset) % Universe, batch);

    private static Gen<(GraphCall[] Saved, GraphCall[] Lost)> Runs() =>
        from saved in Gen.Choose(0, 40)
        from steps in Gen.ArrayOf(Calls(), saved)
        from lost in Gen.Choose(0, 10)
        from after in Gen.ArrayOf(Calls().Where(s => s.Kind is not (Kind.SaveChanges or Kind.SaveSnapshot or Kind.Restart)), lost)
        select (steps, after);

    [Property(MaxTest = 300)]
    public Property The_stored_snapshot_and_changes_load_to_the_graph_as_of_its_last_save_byte_for_byte() =>
        Prop.ForAll(Runs().ToArbitrary(), async run =>
        {
            var store = new MemoryIdentityGraphStore();
            var (graph, journal) = await OpenAsync(store);
            foreach (var step in run.Saved)
            {
                (graph, journal) = await ApplyAsync(step, graph, journal, store);
            }

            await journal.SaveChangesAsync(TestContext.Current.CancellationToken);
            var saved = Bytes(graph);

            // Changes after the last save are lost with the process, and only they are.
            foreach (var step in run.Lost)
            {
                (graph, journal) = await ApplyAsync(step, graph, journal, store);
            }

            journal.Dispose();
            var (loaded, reopened) = await OpenAsync(store);
            reopened.Dispose();
            return saved.AsSpan().SequenceEqual(Bytes(loaded));
        });

    private static async Task<(IdentityGraph Graph, IdentityGraphJournal Journal)> OpenAsync(MemoryIdentityGraphStore store)
    {
        var graph = new IdentityGraph(IdentityRules.Default, new TickingClock(T0)) { AuditLogCapacity = 5 };
        return (graph, await IdentityGraphJournal.OpenAsync(graph, store, TestContext.Current.CancellationToken));
    }

    private static async Task<(IdentityGraph, IdentityGraphJournal)> ApplyAsync(GraphCall step, IdentityGraph graph, IdentityGraphJournal journal, MemoryIdentityGraphStore store)
    {
        var ct = TestContext.Current.CancellationToken;
        switch (step.Kind)
        {
            case Kind.AddOne:
                graph.TryAddIdentifier(Id(step.A), out _);
                break;
            case Kind.AddMany:
                graph.AddIdentifiers(step.Batch.Select(n => Id(n % Universe)));
                break;
            case Kind.Link:
                graph.Link(Link(Id(step.A), Id(step.B), minute: step.A));
                break;
            case Kind.AddLinks:
                graph.AddLinks(step.Batch
                    .Where(n => n / Universe != n % Universe)
                    .Select((n, i) => Link(Id(n / Universe), Id(n % Universe), minute: i % 3)));
                break;
            case Kind.Unlink:
                graph.Unlink(Id(step.A), Id(step.B));
                break;
            case Kind.Remove:
                graph.RemoveIdentifier(Id(step.A));
                break;
            case Kind.Forget:
                if (graph.TryResolve(Id(step.A), out var person))
                {
                    graph.Forget(person);
                }

                break;
            case Kind.ClearAudit:
                graph.ClearAuditLog();
                break;
            case Kind.SaveChanges:
                await journal.SaveChangesAsync(ct);
                break;
            case Kind.SaveSnapshot:
                await journal.SaveSnapshotAsync(ct);
                break;
            case Kind.LoadOwnSnapshot:
                graph.Load(new MemoryStream(Bytes(graph)));
                break;
            case Kind.Restart:
                // A crash: what was not saved is gone, and a new process opens the store.
                journal.Dispose();
                return await OpenAsync(store);
        }

        return (graph, journal);
    }

    private static byte[] Bytes(IdentityGraph graph)
    {
        using var stream = new MemoryStream();
        graph.Save(stream);
        return stream.ToArray();
    }
}
