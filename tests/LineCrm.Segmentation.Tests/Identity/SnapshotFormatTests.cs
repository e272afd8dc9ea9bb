using System.Buffers.Binary;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>The snapshot frame: version 2 with its body length up front, version 1 still read, streams that cannot seek.</summary>
public sealed class SnapshotFormatTests
{
    /// <summary><see cref="SnapshotDamageTests.Example"/> as the version 1 writer (before the body length) saved it.</summary>
    private const string Version1Example =
        "TENJREdSUEgBAAAABwRsaW5lA3dlYgVzdG9yZQxlbWFpbF9zaGEyNTYMcGhvbmVfc2hhMjU2C2xveWFsdHlfYXBwAXgEDGFjY291"
        + "bnRfbGluawl3ZWJfbG9naW4LY2FsbF9jZW50ZXIGaW1wb3J0BAgAASFVMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDEwMDEB"
        + "AQNNLTECAQ1TSElCVVlBLTAwMDQyBQIEQS03NwICCOW6l+iIly0xAwNAMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw"
        + "MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMTAwNQMEQDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw"
        + "MDAwMDAwMDAwMDAwMDAwMDAwMDEwMDYGBAJ2NgQAAQDuSfI4TN4IAAECADQNFjlM3ggBAwQAwJNdOUzeCAIGBwBMGqU5TN4IAwIC"
        + "vQFNYXhQZXJQZXJzb246IGEgcGVyc29uIG1heSBoYXZlIGF0IG1vc3QgMSBsaW5lIGlkZW50aWZpZXIocykgYW5kIHRoZSBsaW5r"
        + "IHdvdWxkIG1ha2UgMiAoUDEgaGFzIGxpbmU6VTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAxMDAxOyB0aGUgbGluayBhZGRz"
        + "IGxpbmU6VTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAxMDAyKS4BJmxpbmU6VTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw"
        + "MDAxMDAyE3N0b3JlOlNISUJVWUEtMDAwNDIAetA5OUzeCAAAA3BvcwImbGluZTpVMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw"
        + "MDEwMDEmbGluZTpVMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDEwMDIAqIbOOEzeCAAAAVBCbG9ja2VkVmFsdWU6IHN0b3Jl"
        + "IGlkZW50aWZpZXIgcmVmdXNlZDogdGhlIHZhbHVlICdudWxsJyBpcyBvbiB0aGUgYmxvY2tlZCBsaXN0LgABCnN0b3JlOm51bGwA"
        + "qIbOOEzeCAAAbnowobDvLg8MRZDA+WtSt7e9nBMXvCVKDkqXJuDca5c=";

    [Fact]
    public void The_header_gives_the_body_length_so_the_checksum_is_checked_before_the_body_is_read()
    {
        var bytes = SnapshotDamageTests.Save(SnapshotDamageTests.Example());

        Assert.Equal("LCIDGRPH"u8.ToArray(), bytes[..8]);
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
        Assert.Equal(bytes.Length - 20 - 32, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12)));
    }

    [Fact]
    public void A_version_1_snapshot_still_loads_and_answers_as_the_graph_that_wrote_it()
    {
        var expected = SnapshotDamageTests.Save(SnapshotDamageTests.Example());
        foreach (var forwardOnly in new[] { false, true })
        {
            var bytes = Convert.FromBase64String(Version1Example);
            var graph = new IdentityGraph();
            graph.Load(forwardOnly ? new ForwardOnlyStream(bytes) : new MemoryStream(bytes));

            Assert.Equal(expected, SnapshotDamageTests.Save(graph));
        }
    }

    [Fact]
    public void A_damaged_version_1_snapshot_gives_only_InvalidDataException_with_bounded_allocation()
    {
        var bytes = Convert.FromBase64String(Version1Example);
        for (var length = 0; length < bytes.Length; length++)
        {
            SnapshotDamageTests.AssertRefusedCleanly(bytes[..length], $"version 1 cut to {length} bytes");
        }

        var random = new Random(1);
        for (var trial = 0; trial < 300; trial++)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[random.Next(12, damaged.Length)] ^= (byte)(1 << random.Next(8));
            SnapshotDamageTests.AssertRefusedCleanly(damaged, $"version 1 trial {trial}");
        }

        for (var at = 12; at < bytes.Length - 32; at++)
        {
            SnapshotDamageTests.AssertRefusedCleanly(SnapshotDamageTests.WithNumberAt(bytes, at, int.MaxValue), $"version 1, 2^31-1 at byte {at}");
        }
    }

    [Fact]
    public void Streams_that_cannot_seek_save_and_load_the_same_bytes()
    {
        var graph = SnapshotDamageTests.Example();
        var seekable = SnapshotDamageTests.Save(graph);
        using var target = new MemoryStream();
        graph.Save(new WriteOnlyStream(target));

        Assert.Equal(seekable, target.ToArray());
        var loaded = new IdentityGraph();
        loaded.Load(new ForwardOnlyStream(seekable));
        Assert.Equal(seekable, SnapshotDamageTests.Save(loaded));
    }

    [Fact]
    public void A_snapshot_of_several_mebibytes_loads_from_a_stream_that_cannot_seek()
    {
        var graph = new IdentityGraph(IdentityRules.None);
        graph.AddIdentifiers(Enumerable.Range(0, 40_000).Select(Ids.Email));
        graph.AddLinks(Enumerable.Range(0, 39_999).Select(n => Ids.Link(Ids.Email(n), Ids.Email(n + 1))));
        var bytes = SnapshotDamageTests.Save(graph);
        Assert.True(bytes.Length > 3 << 20, $"{bytes.Length} bytes");

        var loaded = new IdentityGraph(IdentityRules.None);
        loaded.Load(new ForwardOnlyStream(bytes));

        Assert.Equal(bytes, SnapshotDamageTests.Save(loaded));
    }

    [Fact]
    public void A_load_stops_at_the_end_of_its_snapshot_so_snapshots_can_follow_one_another()
    {
        var first = SnapshotDamageTests.Save(SnapshotDamageTests.Example());
        var other = new IdentityGraph();
        other.TryAddIdentifier(Ids.Card("SECOND"), out _);
        var second = SnapshotDamageTests.Save(other);
        using (var one = new MemoryStream())
        {
            // Saved one after the other into one stream, each header's length is written over in its own place.
            SnapshotDamageTests.Example().Save(one);
            other.Save(one);
            Assert.Equal([.. first, .. second], one.ToArray());
        }

        foreach (var forwardOnly in new[] { false, true })
        {
            byte[] both = [.. first, .. second];
            Stream stream = forwardOnly ? new ForwardOnlyStream(both) : new MemoryStream(both);
            var graph = new IdentityGraph();

            graph.Load(stream);
            Assert.Equal(first, SnapshotDamageTests.Save(graph));
            graph.Load(stream);
            Assert.Equal(second, SnapshotDamageTests.Save(graph));
        }
    }

    [Fact]
    public void Bytes_left_over_inside_the_body_are_refused()
    {
        var bytes = SnapshotDamageTests.Save(SnapshotDamageTests.Example());
        var body = bytes[20..^32];
        byte[] longer = [.. bytes[..12], .. new byte[8], .. body, 0, .. new byte[32]];
        BinaryPrimitives.WriteInt64LittleEndian(longer.AsSpan(12), body.Length + 1);
        System.Security.Cryptography.SHA256.HashData(longer.AsSpan(20, body.Length + 1), longer.AsSpan(longer.Length - 32));

        var error = Assert.Throws<InvalidDataException>(() => new IdentityGraph().Load(new MemoryStream(longer)));
        Assert.Contains("1 bytes are left over", error.Message, StringComparison.Ordinal);
    }
}
