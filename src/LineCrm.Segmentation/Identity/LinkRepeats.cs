using System.Runtime.InteropServices;
using LineCrm.Events;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// For the bulk path's link records (<see cref="GraphState.RecordLinks"/>): which accepted links of a batch are the
/// first of their pair of nodes (either direction) and which repeat an earlier one, and for each first the link of
/// the pair whose time one by one would keep (<see cref="GraphState.Observe"/>: the earliest, the first of equal
/// times). One by one finds repeats by walking both ends' link lists; here a hash table of pairs does, split into
/// partitions by the pair's hash so that each core owns the pairs of its partitions and meets them in batch order.
/// </summary>
internal static class LinkRepeats
{
    /// <summary>A repeat of an earlier accepted link of its pair, not earlier in time than all of them.</summary>
    public const int Repeat = -1;

    /// <summary>A repeat with a time earlier than every earlier link of its pair: one by one registers its source (Observe).</summary>
    public const int EarlierRepeat = -2;

    // Positions of a partition gathered before their slots are fetched together.
    private const int Block = 16;

    /// <summary>
    /// For each link <c>k</c> of the pass (accepted ones only): the position of its pair's kept link (at least
    /// <c>k</c>) when it is the pair's first, or <see cref="Repeat"/> or <see cref="EarlierRepeat"/>; and each
    /// accepted link's time in ticks.
    /// </summary>
    public static (int[] Pairs, long[] Ticks) Find(IdentityLink[] all, int[] order, int[] ends, bool[] accepted, Parallelism parallelism)
    {
        var count = order.Length;
        var pairs = new int[count];
        var ticks = new long[count];
        var partitions = parallelism.IsSequential || count < (1 << 16) ? 1 : Environment.ProcessorCount;
        parallelism.For(partitions, partition =>
        {
            var table = new PairTable(count / partitions);
            Span<int> positions = stackalloc int[Block];
            Span<long> keys = stackalloc long[Block];
            Span<ulong> hashes = stackalloc ulong[Block];
            var gathered = 0;
            for (var k = 0; k <= count; k++)
            {
                if (k < count && accepted[k])
                {
                    var key = KeyOf(ends[2 * k], ends[(2 * k) + 1]);
                    var hash = PairTable.Hash(key);
                    if (PartitionOf(hash, partitions) != partition)
                    {
                        continue;
                    }

                    positions[gathered] = k;
                    keys[gathered] = key;
                    hashes[gathered] = hash;
                    table.Touch(hash);
                    gathered++;
                }

                if (gathered == Block || (k == count && gathered > 0))
                {
                    for (var g = 0; g < gathered; g++)
                    {
                        Observe(table, positions[g], keys[g], hashes[g], all, order, pairs, ticks);
                    }

                    gathered = 0;
                }
            }

            table.WriteBest(pairs);
        });
        return (pairs, ticks);
    }

    private static void Observe(PairTable table, int k, long key, ulong hash, IdentityLink[] all, int[] order, int[] pairs, long[] ticks)
    {
        var at = all[order[k]].At.UtcTicks;
        ticks[k] = at;
        ref var entry = ref table.FindOrAdd(key, hash, out var found);
        if (!found)
        {
            entry.First = k;
            entry.Best = k;
            return;
        }

        if (at < ticks[entry.Best])
        {
            entry.Best = k;
            pairs[k] = EarlierRepeat;
        }
        else
        {
            pairs[k] = Repeat;
        }
    }

    // A pair in either direction: the smaller node in the high half. Nodes are at least 0 and differ, so no pair's
    // key is 0, which marks an empty slot.
    private static long KeyOf(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    // The high bits choose the partition, the low bits the slot within it (PairTable.Hash mixes both).
    private static int PartitionOf(ulong hash, int partitions) => (int)(((hash >> 32) * (ulong)partitions) >> 32);

    /// <summary>Open addressing (linear probing) from pair keys to the pair's first and kept links.</summary>
    private sealed class PairTable
    {
        private Entry[] _entries;
        private int _mask;
        private int _count;

        public PairTable(int expected)
        {
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, (expected * 4L / 3) + 1));
            _entries = new Entry[size];
            _mask = size - 1;
        }

        // Node numbers are the graph's own, handed out in arrival order, not values from outside: a fixed mix
        // (Stafford's variant 13 of the MurmurHash3 finalizer) spreads them well enough.
        public static ulong Hash(long key)
        {
            var z = (ulong)key;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public void Touch(ulong hash) => CachePrefetch.Line(ref _entries[(int)hash & _mask]);

        public ref Entry FindOrAdd(long key, ulong hash, out bool found)
        {
            if (_count >= (_entries.Length / 4) * 3)
            {
                Grow();
            }

            var entries = _entries;
            var slot = (int)hash & _mask;
            while (true)
            {
                ref var entry = ref entries[slot];
                if (entry.Key == key)
                {
                    found = true;
                    return ref entry;
                }

                if (entry.Key == 0)
                {
                    entry.Key = key;
                    _count++;
                    found = false;
                    return ref entry;
                }

                slot = (slot + 1) & _mask;
            }
        }

        /// <summary>Writes each pair's kept link at its first link's position.</summary>
        public void WriteBest(int[] pairs)
        {
            foreach (ref readonly var entry in _entries.AsSpan())
            {
                if (entry.Key != 0)
                {
                    pairs[entry.First] = entry.Best;
                }
            }
        }

        private void Grow()
        {
            var old = _entries;
            _entries = new Entry[old.Length * 2];
            _mask = _entries.Length - 1;
            foreach (ref readonly var entry in old.AsSpan())
            {
                if (entry.Key != 0)
                {
                    var slot = (int)Hash(entry.Key) & _mask;
                    while (_entries[slot].Key != 0)
                    {
                        slot = (slot + 1) & _mask;
                    }

                    _entries[slot] = entry;
                }
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        public struct Entry
        {
            public long Key;
            public int First;
            public int Best;
        }
    }
}
