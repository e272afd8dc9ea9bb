using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// Interns the normalised values of one identifier type: value -> node number, node number -> value. Each type
/// gets the packing that suits its values (hex ids as machine words, free text as UTF-8), which is what keeps
/// tens of millions of identifiers within the memory budget. Tables record where a node's value lives in the
/// graph's <c>nodeKey</c> column, which they keep current when they move entries.
/// </summary>
internal abstract class KeyTable
{
    /// <summary>The number of values held.</summary>
    public abstract int Count { get; }

    // Random per process, as HashCode's seed is: values come from outside (webhooks, imports), and a fixed seed
    // would let someone craft values that all start their probe at one slot.
    private static readonly long Seed = Random.Shared.NextInt64();

    /// <summary>The hash of a normalised value: where its probe starts, whatever the table's size.</summary>
    public abstract uint HashOf(string value);

    /// <summary>
    /// The hash of a value's characters as they are (XxHash3, seeded per process). Tables hash the text rather than
    /// the form they store (machine words, UTF-8) so that a lookup decodes its value once, for the comparison, where
    /// hashing the stored form made a batch decode every value twice: once to hash it ahead of its block, once to
    /// look it up.
    /// </summary>
    protected static uint HashText(ReadOnlySpan<char> text)
        => (uint)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text), Seed);

    /// <summary>
    /// Reads the slot where the probe for <paramref name="hash"/> starts, so that the lookup that follows finds it in
    /// the cache. A batch touches the slots of many values in a tight loop before looking them up: the processor then
    /// waits for their cache misses side by side instead of one lookup at a time.
    /// </summary>
    public abstract void Touch(uint hash);

    /// <summary>
    /// After <see cref="Touch"/>: brings into the cache what a lookup compares beyond the slot, for tables that keep
    /// values elsewhere (the text arena). Reads only the home slot; a value further along its probe is not touched.
    /// </summary>
    public virtual void TouchValue(uint hash)
    {
    }

    /// <summary>
    /// Brings all of a string's characters into the cache ahead of hashing them: every cache line they span, not
    /// only the first. A LINE id with the string's header takes two lines and a SHA-256 in hex three; touching the
    /// first alone left the hash to wait for the rest one string after another (1.27 s against 0.87 s to hash the
    /// 20 million ends of the build benchmark, docs/benchmarks.md).
    /// </summary>
    public static void TouchText(string value)
    {
        ref var first = ref Unsafe.AsRef(in value.GetPinnableReference());

        // 32 characters are 64 bytes, one line; the last character closes the final, partial line.
        for (var i = 0; i < value.Length; i += 32)
        {
            CachePrefetch.Line(ref Unsafe.Add(ref first, i));
        }

        CachePrefetch.Line(ref Unsafe.Add(ref first, Math.Max(0, value.Length - 1)));
    }

    /// <summary>The node of a normalised value, or -1 when the value is not held.</summary>
    public int Find(string value) => Find(value, null);

    /// <summary>As <see cref="Find(string)"/>, with the value's <see cref="HashOf"/> when the caller has it (null: the table hashes the value as it encodes it).</summary>
    public abstract int Find(string value, uint? hash);

    /// <summary>
    /// The node of a normalised value, or -1 after adding it for <paramref name="node"/>: one probe of the table
    /// where a find and then an add would make two.
    /// </summary>
    public int FindOrAdd(string value, int node, int[] nodeKey) => FindOrAdd(value, null, node, nodeKey);

    /// <summary>As <see cref="FindOrAdd(string, int, int[])"/>, with the value's <see cref="HashOf"/> when the caller has it.</summary>
    public int FindOrAdd(string value, uint? hash, int node, int[] nodeKey)
    {
        var held = Claim(value, hash, node, nodeKey, out var key);
        if (held < 0)
        {
            nodeKey[node] = key;
        }

        return held;
    }

    /// <summary>
    /// As <see cref="FindOrAdd(string, uint?, int, int[])"/>, except that the new entry's key is handed back in
    /// <paramref name="key"/> rather than written to <c>nodeKey[node]</c>: workers claiming in different tables at
    /// once then write nothing they share. <paramref name="nodeKey"/> is still kept current for entries a growing
    /// table moves.
    /// </summary>
    public abstract int Claim(string value, uint? hash, int node, int[] nodeKey, out int key);

    /// <summary>Adds a normalised value that is not held yet, for <paramref name="node"/>.</summary>
    public void Add(string value, int node, int[] nodeKey)
    {
        if (FindOrAdd(value, node, nodeKey) >= 0)
        {
            throw new InvalidOperationException($"The value '{value}' is held already.");
        }
    }

    /// <summary>Makes the entry at <paramref name="key"/> (a node's <c>nodeKey</c>) name <paramref name="node"/> instead.</summary>
    public abstract void Renumber(int key, int node);

    /// <summary>Forgets the value of <paramref name="node"/>.</summary>
    public abstract void Remove(int node, int[] nodeKey);

    /// <summary>The normalised value of <paramref name="node"/>.</summary>
    public abstract string GetValue(int node, int[] nodeKey);

    /// <summary>Makes room for <paramref name="count"/> values without growing again.</summary>
    public abstract void EnsureCapacity(int count, int[] nodeKey);

    /// <summary>A slot count (power of two) that holds <paramref name="count"/> values at a load of at most 3/4.</summary>
    protected static int CapacityFor(int count)
    {
        var needed = Math.Max(16L, (count * 4L / 3) + 1);
        if (needed > 1 << 30)
        {
            throw new InvalidOperationException($"An identity graph holds at most {3 << 28} identifiers of one type.");
        }

        return (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)needed);
    }

    /// <summary>Whether slot <paramref name="home"/>'s entry may stay at <paramref name="at"/> when <paramref name="hole"/> empties (linear probing).</summary>
    protected static bool StaysPut(int home, int hole, int at)
        => hole <= at ? hole < home && home <= at : hole < home || home <= at;
}
