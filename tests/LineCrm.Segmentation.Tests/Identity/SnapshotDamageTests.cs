using System.Security.Cryptography;
using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.Ids;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>
/// Damaged snapshots: random bit flips, truncations at every byte, count and length fields set to huge or negative
/// values, with and without the checksum made right again. Each must fail with <see cref="InvalidDataException"/>
/// alone, leave the graph it was loaded into as it was, and allocate in proportion to the bytes it was given,
/// whatever the damaged fields claim.
/// </summary>
public sealed class SnapshotDamageTests
{
    // What a load may allocate: a multiple of the snapshot's length (the graph it builds) plus buffers.
    private const int BytesPerSnapshotByte = 16;
    private const long FixedAllowance = 1 << 20;

    /// <summary>Values a damaged count or length field is set to (written as a 7-bit encoded number: 5 bytes).</summary>
    private static readonly int[] HugeValues = [int.MaxValue, int.MinValue, -1, 1 << 30, (1 << 28) + 3];

    /// <summary>A graph of every part a snapshot has: custom types and sources, removed identifiers, refusals with and without a link.</summary>
    internal static IdentityGraph Example()
    {
        var graph = new IdentityGraph(IdentityRules.Default, new FixedClock(T0));
        graph.Link(Link(Line(1), Web("M-1"), minute: 1, LinkSource.AccountLink));
        graph.Link(Link(Web("M-1"), Card("SHIBUYA-00042"), minute: 2, LinkSource.WebLogin));
        graph.Link(Link(Line(2), Card("SHIBUYA-00042"), minute: 3, LinkSource.PointOfSale));
        graph.Link(Link(new Identifier(IdentifierType.FromName("loyalty_app"), "A-77"), Card("店舗-1"), minute: 4, LinkSource.FromName("call_center")));
        graph.Link(Link(Email(5), Card("GONE"), minute: 5));
        graph.RemoveIdentifier(Card("GONE"));
        graph.TryAddIdentifier(Card("null"), out _);
        graph.Link(Link(Email(6), Plain(6), minute: 6));
        return graph;
    }

    internal static byte[] Save(IdentityGraph graph)
    {
        using var stream = new MemoryStream();
        graph.Save(stream);
        return stream.ToArray();
    }

    /// <summary>A graph with contents of its own, so that a failed load can be seen to leave them alone.</summary>
    private static IdentityGraph Existing()
    {
        var graph = new IdentityGraph(IdentityRules.Default, new FixedClock(T0));
        graph.Link(Link(Line(9), Card("KEEP-ME")));
        graph.TryAddIdentifier(Card("unknown"), out _);
        return graph;
    }

    /// <summary>Sets the SHA-256 at the end of a version 2 snapshot to that of its body (after the 20-byte header), as a writer would.</summary>
    private static byte[] Rehashed(byte[] bytes)
    {
        SHA256.HashData(bytes.AsSpan(20, bytes.Length - 20 - 32), bytes.AsSpan(bytes.Length - 32));
        return bytes;
    }

    internal static byte[] WithNumberAt(byte[] bytes, int at, int value)
    {
        var damaged = (byte[])bytes.Clone();
        var remaining = (uint)value;
        var i = at;
        while (i < damaged.Length)
        {
            damaged[i++] = (byte)(remaining >= 0x80 ? (remaining & 0x7F) | 0x80 : remaining);
            if (remaining < 0x80)
            {
                break;
            }

            remaining >>= 7;
        }

        return damaged;
    }

    /// <summary>
    /// Loads damaged bytes from a seekable and from a forward-only trickling stream. Each load fails with an
    /// <see cref="InvalidDataException"/> that names the snapshot, or (when <paramref name="mayLoad"/>: the checksum was made
    /// right, so the bytes may be a valid snapshot of another graph) succeeds; either way its allocation is bounded.
    /// </summary>
    internal static void AssertRefusedCleanly(byte[] damaged, string what, bool mayLoad = false)
    {
        foreach (var forwardOnly in new[] { false, true })
        {
            var graph = Existing();
            var before = Save(graph);
            Stream stream = forwardOnly ? new ForwardOnlyStream(damaged) : new MemoryStream(damaged, writable: false);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            Exception? error = null;
            try
            {
                graph.Load(stream);
            }
            catch (Exception e)
            {
                error = e;
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var how = $"{what} ({(forwardOnly ? "forward-only" : "seekable")} stream)";
            Assert.True(
                allocated < (BytesPerSnapshotByte * (long)damaged.Length) + FixedAllowance,
                $"{how}: loading {damaged.Length} bytes allocated {allocated} bytes ({error?.GetType().Name}: {error?.Message})");
            if (error is null)
            {
                Assert.True(mayLoad, $"{how}: the damaged snapshot loaded");
                continue;
            }

            if (error is not InvalidDataException)
            {
                Assert.Fail($"{how}: {error.GetType().Name} instead of InvalidDataException: {error.Message}");
            }

            Assert.Contains("snapshot", error.Message, StringComparison.Ordinal);
            Assert.Matches(@"byte \d+", error.Message);
            Assert.Equal(before, Save(graph));
        }
    }

    [Fact]
    public void Random_bit_flips_anywhere_give_only_InvalidDataException_and_leave_the_graph_as_it_was()
    {
        var bytes = Save(Example());
        var random = new Random(23);
        for (var trial = 0; trial < 600; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            var flips = random.Next(1, 4);
            for (var f = 0; f < flips; f++)
            {
                damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
            }

            AssertRefusedCleanly(damaged, $"trial {trial}");
        }
    }

    [Fact]
    public void A_truncation_at_every_byte_gives_only_InvalidDataException_saying_truncated()
    {
        var bytes = Save(Example());
        for (var length = 0; length < bytes.Length; length++)
        {
            AssertRefusedCleanly(bytes[..length], $"cut to {length} bytes");
        }
    }

    [Fact]
    public void A_count_or_length_field_set_to_a_huge_or_negative_value_is_refused_before_it_allocates()
    {
        // Every position is tried, so every count and length field is hit wherever the format puts it.
        var bytes = Save(Example());
        for (var at = 8; at < bytes.Length - 32; at++)
        {
            foreach (var value in HugeValues)
            {
                AssertRefusedCleanly(WithNumberAt(bytes, at, value), $"{value} written at byte {at}");
            }
        }
    }

    [Fact]
    public void A_huge_count_with_the_checksum_made_right_again_is_refused_before_it_allocates()
    {
        // A writer that means harm (or a bug) can make the checksum agree: the counts themselves must still be
        // bounded by the bytes that are there.
        var bytes = Save(Example());
        for (var at = 8; at < bytes.Length - 32; at++)
        {
            foreach (var value in HugeValues)
            {
                AssertRefusedCleanly(Rehashed(WithNumberAt(bytes, at, value)), $"{value} written at byte {at}, checksum made right", mayLoad: true);
            }
        }
    }

    [Fact]
    public void A_small_snapshot_claiming_two_to_the_31_entries_does_not_allocate_gigabytes()
    {
        var graph = new IdentityGraph(IdentityRules.None);
        graph.Link(Link(Plain(1), Plain(2)));
        var bytes = Save(graph);
        foreach (var rehash in new[] { false, true })
        {
            for (var at = 12; at < bytes.Length - 32; at++)
            {
                var damaged = WithNumberAt(bytes, at, int.MaxValue);
                AssertRefusedCleanly(rehash ? Rehashed(damaged) : damaged, $"2^31-1 at byte {at}", mayLoad: rehash);
            }
        }
    }
}

