using LineCrm.Events;

namespace LineCrm.Segmentation.Identity;

/// <remarks>
/// This part: the bulk path of <see cref="AddLinks(IEnumerable{IdentityLink}, ComputeOptions?, CancellationToken)"/>,
/// taken when the graph holds no links yet (new, only identifiers added, or loaded from a snapshot without links)
/// and the batch has at least <see cref="BulkLinksAt"/> links. It ends exactly where the ordered path ends (the same
/// snapshot, byte for byte, the same events in the same order, the same totals), but it decides every link before
/// it writes any link record: the decisions are unions and rule checks over integer nodes, and the records, with
/// the search for repeated pairs, are written afterwards in bulk.
/// </remarks>
public sealed partial class IdentityGraph
{
    /// <summary>The batch size from which <see cref="AddLinks(IEnumerable{IdentityLink}, ComputeOptions?, CancellationToken)"/> takes the bulk path into a graph without links.</summary>
    internal const int DefaultBulkLinksAt = 1 << 16;

    /// <summary>
    /// The batch size from which a graph without links takes the bulk path (<see cref="DefaultBulkLinksAt"/>). Tests
    /// set it to 0 to send small batches through it, or to <see cref="int.MaxValue"/> to keep the ordered path.
    /// </summary>
    internal int BulkLinksAt { get; set; } = DefaultBulkLinksAt;

    /// <summary>Whether a batch of <paramref name="count"/> links takes the bulk path into <paramref name="state"/>.</summary>
    private bool TakesBulkPath(GraphState state, int count) => state.LinkSlots == 0 && count >= BulkLinksAt;

    /// <summary>
    /// Applies a validated batch whose ends were looked up (<see cref="LookUpEnds"/>) into a graph that holds no link
    /// slot: decides every link in <paramref name="order"/> as the ordered path would, raising merges and refusals as
    /// it goes, then writes the accepted links' records at once (<see cref="GraphState.RecordLinks"/>).
    /// </summary>
    /// <remarks>
    /// While the batch is applied, the events' handlers see every identifier and person the batch made so far but
    /// none of its links: they are written when the last link has been decided.
    /// </remarks>
    private LinkBatchResult BulkLinks(IdentityLink[] all, int[] order, int[] ends, uint[] hashes, GraphState state, Parallelism parallelism)
    {
        int joined = 0, merged = 0, already = 0, refused = 0;
        var accepted = new bool[order.Length];
        var ticks = new long[order.Length];

        // Held ends are brought into the cache in two rounds, as in the ordered path: two blocks ahead their forest
        // entries (or, for ends not held yet, their key-table slots), one block ahead what those lead to.
        void TouchEnds(int firstLink, int endLink, int stage)
        {
            for (var k = 2 * firstLink; k < Math.Min(ends.Length, 2 * endLink); k++)
            {
                if (ends[k] < 0)
                {
                    var link = all[order[k / 2]];
                    state.TouchNew(k % 2 == 0 ? link.From : link.To, hashes[k], stage);
                }
                else
                {
                    state.TouchForJoin(ends[k], stage);
                }
            }
        }

        // The records of the links decided so far are written however the loop ends: a handler that throws, or a
        // batch that brings one identifier type too many, leaves what one by one would have left.
        try
        {
            for (var k = 0; k < order.Length; k++)
            {
                if (k % TouchAhead == 0)
                {
                    var next = k + TouchAhead;
                    TouchEnds(k == 0 ? 0 : next + TouchAhead, next + (2 * TouchAhead), stage: 0);
                    TouchEnds(k == 0 ? 0 : next, next + TouchAhead, stage: 1);
                }

                var link = all[order[k]];
                var applied = state.JoinDeferred(link, ref ends[2 * k], ref ends[(2 * k) + 1]);
                accepted[k] = applied.Outcome != LinkOutcome.Refused;
                ticks[k] = link.At.UtcTicks;
                switch (applied.Outcome)
                {
                    case LinkOutcome.Joined:
                        joined++;
                        break;
                    case LinkOutcome.Merged:
                        merged++;

                        // Made only for handlers: a batch of millions merges millions of times.
                        PersonsMerged?.Invoke(this, new PersonMerge(new(applied.Absorbed), new(applied.Person), link));
                        break;
                    case LinkOutcome.AlreadyJoined:
                        already++;
                        break;
                    default:
                        refused++;
                        Refuse(applied, link);
                        break;
                }
            }
        }
        finally
        {
            state.RecordLinks(all, order, ends, ticks, accepted, parallelism.WithoutCancellation);
        }

        return new LinkBatchResult(joined, merged, already, refused);
    }
}
