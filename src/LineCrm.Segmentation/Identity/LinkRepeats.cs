namespace LineCrm.Segmentation.Identity;

/// <summary>
/// For the bulk path's link records (<see cref="GraphState.RecordLinks"/>): which accepted links of a batch repeat an
/// earlier accepted link of the same pair of nodes (either direction). One by one finds a repeat by walking both
/// ends' link lists; here a set of pairs does, split into partitions by the pair's hash so that each core owns the
/// pairs of its partitions and meets them in batch order.
/// </summary>
/// <remarks>
/// Only presence is needed, not which of a pair's links keeps its time: one by one keeps the earliest (the first of
/// equal times, <see cref="GraphState.Observe"/>), and a batch applies the links of one pair in non-decreasing time,
/// since both ends' types, and so the link's priority class, are the pair's own (<see cref="LinkOrder"/>: class, then
/// time, then position). So a pair's first accepted link is the one whose time and source are kept, and a repeat
/// never registers a link source. The bulk-versus-one-by-one properties check this, repeats at equal times included.
/// </remarks>
internal static class LinkRepeats
{
    // Positions of a partition gathered before their slots are fetched together.
    private const int Block = 16;

    /// <summary>For each link <c>k</c> of the pass, whether it is accepted and repeats an earlier accepted link of its pair.</summary>
    public static bool[] Find(int[] ends, bool[] accepted, Parallelism parallelism)
    {
        var count = accepted.Length;
        var repeats = new bool[count];
        var partitions = parallelism.IsSequential || count < (1 << 16) ? 1 : Environment.ProcessorCount;
        parallelism.For(partitions, partition =>
        {
            var set = new PairSet(count / partitions);
            Span<int> positions = stackalloc int[Block];
            Span<long> keys = stackalloc long[Block];
            Span<ulong> hashes = stackalloc ulong[Block];
            var gathered = 0;
            for (var k = 0; k <= count; k++)
            {
                if (k < count && accepted[k])
                {
                    var key = KeyOf(ends[2 * k], ends[(2 * k) + 1]);
                    var hash = PairSet.Hash(key);
                    if (PartitionOf(hash, partitions) != partition)
                    {
                        continue;
                    }

                    positions[gathered] = k;
                    keys[gathered] = key;
                    hashes[gathered] = hash;
                    set.Touch(hash);
                    gathered++;
                }

                if (gathered == Block || (k == count && gathered > 0))
                {
                    for (var g = 0; g < gathered; g++)
                    {
                        repeats[positions[g]] = !set.Add(keys[g], hashes[g]);
                    }

                    gathered = 0;
                }
            }
        });
        return repeats;
    }

    // A pair in either direction: the smaller node in the high half. Nodes are at least 0 and differ, so no pair's
    // key is 0, which marks an empty slot.
    private static long KeyOf(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    // The high bits choose the partition, the low bits the slot within it (PairSet.Hash mixes both).
    private static int PartitionOf(ulong hash, int partitions) => (int)(((hash >> 32) * (ulong)partitions) >> 32);

    /// <summary>Open addressing (linear probing) over pair keys.</summary>
    private sealed class PairSet
    {
        private long[] _keys;
        private int _mask;
        private int _count;

        public PairSet(int expected)
        {
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, (expected * 4L / 3) + 1));
            _keys = LargeArray.New<long>(size);
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

        public void Touch(ulong hash) => CachePrefetch.Line(ref _keys[(int)hash & _mask]);

        /// <summary>Adds a key; false when it was there already.</summary>
        public bool Add(long key, ulong hash)
        {
            if (_count >= (_keys.Length / 4) * 3)
            {
                Grow();
            }

            var keys = _keys;
            var slot = (int)hash & _mask;
            while (true)
            {
                if (keys[slot] == key)
                {
                    return false;
                }

                if (keys[slot] == 0)
                {
                    keys[slot] = key;
                    _count++;
                    return true;
                }

                slot = (slot + 1) & _mask;
            }
        }

        private void Grow()
        {
            var old = _keys;
            _keys = LargeArray.New<long>(old.Length * 2);
            _mask = _keys.Length - 1;
            foreach (var key in old)
            {
                if (key != 0)
                {
                    var slot = (int)Hash(key) & _mask;
                    while (_keys[slot] != 0)
                    {
                        slot = (slot + 1) & _mask;
                    }

                    _keys[slot] = key;
                }
            }
        }
    }
}
